import type { IncomingMessage } from "node:http";

/**
 * Which browser pages may open the WebSocket. Browsers send Origin on every WebSocket
 * handshake and, unlike on an HTTP POST, CORS does not stop a page from another site from
 * opening one: without this check any page a user visits could run mutations through it.
 * A handshake without Origin is not from a browser page, so there is nothing to forge; it
 * is accepted, as a curl or Node client is over HTTP.
 */
export class OriginPolicy {
  private readonly allowed: ReadonlySet<string> | "any" | "self";

  /** `allowed`: exact origins ("https://dash.example:8443"), ["*"] for any, [] for the server's own. */
  constructor(allowed: readonly string[]) {
    if (allowed.includes("*")) this.allowed = "any";
    else if (allowed.length === 0) this.allowed = "self";
    else this.allowed = new Set(allowed.map(normalise));
  }

  /** Null when `req` may connect, else why not. */
  refusal(req: IncomingMessage): string | null {
    const origin = req.headers.origin;
    if (origin === undefined || this.allowed === "any") return null;
    const given = normalise(origin);
    if (this.allowed === "self") {
      const host = req.headers.host;
      const own = host ? [`http://${host}`, `https://${host}`].map(normalise) : [];
      return own.includes(given) ? null : `origin ${origin} is not this server's (ALLOWED_ORIGINS)`;
    }
    return this.allowed.has(given) ? null : `origin ${origin} is not in ALLOWED_ORIGINS`;
  }
}

/** Lower-cased scheme://host[:port], default ports dropped, as browsers serialise an origin. */
function normalise(origin: string): string {
  try {
    const u = new URL(origin);
    return `${u.protocol}//${u.host}`.toLowerCase();
  } catch {
    return origin.trim().toLowerCase();
  }
}
