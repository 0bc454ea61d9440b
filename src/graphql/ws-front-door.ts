import { GraphQLError } from "graphql";
import type { VerifyClientCallbackAsync } from "ws";
import { ErrorCode } from "../errors/error-code";
import { ConnectionsPerClient } from "./ws-connection-limits";
import { OriginPolicy } from "./ws-origin";

/** What a WebSocket must pass, whichever subprotocol it speaks. */
export interface FrontDoor {
  origins: OriginPolicy;
  connections: ConnectionsPerClient;
  maxSubscriptionsPerConnection: number;
}

export function frontDoor(o: {
  allowedOrigins: string[];
  maxWsConnectionsPerClient: number;
  maxWsSubscriptionsPerConnection: number;
}): FrontDoor {
  return {
    origins: new OriginPolicy(o.allowedOrigins),
    connections: new ConnectionsPerClient(o.maxWsConnectionsPerClient),
    maxSubscriptionsPerConnection: o.maxWsSubscriptionsPerConnection,
  };
}

/** The same front door as HTTP: a foreign page is refused (403), a flood of sockets too (429). */
export function verifyClient(door: FrontDoor): VerifyClientCallbackAsync {
  return ({ req }, done) => {
    const refusal = door.origins.refusal(req);
    if (refusal) return done(false, 403, `WebSocket refused: ${refusal}`);
    if (!door.connections.admit(req)) {
      return done(
        false,
        429,
        `WebSocket refused: ${door.connections.max} connections from this address are open ` +
          `(MAX_WS_CONNECTIONS_PER_CLIENT)`,
        { "retry-after": "1" },
      );
    }
    done(true);
  };
}

/** The error for an operation past MAX_WS_SUBSCRIPTIONS_PER_CONNECTION on one socket. */
export function tooManyOperations(max: number): GraphQLError {
  return new GraphQLError(
    `this connection already runs ${max} operations ` +
      `(MAX_WS_SUBSCRIPTIONS_PER_CONNECTION); complete one first`,
    { extensions: { code: ErrorCode.TOO_MANY_SUBSCRIPTIONS, max } },
  );
}
