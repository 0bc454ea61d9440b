import express from "express";
import type { AppMetrics } from "./metrics";

/** GET /metrics: Prometheus text format, read from the app's own registry. */
export function metricsRouter(metrics: AppMetrics): express.Router {
  const router = express.Router();
  router.get("/metrics", (_req, res, next) => {
    metrics.render().then((text) => {
      res.set("content-type", metrics.contentType).send(text);
    }, next);
  });
  return router;
}
