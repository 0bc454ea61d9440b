import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { ErrorCode } from "../errors/error-code";

/**
 * A request whose text fields passed its response budget (ResponseBudget) answers that alone,
 * with HTTP 400, as the HTTP handler does when the whole answer passes MAX_RESPONSE_MB: one
 * clear error instead of partial data with an error on each of a thousand fields.
 */
export function responseLimitPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  // Stateless, so one listener serves every request.
  const listener: GraphQLRequestListener<TContext> = {
    async willSendResponse({ response }) {
      if (response.body.kind !== "single") return;
      const result = response.body.singleResult;
      const tooLarge = result.errors?.find(
        (e) => e.extensions?.code === ErrorCode.RESPONSE_TOO_LARGE,
      );
      if (!tooLarge) return;
      const { path: _path, locations: _locations, ...error } = tooLarge;
      response.body.singleResult = { data: null, errors: [error] };
      response.http.status = 400;
    },
  };
  return { requestDidStart: async () => listener };
}
