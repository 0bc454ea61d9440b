import type { CorpusService } from "../corpus/corpus.service";
import { MetricMatrix } from "../metrics/metric-matrix";
import type { ExecutionStrategy } from "./execution-strategy";
import type { ExecutionReport } from "./execution-report";
import type { Executor, Executors, ExecutorRun } from "./exec/executor";
import { CorpusChangedError } from "./errors";
import type { KernelName } from "./kernels/kernel-backend";
import { resolvedKernel } from "./kernels/kernel-selection";
import { checkWorkers } from "./exec/worker-count";
import { chooseExecution, type ExecutionChoice } from "./plan/auto-policy";
import { mergeResults } from "./plan/merge";
import { PlanCache, tasksFor, type Planned } from "./plan/plan-cache";
import { Selector } from "./plan/selection";
import { SharedOutputs } from "./plan/shared-output";
import { DEFAULT_MAX_TASK_BYTES, planTasks, toTasks } from "./plan/task-planner";

export interface CountRequest {
  mask: number;
  strategy: ExecutionStrategy;
  workers?: number | null;
  chunkSize?: number | null;
  /** Ids to count (ascending), or null for the whole corpus. */
  ids: Int32Array | null;
  /** The corpus version `ids` were selected on; with ids, the count runs on it or not at all. */
  idsVersion?: number;
  signal?: AbortSignal;
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface EngineOptions {
  /** Most text one SQLite-reading task may hold; bounds memory above the resident budget. */
  maxTaskBytes?: number;
  /** The kernel every task asks for (Config.kernel); SIMD falls back to JS where it cannot load. */
  kernel?: KernelName;
}

export interface CountResult {
  emailIds: Int32Array;
  /** One row per email of emailIds; metrics outside the mask are 0. */
  counts: MetricMatrix;
  report: ExecutionReport;
}

/**
 * Plans a count over the selected emails, hands the tasks to the chosen executor and
 * merges what comes back. Knows nothing of GraphQL or HTTP: it throws only the errors of
 * ./errors.ts.
 */
export class Engine {
  private readonly selector = new Selector();
  private readonly plans = new PlanCache();
  private readonly maxTaskBytes: number;
  private readonly kernel: KernelName;
  private readonly outputs = new SharedOutputs();

  constructor(
    private readonly corpus: CorpusService,
    private readonly executors: Executors,
    options: EngineOptions = {},
  ) {
    this.maxTaskBytes = options.maxTaskBytes ?? DEFAULT_MAX_TASK_BYTES;
    this.kernel = options.kernel ?? "wasm-simd";
  }

  /**
   * Throws InvalidCountRequestError for arguments this engine cannot honour (workers past the
   * strategy's pool), without counting: callers check before consulting a cache, so a hit
   * and a fresh count refuse the same arguments.
   */
  validate(req: Pick<CountRequest, "strategy" | "workers">): void {
    checkWorkers(this.executors, req.strategy, req.workers);
  }

  async count(req: CountRequest): Promise<CountResult> {
    // Phases are read off one clock at their boundaries, so they add up to wallMs.
    const started = performance.now();
    const view = await this.corpus.view();
    const loaded = performance.now();
    if (req.ids !== null && req.idsVersion !== view.version) {
      // Ids of one corpus over the text of another would count emails of neither.
      throw new CorpusChangedError(
        req.idsVersion ?? -1,
        view.version,
        `the corpus was reloaded while this query ran (emails selected on version ` +
          `${req.idsVersion}, the text is version ${view.version}); retry it to count the new corpus`,
      );
    }
    const sel = this.selector.select(view, req.ids);
    const choice = chooseExecution(
      req,
      sel.totalBytes,
      sel.emails.length,
      this.executors,
      view.resident !== null,
    );
    const executor = this.executors[choice.strategy];
    const build = (): Planned => {
      const plans = planTasks(sel, view, choice, executor, this.maxTaskBytes);
      const { sharesMemory, writesInPlace } = executor;
      const sharedSegments = writesInPlace === "shared";
      const tasks = toTasks(plans, sel, view, req.mask, sharesMemory, sharedSegments, this.kernel);
      return { plans, tasks };
    };
    const planned0 =
      req.ids === null ? this.plans.get(view, planKey(choice, executor), build) : build();
    const { plans } = planned0;
    // Workers that share our memory write their rows straight into the answer.
    const inPlace =
      executor.writesInPlace !== null && view.resident !== null
        ? this.outputs.result(sel.emails.length, req.mask, plans, executor.writesInPlace)
        : null;
    const tasks = tasksFor(planned0.tasks, req.mask, inPlace?.rows ?? null);
    const planned = performance.now();
    const run: ExecutorRun = await executor.run(tasks, {
      concurrency: choice.workers,
      signal: req.signal,
      timeoutMs: req.timeoutMs,
      onProgress: req.onProgress,
      claim: choice.chunkSize === null,
    });
    const executed = performance.now();
    const counts = inPlace
      ? inPlace.finish()
      : mergeResults(sel.emails.length, req.mask, plans, run.results);
    // The whole corpus's ids are the view's own array, shared rather than copied per query.
    const emailIds = req.ids === null ? view.ids : Int32Array.from(sel.emails, (i) => view.ids[i]);
    const merged = performance.now();
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
        kernel: resolvedKernel(this.kernel),
        corpusVersion: view.version,
        emails: sel.emails.length,
        bytes: sel.totalBytes,
        wallMs: merged - started,
        queueMs: 0,
        otherMs: 0,
        loadMs: loaded - started,
        planMs: planned - loaded,
        executeMs: executed - planned,
        mergeMs: merged - executed,
        dispatchMs: run.dispatchMs,
        readMs: run.readMs,
        computeMs: run.computeMs,
        perWorker: run.perWorker,
        distributed: run.distributed ?? null,
        computedAt: new Date(),
        cached: false,
        cachedFrom: null,
        computedFor: null,
      },
    };
  }
}

/** Everything a whole-corpus plan depends on besides the corpus version. */
function planKey(choice: ExecutionChoice, executor: Executor): string {
  return `${choice.strategy}|${choice.workers}|${choice.chunkSize}|${executor.sharesMemory}|${executor.writesInPlace}`;
}
