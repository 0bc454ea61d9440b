import type { ApiError } from "../api/api-error";
import type { HistogramBucket, StatsSummary } from "../api/types";
import type { AppContext } from "../app/context";
import type { StatsListener } from "../app/stats-source";
import { ChartPanel, drillButton } from "../ui/chart-panel";
import { dataTable, numberColumn } from "../ui/data-table";

/** Buckets are [from, to); shown as the inclusive range a reader expects. */
function bucketLabel(b: HistogramBucket): string {
  return b.to - b.from === 1 ? String(b.from) : `${b.from}–${b.to - 1}`;
}

/** How many emails have how many capitals; a bucket opens its emails in the table. */
export class HistogramPanel implements StatsListener {
  private readonly view = new ChartPanel("Capitals per email", {
    className: "span-half",
    description: "Emails by their number of capital letters, in equal-width buckets.",
  });

  constructor(private readonly ctx: AppContext) {}

  get el(): HTMLElement {
    return this.view.el;
  }

  loading(): void {
    this.view.panel.loading();
  }

  ready(stats: StatsSummary): void {
    const buckets = stats.histogram.filter((b) => b.to > b.from);
    if (stats.emailCount === 0 || buckets.length === 0) {
      this.view.panel.empty("No emails match these filters.");
      return;
    }
    const pick = (b: HistogramBucket): void =>
      this.ctx.navigate((v) => ({
        ...v,
        drill: { kind: "capitals", from: b.from, to: b.to },
        email: null,
      }));
    this.view.show(
      {
        labels: buckets.map(bucketLabel),
        series: [{ label: "Emails", data: buckets.map((b) => b.count) }],
        valueTitle: "emails",
        logScale: true,
        describe: `Histogram of capitals per email over ${stats.emailCount} emails, ${buckets.length} buckets.`,
        onPick: (i) => pick(buckets[i]),
        canPick: (i) => buckets[i].count > 0,
      },
      dataTable<HistogramBucket>({
        caption: "Emails per bucket of capitals",
        columns: [
          { label: "Capitals", cell: (b) => bucketLabel(b) },
          numberColumn("Emails", (b) => b.count),
          {
            label: "Drill down",
            cell: (b) => drillButton("Show emails", b.count > 0 ? () => pick(b) : null),
          },
        ],
        rows: buckets,
      }),
    );
  }

  failed(err: ApiError, retry: () => void): void {
    this.view.panel.error(err, retry);
  }
}
