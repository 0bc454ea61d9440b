import type { KernelName } from "../../kernels/kernel-backend";
import type { ResidentTask } from "../worker/task.types";

/**
 * A query's claimable tasks as they cross to a worker thread: views of shared buffers and two
 * small arrays, whatever the number of tasks. Sent as a list of task objects, 147 tasks at 10x
 * cost 2 ms of structured cloning per worker on the main thread, longer than all the rest of
 * its part in a query.
 */
export interface PackedClaims {
  version: number;
  mask: number;
  bytes: SharedArrayBuffer;
  /** The corpus memory `bytes` belongs to, when it is one (the SIMD kernel counts in place). */
  memory?: WebAssembly.Memory;
  kernel?: KernelName;
  /** Every task's segments end to end (views of the tasks' one shared buffer). */
  starts: Float64Array;
  ends: Float64Array;
  /** Task i's segments are [at[i], at[i + 1]) of starts and ends. */
  at: Int32Array;
  counts: Float64Array;
  edges: Uint8Array;
  firstRows: Int32Array;
  restRows: Int32Array;
}

/** The packed form of tasks that lie end to end in one set of buffers; null otherwise. */
export function packClaims(tasks: readonly ResidentTask[]): PackedClaims | null {
  const first = tasks[0];
  if (!first?.into) return null;
  const n = tasks.length;
  const at = new Int32Array(n + 1);
  const firstRows = new Int32Array(n);
  const restRows = new Int32Array(n);
  const base = first.starts.byteOffset / 8;
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    const into = t.into;
    const sameBuffers =
      into !== undefined &&
      t.bytes === first.bytes &&
      t.memory === first.memory &&
      t.kernel === first.kernel &&
      t.mask === first.mask &&
      t.starts.buffer === first.starts.buffer &&
      t.ends.buffer === first.ends.buffer &&
      t.starts.byteOffset === t.ends.byteOffset &&
      into.counts === first.into.counts &&
      into.edges === first.into.edges;
    if (!sameBuffers || t.starts.byteOffset / 8 - base !== at[i]) return null;
    at[i + 1] = at[i] + t.starts.length;
    firstRows[i] = into.firstRow;
    restRows[i] = into.restRow;
  }
  const { version, mask, bytes, memory, kernel, into } = first;
  return {
    version,
    mask,
    bytes,
    memory,
    kernel,
    starts: new Float64Array(first.starts.buffer, first.starts.byteOffset, at[n]),
    ends: new Float64Array(first.ends.buffer, first.ends.byteOffset, at[n]),
    at,
    counts: into.counts,
    edges: into.edges,
    firstRows,
    restRows,
  };
}

export function claimCount(packed: PackedClaims): number {
  return packed.at.length - 1;
}

/** Task i of a packed list, as the engine built it. */
export function unpackClaim(packed: PackedClaims, i: number): ResidentTask {
  const { version, mask, bytes, memory, kernel, at, counts, edges } = packed;
  return {
    kind: "resident",
    version,
    bytes,
    memory,
    kernel,
    starts: packed.starts.subarray(at[i], at[i + 1]),
    ends: packed.ends.subarray(at[i], at[i + 1]),
    mask,
    into: { counts, edges, firstRow: packed.firstRows[i], restRow: packed.restRows[i] },
  };
}
