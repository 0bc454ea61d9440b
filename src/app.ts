import "reflect-metadata";
import http from "node:http";
import express from "express";
import pino, { type Logger } from "pino";
import type { Config } from "./config";
import { openSqlite, type Sqlite } from "./db/sqlite";
import { applyMigrations } from "./db/migrate";
import { createPrismaClient, type PrismaClient } from "./db/prisma";
import { CorpusService } from "./corpus/corpus.service";
import { CorpusReloadService } from "./corpus/corpus-reload.service";
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
import { buildAppSchema } from "./graphql/schema";
import { resolverContainer } from "./graphql/resolver-container";
import { createApolloServer } from "./graphql/apollo-server";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "./graphql/context";
import { errorReporting } from "./graphql/error-masking";
import { GraphQLHttpHandler } from "./http/graphql-handler";
import { healthRouter } from "./http/health.routes";
import { playgroundAssetsRouter } from "./playground/playground.routes";
import { AppMetrics } from "./http/metrics";
import { metricsRouter } from "./http/metrics.routes";
import { jsonErrorHandler, jsonNotFound } from "./http/json-errors";
import { LockManager } from "./locks/lock-manager";
import { APP_LOCK_RANKS } from "./locks/app-locks";
import { createAnalyses, type Analyses } from "./analyses/analyses.factory";
import { IoService } from "./io/io.service";
import { attachSubscriptions, frontDoor } from "./graphql/graphql-ws.server";
import { EmailAttributesStore } from "./stats/grouping/email-attributes.store";
import { GroupingService } from "./stats/grouping/grouping.service";
import { PersonStore } from "./persons/person.store";
import { PersonService } from "./persons/person.service";
import { ApiTokens } from "./auth/api-tokens";
import { dashboardRouter } from "./dashboard/dashboard.routes";

export interface App {
  server: http.Server;
  config: Config;
  logger: Logger;
  db: Sqlite;
  prisma: PrismaClient;
  corpus: CorpusService;
  stats: StatsService;
  executors: ExecutorSet;
  /** Prometheus metrics (served at /metrics when enabled); feed loads through observeLoad. */
  metrics: AppMetrics;
  /** The one lock manager: every database write of the server runs inside one of its sections. */
  locks: LockManager;
  /** Analysis runs (service, store, progress feed). */
  analyses: Analyses;
  /** Replaces the corpus while serving (not exposed over GraphQL). */
  reload: CorpusReloadService;
  /** Stops accepting requests, lets in-flight ones finish, then closes pools and the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /**
   * Overrides of what the executors are built from (config supplies the rest): how a test
   * swaps in its own worker entry or SEQUENTIAL task function, e.g. a slow or faulty one.
   */
  executors?: Partial<ExecutorOptions>;
  /** Overrides Config.kernel: which counting kernel the engine's tasks ask for. */
  kernel?: KernelName;
  /** Extra Apollo plugins (tracing, auditing), run after Capstats' own. */
  apolloPlugins?: ApolloServerPlugin<RequestContext>[];
}

const GRAPHQL_PATH = "/graphql";
const ASSETS_PATH = "/playground-assets";

/** Builds the whole server without listening, so tests own the port. */
export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? pino({ level: process.env.LOG_LEVEL ?? "info" });
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

  const container = resolverContainer({
    db,
    emails,
    stats,
    analyses,
    locks,
    grouping: new GroupingService(new EmailAttributesStore(db)),
    persons: new PersonService(new PersonStore(db)),
    io: new IoService(statsPipeline, {
      file: config.databaseFile,
      queryTimeoutMs: config.queryTimeoutMs,
    }),
  });
  const schema = await buildAppSchema(container, analyses.feed);

  const app = express();
  // Naming the framework helps only someone looking for its vulnerabilities.
  app.disable("x-powered-by");
  // An ETag is a hash of every answer, and GraphQL POSTs are never revalidated with it.
  app.set("etag", false);
  const server = http.createServer(app);
  const subscriptions = attachSubscriptions(server, schema, {
    path: GRAPHQL_PATH,
    maxPayloadBytes: config.maxBodyBytes,
    maxResponseBytes: config.maxResponseBytes,
    frontDoor: frontDoor(config),
    logger,
    limits: {
      maxDepth: config.maxQueryDepth,
      maxComplexity: config.maxQueryComplexity,
      maxTokens: config.maxQueryTokens,
      introspection: config.introspection,
    },
  });
  const reporting = errorReporting(logger);
  const graphqlHttp = new GraphQLHttpHandler(config.maxResponseBytes, reporting);
  const apollo = createApolloServer({
    schema,
    config,
    logger,
    metrics,
    server,
    reporting,
    handler: graphqlHttp,
    graphqlPath: GRAPHQL_PATH,
    assetsPath: ASSETS_PATH,
    extraPlugins: opts.apolloPlugins,
  });
  await apollo.start();

  // GraphQL first: every other route would otherwise be matched against each request.
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: config.maxBodyBytes }),
    graphqlHttp.middleware(apollo),
  );
  app.use(dashboardRouter());
  app.use(healthRouter(corpus));
  if (config.metrics) app.use(metricsRouter(metrics));
  if (config.playground) app.use(ASSETS_PATH, playgroundAssetsRouter());
  app.use(jsonNotFound());
  app.use(jsonErrorHandler(logger, metrics));

  let closed: Promise<void> | null = null;
  return {
    server,
    config,
    logger,
    db,
    prisma,
    corpus,
    stats,
    executors,
    metrics,
    locks,
    analyses,
    reload: new CorpusReloadService(db, corpus, locks, config.lockTimeoutMs),
    close() {
      closed ??= (async () => {
        await subscriptions.dispose();
        // apollo.stop() drains the HTTP server first (in-flight requests finish).
        await apollo.stop();
        // Runs still going end FAILED ("server stopped during the run") before the pools go.
        await analyses.service.close();
        await executors.close();
        await prisma.$disconnect();
        metrics.close();
        db.close();
      })();
      return closed;
    },
  };
}
