import path from "node:path";
import { isMainThread, threadId } from "node:worker_threads";
import { CorpusReader } from "./corpus-reader";

/** "thread:<threadId>" inside a worker thread, "process:<pid>" in a child process. */
export function workerIdOfThisContext(): string {
  return isMainThread ? `process:${process.pid}` : `thread:${threadId}`;
}

/**
 * Everything a worker keeps between tasks. Created by whoever hosts the tasks (the worker
 * entry, or the engine on the main thread) and passed in, so tests get a fresh one and no
 * handle outlives its owner. Connections are cached because opening one and preparing its
 * statements costs more than reading a small task's text.
 */
export class WorkerEnv {
  private readonly readers = new Map<string, CorpusReader>();

  constructor(
    readonly worker: string,
    private readonly maxOpenFiles = 4,
  ) {
    if (!Number.isInteger(maxOpenFiles) || maxOpenFiles < 1) {
      throw new RangeError(`maxOpenFiles must be a positive integer, got ${maxOpenFiles}`);
    }
  }

  /** The cached reader of dbFile, opened on first use. */
  corpus(dbFile: string): CorpusReader {
    if (typeof dbFile !== "string" || !path.isAbsolute(dbFile)) {
      throw new TypeError(`dbFile must be an absolute path, got ${JSON.stringify(dbFile)}`);
    }
    let reader = this.readers.get(dbFile);
    if (reader !== undefined) {
      // Re-insert so Map order is least-recently-used first.
      this.readers.delete(dbFile);
    } else {
      reader = new CorpusReader(dbFile);
      if (this.readers.size >= this.maxOpenFiles) this.evictOldest();
    }
    this.readers.set(dbFile, reader);
    return reader;
  }

  close(): void {
    for (const reader of this.readers.values()) reader.close();
    this.readers.clear();
  }

  private evictOldest(): void {
    const [file, reader] = this.readers.entries().next().value as [string, CorpusReader];
    this.readers.delete(file);
    reader.close();
  }
}
