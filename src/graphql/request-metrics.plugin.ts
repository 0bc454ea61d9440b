import type { ApolloServerPlugin } from "@apollo/server";
import type { AppMetrics } from "../http/metrics";

/** Counts and times every GraphQL request that reached Apollo, by operation name and outcome. */
export function requestMetricsPlugin<TContext extends object>(
  metrics: AppMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : null;
          const code = errors?.[0]?.extensions?.code;
          const outcome = errors?.length ? (typeof code === "string" ? code : "ERROR") : "ok";
          metrics.observeRequest(
            operationName ?? null,
            outcome,
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
