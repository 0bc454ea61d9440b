import type { CorpusView } from "../../corpus/corpus.service";
import { ExecutionStrategy } from "../execution-strategy";
import type { Executor } from "../exec/executor";
import type { CountTask } from "../exec/worker/task.types";
import type { KernelName } from "../kernels/kernel-backend";
import type { ExecutionChoice } from "./auto-policy";
import { alignToCodePoint, capTaskBytes, planBalanced, planFixed, type TaskPlan } from "./chunking";
import type { Selection } from "./selection";

/** Most text one SQLite-reading task holds by default; bounds memory above the resident budget. */
export const DEFAULT_MAX_TASK_BYTES = 8 * 1024 * 1024;

/** Cuts a selection into the plans the chosen executor will run, one per task. */
export function planTasks(
  sel: Selection,
  view: CorpusView,
  choice: ExecutionChoice,
  executor: Executor,
  maxTaskBytes: number,
): TaskPlan[] {
  const resident = executor.sharesMemory ? view.resident : null;
  if (!resident) {
    // Workers will read these tasks' text from SQLite into memory: cap each task.
    const plans =
      choice.chunkSize != null
        ? planFixed(sel, choice.chunkSize)
        : planBalanced(sel, choice.workers, null);
    return capTaskBytes(plans, maxTaskBytes);
  }
  if (choice.chunkSize != null) return planFixed(sel, choice.chunkSize);
  if (choice.strategy === ExecutionStrategy.SEQUENTIAL) return planBalanced(sel, 1, null);
  const bytes = new Uint8Array(resident);
  // Only a planner that can see the text may cut inside an email.
  const split = (member: number, offset: number): number =>
    alignToCodePoint(bytes, view.offsets[sel.emails[member]], offset);
  const tasks =
    executor.writesInPlace === "shared"
      ? claimedTaskCount(choice.workers, sel.totalBytes)
      : choice.workers;
  return planBalanced(sel, tasks, split);
}

/** About this much text per task when workers claim them. */
const CLAIMED_TASK_BYTES = 1 << 20;
/** At most this many claimed tasks: the plan cache keeps plans up to 256 tasks. */
const MAX_CLAIMED_TASKS = 256;

/**
 * Balanced tasks for workers that claim them as they free up: a multiple of the workers, of
 * about 1 MiB each, so one that runs slow (heavier text costs more per byte, another process
 * takes its core) claims fewer, and they finish within a fraction of a millisecond of each
 * other. One share per worker left a 15% spread between the two workers at 10x. Small work
 * keeps one task per worker.
 */
export function claimedTaskCount(workers: number, bytes: number): number {
  const perWorker = Math.ceil(bytes / (CLAIMED_TASK_BYTES * workers));
  return workers * Math.max(1, Math.min(Math.floor(MAX_CLAIMED_TASKS / workers), perWorker));
}

/**
 * The plans as tasks: ranges in the shared buffer when the executor can see it, else ids.
 * With `sharedSegments` the tasks' ranges are views of one SharedArrayBuffer, so a worker
 * thread is handed them by reference: a clone of a 10x corpus's ranges was 1.3 MB per query,
 * copied on the main thread and garbage in the workers. Plans are cached, so this is built
 * once per corpus version.
 */
export function toTasks(
  plans: readonly TaskPlan[],
  sel: Selection,
  view: CorpusView,
  mask: number,
  shared: boolean,
  sharedSegments: boolean,
  kernel?: KernelName,
): CountTask[] {
  if (!(shared && view.resident)) return plans.map((p) => toSqliteTask(p, sel, view, mask, kernel));
  const resident = view.resident;
  const memory = view.memory ?? undefined;
  // Views of one shared buffer cross postMessage by reference; views of one private buffer
  // would each be cloned with the whole buffer, so without sharing each task owns its arrays.
  const segments = sharedSegments ? plans.reduce((n, p) => n + p.members.length, 0) : 0;
  const allStarts = new Float64Array(new SharedArrayBuffer(segments * 8));
  const allEnds = new Float64Array(new SharedArrayBuffer(segments * 8));
  let at = 0;
  return plans.map((plan): CountTask => {
    const n = plan.members.length;
    const starts = sharedSegments ? allStarts.subarray(at, at + n) : new Float64Array(n);
    const ends = sharedSegments ? allEnds.subarray(at, at + n) : new Float64Array(n);
    at += n;
    for (let j = 0; j < n; j++) {
      const base = view.offsets[sel.emails[plan.members[j]]];
      starts[j] = base + plan.starts[j];
      ends[j] = base + plan.ends[j];
    }
    const version = view.version;
    return { kind: "resident", version, bytes: resident, memory, starts, ends, mask, kernel };
  });
}

function toSqliteTask(
  plan: TaskPlan,
  sel: Selection,
  view: CorpusView,
  mask: number,
  kernel?: KernelName,
): CountTask {
  const n = plan.members.length;
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
    kernel,
  };
}
