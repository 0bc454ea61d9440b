import { createHash, timingSafeEqual } from "node:crypto";
import { ForbiddenError, UnauthenticatedError } from "../errors/client-errors";

/** Who is asking: the SHA-256 of their token, or null when tokens are switched off. */
export interface Caller {
  tokenHash: string | null;
}

export const ANONYMOUS: Caller = { tokenHash: null };

export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * The API_TOKENS check for the mutations that start and stop work. Only hashes are kept and
 * compared (in constant time); the hash is what a run records as its owner, never the token.
 * Without tokens every caller is anonymous and allowed, as for local use.
 */
export class ApiTokens {
  private readonly hashes: Buffer[];

  constructor(tokens: readonly string[]) {
    this.hashes = tokens.map((t) => Buffer.from(tokenHash(t), "hex"));
  }

  get enabled(): boolean {
    return this.hashes.length > 0;
  }

  /** The caller behind an Authorization value ("Bearer <token>"); UNAUTHENTICATED if none is valid. */
  authenticate(authorization: string | null, action: string): Caller {
    if (!this.enabled) return ANONYMOUS;
    if (!authorization) {
      throw new UnauthenticatedError(
        `${action} needs an API token: send "Authorization: Bearer <token>" (over the WebSocket, connectionParams.authorization)`,
      );
    }
    const match = BEARER.exec(authorization);
    if (!match) throw new UnauthenticatedError('Authorization must be "Bearer <token>"');
    const hash = Buffer.from(tokenHash(match[1]), "hex");
    // Compare with every token, matched or not, so the time says nothing about which.
    const valid = this.hashes.reduce((ok, h) => timingSafeEqual(h, hash) || ok, false);
    if (!valid) throw new UnauthenticatedError("the API token is not valid");
    return { tokenHash: hash.toString("hex") };
  }

  /** FORBIDDEN unless `caller` is the token that owns a thing (`owner`: its recorded hash). */
  checkOwner(caller: Caller, owner: string | null, what: string): void {
    if (!this.enabled || caller.tokenHash === owner) return;
    throw new ForbiddenError(
      `${what} was started with another API token; only that token may stop it`,
    );
  }
}
