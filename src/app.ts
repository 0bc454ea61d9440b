import "reflect-metadata";
import http from "node:http";
import express from "express";
import pino, { type Logger } from "pino";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { Config } from "./config";
import { openSqlite, type Sqlite } from "./db/sqlite";
import { applyMigrations } from "./db/migrate";
import { createPrismaClient, type PrismaClient } from "./db/prisma";
import { CorpusService } from "./corpus/corpus.service";
import { EmailService } from "./emails/email.service";
import { Engine } from "./engine/engine";
import { HeavyGate } from "./engine/heavy-gate";
import { ResultCache } from "./engine/result-cache";
import { createExecutors, type ExecutorSet } from "./engine/executors";
import { StatsService } from "./stats/stats.service";
import { EmailResolver } from "./emails/email.resolver";
import { StatsResolver } from "./stats/stats.resolver";
import { TextStatsResolver } from "./stats/text-stats.resolver";
import { ComparisonResolver } from "./stats/comparison.resolver";
import { buildAppSchema } from "./graphql/schema";
import { createContext, type RequestContext } from "./graphql/context";
import { errorLoggingPlugin, formatError } from "./graphql/error-masking";
import { healthRouter } from "./http/health.routes";
import { playgroundLandingPage } from "./playground/playground.plugin";
import { playgroundAssetsRouter } from "./playground/playground.routes";

export interface App {
  server: http.Server;
  config: Config;
  logger: Logger;
  db: Sqlite;
  prisma: PrismaClient;
  corpus: CorpusService;
  stats: StatsService;
  executors: ExecutorSet;
  /** Stops accepting requests, lets in-flight ones finish, then closes pools and the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
}

const GRAPHQL_PATH = "/graphql";
const ASSETS_PATH = "/playground-assets";

/** Builds the whole server without listening, so tests own the port. */
export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? pino({ level: process.env.LOG_LEVEL ?? "info" });
  const db = openSqlite(config.databaseFile);
  applyMigrations(db);
  const prisma = createPrismaClient(config.databaseFile);
  const corpus = new CorpusService(db, config.databaseFile, config.residentBudgetBytes);
  const emails = new EmailService(prisma);
  const executors = await createExecutors(config);
  const engine = new Engine(corpus, executors.byStrategy);
  const stats = new StatsService(
    emails,
    corpus,
    engine,
    new ResultCache(32),
    new HeavyGate(config.maxConcurrentHeavy, config.maxQueuedHeavy),
    {
      queryTimeoutMs: config.queryTimeoutMs,
      testTaskDelayMs: config.workerTestHooks ? config.workerTestTaskDelayMs : 0,
    },
  );

  const instances = new Map<unknown, unknown>([
    [EmailResolver, new EmailResolver(emails)],
    [StatsResolver, new StatsResolver(stats)],
    [TextStatsResolver, new TextStatsResolver(stats)],
    [ComparisonResolver, new ComparisonResolver(stats)],
  ]);
  const schema = await buildAppSchema({
    get: (cls) => {
      const instance = instances.get(cls);
      if (!instance)
        throw new Error(`no instance registered for ${String((cls as { name?: string }).name)}`);
      return instance;
    },
  });

  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    introspection: config.introspection,
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      errorLoggingPlugin(logger),
      ...(config.playground
        ? [playgroundLandingPage({ endpoint: GRAPHQL_PATH, assetsPath: ASSETS_PATH })]
        : []),
    ],
  });
  await apollo.start();

  app.use(healthRouter(corpus));
  if (config.playground) app.use(ASSETS_PATH, playgroundAssetsRouter());
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: config.maxBodyBytes }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(req) }),
  );

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
    close() {
      closed ??= (async () => {
        // apollo.stop() drains the HTTP server first (in-flight requests finish).
        await apollo.stop();
        await executors.close();
        await prisma.$disconnect();
        db.close();
      })();
      return closed;
    },
  };
}
