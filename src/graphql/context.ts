import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ResponseBudget } from "./response-budget";

export interface RequestContext {
  requestId: string;
  /**
   * The credentials sent, unchecked: the Authorization header over HTTP, connectionParams
   * .authorization over the WebSocket. Checked only where a token is needed (src/auth/).
   */
  authorization: string | null;
  /** This request's share of MAX_RESPONSE_MB, charged by the fields that return large text. */
  budget: ResponseBudget;
}

/** A client-supplied X-Request-Id is kept (if sane) so logs join up across services. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

export interface ContextOptions {
  /**
   * Over the WebSocket the upgrade request carries no per-operation headers, so the caller
   * passes the connection's credentials; by default, the request's Authorization header.
   */
  authorization?: string | null;
  /** MAX_RESPONSE_MB in bytes; unlimited when not given. */
  responseLimitBytes?: number;
}

export function createContext(req: IncomingMessage, opts: ContextOptions = {}): RequestContext {
  return {
    requestId: requestIdOf(req),
    authorization:
      opts.authorization !== undefined ? opts.authorization : (req.headers.authorization ?? null),
    budget: new ResponseBudget(opts.responseLimitBytes ?? Number.POSITIVE_INFINITY),
  };
}
