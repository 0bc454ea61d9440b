import type { IncomingMessage } from "node:http";
import {
  execute,
  getOperationAST,
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
} from "graphql";
import type { WebSocket, WebSocketServer } from "ws";
import type { RequestContext } from "./context";
import type { OperationPayload } from "./ws-limits";

/** The subprotocol of subscriptions-transport-ws, which the bundled Playground speaks. */
export const LEGACY_PROTOCOL = "graphql-ws";
const KEEP_ALIVE_MS = 12_000;

export interface LegacyProtocolOptions {
  /** The same checks as the graphql-transport-ws path: limits, validation, variables. */
  prepare: (payload: OperationPayload) => ExecutionArgs | readonly GraphQLError[];
  /** `authorization`: from connection_init's payload (Playground sends its HTTP headers there). */
  context: (req: IncomingMessage, authorization: string | null) => RequestContext;
  format: (errors: readonly GraphQLError[], id: string) => GraphQLFormattedError[];
  maxOperations: number;
  tooMany: () => GraphQLError;
}

interface Message {
  type?: unknown;
  id?: unknown;
  payload?: unknown;
}

/**
 * The legacy protocol (connection_init/ack, start, data, error, complete, stop, ka), only so
 * the Playground Capstats serves can subscribe: it has no setting for graphql-transport-ws.
 * Every operation passes what the modern path applies (prepare, the per-socket cap, the
 * masking of errors), so this path is no side door.
 */
export function serveLegacyProtocol(wss: WebSocketServer, opts: LegacyProtocolOptions): void {
  wss.on("connection", (socket: WebSocket, req: IncomingMessage) => {
    const operations = new Map<string, AsyncIterator<unknown> | null>();
    let acknowledged = false;
    let authorization: string | null = null;
    const send = (m: Record<string, unknown>): void => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
    };
    const keepAlive = setInterval(() => send({ type: "ka" }), KEEP_ALIVE_MS);
    keepAlive.unref();
    socket.on("close", () => {
      clearInterval(keepAlive);
      for (const op of operations.values()) void op?.return?.();
      operations.clear();
    });
    socket.on("message", (raw) => {
      let m: Message;
      try {
        m = JSON.parse(String(raw)) as Message;
      } catch {
        return send({ type: "connection_error", payload: { message: "message is not JSON" } });
      }
      const id = typeof m.id === "string" ? m.id : "";
      if (m.type === "connection_init") {
        const params = (m.payload ?? {}) as Record<string, unknown>;
        const given = params.authorization ?? params.Authorization;
        if (given !== undefined && typeof given !== "string") {
          send({
            type: "connection_error",
            payload: { message: "authorization must be a string" },
          });
          return socket.close(4403, "Forbidden");
        }
        authorization = given ?? null;
        acknowledged = true;
        send({ type: "connection_ack" });
        send({ type: "ka" });
      } else if (m.type === "connection_terminate") {
        socket.close(1000);
      } else if (m.type === "stop") {
        void operations.get(id)?.return?.();
        operations.delete(id);
      } else if (m.type === "start" && acknowledged && id && !operations.has(id)) {
        void start(id, m.payload as OperationPayload);
      } else {
        send({ type: "error", id, payload: [{ message: `unexpected ${String(m.type)} message` }] });
      }
    });

    const start = async (id: string, payload: OperationPayload): Promise<void> => {
      if (operations.size >= opts.maxOperations) {
        return send({ type: "error", id, payload: opts.format([opts.tooMany()], id) });
      }
      const prepared = opts.prepare(payload ?? { query: "" });
      if (Array.isArray(prepared)) {
        return send({ type: "error", id, payload: opts.format(prepared as GraphQLError[], id) });
      }
      const args = {
        ...(prepared as ExecutionArgs),
        contextValue: opts.context(req, authorization),
      };
      operations.set(id, null);
      const data = (r: ExecutionResult) =>
        send({
          type: "data",
          id,
          payload: r.errors ? { ...r, errors: opts.format(r.errors, id) } : r,
        });
      try {
        const kind = getOperationAST(args.document, args.operationName)?.operation;
        const result = kind === "subscription" ? await subscribe(args) : await execute(args);
        if (Symbol.asyncIterator in result) {
          const iterator = result[Symbol.asyncIterator]();
          if (!operations.has(id)) return void iterator.return?.();
          operations.set(id, iterator);
          for (let r = await iterator.next(); !r.done; r = await iterator.next()) data(r.value);
        } else data(result);
      } finally {
        if (operations.delete(id)) send({ type: "complete", id });
      }
    };
  });
}
