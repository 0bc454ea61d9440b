import type { PubSub } from "type-graphql";
import { isTerminal, parseRunId, type RunRecord } from "./run-record";

export const ANALYSIS_PROGRESS = "ANALYSIS_PROGRESS";

type Item = RunRecord | null;

/**
 * One subscriber's queue. A hand-written iterator rather than an async generator: a
 * generator parked on `await` cannot run its `return()` until the next event, so a client
 * that unsubscribes from an idle run would stay registered until that run moved.
 */
class RunSubscription implements AsyncIterableIterator<Item> {
  private readonly queue: Item[] = [];
  private waiter: ((r: IteratorResult<Item>) => void) | null = null;
  private ending = false;
  private closed = false;

  constructor(private readonly onClose: () => void) {}

  push(item: Item, last: boolean): void {
    if (this.closed || this.ending) return;
    this.ending = last;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w({ value: item, done: false });
    } else {
      this.queue.push(item);
    }
  }

  next(): Promise<IteratorResult<Item>> {
    if (this.queue.length > 0) {
      return Promise.resolve({ value: this.queue.shift() as Item, done: false });
    }
    if (this.ending || this.closed) return this.return();
    return new Promise((resolve) => (this.waiter = resolve));
  }

  return(): Promise<IteratorResult<Item>> {
    if (!this.closed) {
      this.closed = true;
      this.onClose();
      this.waiter?.({ value: undefined, done: true });
      this.waiter = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * The PubSub behind `analysisProgress`: the runner publishes every state it writes, and a
 * subscription to run N yields N's current state first (null for an unknown run), then each
 * later state, and ends after a terminal one. Reading the current state and registering
 * happen in one synchronous step, so no published state falls between the two.
 */
export class RunFeed implements PubSub {
  private readonly subscribers = new Map<number, Set<RunSubscription>>();

  constructor(private readonly current: (id: number) => RunRecord | null) {}

  publish(routingKey: string, ...args: unknown[]): void {
    checkTopic(routingKey);
    const run = args[0] as RunRecord;
    const subs = this.subscribers.get(run.id);
    if (!subs) return;
    const last = isTerminal(run.status);
    for (const s of subs) s.push(run, last);
    if (last) this.subscribers.delete(run.id);
  }

  subscribe(routingKey: string, dynamicId?: unknown): AsyncIterable<Item> {
    checkTopic(routingKey);
    const id = parseRunId(dynamicId);
    const run = this.current(id);
    const last = run === null || isTerminal(run.status);
    const sub = new RunSubscription(() => this.unsubscribe(id, sub));
    sub.push(run, last);
    if (!last) {
      let subs = this.subscribers.get(id);
      if (!subs) this.subscribers.set(id, (subs = new Set()));
      subs.add(sub);
    }
    return sub;
  }

  /** Subscriptions still open, for tests and diagnostics. */
  get size(): number {
    let n = 0;
    for (const subs of this.subscribers.values()) n += subs.size;
    return n;
  }

  private unsubscribe(id: number, sub: RunSubscription): void {
    const subs = this.subscribers.get(id);
    if (!subs) return;
    subs.delete(sub);
    if (subs.size === 0) this.subscribers.delete(id);
  }
}

function checkTopic(topic: string): void {
  if (topic !== ANALYSIS_PROGRESS) {
    throw new Error(`RunFeed only carries ${ANALYSIS_PROGRESS} (got topic "${topic}")`);
  }
}
