import fs from "node:fs/promises";
import { TimeoutError } from "../errors/client-errors";

/** Bytes per read call: big enough that the syscall, not the loop, is the cost. */
export const CHUNK_BYTES = 1 << 20;

/** How many times each of `readers` readers reads the file: `reads` in all, shared out evenly. */
export function shareReads(reads: number, readers: number): number[] {
  return Array.from(
    { length: readers },
    (_, i) => Math.floor(reads / readers) + (i < reads % readers ? 1 : 0),
  );
}

export function deadlineError(timeoutMs: number): TimeoutError {
  return new TimeoutError(
    `compareIo: reading exceeded the ${timeoutMs} ms query timeout (QUERY_TIMEOUT_MS); ask for fewer repetitions`,
  );
}

/**
 * Reads the first `bytes` bytes of `file`, `times` times one after another, through
 * fs.promises: every read call is a job on libuv's threadpool while the event loop waits.
 * Returns the bytes read. Past `deadline` (Date.now() ms) it stops with TIMEOUT.
 */
export async function readOnThreadpool(
  file: string,
  bytes: number,
  times: number,
  deadline: number,
  timeoutMs: number,
): Promise<number> {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, bytes)));
  const handle = await fs.open(file, "r");
  let total = 0;
  try {
    for (let t = 0; t < times; t++) {
      for (let at = 0; at < bytes;) {
        if (Date.now() > deadline) throw deadlineError(timeoutMs);
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, bytes - at), at);
        if (bytesRead === 0) break; // the file shrank: count what was there
        at += bytesRead;
        total += bytesRead;
      }
    }
  } finally {
    await handle.close();
  }
  return total;
}
