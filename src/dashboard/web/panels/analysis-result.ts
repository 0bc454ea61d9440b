import type { RunGroup } from "../api/analyses";
import type { AnalysisRun, MetricSummary } from "../api/types";
import { formatInt, formatMs, formatNumber } from "../../shared/format";
import { dataTable, numberColumn } from "../ui/data-table";
import { h } from "../ui/dom";

export function totalsTable(run: AnalysisRun): HTMLElement {
  return dataTable<MetricSummary>({
    caption: `Totals of run ${run.id}${run.execution ? ` (${run.execution.strategy}, ${formatInt(run.execution.workers)} workers, ${formatMs(run.execution.wallMs)})` : ""}`,
    testId: "analysis-totals",
    columns: [
      { label: "Metric", cell: (m) => m.metric },
      numberColumn("Total", (m) => m.total),
      numberColumn("Mean", (m) => m.mean, formatNumber),
      numberColumn("Median", (m) => m.median, formatNumber),
      numberColumn("Max", (m) => m.max),
    ],
    rows: run.totals,
  });
}

/** The run's top senders, one column per metric it counted. */
export function groupsTable(groups: RunGroup[], metrics: string[]): HTMLElement {
  if (groups.length === 0) return h("p", { class: "muted" }, "No groups.");
  return dataTable<RunGroup>({
    caption: "Top senders of this run",
    testId: "analysis-groups",
    columns: [
      { label: "Sender", cell: (g) => g.label },
      numberColumn("Emails", (g) => g.emailCount),
      ...metrics.map((metric) => ({
        label: metric.toLowerCase(),
        numeric: true,
        cell: (g: RunGroup) => {
          const t = g.totals.find((s) => s.metric === metric);
          return t ? formatInt(t.total) : "–";
        },
      })),
    ],
    rows: groups,
  });
}
