import { AsyncLocalStorage } from "node:async_hooks";
import { LockAbortedError, LockTimeoutError, NestedLockError } from "./lock-errors";
import { checkTimeoutMs, planLocks, type LockStep } from "./lock-plan";
import { compareRanked, LockRegistry } from "./lock-ranks";
import { formatLockStates } from "./lock-report";
import type { Clock, LockInfo, LockRanks, LockRequest, OnAcquired, WaiterInfo } from "./lock-types";
import { RwLock, type Holding, type LockTicket } from "./rw-lock";

export interface LockManagerOptions {
  ranks: LockRanks;
  /** Applies when withLocks gets no timeoutMs. Infinity waits forever. Default 30 000. */
  defaultTimeoutMs?: number;
  /**
   * Called once per lock acquired, with the time spent waiting for that lock (0 if it was
   * free). If it throws, the withLocks call releases everything and rejects with that error.
   */
  onAcquired?: OnAcquired;
  clock?: Clock;
}

export interface WithLocksOptions {
  /** Budget for acquiring all the locks; the critical section itself is not timed. */
  timeoutMs?: number;
  /** Aborting cancels acquisition; once fn runs, fn receives the signal and decides. */
  signal?: AbortSignal;
}

type FailureFactory = (step: LockStep, lock: RwLock, ahead: WaiterInfo[]) => Error;

interface Pending {
  step: LockStep;
  lock: RwLock;
  ticket: LockTicket;
}

interface Held {
  lock: RwLock;
  holding: Holding;
}

/** Mutable so a task that fn started but did not await may lock once the section is over. */
interface Section {
  holder: string;
  locks: string[];
  active: boolean;
}

/**
 * Deadlock freedom by construction: a section declares all its locks up front and they are
 * taken one by one in the global (rank, name) order, never nested. A blocked section then
 * only waits for a lock ranked above everything it holds, or for a waiter ahead of it in a
 * FIFO queue, so the waits-for graph cannot contain a cycle.
 */
export class LockManager {
  private readonly registry: LockRegistry;
  private readonly locks = new Map<string, RwLock>();
  private readonly sections = new AsyncLocalStorage<Section>();
  private activeSections = 0;
  private readonly defaultTimeoutMs: number;
  private readonly onAcquired: OnAcquired | undefined;
  private readonly clock: Clock;

  constructor(options: LockManagerOptions) {
    this.registry = new LockRegistry(options.ranks);
    this.defaultTimeoutMs = checkTimeoutMs(options.defaultTimeoutMs ?? 30_000, "defaultTimeoutMs");
    this.onAcquired = options.onAcquired;
    this.clock = options.clock ?? (() => performance.now());
    for (const name of this.registry.exactNames) this.locks.set(name, new RwLock(name, this.clock));
  }

  async withLocks<T>(
    holder: string,
    requests: readonly LockRequest[],
    fn: (signal: AbortSignal) => Promise<T>,
    opts: WithLocksOptions = {},
  ): Promise<T> {
    if (typeof holder !== "string" || holder.length === 0) {
      throw new TypeError(`holder must be a non-empty string (got ${JSON.stringify(holder)})`);
    }
    if (typeof fn !== "function") throw new TypeError("withLocks: fn must be a function");
    const plan = planLocks(this.registry, requests);
    const timeoutMs = checkTimeoutMs(opts.timeoutMs ?? this.defaultTimeoutMs, "timeoutMs");
    const outer = this.sections.getStore();
    if (outer?.active) throw new NestedLockError(holder, outer.holder, outer.locks);

    const held = await this.acquireAll(holder, plan, timeoutMs, opts.signal);
    const section: Section = { holder, locks: plan.map((s) => s.name), active: true };
    this.activeSections++;
    try {
      // A fresh never-aborted signal per call, not a shared one: fn may add abort listeners,
      // and on a signal that never fires they would pile up forever.
      const signal = opts.signal ?? new AbortController().signal;
      return await this.sections.run(section, () => fn(signal));
    } finally {
      section.active = false;
      // On Node 20 an enabled AsyncLocalStorage puts a hook on every promise in the process,
      // which cost small requests about a tenth of their time. With no section active there
      // is no context to keep, so the storage is switched off until the next run() turns it
      // back on; a task left over from an ended section then reads no store, as it would
      // have read an inactive one.
      if (--this.activeSections === 0) this.sections.disable();
      this.releaseAll(held);
    }
  }

  /** Every registered lock plus every dynamic one currently held or waited for, in lock order. */
  snapshot(): LockInfo[] {
    return [...this.locks.values()]
      .map((lock) => ({ name: lock.name, rank: this.registry.rankOf(lock.name), lock }))
      .sort(compareRanked)
      .map(({ name, rank, lock }) => {
        const holders = lock.holderIds;
        const waiters = lock.waiters();
        return {
          name,
          rank,
          mode: lock.mode,
          holders,
          holder: holders[0] ?? null,
          waiting: waiters.map((w) => w.holder),
          waiters,
          heldForMs: lock.heldForMs,
        };
      });
  }

  /** What to print when the program seems to hang: every lock, its holders and its queue. */
  describe(): string {
    return formatLockStates(this.snapshot());
  }

  private async acquireAll(
    holder: string,
    plan: readonly LockStep[],
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<Held[]> {
    const held: Held[] = [];
    const start = this.clock();
    // Once the budget is spent or the caller aborts, `stop.error` builds the error for the
    // lock being waited on then, or for the next one that cannot be granted at once (a
    // grant may race the timer).
    const stop: { error: FailureFactory | null; pending: Pending | null } = {
      error: null,
      pending: null,
    };
    const fail = (error: FailureFactory): void => {
      stop.error ??= error;
      const p = stop.pending;
      if (p) p.ticket.cancel(stop.error(p.step, p.lock, p.ticket.ahead()));
    };
    const onAbort = (): void =>
      fail((step) => new LockAbortedError(holder, step.name, step.mode, signal?.reason));
    const onTimeout = (): void =>
      fail(
        (step, lock, ahead) =>
          new LockTimeoutError({
            lock: step.name,
            mode: step.mode,
            holder,
            holders: lock.holderIds,
            heldMode: lock.mode,
            queuedAhead: ahead.map((w) => `${w.holder} (${w.mode})`),
            waitedMs: this.clock() - start,
            timeoutMs,
          }),
      );
    const timer = Number.isFinite(timeoutMs) ? setTimeout(onTimeout, timeoutMs) : undefined;
    signal?.addEventListener("abort", onAbort);
    try {
      if (signal?.aborted) throw new LockAbortedError(holder, null, null, signal.reason);
      for (const step of plan) {
        // Looked up per step, not at plan time: an idle dynamic lock may have been dropped
        // and recreated meanwhile, and two objects for one name would not exclude each other.
        const lock = this.lockFor(step.name);
        const stepStart = this.clock();
        let holding = lock.tryAcquire(holder, step.mode);
        let waitedMs = 0;
        if (holding === null) {
          if (stop.error) throw stop.error(step, lock, lock.waiters());
          stop.pending = { step, lock, ticket: lock.enqueue(holder, step.mode) };
          try {
            holding = await stop.pending.ticket.granted;
          } finally {
            stop.pending = null;
            this.dropIfIdle(lock);
          }
          waitedMs = this.clock() - stepStart;
        }
        held.push({ lock, holding });
        this.onAcquired?.(step.name, step.mode, waitedMs, holder);
      }
      return held;
    } catch (err) {
      this.releaseAll(held);
      throw err;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  private releaseAll(held: readonly Held[]): void {
    for (let i = held.length - 1; i >= 0; i--) {
      const { lock, holding } = held[i];
      lock.release(holding);
      this.dropIfIdle(lock);
    }
  }

  private lockFor(name: string): RwLock {
    let lock = this.locks.get(name);
    if (lock === undefined) {
      lock = new RwLock(name, this.clock);
      this.locks.set(name, lock);
    }
    return lock;
  }

  /** Dynamic names (`run:42`) would otherwise accumulate forever. */
  private dropIfIdle(lock: RwLock): void {
    if (lock.idle && !this.registry.exactNames.includes(lock.name)) this.locks.delete(lock.name);
  }
}
