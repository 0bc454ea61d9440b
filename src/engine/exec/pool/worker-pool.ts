import fs from "node:fs";
import path from "node:path";
import * as workerpool from "workerpool";
import type { ClaimedRun, CountTask, CountTaskResult } from "../worker/task.types";
import { reviveCorpusChanged } from "../worker/task-errors";
import { WORKER_NICE_ENV } from "../worker/worker-priority";
import { guardedCall, type CallOptions, type CancellablePromise } from "./guarded-call";
import { packResidentTask } from "./ipc-packing";
import type { PackedClaims } from "./claim-packing";
import { unpackFromIpc, type PackedCountResult } from "./result-packing";
import {
  PoolQueueFullError,
  PoolTerminatedError,
  WorkerCrashedError,
  type WorkerType,
} from "./pool-errors";

export type { CallOptions as ExecOptions } from "./guarded-call";
export type { WorkerType } from "./pool-errors";

export interface WorkerPoolOptions {
  type: WorkerType;
  minWorkers: number;
  maxWorkers: number;
  /** V8 old-generation heap limit of each worker, in MiB. */
  maxOldGenerationMb: number;
  /**
   * The worker entry: built JavaScript serving at least `count` and `warm` (see
   * ../worker/serve-worker.ts); default the engine's own. An entry's other methods run
   * through `call`.
   */
  script?: string;
  /** Appended to the entry's process.argv, in a thread and a child process alike. */
  scriptArgs?: string[];
  /** CPU nice value of each worker, so the event loop gets a core first; 0 leaves it. */
  nice?: number;
  /** Tasks allowed to wait for a worker; beyond it exec rejects with PoolQueueFullError. */
  maxQueueSize?: number;
  /** Grace period for a worker to exit cleanly before it is killed; default 250 ms. */
  workerTerminateTimeoutMs?: number;
}

export interface WorkerPoolStats {
  type: WorkerType;
  totalWorkers: number;
  busyWorkers: number;
  idleWorkers: number;
  pendingTasks: number;
}

/** A died worker gets one retry on another worker: a random kill should not fail a query. */
const MAX_ATTEMPTS = 2;
const DEFAULT_TERMINATE_TIMEOUT_MS = 250;
const WORKER_SCRIPT = path.resolve(__dirname, "../worker/worker.js");

/** A pool of worker threads or child processes running count tasks. */
export class WorkerPool {
  readonly type: WorkerType;
  private readonly pool: workerpool.Pool;
  private readonly minWorkers: number;
  private terminated = false;

  constructor(options: WorkerPoolOptions) {
    const { type, minWorkers, maxWorkers, maxOldGenerationMb, maxQueueSize } = options;
    if (type !== "thread" && type !== "process") {
      throw new TypeError(`worker type must be "thread" or "process", got ${JSON.stringify(type)}`);
    }
    checkInteger("minWorkers", minWorkers, 0);
    checkInteger("maxWorkers", maxWorkers, Math.max(1, minWorkers));
    checkInteger("maxOldGenerationMb", maxOldGenerationMb, 16);
    if (maxQueueSize !== undefined) checkInteger("maxQueueSize", maxQueueSize, 1);
    const terminateMs = options.workerTerminateTimeoutMs ?? DEFAULT_TERMINATE_TIMEOUT_MS;
    checkInteger("workerTerminateTimeoutMs", terminateMs, 1);
    const script = options.script ?? WORKER_SCRIPT;
    if (!fs.existsSync(script)) {
      throw new Error(`worker script ${script} is missing; build the project first`);
    }
    const argv = options.scriptArgs ?? [];
    const env = { ...process.env, [WORKER_NICE_ENV]: String(options.nice ?? 0) };
    this.type = type;
    this.minWorkers = minWorkers;
    this.pool = workerpool.pool(script, {
      workerType: type,
      minWorkers,
      maxWorkers,
      maxQueueSize,
      workerTerminateTimeout: terminateMs,
      workerThreadOpts: {
        argv,
        env,
        resourceLimits: { maxOldGenerationSizeMb: maxOldGenerationMb },
      },
      forkArgs: argv,
      // "advanced" serialization sends typed arrays over IPC as binary; the default JSON turns
      // a Float64Array into {"0":...} and loses its type.
      forkOpts: {
        env,
        serialization: "advanced",
        execArgv: [`--max-old-space-size=${maxOldGenerationMb}`],
      },
    });
  }

  /** Starts minWorkers workers and builds their kernel tables; returns their ids. */
  warm(): Promise<string[]> {
    return Promise.all(
      Array.from({ length: this.minWorkers }, () => this.call<string>("warm", [], {})),
    );
  }

  exec(task: CountTask, opts: CallOptions = {}): Promise<CountTaskResult> {
    let wire: unknown = task;
    if (this.type === "process" && task?.kind === "resident") {
      try {
        wire = packResidentTask(task);
      } catch (err) {
        return Promise.reject(err);
      }
    }
    const result = this.call<CountTaskResult | PackedCountResult>("count", [wire], opts);
    return this.type === "process"
      ? result.then(unpackFromIpc)
      : (result as Promise<CountTaskResult>);
  }

  /** One worker's share of tasks it claims from `cursor` (threads only: it needs shared memory). */
  execClaimed(
    claims: PackedClaims,
    cursor: Int32Array,
    opts: CallOptions = {},
  ): Promise<ClaimedRun> {
    if (this.type !== "thread") {
      return Promise.reject(
        new TypeError("only a thread pool shares the memory claimed tasks need"),
      );
    }
    return this.call<ClaimedRun>("countClaimed", [claims, cursor], opts);
  }

  stats(): WorkerPoolStats {
    const s = this.pool.stats();
    return {
      type: this.type,
      totalWorkers: s.totalWorkers,
      busyWorkers: s.busyWorkers,
      idleWorkers: s.idleWorkers,
      pendingTasks: s.pendingTasks,
    };
  }

  /** Stops every worker now; tasks still running or queued reject. */
  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    await this.pool.terminate(true);
  }

  /**
   * Runs one of the worker entry's methods, under exec's rules: a worker that dies is
   * replaced and the call retried once, and timeouts and aborts cancel it.
   */
  call<T>(method: string, params: unknown[], opts: CallOptions = {}): Promise<T> {
    if (this.terminated) return Promise.reject(new PoolTerminatedError());
    const start = (): CancellablePromise<T> => {
      if (this.terminated) throw new PoolTerminatedError();
      try {
        return this.pool.exec(method, params) as CancellablePromise<T>;
      } catch (err) {
        if (/max queue size/i.test((err as Error).message)) {
          throw new PoolQueueFullError(this.pool.maxQueueSize);
        }
        throw err;
      }
    };
    return guardedCall(
      start,
      {
        maxAttempts: MAX_ATTEMPTS,
        isWorkerDeath: (err) => err instanceof workerpool.TerminateError && !this.terminated,
        mayRetry: () => !this.terminated,
        crashed: (err, attempts) => new WorkerCrashedError(this.type, attempts, err),
        failed: (err) => (this.terminated ? new PoolTerminatedError() : reviveCorpusChanged(err)),
      },
      opts,
    );
  }
}

function checkInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}
