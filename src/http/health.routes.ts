import express from "express";
import type { CorpusService } from "../corpus/corpus.service";

/** GET /healthz: 200 with the corpus size while the database answers, 503 when it does not. */
export function healthRouter(corpus: CorpusService): express.Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    try {
      const state = corpus.state();
      res.json({
        status: "ok",
        emails: state?.emailCount ?? 0,
        corpusVersion: state?.version ?? 0,
        loadedAt: state?.loadedAt ?? null,
      });
    } catch (err) {
      res.status(503).json({ status: "unavailable", error: (err as Error).message });
    }
  });
  return router;
}
