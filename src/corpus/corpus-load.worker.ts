import { parentPort, workerData } from "node:worker_threads";
import { openSqlite } from "../db/sqlite";
import { readCorpusIndex, readResidentCorpus, type ResidentText } from "./resident-corpus";

/** What a corpus load is asked to read: the text too, or only the index. */
export interface CorpusLoadRequest {
  dbFile: string;
  /**
   * Where to put the text, sized for `bytes` bytes by the caller (a corpus memory the main
   * thread allocated, see resident-text.ts); null: read only the index.
   */
  text: (ResidentText & { totalBytes: number }) | null;
}

/**
 * Worker-thread entry of a corpus load (see corpus-loader.ts). It opens its own read-only
 * connection, reads in one transaction (so the version and the text belong together), and
 * hands back the text as a SharedArrayBuffer and the index arrays by transfer: nothing is
 * copied on the way back.
 */
function main(): void {
  const { dbFile, text } = workerData as CorpusLoadRequest;
  const db = openSqlite(dbFile, { readonly: true });
  try {
    const read = text ? readResidentCorpus(db, (n) => given(text, n)) : readCorpusIndex(db);
    parentPort?.postMessage(read, [read.ids.buffer, read.offsets.buffer] as ArrayBuffer[]);
  } finally {
    db.close();
  }
}

/** The caller's buffer, when the corpus it was sized for is still the one this thread reads. */
function given(text: ResidentText & { totalBytes: number }, totalBytes: number): ResidentText {
  if (totalBytes !== text.totalBytes) {
    throw new Error(
      `the corpus changed while it loaded (${text.totalBytes} bytes expected, ${totalBytes} ` +
        "read); the next query loads it again",
    );
  }
  return text;
}

main();
