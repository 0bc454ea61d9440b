import type { ApiError } from "../api/api-error";
import type { StatsSummary } from "../api/types";
import type { StatsListener } from "../app/stats-source";
import { formatInt, formatNumber, formatPercent } from "../../shared/format";
import { h } from "../ui/dom";
import { Panel } from "../ui/panel";

interface Tile {
  label: string;
  testId: string;
  value(s: StatsSummary): string;
  raw(s: StatsSummary): number;
}

const TILES: readonly Tile[] = [
  {
    label: "Emails",
    testId: "email-count",
    value: (s) => formatInt(s.emailCount),
    raw: (s) => s.emailCount,
  },
  {
    label: "Total capitals",
    testId: "total-capitals",
    value: (s) => formatInt(s.totalCapitals),
    raw: (s) => s.totalCapitals,
  },
  {
    label: "Capital ratio",
    testId: "capital-ratio",
    value: (s) => formatPercent(s.capitalRatio),
    raw: (s) => s.capitalRatio,
  },
  {
    label: "Median per email",
    testId: "median-per-email",
    value: (s) => formatNumber(s.medianPerEmail),
    raw: (s) => s.medianPerEmail,
  },
];

/** Smaller print under the tiles. */
const MORE: readonly Tile[] = [
  {
    label: "Mean per email",
    testId: "mean-per-email",
    value: (s) => formatNumber(s.meanPerEmail),
    raw: (s) => s.meanPerEmail,
  },
  {
    label: "Most in one email",
    testId: "max-per-email",
    value: (s) => formatInt(s.maxPerEmail),
    raw: (s) => s.maxPerEmail,
  },
  {
    label: "Characters",
    testId: "total-characters",
    value: (s) => formatInt(s.totalCharacters),
    raw: (s) => s.totalCharacters,
  },
];

/** The four headline numbers. Each keeps its box while loading ("–"), so nothing shifts. */
export class TilesPanel implements StatsListener {
  readonly el: HTMLElement;
  private readonly panel = new Panel("Summary", { className: "span-tiles" });
  private readonly values: HTMLElement[];
  private readonly all = [...TILES, ...MORE];

  constructor() {
    this.values = this.all.map((t) => h("dd", { "data-testid": t.testId }, "–"));
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
      this.values[i].textContent = t.value(stats);
      this.values[i].dataset.value = String(t.raw(stats));
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
