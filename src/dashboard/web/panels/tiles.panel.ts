import type { ApiError } from "../api/api-error";
import type { StatsSummary } from "../api/types";
import type { CapitalAggregates } from "../../shared/capital-aggregates";
import type { StatsListener } from "../app/stats-source";
import { formatInt, formatNumber, formatPercent } from "../../shared/format";
import { h } from "../ui/dom";
import { Panel } from "../ui/panel";

/** One number of the summary; data-testid is its field name in kebab case. */
interface Tile {
  label: string;
  field: keyof CapitalAggregates;
  format(n: number): string;
}

const TILES: readonly Tile[] = [
  { label: "Emails", field: "emailCount", format: formatInt },
  { label: "Total capitals", field: "totalCapitals", format: formatInt },
  { label: "Capital ratio", field: "capitalRatio", format: formatPercent },
  { label: "Median per email", field: "medianPerEmail", format: formatNumber },
];

/** Smaller print under the tiles. */
const MORE: readonly Tile[] = [
  { label: "Mean per email", field: "meanPerEmail", format: formatNumber },
  { label: "Most in one email", field: "maxPerEmail", format: formatInt },
  { label: "Characters", field: "totalCharacters", format: formatInt },
];

const testId = (t: Tile): string => t.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The four headline numbers. Each keeps its box while loading ("–"), so nothing shifts. */
export class TilesPanel implements StatsListener {
  readonly el: HTMLElement;
  private readonly panel = new Panel("Summary", { className: "span-tiles" });
  private readonly values: HTMLElement[];
  private readonly all = [...TILES, ...MORE];

  constructor() {
    this.values = this.all.map((t) => h("dd", { "data-testid": testId(t) }, "–"));
    this.panel.body.append(
      h(
        "dl",
        { class: "tiles" },
        ...TILES.map((t, i) => h("div", { class: "tile" }, h("dt", null, t.label), this.values[i])),
      ),
      h(
        "dl",
        { class: "facts more" },
        ...MORE.map((t, i) =>
          h("div", null, h("dt", null, t.label), this.values[TILES.length + i]),
        ),
      ),
      h(
        "p",
        { class: "muted small" },
        "A capital is a code point with the Unicode property Uppercase: Python's c.isupper().",
      ),
    );
    this.el = this.panel.el;
  }

  loading(): void {
    this.panel.loading();
  }

  ready(stats: StatsSummary): void {
    // The bench reads this: when the first numbers were on screen (the full render is later).
    if (performance.getEntriesByName("capstats:summary").length === 0) {
      performance.mark("capstats:summary");
    }
    this.all.forEach((t, i) => {
      this.values[i].textContent = t.format(stats[t.field]);
      this.values[i].dataset.value = String(stats[t.field]);
    });
    if (stats.emailCount === 0) this.panel.empty("No emails match these filters.");
    else this.panel.ready();
  }

  failed(err: ApiError, retry: () => void): void {
    for (const v of this.values) {
      v.textContent = "–";
      delete v.dataset.value;
    }
    this.panel.error(err, retry);
  }
}
