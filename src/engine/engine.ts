import type { CorpusService, CorpusView } from "../corpus/corpus.service";
import { indexOfIds } from "../corpus/resident-corpus";
import { BadUserInputError } from "../errors/client-errors";
import {
  alignToCodePoint,
  planBalanced,
  planFixed,
  capTaskBytes,
  type Selection,
  type TaskPlan,
} from "./chunking";
import { ExecutionStrategy, type ConcreteStrategy } from "./execution-strategy";
import type { ExecutionReport } from "./execution-report";
import type { Executor, ExecutorRun } from "./executor";
import type { SegmentCounts } from "./kernels/segment-counts";
import { mergeResults } from "./merge";
import { chooseAuto, type AutoChoice } from "./auto-policy";
import type { CountTask } from "./task.types";

export interface CountRequest {
  mask: number;
  strategy: ExecutionStrategy;
  workers?: number | null;
  chunkSize?: number | null;
  /** Ids to count (ascending), or null for the whole corpus. */
  ids: Int32Array | null;
  signal?: AbortSignal;
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
  /** Test hook passed to every task (see CountTask.testDelayMs). */
  testDelayMs?: number;
}

export interface CountResult {
  emailIds: Int32Array;
  counts: SegmentCounts;
  report: ExecutionReport;
}

export type Executors = Record<ConcreteStrategy, Executor>;

export const DEFAULT_MAX_TASK_BYTES = 8 * 1024 * 1024;

/**
 * Plans a count over the selected emails, hands the tasks to the chosen executor and
 * merges what comes back. Knows nothing of GraphQL or HTTP.
 */
export class Engine {
  constructor(
    private readonly corpus: CorpusService,
    private readonly executors: Executors,
    /** Most text one SQLite-reading task may hold; bounds memory above the resident budget. */
    private readonly maxTaskBytes = DEFAULT_MAX_TASK_BYTES,
  ) {}

  /** The unfiltered selection is the same for every query on a corpus version: build it once. */
  private readonly wholeSelections = new WeakMap<CorpusView, Selection>();

  private wholeCorpus(view: CorpusView): Selection {
    let sel = this.wholeSelections.get(view);
    if (!sel) {
      sel = select(view, null);
      this.wholeSelections.set(view, sel);
    }
    return sel;
  }

  async count(req: CountRequest): Promise<CountResult> {
    const started = performance.now();
    const { view, loadedMs } = this.corpus.view();
    const sel = req.ids === null ? this.wholeCorpus(view) : select(view, req.ids);
    const choice = this.choose(req, sel, view);
    const executor = this.executors[choice.strategy];
    const plans = this.plan(sel, view, choice, executor);
    const tasks = plans.map((p) => toTask(p, sel, view, req.mask, executor.sharesMemory));
    if (req.testDelayMs) for (const task of tasks) task.testDelayMs = req.testDelayMs;
    const planMs = performance.now() - started - loadedMs;
    const run: ExecutorRun = await executor.run(tasks, {
      concurrency: choice.workers,
      signal: req.signal,
      timeoutMs: req.timeoutMs,
      onProgress: req.onProgress,
    });
    const mergeStart = performance.now();
    const counts = mergeResults(sel.emails.length, req.mask, plans, run.results);
    const emailIds =
      req.ids === null ? view.ids.slice() : Int32Array.from(sel.emails, (i) => view.ids[i]);
    const mergeMs = performance.now() - mergeStart;
    return {
      emailIds,
      counts,
      report: {
        requestedStrategy: req.strategy,
        strategy: choice.strategy,
        reason: choice.reason,
        workers: choice.workers,
        tasks: tasks.length,
        chunkSize: choice.chunkSize,
        dataPath: executor.sharesMemory && view.resident ? "resident" : "sqlite",
        corpusVersion: view.version,
        emails: sel.emails.length,
        bytes: sel.totalBytes,
        wallMs: performance.now() - started,
        queueMs: 0,
        planMs,
        dispatchMs: run.dispatchMs,
        readMs: loadedMs + run.readMs,
        computeMs: run.computeMs,
        mergeMs,
        perWorker: run.perWorker,
        cached: false,
      },
    };
  }

  private choose(req: CountRequest, sel: Selection, view: CorpusView): AutoChoice {
    if (req.strategy === ExecutionStrategy.AUTO) {
      return chooseAuto(
        sel.totalBytes,
        sel.emails.length,
        this.executors,
        view.resident !== null,
        req,
      );
    }
    const strategy = req.strategy as ConcreteStrategy;
    const executor = this.executors[strategy];
    if (req.workers != null && req.workers > executor.maxWorkers) {
      throw new BadUserInputError(
        `workers must be between 1 and ${executor.maxWorkers} for ${strategy} (got ${req.workers})`,
        { argument: "workers", min: 1, max: executor.maxWorkers },
      );
    }
    const workers = req.workers ?? executor.defaultWorkers;
    return {
      strategy,
      workers,
      chunkSize: req.chunkSize ?? null,
      reason: `${strategy} requested${req.workers == null ? `; all ${workers} workers` : ""}${
        req.chunkSize == null ? "; chunks balanced by bytes" : `; ${req.chunkSize} emails per task`
      }`,
    };
  }

  private plan(
    sel: Selection,
    view: CorpusView,
    choice: AutoChoice,
    executor: Executor,
  ): TaskPlan[] {
    const resident = executor.sharesMemory ? view.resident : null;
    if (!resident) {
      // Workers will read these tasks' text from SQLite into memory: cap each task.
      const plans =
        choice.chunkSize != null
          ? planFixed(sel, choice.chunkSize)
          : planBalanced(sel, choice.workers, null);
      return capTaskBytes(plans, this.maxTaskBytes);
    }
    if (choice.chunkSize != null) return planFixed(sel, choice.chunkSize);
    if (choice.strategy === ExecutionStrategy.SEQUENTIAL) return planBalanced(sel, 1, null);
    const bytes = new Uint8Array(resident);
    // Only a planner that can see the text may cut inside an email.
    const split = (member: number, offset: number): number =>
      alignToCodePoint(bytes, view.offsets[sel.emails[member]], offset);
    return planBalanced(sel, choice.workers, split);
  }
}

function select(view: CorpusView, ids: Int32Array | null): Selection {
  let emails: Int32Array;
  if (ids === null) {
    emails = new Int32Array(view.ids.length);
    for (let i = 0; i < emails.length; i++) emails[i] = i;
  } else {
    // Ids come from a filter query; ones that vanished in a concurrent reload are dropped.
    emails = indexOfIds(view, ids).filter((i) => i >= 0);
  }
  const sizes = new Float64Array(emails.length);
  let totalBytes = 0;
  for (let k = 0; k < emails.length; k++) {
    const i = emails[k];
    sizes[k] = view.offsets[i + 1] - view.offsets[i];
    totalBytes += sizes[k];
  }
  return { emails, sizes, totalBytes };
}

function toTask(
  plan: TaskPlan,
  sel: Selection,
  view: CorpusView,
  mask: number,
  shared: boolean,
): CountTask {
  const n = plan.members.length;
  if (shared && view.resident) {
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const base = view.offsets[sel.emails[plan.members[j]]];
      starts[j] = base + plan.starts[j];
      ends[j] = base + plan.ends[j];
    }
    return { kind: "resident", version: view.version, bytes: view.resident, starts, ends, mask };
  }
  const ids = new Int32Array(n);
  for (let j = 0; j < n; j++) ids[j] = view.ids[sel.emails[plan.members[j]]];
  return {
    kind: "sqlite",
    version: view.version,
    dbFile: view.dbFile,
    ids,
    starts: plan.starts.slice(),
    ends: plan.ends.slice(),
    mask,
  };
}
