import express from "express";
import { buildPlaygroundAssetCatalog } from "./playground.assets";

/** Every served route carries a package version or a content hash, so caching is safe. */
const MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;
const CACHE_CONTROL = `public, max-age=${MAX_AGE_MS / 1000}, immutable`;

function decodeRoute(rawPath: string): string | undefined {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
}

/**
 * Serves the Playground bundle and its fonts, to be mounted at the `assetsPath` given to
 * playgroundLandingPage(). Only routes in the catalog answer: requests are matched by exact
 * string against a fixed table instead of being mapped onto a folder, so no request path,
 * encoded or not, can reach any other file. Everything else falls through to `next()`.
 */
export function playgroundAssetsRouter(): express.Router {
  const { assets } = buildPlaygroundAssetCatalog();
  const router = express.Router();

  router.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const route = decodeRoute(req.path);
    const asset = route === undefined ? undefined : assets.get(route);
    if (asset === undefined) return next();

    res.setHeader("X-Content-Type-Options", "nosniff");
    res.type(asset.contentType);
    if (asset.kind === "inline") {
      res.setHeader("Cache-Control", CACHE_CONTROL);
      res.send(asset.body);
      return undefined;
    }
    res.sendFile(asset.file, { maxAge: MAX_AGE_MS, immutable: true }, (err) => {
      // A client that disconnects mid-download is not a server error.
      if (err && !res.headersSent) next(err);
    });
    return undefined;
  });

  return router;
}
