import type { StatsGroup } from "../api/types";
import type { BarSpec } from "../ui/bar-chart";
import { drillButton } from "../ui/chart-panel";
import { dataTable, numberColumn } from "../ui/data-table";

/** Long names are cut on the chart only; the table view has them whole. */
function shortLabel(label: string): string {
  return label.length > 28 ? `${label.slice(0, 27)}…` : label;
}

/** The shared shape of the top senders and top recipients panels: ranked bars and their table. */
export function rankedGroups(
  groups: StatsGroup[],
  opts: {
    what: string;
    testId: string;
    canPick(g: StatsGroup): boolean;
    pick(g: StatsGroup): void;
  },
): { spec: BarSpec; table: HTMLTableElement } {
  return {
    spec: {
      labels: groups.map((g) => shortLabel(g.label)),
      series: [{ label: "Capitals", data: groups.map((g) => g.totalCapitals) }],
      horizontal: true,
      valueTitle: "capitals",
      describe: `Top ${groups.length} ${opts.what} by capitals.`,
      onPick: (i) => opts.pick(groups[i]),
      canPick: (i) => opts.canPick(groups[i]),
    },
    table: dataTable<StatsGroup>({
      caption: `Top ${opts.what} by capitals, highest first`,
      testId: opts.testId,
      columns: [
        {
          label: opts.what === "senders" ? "Sender" : "Recipient",
          cell: (g) => g.label,
        },
        numberColumn("Capitals", (g) => g.totalCapitals),
        numberColumn("Emails", (g) => g.emailCount),
        {
          label: "Drill down",
          cell: (g) => drillButton("Show emails", opts.canPick(g) ? () => opts.pick(g) : null),
        },
      ],
      rows: groups,
    }),
  };
}
