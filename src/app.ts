import "reflect-metadata";
import type http from "node:http";
import pino, { type Logger } from "pino";
import type { ApolloServerPlugin } from "@apollo/server";
import { createServices, type ServiceOptions } from "./app-services";
import { createAppServer } from "./app-server";
import type { Config } from "./config";
import type { Sqlite } from "./db/sqlite";
import type { PrismaClient } from "./db/prisma";
import type { CorpusService } from "./corpus/corpus.service";
import { CorpusReloadService } from "./corpus/corpus-reload.service";
import type { ExecutorSet } from "./engine";
import type { StatsService } from "./stats/stats.service";
import type { RequestContext } from "./graphql/context";
import type { AppMetrics } from "./http/metrics";
import type { LockManager } from "./locks/lock-manager";
import type { Analyses } from "./analyses/analyses.factory";

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

export interface AppOptions extends ServiceOptions {
  logger?: Logger;
  /** Extra Apollo plugins (tracing, auditing), run after Capstats' own. */
  apolloPlugins?: ApolloServerPlugin<RequestContext>[];
}

/** Builds the whole server without listening, so tests own the port. */
export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? pino({ level: process.env.LOG_LEVEL ?? "info" });
  const services = await createServices(config, logger, opts);
  const { db, prisma, corpus, stats, executors, metrics, locks, analyses } = services;
  const closeServices = async (): Promise<void> => {
    // Runs still going end FAILED ("server stopped during the run") before the pools go.
    await analyses.service.close();
    await executors.close();
    await prisma.$disconnect();
    metrics.close();
    db.close();
  };
  let web: Awaited<ReturnType<typeof createAppServer>>;
  try {
    web = await createAppServer(config, logger, services, opts.apolloPlugins);
  } catch (err) {
    // The pools' threads and processes, and the database, are already open: a caller that
    // gets no App could never close them.
    await closeServices();
    throw err;
  }

  let closed: Promise<void> | null = null;
  return {
    server: web.server,
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
        await web.stop();
        await closeServices();
      })();
      return closed;
    },
  };
}
