import { asApiError, type ApiError } from "../api/api-error";
import type { Activity } from "./activity";

/**
 * One panel's data load, keyed by what it depends on (filters, granularity...). The same key
 * is not fetched twice, a new key aborts the older request, and an answer that arrives
 * after a newer request started is dropped: back/forward never shows a stale panel.
 */
export class KeyedLoad {
  private key: string | null = null;
  private controller: AbortController | null = null;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly activity: Activity) {}

  /** Resolves when this key's load has finished (or at once when it is already loaded). */
  start<T>(
    key: string,
    work: (signal: AbortSignal) => Promise<T>,
    done: (value: T) => void,
    failed: (err: ApiError) => void,
  ): Promise<void> {
    if (key === this.key) return this.pending;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.key = key;
    this.pending = this.activity.track(
      work(controller.signal).then(
        (value) => {
          if (this.controller === controller) done(value);
        },
        (err: unknown) => {
          if (this.controller !== controller || controller.signal.aborted) return;
          // A failed key may be tried again (Retry, or the same view later).
          this.key = null;
          failed(asApiError(err));
        },
      ),
    );
    return this.pending;
  }

  /** Forgets the loaded key, so the next start() fetches even for the same view. */
  invalidate(): void {
    this.key = null;
  }
}
