import type { Logger } from "pino";
import type { Config } from "./config";
import { openSqlite, type Sqlite } from "./db/sqlite";
import { applyMigrations } from "./db/migrate";
import { createPrismaClient, type PrismaClient } from "./db/prisma";
import { CorpusService } from "./corpus/corpus.service";
import { EmailService } from "./emails/email.service";
import {
  createExecutors,
  Engine,
  type ExecutorOptions,
  type ExecutorSet,
  type KernelName,
} from "./engine";
import { HeavyGate } from "./pipeline/heavy-gate";
import { QueryPipeline } from "./pipeline/query-pipeline";
import { ResultCache } from "./stats/result-cache";
import { StatsService } from "./stats/stats.service";
import { AppMetrics } from "./http/metrics";
import { LockManager } from "./locks/lock-manager";
import { APP_LOCK_RANKS } from "./locks/app-locks";
import { createAnalyses, type Analyses } from "./analyses/analyses.factory";
import { ApiTokens } from "./auth/api-tokens";

export interface ServiceOptions {
  /**
   * Overrides of what the executors are built from (config supplies the rest): how a test
   * swaps in its own worker entry or SEQUENTIAL task function, e.g. a slow or faulty one.
   */
  executors?: Partial<ExecutorOptions>;
  /** Overrides Config.kernel: which counting kernel the engine's tasks ask for. */
  kernel?: KernelName;
}

export interface AppServices {
  db: Sqlite;
  prisma: PrismaClient;
  metrics: AppMetrics;
  locks: LockManager;
  corpus: CorpusService;
  emails: EmailService;
  executors: ExecutorSet;
  statsPipeline: QueryPipeline;
  stats: StatsService;
  analyses: Analyses;
}

/** The database, engine and services behind the API, each built once; nothing listens yet. */
export async function createServices(
  config: Config,
  logger: Logger,
  opts: ServiceOptions,
): Promise<AppServices> {
  const db = openSqlite(config.databaseFile);
  applyMigrations(db);
  const metrics = new AppMetrics();
  const locks = new LockManager({
    ranks: APP_LOCK_RANKS,
    defaultTimeoutMs: config.lockTimeoutMs,
    onAcquired: metrics.onLockAcquired,
  });
  const prisma = createPrismaClient(config.databaseFile);
  const corpus = new CorpusService(db, config.databaseFile, config.residentBudgetBytes);
  const emails = new EmailService(db);
  const executors = await createExecutors({
    ...config,
    onDistributedTask: metrics.onDistributedTask,
    onDistributedError: (source, err, skipped) =>
      logger.warn({ source, err: err.message, skipped }, "DISTRIBUTED: Redis connection trouble"),
    ...opts.executors,
  });
  const engine = new Engine(corpus, executors.byStrategy, {
    kernel: opts.kernel ?? config.kernel,
  });
  const heavyGate = new HeavyGate(config.maxConcurrentHeavy, config.maxQueuedHeavy);
  const statsPipeline = new QueryPipeline({ gate: heavyGate, locks, emails, corpus, engine });
  const stats = new StatsService(statsPipeline, corpus, new ResultCache(32), {
    queryTimeoutMs: config.queryTimeoutMs,
  });

  const analyses = createAnalyses({
    config,
    db,
    corpus,
    emails,
    engine,
    executors: executors.byStrategy,
    locks,
    logger,
    tokens: new ApiTokens(config.apiTokens),
    registry: metrics.registry,
  });
  metrics.watch({
    pools: [
      { strategy: executors.threads.name, stats: () => executors.threads.stats() },
      { strategy: executors.processes.name, stats: () => executors.processes.stats() },
    ],
    gates: [
      { name: "heavy", stats: () => heavyGate.stats() },
      { name: "analysis", stats: () => analyses.gate.stats() },
    ],
    distributed: executors.distributed,
  });
  // Before serving: no run of a previous (killed) server may stay RUNNING.
  await analyses.service.recover();
  // ... and none past the retention limits (they may have changed since).
  await analyses.retention.sweep();
  return { db, prisma, metrics, locks, corpus, emails, executors, statsPipeline, stats, analyses };
}
