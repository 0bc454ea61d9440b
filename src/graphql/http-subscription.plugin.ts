import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../errors/error-code";

/**
 * Over HTTP a subscription would run once and answer null, the same as for an unknown id,
 * which says nothing. It is refused before execution with where to go instead.
 */
export function httpSubscriptionPlugin<TContext extends object>(
  path: string,
): ApolloServerPlugin<TContext> {
  // Stateless, so one listener serves every request.
  const listener: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ operation }) {
      if (operation?.operation !== "subscription") return;
      throw new GraphQLError(
        `subscriptions need a WebSocket: connect to ws://<this host>${path} with a ` +
          `graphql-ws client (subprotocol graphql-transport-ws); HTTP answers queries and mutations`,
        { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } },
      );
    },
  };
  return { requestDidStart: async () => listener };
}
