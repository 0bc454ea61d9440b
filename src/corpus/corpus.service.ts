import type { Sqlite } from "../db/sqlite";
import { readCorpusState, type CorpusState } from "./corpus-store";
import { readResidentCorpus } from "./resident-corpus";

/**
 * What the engine needs of the corpus at one version: ids and byte offsets in Id
 * order, and the text itself when it fits the memory budget.
 */
export interface CorpusView {
  version: number;
  ids: Int32Array;
  /** Cumulative byte offsets (n + 1 entries); offsets into `resident` when present. */
  offsets: Float64Array;
  totalBytes: number;
  /** All RawText, shared with worker threads; null above the resident budget. */
  resident: SharedArrayBuffer | null;
  dbFile: string;
}

export class CorpusService {
  private cached: CorpusView | null = null;

  constructor(
    private readonly db: Sqlite,
    readonly dbFile: string,
    private readonly residentBudgetBytes: number,
  ) {}

  state(): CorpusState | null {
    return readCorpusState(this.db);
  }

  /**
   * The current corpus. Reloaded only when the version moved, so a reload of the
   * CSV invalidates it and nothing else does. `loaded` tells the caller whether
   * this call paid for reading the corpus (an honest report includes it).
   */
  view(): { view: CorpusView; loadedMs: number } {
    const state = this.state();
    const version = state?.version ?? 0;
    if (this.cached && this.cached.version === version) return { view: this.cached, loadedMs: 0 };
    // Drop the old text first, so a reload never holds two corpora at once.
    this.cached = null;
    const started = performance.now();
    const totalBytes = state?.totalBytes ?? 0;
    let view: CorpusView;
    if (totalBytes <= this.residentBudgetBytes) {
      const r = readResidentCorpus(this.db);
      view = { ...r, resident: r.bytes, dbFile: this.dbFile };
    } else {
      view = { ...this.readIndex(), resident: null, dbFile: this.dbFile };
    }
    this.cached = view;
    return { view, loadedMs: performance.now() - started };
  }

  /** Drops the resident text (after a reload, or to free memory). */
  invalidate(): void {
    this.cached = null;
  }

  private readIndex(): Omit<CorpusView, "resident" | "dbFile"> {
    return this.db.transaction(() => {
      const state = readCorpusState(this.db);
      const rows = this.db
        .prepare(`SELECT Id, RawTextBytes FROM Email ORDER BY Id`)
        .raw()
        .all() as [number, number][];
      const ids = new Int32Array(rows.length);
      const offsets = new Float64Array(rows.length + 1);
      let at = 0;
      rows.forEach(([id, size], i) => {
        ids[i] = id;
        offsets[i] = at;
        at += size;
      });
      offsets[rows.length] = at;
      return { version: state?.version ?? 0, ids, offsets, totalBytes: at };
    })();
  }
}
