import fs from "node:fs/promises";
import path from "node:path";
import type { QueryPipeline } from "../pipeline/query-pipeline";
import { readOnThreadpool, shareReads } from "./io-reads";
import { readOnWorkerThreads } from "./io-threads";

/** Where concurrent readers run. */
export enum IoVia {
  /** fs.promises reads, run by libuv's threadpool (UV_THREADPOOL_SIZE threads, 4 by default). */
  THREADPOOL = "THREADPOOL",
  /** One worker thread per reader, each making blocking reads. */
  WORKER_THREADS = "WORKER_THREADS",
}

export interface IoRequest {
  /** Concurrent reader counts to compare with one reader (1 is always run first). */
  readers: number[];
  /** Reads of the file per run, shared out among its readers. */
  repetitions: number;
  via: IoVia[];
}

export interface IoRun {
  via: IoVia;
  readers: number;
  /** Reads done by each reader. */
  reads: number[];
  bytesRead: number;
  wallMs: number;
  megabytesPerSecond: number;
  /** The one-reader run's wall time (same via) over this one's. */
  speedup: number;
}

export interface IoComparison {
  /** The file's name (not its path: that is the server's business). */
  file: string;
  fileBytes: number;
  repetitions: number;
  threadpoolSize: number;
  runs: IoRun[];
}

export interface IoServiceOptions {
  /** The file read: the corpus database. */
  file: string;
  queryTimeoutMs: number;
}

/** One run: each entry of `reads` is one reader, reading the file that many times. */
async function readConcurrently(
  via: IoVia,
  file: string,
  bytes: number,
  reads: readonly number[],
  limit: { deadline: number; timeoutMs: number },
): Promise<{ bytesRead: number; wallMs: number }> {
  const { deadline, timeoutMs } = limit;
  if (via === IoVia.WORKER_THREADS) {
    return readOnWorkerThreads(file, bytes, reads, deadline, timeoutMs);
  }
  const started = performance.now();
  const each = await Promise.all(
    reads.map((n) => readOnThreadpool(file, bytes, n, deadline, timeoutMs)),
  );
  return { bytesRead: each.reduce((a, b) => a + b, 0), wallMs: performance.now() - started };
}

/**
 * The lesson's I/O-bound half: the corpus file read `repetitions` times by one reader, then
 * the same reads shared among 2, 4, ... concurrent readers, on libuv's threadpool and on
 * worker threads. Runs as heavy work (a heavy-query slot, the corpus lock held shared so a
 * reload cannot rewrite the file underneath), bounded by QUERY_TIMEOUT_MS.
 */
export class IoService {
  private runsStarted = 0;

  constructor(
    private readonly pipeline: QueryPipeline,
    private readonly options: IoServiceOptions,
  ) {}

  compare(req: IoRequest, signal?: AbortSignal): Promise<IoComparison> {
    const { file, queryTimeoutMs } = this.options;
    const query = {
      holder: `io:${++this.runsStarted}`,
      filter: null,
      lockTimeoutMs: queryTimeoutMs,
      signal,
    };
    return this.pipeline.run(query, async () => {
      // Every run reads the same prefix, so a file that grows meanwhile (a WAL checkpoint)
      // does not change what is compared.
      const fileBytes = (await fs.stat(file)).size;
      const deadline = Date.now() + queryTimeoutMs;
      // One read first, unrecorded, so that every run reads from the page cache alike.
      await readOnThreadpool(file, fileBytes, 1, deadline, queryTimeoutMs);
      const counts = [1, ...new Set(req.readers.filter((r) => r !== 1))];
      const runs: IoRun[] = [];
      for (const via of req.via) {
        let oneReaderMs = 0;
        for (const readers of counts) {
          const reads = shareReads(req.repetitions, readers);
          const { bytesRead, wallMs } = await readConcurrently(via, file, fileBytes, reads, {
            deadline,
            timeoutMs: queryTimeoutMs,
          });
          if (readers === 1) oneReaderMs = wallMs;
          runs.push({
            via,
            readers,
            reads,
            bytesRead,
            wallMs,
            megabytesPerSecond: bytesRead / 1e6 / (wallMs / 1000),
            speedup: oneReaderMs / wallMs,
          });
        }
      }
      return {
        file: path.basename(file),
        fileBytes,
        repetitions: req.repetitions,
        threadpoolSize: Number(process.env.UV_THREADPOOL_SIZE) || 4,
        runs,
      };
    });
  }
}
