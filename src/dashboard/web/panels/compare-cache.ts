import type { Comparison } from "./compare.panel";

export interface SavedSweep {
  cores: number;
  rows: Comparison[];
  /** ISO time of the measurement, shown beside the chart. */
  measuredAt: string;
}

const PREFIX = "capstats.compare.v1:";
/** Comparisons kept per tab; the oldest goes first. */
const KEEP = 8;

/** Strategy comparisons of this tab (sessionStorage), by corpus version and filters. */
export class SweepCache {
  constructor(private readonly storage: Storage) {}

  get(key: string): SavedSweep | null {
    try {
      const raw = this.storage.getItem(PREFIX + key);
      return raw === null ? null : (JSON.parse(raw) as SavedSweep);
    } catch {
      return null;
    }
  }

  set(key: string, value: SavedSweep): void {
    try {
      const mine = Object.keys(this.storage).filter((k) => k.startsWith(PREFIX));
      const byAge = mine
        .map((k) => ({
          k,
          at: (JSON.parse(this.storage.getItem(k) ?? "{}") as SavedSweep).measuredAt ?? "",
        }))
        .sort((a, b) => a.at.localeCompare(b.at));
      for (const old of byAge.slice(0, Math.max(0, byAge.length - KEEP + 1)))
        this.storage.removeItem(old.k);
      this.storage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or switched off: the comparison is simply measured again next time.
    }
  }
}
