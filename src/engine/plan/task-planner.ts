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
  return planBalanced(sel, choice.workers, split);
}

/** One plan as a task: ranges in the shared buffer when the executor can see it, else ids. */
export function toTask(
  plan: TaskPlan,
  sel: Selection,
  view: CorpusView,
  mask: number,
  shared: boolean,
  kernel?: KernelName,
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
    const memory = view.memory ?? undefined;
    const { version, resident: bytes } = view;
    return { kind: "resident", version, bytes, memory, starts, ends, mask, kernel };
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
    kernel,
  };
}
