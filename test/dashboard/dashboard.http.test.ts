import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { dashboardCatalog, defaultDashboardDir } from "../../src/dashboard/dashboard-files";
import { startTestApp } from "../support/test-app";

const REPO = path.resolve(__dirname, "../../..");
const BUILD_SCRIPT = path.join(REPO, "scripts/build-dashboard.mjs");

test("GET / serves the built dashboard: same-origin CSP, never cached; its hashed assets cached for a year", async (t) => {
  const { http } = await startTestApp(t);
  const page = await http.get("/");
  assert.equal(page.status, 200);
  assert.match(page.headers["content-type"], /^text\/html/);
  assert.equal(page.headers["cache-control"], "no-cache");
  assert.match(page.headers["content-security-policy"], /^default-src 'self'; connect-src 'self'/);
  const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(assets.length >= 2, page.text);
  for (const asset of assets.filter((a) => !a.startsWith("data:"))) {
    assert.match(asset, /^\/dashboard-assets\/index-[\w-]+\.(js|css)$/);
    const res = await http.get(asset);
    assert.equal(res.status, 200, asset);
    assert.match(res.headers["content-type"], asset.endsWith(".js") ? /javascript/ : /text\/css/);
    assert.equal(res.headers["cache-control"], "public, max-age=31536000, immutable");
  }
});

test("nothing the dashboard ships names another host: no http(s) URL in any built file", () => {
  const files = [...dashboardCatalog(defaultDashboardDir(path.join(REPO, "dist/src"))).values()];
  assert.ok(files.some((f) => f.endsWith(".js")));
  for (const file of files) {
    const urls = fs.readFileSync(file, "utf8").match(/https?:\/\/[^\s"'`)]*/g) ?? [];
    assert.deepEqual(urls, [], path.relative(REPO, file));
  }
});

test("only GET and HEAD of the build's own files answer; anything else falls through to a JSON 404", async (t) => {
  const { http } = await startTestApp(t);
  assert.equal((await http.head("/")).status, 200);
  for (const p of [
    "/dashboard-assets/missing.js",
    "/dashboard-assets/..%2f..%2fpackage.json",
    "/index.html",
    "/.build-stamp.json",
  ]) {
    const res = await http.get(p);
    assert.equal(res.status, 404, p);
    assert.equal(res.body.errors[0].extensions.code, "NOT_FOUND", p);
  }
  assert.equal((await http.post("/").send({})).status, 404);
  // The Playground still lives at /graphql.
  assert.match((await http.get("/graphql").set("accept", "text/html")).text, /GraphQL Playground/);
});

test("the dashboard build is up to date with its sources after npm run build", () => {
  const r = spawnSync(process.execPath, [BUILD_SCRIPT, "--check"], { encoding: "utf8" });
  assert.equal(r.status, 0, `stale dashboard build (exit ${r.status}): ${r.stderr}`);
});

test(
  "the dashboard build skips unchanged sources and rebuilds when one byte changes",
  { timeout: 300_000 },
  (t) => {
    // Inside the repository, so the copy resolves chart.js and graphql-ws from node_modules.
    const dir = fs.mkdtempSync(path.join(REPO, "dist", "dashboard-build-test-"));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const src = path.join(dir, "web");
    const out = path.join(dir, "out");
    fs.cpSync(path.join(REPO, "src/dashboard/web"), src, { recursive: true });
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [BUILD_SCRIPT, "--src", src, "--out", out, ...args], {
        encoding: "utf8",
      });
      return { status: r.status, output: `${r.stdout}${r.stderr}` };
    };
    assert.equal(run("--check").status, 3, "nothing built yet: stale");
    const first = run();
    assert.equal(first.status, 0, first.output);
    assert.match(first.output, /dashboard: built \d+ files/);
    const stamp = fs.readFileSync(path.join(out, ".build-stamp.json"), "utf8");
    const index = fs.statSync(path.join(out, "index.html")).mtimeMs;

    const again = run();
    assert.deepEqual(again, { status: 0, output: "" }, "an unchanged build does nothing");
    assert.equal(fs.statSync(path.join(out, "index.html")).mtimeMs, index);
    assert.equal(run("--check").status, 0);

    const css = path.join(src, "styles/base.css");
    fs.appendFileSync(css, "\n");
    assert.equal(run("--check").status, 3, "a changed source makes the build stale");
    const rebuilt = run();
    assert.equal(rebuilt.status, 0, rebuilt.output);
    assert.notEqual(fs.readFileSync(path.join(out, ".build-stamp.json"), "utf8"), stamp);

    // A deleted output file is noticed too, even with the sources unchanged.
    const js = JSON.parse(fs.readFileSync(path.join(out, ".build-stamp.json"), "utf8")).files.find(
      (f: string) => f.endsWith(".js"),
    );
    fs.rmSync(path.join(out, js));
    assert.equal(run("--check").status, 3);
  },
);
