import fs from "node:fs";
import path from "node:path";

/** The stamp the dashboard build writes next to its output; not a file to serve. */
const STAMP = ".build-stamp.json";

/**
 * Where `npm run build` puts the web app (scripts/build-dashboard.mjs): dist/dashboard under
 * the repository root, found by walking up to package.json so that it does not depend on
 * how deep tsc's output puts this file.
 */
export function defaultDashboardDir(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return path.join(dir, "dist", "dashboard");
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/**
 * Route ("/index.html", "/dashboard-assets/index-3f2a.js") to file, for every file of the
 * build. Requests are matched against this table by exact string, so no request path can
 * reach a file outside the build. Empty when the dashboard has not been built.
 */
export function dashboardCatalog(dir: string): Map<string, string> {
  const routes = new Map<string, string>();
  if (!fs.existsSync(dir)) return routes;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name === STAMP) continue;
    const file = path.join(entry.parentPath, entry.name);
    routes.set(`/${path.relative(dir, file).split(path.sep).join("/")}`, file);
  }
  return routes;
}
