import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ReaderJob, ReaderMessage } from "./io-reader.worker";
import { deadlineError } from "./io-reads";

const READER_SCRIPT = path.join(__dirname, "io-reader.worker.js");

/** The worker's next message; its exit or error before that rejects. */
function next(worker: Worker): Promise<ReaderMessage> {
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = (m: ReaderMessage): void => {
      settle();
      resolve(m);
    };
    const onError = (err: Error): void => {
      settle();
      reject(err);
    };
    const onExit = (code: number): void => {
      settle();
      reject(new Error(`an I/O reader thread exited with code ${code}`));
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}

/**
 * One worker thread per entry of `times`, each reading the file that many times. Threads
 * start and open the file before the clock starts: what is timed is the reading alone.
 * Returns the bytes read and the wall time from "go" to the last reader done.
 */
export async function readOnWorkerThreads(
  file: string,
  bytes: number,
  times: readonly number[],
  deadline: number,
  timeoutMs: number,
): Promise<{ bytesRead: number; wallMs: number }> {
  const workers = times.map(
    (t) =>
      new Worker(READER_SCRIPT, {
        workerData: { file, bytes, times: t, deadline } satisfies ReaderJob,
      }),
  );
  try {
    await Promise.all(workers.map(next));
    const started = performance.now();
    const done = workers.map(next);
    for (const w of workers) w.postMessage("go");
    const results = await Promise.all(done);
    const wallMs = performance.now() - started;
    let bytesRead = 0;
    for (const r of results) {
      if (r.kind !== "done") throw new Error(`an I/O reader thread sent ${r.kind} instead of done`);
      if (r.late) throw deadlineError(timeoutMs);
      bytesRead += r.bytesRead;
    }
    return { bytesRead, wallMs };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
