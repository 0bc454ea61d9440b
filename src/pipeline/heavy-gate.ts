import { OverloadedError } from "../errors/client-errors";

/**
 * Admission for heavy queries: at most `concurrent` run at once, at most `queued`
 * wait, in arrival order (FIFO, so no query starves). Past that the caller is told
 * OVERLOADED at once: a bounded queue keeps latency bounded instead of letting
 * memory and wait times grow without limit.
 */
export class HeavyGate {
  private running = 0;
  private readonly waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(
    readonly concurrent: number,
    readonly queued: number,
  ) {}

  stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs fn when a slot frees; resolves with fn's value and the time spent waiting. */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<{ value: T; queueMs: number }> {
    const started = performance.now();
    if (this.running >= this.concurrent) {
      if (this.waiting.length >= this.queued) {
        throw new OverloadedError(
          `too many heavy queries: ${this.running} running and ${this.waiting.length} queued (limits ${this.concurrent} and ${this.queued}); retry later`,
        );
      }
      await new Promise<void>((resolve, reject) => {
        const entry = { resolve, reject };
        this.waiting.push(entry);
        signal?.addEventListener(
          "abort",
          () => {
            const i = this.waiting.indexOf(entry);
            if (i >= 0) {
              this.waiting.splice(i, 1);
              reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
            }
          },
          { once: true },
        );
      });
    } else {
      this.running++;
    }
    const queueMs = performance.now() - started;
    try {
      return { value: await fn(), queueMs };
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter, so running never dips and a new
      // arrival cannot overtake the queue.
      if (next) next.resolve();
      else this.running--;
    }
  }
}
