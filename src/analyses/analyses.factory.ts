import type { Logger } from "pino";
import type { ApiTokens } from "../auth/api-tokens";
import type { Registry } from "prom-client";
import type { Config } from "../config";
import type { CorpusService } from "../corpus/corpus.service";
import type { Sqlite } from "../db/sqlite";
import type { EmailService } from "../emails/email.service";
import type { Engine, Executors } from "../engine";
import { HeavyGate } from "../pipeline/heavy-gate";
import { QueryPipeline } from "../pipeline/query-pipeline";
import type { LockManager } from "../locks/lock-manager";
import { AnalysisResolver } from "./analysis.resolver";
import { AnalysisService } from "./analysis.service";
import { AnalysisStore } from "./analysis.store";
import { AnalysisRunner } from "./analysis-runner";
import { RunFeed } from "./run-feed";
import { RequestKeys } from "./request-keys";
import { RetentionService } from "./retention.service";

export interface AnalysesDeps {
  config: Config;
  db: Sqlite;
  corpus: CorpusService;
  emails: EmailService;
  engine: Engine;
  executors: Executors;
  locks: LockManager;
  logger: Logger;
  /** Who may start and cancel runs (API_TOKENS). */
  tokens: ApiTokens;
  /** The app's metrics registry: retention reports its counts there. */
  registry: Registry;
}

export interface Analyses {
  store: AnalysisStore;
  /** The PubSub for buildSchema: carries analysisProgress. */
  feed: RunFeed;
  service: AnalysisService;
  /** deleteAnalysis and the retention limits. */
  retention: RetentionService;
  resolver: AnalysisResolver;
  /** Admission of analysis runs (running / queued), read by the metrics. */
  gate: HeavyGate;
}

/** Wires the analysis runs; createApp calls `service.recover()` before it serves. */
export function createAnalyses(d: AnalysesDeps): Analyses {
  const { config } = d;
  const store = new AnalysisStore(d.db);
  const feed = new RunFeed((id) => store.get(id));
  const gate = new HeavyGate(config.maxConcurrentAnalyses, config.maxQueuedAnalyses);
  const pipeline = new QueryPipeline({
    gate,
    locks: d.locks,
    emails: d.emails,
    corpus: d.corpus,
    engine: d.engine,
  });
  const runner = new AnalysisRunner(
    { store, pipeline, locks: d.locks, feed, logger: d.logger },
    {
      lockTimeoutMs: config.lockTimeoutMs,
      progressSteps: config.analysisProgressSteps,
      resultBatch: config.analysisResultBatch,
    },
  );
  const keys = new RequestKeys(d.db, store);
  const retention = new RetentionService(
    d.db,
    d.locks,
    {
      maxRuns: config.analysisRetentionRuns,
      maxDays: config.analysisRetentionDays,
      lockTimeoutMs: config.lockTimeoutMs,
    },
    d.logger,
    d.registry,
  );
  const service = new AnalysisService(
    store,
    d.locks,
    runner,
    d.executors,
    {
      maxActive: config.maxConcurrentAnalyses + config.maxQueuedAnalyses,
      lockTimeoutMs: config.lockTimeoutMs,
    },
    d.tokens,
    keys,
    retention,
  );
  const resolver = new AnalysisResolver(service, store, d.tokens);
  return { store, feed, service, retention, resolver, gate };
}
