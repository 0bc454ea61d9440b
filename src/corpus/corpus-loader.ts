import path from "node:path";
import { Worker } from "node:worker_threads";
import type { CorpusLoadRequest } from "./corpus-load.worker";
import type { CorpusIndex, ResidentCorpus, ResidentText } from "./resident-corpus";

const LOAD_SCRIPT = path.join(__dirname, "corpus-load.worker.js");

/**
 * Reads the corpus (the whole text, or the index above the resident budget) on a worker
 * thread of its own. Reading 120 MB of RawText out of SQLite takes most of a second, and on
 * the main thread that second was a stall for every request the server had in hand.
 */
export function loadCorpusOffThread(
  dbFile: string,
  text: (ResidentText & { totalBytes: number }) | null,
): Promise<ResidentCorpus | CorpusIndex> {
  return new Promise((resolve, reject) => {
    const request: CorpusLoadRequest = { dbFile, text };
    const worker = new Worker(LOAD_SCRIPT, { workerData: request });
    let answer: ResidentCorpus | CorpusIndex | null = null;
    worker.once("message", (m: ResidentCorpus | CorpusIndex) => (answer = m));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (answer) resolve(answer);
      else reject(new Error(`the corpus load thread exited with code ${code} and no corpus`));
    });
  });
}
