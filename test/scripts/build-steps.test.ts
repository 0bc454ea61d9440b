import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { tempDir } from "../support/temp-dir";

const BUILD_STEPS = path.resolve(__dirname, "../../../scripts/build-steps.mjs");

/** Runs `body` as an ES module with the real build-steps module as `s`; returns what it prints. */
function withBuildSteps(body: string): unknown {
  const code = `import * as s from ${JSON.stringify(pathToFileURL(BUILD_STEPS).href)};\n${body}`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

function write(file: string, text = ""): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

test("pruneOrphans deletes compiled files whose source is gone, and the folders left empty", (t) => {
  const root = tempDir(t);
  write(path.join(root, "src", "kept.ts"));
  write(path.join(root, "src", "sub", "kept.d.ts"));
  for (const f of [
    "kept.js",
    "kept.js.map",
    "gone.js",
    "gone.js.map",
    "moved/old.js",
    "sub/x.json",
  ]) {
    write(path.join(root, "dist", "src", f));
  }
  write(path.join(root, "dist", "other", "gone.js"));
  const deleted = withBuildSteps(
    `const root = ${JSON.stringify(root)};
     console.log(JSON.stringify(s.pruneOrphans(root, root + "/dist", ["src", "test"]).map((f) => f.slice(root.length)).sort()));`,
  );
  assert.deepEqual(deleted, [
    "/dist/src/gone.js",
    "/dist/src/gone.js.map",
    "/dist/src/moved/old.js",
  ]);
  assert.deepEqual(fs.readdirSync(path.join(root, "dist", "src")).sort(), [
    "kept.js",
    "kept.js.map",
    "sub",
  ]);
  // Not a TypeScript output, and outside the roots: left alone.
  assert.ok(fs.existsSync(path.join(root, "dist", "src", "sub", "x.json")));
  assert.ok(fs.existsSync(path.join(root, "dist", "other", "gone.js")));
});

test("a step with inputs and outputs is fresh only after it succeeded on the same inputs", (t) => {
  const root = tempDir(t);
  write(path.join(root, "in", "a.txt"), "one");
  write(path.join(root, "out.txt"), "built");
  const states = withBuildSteps(
    `import fs from "node:fs";
     const root = ${JSON.stringify(root)};
     const step = { name: "demo", inputs: ["in"], outputs: ["out.txt"] };
     const fresh = () => s.stampCheck(root, step).fresh;
     const seen = [fresh()];
     s.stampCheck(root, step).record();
     seen.push(fresh());
     const mtime = new Date(2000, 0, 1);
     fs.utimesSync(root + "/in/a.txt", mtime, mtime);
     seen.push(fresh());
     fs.writeFileSync(root + "/in/a.txt", "two");
     seen.push(fresh());
     s.stampCheck(root, step).record();
     fs.writeFileSync(root + "/in/b.txt", "new file");
     seen.push(fresh());
     s.stampCheck(root, step).record();
     fs.unlinkSync(root + "/out.txt");
     seen.push(fresh());
     console.log(JSON.stringify(seen));`,
  );
  // never built, built, touched only, content changed, file added, output deleted
  assert.deepEqual(states, [false, true, true, false, false, false]);
});
