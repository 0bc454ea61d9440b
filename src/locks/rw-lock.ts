import { FifoQueue } from "./fifo-queue";
import type { Clock, LockMode, WaiterInfo } from "./lock-types";

/** Proof of holding a lock; `release` takes it back, so one holder id may hold twice safely. */
export interface Holding {
  readonly holder: string;
  readonly mode: LockMode;
}

export interface LockTicket {
  /** Resolves when granted; rejects with the reason given to `cancel`. */
  readonly granted: Promise<Holding>;
  /** Leaves the queue. Returns false (and does nothing) if the lock was already granted. */
  cancel(reason: Error): boolean;
  /** The waiters queued ahead of this request (empty once granted). */
  ahead(): WaiterInfo[];
}

interface Waiter extends Holding {
  readonly since: number;
  readonly grant: (h: Holding) => void;
  readonly reject: (e: Error) => void;
}

/**
 * One readers-writer lock with a strict FIFO queue: a request is granted only when it is
 * compatible with the current holders AND nobody is queued ahead of it. That second rule
 * is the writer fairness: a queued exclusive request blocks every later shared one.
 *
 * This primitive knows nothing about ordering. Used directly, two of them deadlock exactly
 * like the seed's `db`/`stdout` pair; LockManager is what makes that impossible.
 */
export class RwLock {
  private readonly holders: Holding[] = [];
  private readonly queue = new FifoQueue<Waiter>();
  private heldSince: number | null = null;

  constructor(
    readonly name: string,
    private readonly clock: Clock = () => performance.now(),
  ) {}

  /** Grants immediately or returns null; never queues. */
  tryAcquire(holder: string, mode: LockMode): Holding | null {
    if (this.queue.size > 0 || !this.compatible(mode)) return null;
    return this.grant({ holder, mode });
  }

  enqueue(holder: string, mode: LockMode): LockTicket {
    let waiter!: Waiter;
    const granted = new Promise<Holding>((grant, reject) => {
      waiter = { holder, mode, since: this.clock(), grant, reject };
    });
    this.queue.push(waiter);
    this.pump();
    return {
      granted,
      cancel: (reason) => {
        const i = this.queue.indexOf(waiter);
        if (i === -1) return false;
        this.queue.removeAt(i);
        waiter.reject(reason);
        // A cancelled exclusive waiter at the head may have been all that blocked the
        // shared waiters behind it.
        this.pump();
        return true;
      },
      ahead: () => {
        const i = this.queue.indexOf(waiter);
        return i === -1 ? [] : this.waiters().slice(0, i);
      },
    };
  }

  acquire(holder: string, mode: LockMode): Promise<Holding> {
    const h = this.tryAcquire(holder, mode);
    return h ? Promise.resolve(h) : this.enqueue(holder, mode).granted;
  }

  release(holding: Holding): void {
    const i = this.holders.indexOf(holding);
    if (i === -1) {
      throw new Error(
        `${holding.holder} released lock "${this.name}" through a holding it does not hold ` +
          `(released twice?)`,
      );
    }
    this.holders.splice(i, 1);
    if (this.holders.length === 0) this.heldSince = null;
    this.pump();
  }

  get mode(): LockMode | null {
    return this.holders.length === 0 ? null : this.holders[0].mode;
  }

  get holderIds(): string[] {
    return this.holders.map((h) => h.holder);
  }

  get idle(): boolean {
    return this.holders.length === 0 && this.queue.size === 0;
  }

  get heldForMs(): number | null {
    return this.heldSince === null ? null : this.clock() - this.heldSince;
  }

  waiters(): WaiterInfo[] {
    const now = this.clock();
    return this.queue
      .toArray()
      .map((w) => ({ holder: w.holder, mode: w.mode, waitedMs: now - w.since }));
  }

  private compatible(mode: LockMode): boolean {
    if (this.holders.length === 0) return true;
    return mode === "shared" && this.holders[0].mode === "shared";
  }

  private grant(request: Holding): Holding {
    const holding: Holding = { holder: request.holder, mode: request.mode };
    if (this.holders.length === 0) this.heldSince = this.clock();
    this.holders.push(holding);
    return holding;
  }

  private pump(): void {
    for (let w = this.queue.peek(); w && this.compatible(w.mode); w = this.queue.peek()) {
      this.queue.shift();
      w.grant(this.grant(w));
    }
  }
}
