import type { CorpusView } from "../../corpus/corpus.service";
import type { TaskPlan } from "./chunking";
import type { CountTask, ResidentTask, SharedRows } from "../exec/worker/task.types";

/** A query's plans and the tasks built from them (a cached one's with its first query's mask). */
export interface Planned {
  plans: TaskPlan[];
  tasks: CountTask[];
}

/**
 * Plans with more tasks than this are rebuilt each time: a per-email plan of a large corpus
 * holds one object per email, too much to keep for a query run once.
 */
const MAX_CACHED_TASKS = 256;

/**
 * Whole-corpus plans per corpus version and execution choice. They are the same for every
 * query that asks the same thing of the same version (the common case: a dashboard), and
 * building them allocated a few bytes per email per query, which at 80,000 emails was a
 * steady source of garbage-collection pauses on the main thread. Nothing reads a task's
 * arrays but to copy them (postMessage, IPC) or count them, so sharing is safe; the engine
 * gives each query its own task objects, with its own mask (see tasksFor).
 */
export class PlanCache {
  private readonly byView = new WeakMap<CorpusView, Map<string, Planned>>();

  get(view: CorpusView, key: string, build: () => Planned): Planned {
    let known = this.byView.get(view);
    let planned = known?.get(key);
    if (!planned) {
      planned = build();
      if (planned.tasks.length <= MAX_CACHED_TASKS) {
        if (!known) {
          known = new Map();
          this.byView.set(view, known);
        }
        known.set(key, planned);
      }
    }
    return planned;
  }
}

/**
 * A query's own copies of planned tasks, with its mask and, for resident ones, the rows each
 * writes in place: one copy per task, where a copy for the mask and another for the rows made
 * two, at 150 tasks per THREADS query at 10x.
 */
export function tasksFor(
  tasks: readonly CountTask[],
  mask: number,
  rows: readonly SharedRows[] | null,
): CountTask[] {
  return tasks.map((t, i): CountTask => {
    if (rows === null || t.kind !== "resident") return { ...t, mask };
    // Spelled out: `{ ...t, mask, into }` made a 400-byte object (a spread, then a property
    // added past its shape); this literal is a fifth of that. Every field is required here,
    // so a field added to ResidentTask fails to compile until it is copied.
    const into = rows[i];
    return residentTask(t.version, t.bytes, t.memory, t.starts, t.ends, mask, t.kernel, into);
  });
}

/** Every key of T required, optional ones still allowed to be undefined. */
type EveryField<T> = { [K in keyof Required<T>]: T[K] };

function residentTask(
  version: number,
  bytes: SharedArrayBuffer,
  memory: ResidentTask["memory"],
  starts: Float64Array,
  ends: Float64Array,
  mask: number,
  kernel: ResidentTask["kernel"],
  into: SharedRows,
): EveryField<ResidentTask> {
  return { kind: "resident", version, bytes, memory, starts, ends, mask, kernel, into };
}
