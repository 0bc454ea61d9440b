import http from "node:http";
import express from "express";
import type { Logger } from "pino";
import type { ApolloServerPlugin } from "@apollo/server";
import type { AppServices } from "./app-services";
import type { Config } from "./config";
import { buildAppSchema } from "./graphql/schema";
import { resolverContainer } from "./graphql/resolver-container";
import { createApolloServer } from "./graphql/apollo-server";
import type { RequestContext } from "./graphql/context";
import { errorReporting } from "./graphql/error-masking";
import { attachSubscriptions, frontDoor } from "./graphql/graphql-ws.server";
import { GraphQLHttpHandler } from "./http/graphql-handler";
import { healthRouter } from "./http/health.routes";
import { metricsRouter } from "./http/metrics.routes";
import { jsonErrorHandler, jsonNotFound } from "./http/json-errors";
import { playgroundAssetsRouter } from "./playground/playground.routes";
import { dashboardRouter } from "./dashboard/dashboard.routes";
import { IoService } from "./io/io.service";
import { EmailAttributesStore } from "./stats/grouping/email-attributes.store";
import { GroupingService } from "./stats/grouping/grouping.service";
import { PersonStore } from "./persons/person.store";
import { PersonService } from "./persons/person.service";

const GRAPHQL_PATH = "/graphql";
const ASSETS_PATH = "/playground-assets";

export interface AppServer {
  server: http.Server;
  /** Closes subscriptions, then lets in-flight HTTP requests finish. */
  stop(): Promise<void>;
}

/**
 * The GraphQL schema over the services, and the HTTP server that serves it (POST and
 * WebSocket) with the dashboard, health, metrics and playground routes; not listening.
 */
export async function createAppServer(
  config: Config,
  logger: Logger,
  services: AppServices,
  apolloPlugins?: ApolloServerPlugin<RequestContext>[],
): Promise<AppServer> {
  const { db, emails, stats, analyses, locks, statsPipeline, corpus, metrics } = services;
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
    extraPlugins: apolloPlugins,
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

  return {
    server,
    async stop() {
      await subscriptions.dispose();
      // apollo.stop() drains the HTTP server first (in-flight requests finish).
      await apollo.stop();
    },
  };
}
