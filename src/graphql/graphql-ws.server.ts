import type http from "node:http";
import type { GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import { createContext } from "./context";
import { formatError, isExpected } from "./error-masking";
import { limitedOperation, type TransportLimits } from "./ws-limits";

export interface SubscriptionServer {
  /** Closes every socket (1001 Going away) and the WebSocket server. */
  dispose(): Promise<void>;
}

/**
 * graphql-ws on the HTTP server's own port and path: the upgrade request to `path` becomes a
 * WebSocket, everything else stays with Express. Errors go through the same masking as HTTP.
 */
export function attachSubscriptions(
  server: http.Server,
  schema: GraphQLSchema,
  opts: { path: string; maxPayloadBytes: number; logger: Logger; limits: TransportLimits },
): SubscriptionServer {
  const wss = new WebSocketServer({ server, path: opts.path, maxPayload: opts.maxPayloadBytes });
  const cleanup = useServer(
    {
      schema,
      // Parse, validation and the depth/complexity limits, as over HTTP (ws-limits.ts).
      onSubscribe: limitedOperation(schema, opts.limits),
      // Tokens travel in connectionParams ({ authorization: "Bearer <token>" }); a connection
      // sending them in any other shape is refused (4403), queries and subscriptions stay open.
      onConnect: (ctx) => {
        const given = ctx.connectionParams?.authorization;
        return given === undefined || typeof given === "string";
      },
      context: (ctx) =>
        createContext(
          ctx.extra.request,
          (ctx.connectionParams?.authorization as string | undefined) ?? null,
        ),
      onNext: (_ctx, id, _payload, _args, result) => {
        if (!result.errors) return result;
        for (const e of result.errors) {
          if (!isExpected(e)) opts.logger.error({ err: e, subscription: id }, "unexpected error");
        }
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    },
    wss,
  );
  return {
    async dispose() {
      await cleanup.dispose();
    },
  };
}
