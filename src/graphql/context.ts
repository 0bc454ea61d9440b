import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

export interface RequestContext {
  requestId: string;
}

/** A client-supplied X-Request-Id is kept (if sane) so logs join up across services. */
export function createContext(req: IncomingMessage): RequestContext {
  const given = req.headers["x-request-id"];
  const requestId =
    typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  return { requestId };
}
