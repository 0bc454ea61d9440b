import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode } from "../errors/error-code";

/** Seconds a client should wait before retrying an OVERLOADED answer. */
export const OVERLOADED_RETRY_AFTER_S = 1;

/**
 * GraphQL answers errors with HTTP 200, which load balancers, proxies and retrying
 * clients cannot see. An OVERLOADED answer that carries no data is shed load, so it goes
 * out as 503 with Retry-After, the status every HTTP client already backs off on. An answer
 * with some data keeps its 200: the client got something it must read.
 */
export function overloadStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (data != null || !errors?.some((e) => e.extensions?.code === ErrorCode.OVERLOADED)) {
            return;
          }
          response.http.status = 503;
          response.http.headers.set("retry-after", String(OVERLOADED_RETRY_AFTER_S));
        },
      };
    },
  };
}
