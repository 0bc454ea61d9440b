import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { ErrorCode } from "../errors/error-code";

/** Seconds a client should wait before retrying an OVERLOADED answer. */
export const OVERLOADED_RETRY_AFTER_S = 1;

/** True when no root field of the answer has a value: the request produced nothing. */
function producedNothing(data: Record<string, unknown> | null | undefined): boolean {
  return data == null || Object.values(data).every((v) => v === null);
}

/**
 * GraphQL answers errors with HTTP 200, which load balancers, proxies and retrying clients
 * cannot see. An OVERLOADED answer in which no root field has a value is shed load, so it goes
 * out as 503 with Retry-After, the status every HTTP client already backs off on: it means
 * nothing happened, so retrying is safe. An answer with some value keeps its 200 (the client
 * got something it must read: of two aliased startAnalysis, the run the first one created).
 * Fields with effects (startAnalysis) are nullable for that reason: a non-null one would null
 * the whole answer and hide what was done.
 */
export function overloadStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  // Stateless, so one listener serves every request.
  const listener: GraphQLRequestListener<TContext> = {
    async willSendResponse({ response }) {
      if (response.body.kind !== "single") return;
      const { data, errors } = response.body.singleResult;
      // Errors first: most answers have none, and that is the cheaper look.
      if (!errors?.some((e) => e.extensions?.code === ErrorCode.OVERLOADED)) return;
      if (!producedNothing(data)) return;
      response.http.status = 503;
      response.http.headers.set("retry-after", String(OVERLOADED_RETRY_AFTER_S));
    },
  };
  return { requestDidStart: async () => listener };
}
