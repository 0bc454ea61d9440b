import type { Sqlite } from "../db/sqlite";
import { loadCorpusOffThread } from "./corpus-loader";
import { corpusStateReader, type CorpusState } from "./corpus-store";
import { allocateResidentText } from "./resident-text";

/**
 * What the engine needs of the corpus at one version: ids and byte offsets in Id
 * order, and the text itself when it fits the memory budget.
 */
export interface CorpusView {
  version: number;
  /** Shared by every count of this version: read only. */
  ids: Int32Array;
  /** Cumulative byte offsets (n + 1 entries); offsets into `resident` when present. */
  offsets: Float64Array;
  totalBytes: number;
  /** All RawText, shared with worker threads; null above the resident budget. */
  resident: SharedArrayBuffer | null;
  /**
   * The shared WebAssembly memory whose buffer `resident` is, which the SIMD kernel counts in
   * place; null without resident text, or when the text is past a memory's limit.
   */
  memory: WebAssembly.Memory | null;
  /** Why memory is null although the text is resident (resident-text.ts). */
  memoryUnavailable: string | null;
  dbFile: string;
}

export class CorpusService {
  private cached: CorpusView | null = null;
  /** The load in progress, shared by every query that arrives meanwhile. */
  private loading: { version: number; view: Promise<CorpusView> } | null = null;

  private readonly readState: () => CorpusState | null;

  constructor(
    db: Sqlite,
    readonly dbFile: string,
    private readonly residentBudgetBytes: number,
    /** Lowers the corpus memory's limit (tests of the fallback past it). */
    private readonly maxMemoryBytes?: number,
  ) {
    this.readState = corpusStateReader(db);
  }

  state(): CorpusState | null {
    return this.readState();
  }

  /**
   * The current corpus. Reloaded only when the version moved, so a reload of the CSV
   * invalidates it and nothing else does. The reading happens on a worker thread; the
   * event loop keeps serving meanwhile.
   */
  async view(): Promise<CorpusView> {
    const version = this.state()?.version ?? 0;
    if (this.cached && this.cached.version === version) return this.cached;
    if (!this.loading || this.loading.version !== version) {
      // Drop the old text first, so this service never holds two corpora at once.
      this.cached = null;
      const view = this.load();
      this.loading = { version, view };
      view.then(
        (v) => {
          if (this.loading?.view === view) [this.cached, this.loading] = [v, null];
        },
        () => {
          // A failed load is retried by the next query, not remembered.
          if (this.loading?.view === view) this.loading = null;
        },
      );
    }
    return this.loading.view;
  }

  /** Drops the resident text (after a reload, or to free memory). */
  invalidate(): void {
    this.cached = null;
    this.loading = null;
  }

  private async load(): Promise<CorpusView> {
    const totalBytes = this.state()?.totalBytes ?? 0;
    // Allocated here, where the engine is loaded; the load thread fills it.
    const text =
      totalBytes <= this.residentBudgetBytes
        ? allocateResidentText(totalBytes, this.maxMemoryBytes)
        : null;
    const read = await loadCorpusOffThread(
      this.dbFile,
      text && { bytes: text.bytes, base: text.base, totalBytes },
    );
    return {
      version: read.version,
      ids: read.ids,
      offsets: read.offsets,
      totalBytes: read.totalBytes,
      resident: text?.bytes ?? null,
      memory: text?.memory ?? null,
      memoryUnavailable: text?.memoryUnavailable ?? null,
      dbFile: this.dbFile,
    };
  }
}
