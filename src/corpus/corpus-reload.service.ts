import type { CorpusService } from "./corpus.service";
import { loadCsv, type LoadOptions, type LoadSummary } from "./csv-loader";
import type { Sqlite } from "../db/sqlite";
import { CORPUS_EXCLUSIVE } from "../locks/app-locks";
import type { LockManager } from "../locks/lock-manager";

/**
 * Replaces the corpus while the server runs. Holding `corpus` exclusively, a reload waits
 * for every analysis and stats query that is reading, and everything that arrives meanwhile
 * waits for the reload (the lock queue is FIFO), so no reader sees two corpora.
 *
 * Not exposed over GraphQL: a mutation that reads server-side paths needs an allow-listed
 * directory and authorisation first. Used by tests and by code that embeds the app.
 */
export class CorpusReloadService {
  private reloads = 0;

  constructor(
    private readonly db: Sqlite,
    private readonly corpus: CorpusService,
    private readonly locks: LockManager,
    private readonly lockTimeoutMs: number,
  ) {}

  async reload(file: string, opts: LoadOptions = {}): Promise<LoadSummary> {
    return this.locks.withLocks(
      `reload:${++this.reloads}`,
      [CORPUS_EXCLUSIVE],
      async () => {
        try {
          return await loadCsv(this.db, file, opts);
        } finally {
          // The resident text is keyed by version and would be replaced on next use anyway;
          // dropping it now frees the old corpus before anyone asks. Stats results are cached
          // per corpus version, so the old entries are unreachable and evicted on next use.
          this.corpus.invalidate();
        }
      },
      { timeoutMs: this.lockTimeoutMs },
    );
  }
}
