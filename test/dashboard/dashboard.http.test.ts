import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { dashboardCatalog, defaultDashboardDir } from "../../src/dashboard/dashboard-files";
import { startTestApp } from "../support/test-app";

const REPO = path.resolve(__dirname, "../../..");
const BUILD = path.join(REPO, "scripts/build.mjs");
const BUILD_DASHBOARD = path.join(REPO, "scripts/build-dashboard.mjs");

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

test("after npm run build the dashboard step is fresh: running it again does nothing", () => {
  const index = path.join(REPO, "dist/dashboard/index.html");
  const before = fs.statSync(index).mtimeMs;
  const r = spawnSync(process.execPath, [BUILD, "dashboard"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(`${r.stdout}${r.stderr}`, "", "an up-to-date step prints nothing and runs nothing");
  assert.equal(fs.statSync(index).mtimeMs, before);
});

test(
  "the dashboard step builds a working page from a copy of the sources, and a type error stops it",
  { timeout: 300_000 },
  (t) => {
    // Inside the repository, so the copy resolves chart.js and graphql-ws from node_modules.
    const dir = fs.mkdtempSync(path.join(REPO, "dist", "dashboard-build-test-"));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    // web/ and the shared/ folder beside it, which the app imports.
    for (const part of ["web", "shared"]) {
      fs.cpSync(path.join(REPO, "src/dashboard", part), path.join(dir, part), {
        recursive: true,
      });
    }
    const src = path.join(dir, "web");
    const build = (out: string) =>
      spawnSync(process.execPath, [BUILD_DASHBOARD, "--src", src, "--out", path.join(dir, out)], {
        encoding: "utf8",
      });
    const ok = build("ok");
    assert.equal(ok.status, 0, ok.stderr);
    const html = fs.readFileSync(path.join(dir, "ok/index.html"), "utf8");
    const script = /src="\/(dashboard-assets\/index-[\w-]+\.js)"/.exec(html);
    assert.ok(script, html);
    assert.ok(fs.statSync(path.join(dir, "ok", script[1])).size > 0);

    fs.appendFileSync(path.join(src, "main.ts"), '\nconst broken: number = "not a number";\n');
    const failed = build("broken");
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /dashboard: type errors \(see above\); nothing was built/);
    assert.match(failed.stdout, /main\.ts.*TS2322/);
    assert.equal(fs.existsSync(path.join(dir, "broken")), false);
  },
);
