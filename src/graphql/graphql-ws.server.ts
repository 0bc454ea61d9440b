import type http from "node:http";
import type { Duplex } from "node:stream";
import type { GraphQLError, GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import { createContext } from "./context";
import { formatError, isExpected } from "./error-masking";
import { LEGACY_PROTOCOL, serveLegacyProtocol } from "./legacy-ws.protocol";
import { tooManyOperations, verifyClient, type FrontDoor } from "./ws-front-door";
import { limitedOperation, type TransportLimits } from "./ws-limits";

export { frontDoor } from "./ws-front-door";

export interface SubscriptionServer {
  /** Closes every socket (1001 Going away) and the WebSocket servers. */
  dispose(): Promise<void>;
}

/**
 * WebSockets on the HTTP server's own port and path, in both subprotocols: graphql-ws
 * (`graphql-transport-ws`) for clients, and the legacy `graphql-ws` of
 * subscriptions-transport-ws for the Playground this server bundles. The upgrade goes to
 * the one the client asks for; both pass the same front door and limits, and errors go
 * through the same masking as HTTP.
 */
export function attachSubscriptions(
  server: http.Server,
  schema: GraphQLSchema,
  opts: {
    path: string;
    maxPayloadBytes: number;
    maxResponseBytes: number;
    logger: Logger;
    limits: TransportLimits;
    frontDoor: FrontDoor;
  },
): SubscriptionServer {
  const options = {
    noServer: true,
    maxPayload: opts.maxPayloadBytes,
    verifyClient: verifyClient(opts.frontDoor),
  };
  const modern = new WebSocketServer(options);
  const legacy = new WebSocketServer({
    ...options,
    handleProtocols: (protocols: Set<string>) =>
      protocols.has(LEGACY_PROTOCOL) ? LEGACY_PROTOCOL : false,
  });
  const limited = limitedOperation(schema, opts.limits);
  const maxOperations = opts.frontDoor.maxSubscriptionsPerConnection;
  const format = (errors: readonly GraphQLError[], id: string) => {
    for (const e of errors) {
      if (!isExpected(e)) opts.logger.error({ err: e, subscription: id }, "unexpected error");
    }
    return errors.map((e) => formatError(e.toJSON(), e));
  };
  const cleanup = useServer(
    {
      schema,
      onSubscribe: (ctx, id, payload) =>
        // graphql-ws has already entered this operation in ctx.subscriptions.
        Object.keys(ctx.subscriptions).length > maxOperations
          ? [tooManyOperations(maxOperations)]
          : // Parse, validation and the depth/complexity limits, as over HTTP (ws-limits.ts).
            limited(ctx, id, payload),
      // Tokens travel in connectionParams ({ authorization: "Bearer <token>" }); a connection
      // sending them in any other shape is refused (4403), queries and subscriptions stay open.
      onConnect: (ctx) => {
        const given = ctx.connectionParams?.authorization;
        return given === undefined || typeof given === "string";
      },
      context: (ctx) =>
        createContext(ctx.extra.request, {
          authorization: (ctx.connectionParams?.authorization as string | undefined) ?? null,
          responseLimitBytes: opts.maxResponseBytes,
        }),
      onNext: (_ctx, id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors, id) } : result,
      onError: (_ctx, id, _payload, errors) => format(errors, id),
    },
    modern,
  );
  serveLegacyProtocol(legacy, {
    prepare: (payload) => limited(null, "", payload),
    context: (req, authorization) =>
      createContext(req, { authorization, responseLimitBytes: opts.maxResponseBytes }),
    format,
    maxOperations,
    tooMany: () => tooManyOperations(maxOperations),
  });
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== opts.path) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    const asked = String(req.headers["sec-websocket-protocol"] ?? "")
      .split(",")
      .map((p) => p.trim());
    const target =
      asked.includes(LEGACY_PROTOCOL) && !asked.includes("graphql-transport-ws") ? legacy : modern;
    target.handleUpgrade(req, socket, head, (ws) => target.emit("connection", ws, req));
  };
  server.on("upgrade", onUpgrade);
  return {
    async dispose() {
      server.off("upgrade", onUpgrade);
      for (const ws of legacy.clients) ws.close(1001, "Going away");
      await new Promise<void>((resolve) => legacy.close(() => resolve()));
      await cleanup.dispose();
    },
  };
}
