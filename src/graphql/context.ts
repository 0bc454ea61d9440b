import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

export interface RequestContext {
  requestId: string;
  /**
   * The credentials sent, unchecked: the Authorization header over HTTP, connectionParams
   * .authorization over the WebSocket. Checked only where a token is needed (src/auth/).
   */
  authorization: string | null;
}

/**
 * A client-supplied X-Request-Id is kept (if sane) so logs join up across services. Over the
 * WebSocket the upgrade request carries no per-operation headers, so the caller passes the
 * connection's credentials.
 */
export function createContext(
  req: IncomingMessage,
  authorization: string | null = req.headers.authorization ?? null,
): RequestContext {
  const given = req.headers["x-request-id"];
  const requestId =
    typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  return { requestId, authorization };
}
