import express from "express";
import { dashboardCatalog, defaultDashboardDir } from "./dashboard-files";

const ASSET_PREFIX = "/dashboard-assets/";
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
/** A miss re-reads the build folder at most this often (a rebuild renames the hashed files). */
const RESCAN_MS = 1000;

/**
 * Same origin only, for everything: scripts, styles, fetches and the graphql-ws socket
 * ('self' covers ws: on the same host and port). A page that tried to load anything from
 * elsewhere would be refused by the browser, which is the air-gapped promise made checkable.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const NOT_BUILT_PAGE =
  "<!doctype html><meta charset=utf-8><title>Capstats dashboard</title>" +
  "<p>The dashboard has not been built. Run <code>npm run build</code> (or <code>npm start</code>), " +
  'then reload. The API is at <a href="/graphql">/graphql</a>.</p>';

/**
 * Serves the built dashboard: `/` is its page (never cached, so a rebuild shows at once),
 * `/dashboard-assets/*` its content-hashed files (cached for a year). Anything else falls
 * through to the next handler.
 */
export function dashboardRouter(dir: string = defaultDashboardDir()): express.Router {
  let catalog = dashboardCatalog(dir);
  let scannedAt = Date.now();
  // A server running while `npm run build` rebuilds the app (or before the first build)
  // serves the new files without a restart.
  const lookup = (route: string): string | undefined => {
    if (!catalog.has(route) && Date.now() - scannedAt >= RESCAN_MS) {
      catalog = dashboardCatalog(dir);
      scannedAt = Date.now();
    }
    return catalog.get(route);
  };
  const router = express.Router();
  router.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (req.path !== "/" && !req.path.startsWith(ASSET_PREFIX)) return next();
    const page = req.path === "/";
    const file = lookup(page ? "/index.html" : req.path);
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (file === undefined) {
      if (!page) return next();
      res.status(503).type("html").send(NOT_BUILT_PAGE);
      return undefined;
    }
    if (page) {
      res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      res.setHeader("Referrer-Policy", "no-referrer");
    }
    res.sendFile(
      file,
      page ? { headers: { "Cache-Control": "no-cache" } } : { maxAge: YEAR_MS, immutable: true },
      (err) => {
        // A client that disconnects mid-download is not a server error.
        if (err && !res.headersSent) next(err);
      },
    );
    return undefined;
  });
  return router;
}
