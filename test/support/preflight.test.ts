import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { tempDir } from "./temp-dir";

const ROOT = path.resolve(__dirname, "../../..");
const PREFLIGHT = path.join(ROOT, "test", "support", "preflight.mjs");

/** A bin folder holding only stand-ins for `tools` (name -> shell script body). */
function binWith(t: TestContext, tools: Record<string, string>): string {
  const bin = tempDir(t);
  for (const [name, body] of Object.entries(tools)) {
    fs.writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
  return bin;
}

const PYTHON_311 = "echo 3.11";
const CHROMIUM = "exit 0";
const REDIS = "exit 0";

function preflight(bin: string) {
  const r = spawnSync(process.execPath, [PREFLIGHT], {
    encoding: "utf8",
    env: { ...process.env, PATH: bin },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("with python3, chromium and redis-server on PATH the preflight passes silently", (t) => {
  const all = { python3: PYTHON_311, chromium: CHROMIUM, "redis-server": REDIS };
  assert.deepEqual(preflight(binWith(t, all)), {
    status: 0,
    stdout: "",
    stderr: "",
  });
});

const MISSING: { what: string; tools: Record<string, string>; line: string }[] = [
  {
    what: "chromium",
    tools: { python3: PYTHON_311, "redis-server": REDIS },
    line:
      "npm test cannot run: chromium is not installed (the Playground browser tests). " +
      "Install: apt-get install chromium",
  },
  {
    what: "python3",
    tools: { chromium: CHROMIUM, "redis-server": REDIS },
    line:
      "npm test cannot run: python3 is not installed (the tests' independent oracle). " +
      "Install: apt-get install python3",
  },
  {
    what: "redis-server",
    tools: { python3: PYTHON_311, chromium: CHROMIUM },
    line:
      "npm test cannot run: redis-server is not installed (the DISTRIBUTED tests, which start " +
      "private ones). Install: apt-get install redis-server",
  },
];

for (const { what, tools, line } of MISSING) {
  test(`without ${what} it stops with one line naming the package to install`, (t) => {
    const r = preflight(binWith(t, tools));
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `${line}\n`);
  });
}

test("with a python3 older than 3.9 it says so in one line", (t) => {
  const old = preflight(
    binWith(t, { python3: "echo 3.7", chromium: CHROMIUM, "redis-server": REDIS }),
  );
  assert.equal(old.status, 1);
  assert.match(old.stderr, /^npm test cannot run: python3 is 3\.7, not 3\.9 or later .*\n$/);
});

test("npm test runs the preflight first: without chromium it stops before the lint", (t) => {
  // sh, node and npm, but neither python3 nor chromium nor redis-server.
  const bin = binWith(t, {});
  fs.symlinkSync("/bin/sh", path.join(bin, "sh"));
  fs.symlinkSync(process.execPath, path.join(bin, "node"));
  const npm = spawnSync("sh", ["-c", "command -v npm"], { encoding: "utf8" }).stdout.trim();
  fs.symlinkSync(fs.realpathSync(npm), path.join(bin, "npm"));
  const r = spawnSync(path.join(bin, "npm"), ["test", "--silent"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, PATH: bin },
  });
  assert.notEqual(r.status, 0);
  assert.match(
    r.stderr,
    /^npm test cannot run: .*Install: apt-get install python3 chromium redis-server$/m,
  );
  assert.doesNotMatch(r.stdout + r.stderr, /eslint|prettier|tsc/);
});
