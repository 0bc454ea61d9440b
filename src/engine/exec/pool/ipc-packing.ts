import type { ResidentTask } from "../worker/task.types";
import { isContinuationByte } from "../../kernels/utf8";
import type { PackedResidentTask } from "../worker/count.task";

/** Segments copied end to end into one private buffer, after `reserve` leading bytes. */
export interface PackedRanges {
  bytes: Uint8Array;
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * A child process shares no memory with us, and V8's serializer refuses a SharedArrayBuffer.
 * Rather than copy the whole corpus per task, copy only the byte ranges the task reads, laid
 * end to end: the cost is the same as the task's share of a SQLite read.
 */
export function packResidentTask(task: ResidentTask): PackedResidentTask {
  if (!(task.bytes instanceof SharedArrayBuffer)) {
    throw new TypeError("a resident task's bytes must be a SharedArrayBuffer");
  }
  // The corpus memory stays behind: the child counts its packed copy with its own kernel.
  const { memory: _memory, ...rest } = task;
  return { ...rest, ...packRanges(new Uint8Array(task.bytes), task.starts, task.ends) };
}

/**
 * Copies [starts[i], ends[i]) of `source` end to end (after `reserve` bytes left for a header)
 * and rebases the ranges onto the copy. Also how DISTRIBUTED lays out a chunk for Redis.
 */
export function packRanges(
  source: Uint8Array,
  starts: Float64Array,
  ends: Float64Array,
  reserve = 0,
): PackedRanges {
  if (starts.length !== ends.length) {
    throw new RangeError(`starts has ${starts.length} entries but ends has ${ends.length}`);
  }
  const n = starts.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = starts[i];
    const e = ends[i];
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= source.length)) {
      throw new RangeError(`segment ${i} [${s}, ${e}) is outside the ${source.length} bytes`);
    }
    // Checked here, against the original neighbours: once copied end to end, a cut through a
    // code point would be followed by the next segment's bytes and go unnoticed by the kernel.
    if (isContinuationByte(source, s) || isContinuationByte(source, e)) {
      throw new RangeError(`segment ${i} [${s}, ${e}) cuts through a UTF-8 code point`);
    }
    total += e - s;
  }
  const bytes = new Uint8Array(reserve + total);
  const packedStarts = new Float64Array(n);
  const packedEnds = new Float64Array(n);
  let at = reserve;
  for (let i = 0; i < n; i++) {
    bytes.set(source.subarray(starts[i], ends[i]), at);
    packedStarts[i] = at - reserve;
    at += ends[i] - starts[i];
    packedEnds[i] = at - reserve;
  }
  return { bytes, starts: packedStarts, ends: packedEnds };
}
