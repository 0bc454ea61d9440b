import type { CorpusView } from "../../corpus/corpus.service";
import type { TaskPlan } from "./chunking";
import type { CountTask } from "../exec/worker/task.types";

/** A query's plans and the tasks built from them (with no metric mask yet). */
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
 * arrays but to copy them (postMessage, IPC) or count them, so sharing is safe; each query
 * gets its own task objects, with its own mask.
 */
export class PlanCache {
  private readonly byView = new WeakMap<CorpusView, Map<string, Planned>>();

  get(view: CorpusView, key: string, mask: number, build: () => Planned): Planned {
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
    return { plans: planned.plans, tasks: planned.tasks.map((t) => ({ ...t, mask })) };
  }
}
