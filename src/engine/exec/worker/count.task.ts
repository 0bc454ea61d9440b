import { performance } from "node:perf_hooks";
import { kernelFor } from "../../kernels/kernel-selection";
import { countSegments } from "../../kernels/text.kernel";
import type { CountTask, CountTaskResult, ResidentTask, SqliteTask } from "./task.types";
import type { WorkerEnv } from "./worker-env";
import { countInto } from "./in-place";

/** What a task that wrote its rows in place returns (nothing to transfer). */
const NO_COUNTS = new Float64Array(0);
const NO_EDGES = new Uint8Array(0);

/**
 * A resident task as it crosses into a child process: a SharedArrayBuffer cannot be cloned
 * over IPC, so the pool copies just the task's byte ranges into a private Uint8Array and
 * rebases starts/ends onto it (see pool/ipc-packing.ts).
 */
export type PackedResidentTask = Omit<ResidentTask, "bytes" | "memory"> & { bytes: Uint8Array };

/** Runs one task to completion on the calling thread; the same code serves every host. */
export function runCountTask(
  task: CountTask | PackedResidentTask,
  env: WorkerEnv,
): CountTaskResult {
  if (typeof task !== "object" || task === null) {
    throw new TypeError(`a count task must be an object, got ${String(task)}`);
  }
  switch (task.kind) {
    case "resident":
      return runResident(task, env);
    case "sqlite":
      return runSqlite(task, env);
    default:
      throw new TypeError(
        `unknown count task kind ${JSON.stringify((task as { kind?: unknown }).kind)}; ` +
          `expected "resident" or "sqlite"`,
      );
  }
}

function runResident(task: ResidentTask | PackedResidentTask, env: WorkerEnv): CountTaskResult {
  const { bytes } = task;
  let view: Uint8Array;
  if (bytes instanceof Uint8Array) view = bytes;
  else if (bytes instanceof SharedArrayBuffer) view = new Uint8Array(bytes);
  else throw new TypeError("a resident task's bytes must be a SharedArrayBuffer or a Uint8Array");
  const memory = "memory" in task ? task.memory : undefined;
  const kernel = kernelFor(task.kernel, memory);
  const t0 = performance.now();
  if (task.into) {
    countInto(view, task.starts, task.ends, task.mask, task.into, kernel);
    const computeMs = performance.now() - t0;
    return { counts: NO_COUNTS, edges: NO_EDGES, worker: env.worker, readMs: 0, computeMs };
  }
  const { counts, edges } = countSegments(view, task.starts, task.ends, task.mask, kernel);
  const computeMs = performance.now() - t0;
  return { counts, edges, worker: env.worker, readMs: 0, computeMs };
}

function runSqlite(task: SqliteTask, env: WorkerEnv): CountTaskResult {
  const t0 = performance.now();
  const laid = readSqliteTask(task, env);
  const t1 = performance.now();
  const kernel = kernelFor(task.kernel);
  const { counts, edges } = countSegments(laid.bytes, laid.starts, laid.ends, task.mask, kernel);
  const t2 = performance.now();
  return { counts, edges, worker: env.worker, readMs: t1 - t0, computeMs: t2 - t1 };
}

/**
 * A SQLite task's text, read from corpus `task.version` (CORPUS_CHANGED otherwise) and laid
 * out in one buffer. Also how DISTRIBUTED stages text above the resident budget.
 */
export function readSqliteTask(task: SqliteTask, env: WorkerEnv): LaidOut {
  const { ids, starts, ends } = task;
  if (ids.length !== starts.length || ids.length !== ends.length) {
    throw new RangeError(
      `sqlite task has ${ids.length} ids, ${starts.length} starts and ${ends.length} ends; ` +
        `they must match one to one`,
    );
  }
  if (!Number.isSafeInteger(task.version)) {
    throw new TypeError(`sqlite task version must be an integer, got ${task.version}`);
  }
  const distinct = [...new Set(ids)];
  const texts = env.corpus(task.dbFile).readTexts(task.version, distinct);
  return layOut(task, distinct, texts);
}

export interface LaidOut {
  bytes: Uint8Array;
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * Copies each distinct email once into one buffer (the kernel takes a single buffer) and turns
 * each segment's email-relative range into an absolute one, so the segments of a split email
 * share a single copy of its text.
 */
function layOut(task: SqliteTask, distinct: number[], texts: Map<number, Buffer>): LaidOut {
  const base = new Map<number, number>();
  let total = 0;
  for (const id of distinct) {
    base.set(id, total);
    total += (texts.get(id) as Buffer).length;
  }
  const bytes = new Uint8Array(total);
  for (const id of distinct) bytes.set(texts.get(id) as Buffer, base.get(id));

  const n = task.ids.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = task.ids[i];
    const size = (texts.get(id) as Buffer).length;
    const s = task.starts[i];
    const e = task.ends[i];
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= size)) {
      throw new RangeError(
        `segment ${i} [${s}, ${e}) of email ${id} is not a byte range inside its ${size} bytes`,
      );
    }
    const b = base.get(id) as number;
    starts[i] = b + s;
    ends[i] = b + e;
  }
  return { bytes, starts, ends };
}
