import type http from "node:http";
import type { Logger } from "pino";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { Config } from "../config";
import type { AppMetrics } from "../http/metrics";
import type { GraphQLHttpHandler } from "../http/graphql-handler";
import { playgroundLandingPage } from "../playground/playground.plugin";
import type { RequestContext } from "./context";
import { queryLimitsPlugin } from "./complexity.plugin";
import type { ErrorReporting } from "./error-masking";
import { httpSubscriptionPlugin } from "./http-subscription.plugin";
import { overloadStatusPlugin } from "./overload-status.plugin";
import { requestMetricsPlugin } from "./request-metrics.plugin";
import { responseLimitPlugin } from "./response-limit.plugin";

export interface ApolloDeps {
  schema: GraphQLSchema;
  config: Config;
  logger: Logger;
  metrics: AppMetrics;
  server: http.Server;
  reporting: ErrorReporting;
  handler: GraphQLHttpHandler;
  graphqlPath: string;
  assetsPath: string;
  /** Run after Capstats' own plugins. */
  extraPlugins?: ApolloServerPlugin<RequestContext>[];
}

/** Apollo with every protection of the request path, in the order they must run. */
export function createApolloServer(d: ApolloDeps): ApolloServer<RequestContext> {
  const { config } = d;
  return new ApolloServer<RequestContext>({
    schema: d.schema,
    logger: d.logger,
    formatError: d.reporting.formatError,
    // The handler serialises (bounded by MAX_RESPONSE_MB, yielding while it writes).
    stringifyResult: d.handler.stringifyResult,
    introspection: config.introspection,
    // With introspection off, "Did you mean ...?" hints would still leak field names.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    csrfPrevention: true,
    // main.ts owns SIGINT/SIGTERM: it drains HTTP, then closes pools and the database.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.maxQueryTokens },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: d.server }),
      // No field carries a cache hint, and the plugin would wrap every resolver to look.
      ApolloServerPluginCacheControlDisabled(),
      d.reporting.plugin,
      responseLimitPlugin(),
      httpSubscriptionPlugin(d.graphqlPath),
      queryLimitsPlugin({
        maxDepth: config.maxQueryDepth,
        maxComplexity: config.maxQueryComplexity,
      }),
      overloadStatusPlugin(),
      requestMetricsPlugin(d.metrics),
      ...(config.playground
        ? [playgroundLandingPage({ endpoint: d.graphqlPath, assetsPath: d.assetsPath })]
        : // Without this, Apollo serves its own landing page, which loads Sandbox from a CDN.
          [ApolloServerPluginLandingPageDisabled()]),
      ...(d.extraPlugins ?? []),
    ],
  });
}
