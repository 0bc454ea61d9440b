import { parentPort, workerData } from "node:worker_threads";
import { openSqlite } from "../db/sqlite";
import { readCorpusIndex, readResidentCorpus } from "./resident-corpus";

/** What a corpus load is asked to read: the text too, or only the index. */
export interface CorpusLoadRequest {
  dbFile: string;
  resident: boolean;
}

/**
 * Worker-thread entry of a corpus load (see corpus-loader.ts). It opens its own read-only
 * connection, reads in one transaction (so the version and the text belong together), and
 * hands back the text as a SharedArrayBuffer and the index arrays by transfer: nothing is
 * copied on the way back.
 */
function main(): void {
  const { dbFile, resident } = workerData as CorpusLoadRequest;
  const db = openSqlite(dbFile, { readonly: true });
  try {
    const read = resident ? readResidentCorpus(db) : readCorpusIndex(db);
    parentPort?.postMessage(read, [read.ids.buffer, read.offsets.buffer] as ArrayBuffer[]);
  } finally {
    db.close();
  }
}

main();
