import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { CHUNK_BYTES } from "./io-reads";

/** What one reader thread is asked to do. */
export interface ReaderJob {
  file: string;
  bytes: number;
  times: number;
  /** Date.now() past which the reader stops. */
  deadline: number;
}

export type ReaderMessage = { kind: "ready" } | { kind: "done"; bytesRead: number; late: boolean };

/**
 * One reader on a worker thread of its own: opens the file, says ready, and on "go" reads
 * the first `bytes` bytes `times` times with blocking reads. A blocked read holds only this
 * thread, so readers on separate threads overlap.
 */
function main(): void {
  const job = workerData as ReaderJob;
  const port = parentPort;
  if (!port) throw new Error("io-reader.worker must run as a worker thread");
  const fd = fs.openSync(job.file, "r");
  port.postMessage({ kind: "ready" } satisfies ReaderMessage);
  port.once("message", () => {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, job.bytes)));
    let bytesRead = 0;
    let late = false;
    try {
      for (let t = 0; t < job.times && !late; t++) {
        for (let at = 0; at < job.bytes;) {
          if (Date.now() > job.deadline) {
            late = true;
            break;
          }
          const n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, job.bytes - at), at);
          if (n === 0) break;
          at += n;
          bytesRead += n;
        }
      }
    } finally {
      fs.closeSync(fd);
    }
    port.postMessage({ kind: "done", bytesRead, late } satisfies ReaderMessage);
  });
}

main();
