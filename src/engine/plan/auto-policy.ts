import { ExecutionStrategy, type ConcreteStrategy } from "../execution-strategy";
import type { Executors } from "../exec/executor";
import { checkWorkers } from "../exec/worker-count";

export interface ExecutionChoice {
  strategy: ConcreteStrategy;
  workers: number;
  chunkSize: number | null;
  reason: string;
}

interface ChoiceRequest {
  strategy: ExecutionStrategy;
  workers?: number | null;
  chunkSize?: number | null;
}

/**
 * Below this much text the whole count takes well under a millisecond on the main
 * thread, less than one round trip to a worker, so a pool can only lose.
 */
export const AUTO_SEQUENTIAL_MAX_BYTES = 1 << 20;

/** What runs a count of `bytes` in `emails`: AUTO's pick, or the strategy asked for. */
export function chooseExecution(
  req: ChoiceRequest,
  bytes: number,
  emails: number,
  executors: Executors,
  resident: boolean,
): ExecutionChoice {
  if (req.strategy === ExecutionStrategy.AUTO) {
    return chooseAuto(bytes, emails, executors, resident, req);
  }
  const strategy = req.strategy as ConcreteStrategy;
  checkWorkers(executors, strategy, req.workers);
  const workers = req.workers ?? executors[strategy].defaultWorkers;
  return {
    strategy,
    workers,
    chunkSize: req.chunkSize ?? null,
    reason: `${strategy} requested${req.workers == null ? `; all ${workers} workers` : ""}${
      req.chunkSize == null ? "; chunks balanced by bytes" : `; ${req.chunkSize} emails per task`
    }`,
  };
}

/**
 * AUTO: small work stays on the main thread; large work goes to the thread pool
 * (shared memory, no copy, cheapest dispatch) with balanced chunks its workers claim,
 * which the lesson showed beats per-item dispatch.
 */
function chooseAuto(
  bytes: number,
  emails: number,
  executors: Executors,
  resident: boolean,
  req: { workers?: number | null; chunkSize?: number | null },
): ExecutionChoice {
  const mb = (bytes / 1e6).toFixed(2);
  // Other hosts' cores pay only above a crossover the bench measures: the executor knows it.
  const remote = executors[ExecutionStrategy.DISTRIBUTED];
  const verdict = remote.autoVerdict?.(bytes);
  if (verdict?.eligible && emails > 1) {
    const workers = Math.min(req.workers ?? remote.defaultWorkers, remote.maxWorkers);
    return {
      strategy: ExecutionStrategy.DISTRIBUTED,
      workers,
      chunkSize: req.chunkSize ?? null,
      reason: `AUTO: ${mb} MB in ${emails} emails; DISTRIBUTED ${verdict.reason}`,
    };
  }
  const notRemote = verdict ? `; not DISTRIBUTED: ${verdict.reason}` : "";
  if (bytes <= AUTO_SEQUENTIAL_MAX_BYTES || emails <= 1) {
    return {
      strategy: ExecutionStrategy.SEQUENTIAL,
      workers: 1,
      chunkSize: req.chunkSize ?? null,
      reason: `AUTO: ${mb} MB in ${emails} emails is at most ${AUTO_SEQUENTIAL_MAX_BYTES / 2 ** 20} MiB; the main thread finishes before a worker round trip would${notRemote}`,
    };
  }
  const threads = executors[ExecutionStrategy.THREADS];
  const workers = Math.min(req.workers ?? threads.defaultWorkers, threads.maxWorkers);
  return {
    strategy: ExecutionStrategy.THREADS,
    workers,
    chunkSize: req.chunkSize ?? null,
    reason: `AUTO: ${mb} MB in ${emails} emails; THREADS with ${workers} workers${
      resident
        ? " reading the shared resident corpus"
        : " reading SQLite (corpus above the resident budget)"
    }, ${req.chunkSize == null ? "balanced chunks the workers claim" : `${req.chunkSize} emails per task`}${notRemote}`,
  };
}
