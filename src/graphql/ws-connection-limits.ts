import type { IncomingMessage } from "node:http";

/**
 * Open WebSockets per client address. Counted from the handshake until the TCP connection
 * closes, so handshakes in flight count too and a burst cannot slip past the cap.
 */
export class ConnectionsPerClient {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a place for `req`'s address; false (nothing taken) when it already holds `max`. */
  admit(req: IncomingMessage): boolean {
    const address = req.socket.remoteAddress ?? "unknown";
    const n = this.open.get(address) ?? 0;
    if (n >= this.max) return false;
    this.open.set(address, n + 1);
    req.socket.once("close", () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left <= 0) this.open.delete(address);
      else this.open.set(address, left);
    });
    return true;
  }

  get addresses(): number {
    return this.open.size;
  }
}
