import { fetchGroups, MAX_GROUP_PAGE, type GroupPage } from "../api/groups";
import type { StatsGroup } from "../api/types";
import type { AppContext, ViewPanel } from "../app/context";
import { filterInput } from "../../shared/email-filter";
import { formatInt, formatPercent } from "../../shared/format";
import { GRANULARITIES, type Granularity, type ViewState } from "../../shared/view-state";
import { drillButton } from "../ui/chart-panel";
import { dataTable, numberColumn } from "../ui/data-table";
import { h, uid } from "../ui/dom";
import { ViewChart } from "./view-chart";

const LABELS: Record<Granularity, string> = {
  DAY: "Day",
  WEEK: "Week (ISO)",
  MONTH: "Month",
  QUARTER: "Quarter",
  YEAR: "Year",
};

/** Capitals by the month (or day, week...) an email was sent, gaps filled with zeros. */
export class TimelinePanel implements ViewPanel {
  private readonly select: HTMLSelectElement;
  private readonly chart: ViewChart<GroupPage>;

  constructor(private readonly ctx: AppContext) {
    const id = uid("granularity");
    this.select = h(
      "select",
      {
        id,
        "data-testid": "granularity",
        onchange: () =>
          ctx.navigate((v) => ({ ...v, granularity: this.select.value as Granularity })),
      },
      ...GRANULARITIES.map((g) => h("option", { value: g }, LABELS[g])),
    );
    this.chart = new ViewChart(
      ctx,
      "Capitals over time",
      {
        className: "span-full",
        description:
          "Total capitals of the emails sent in each period (UTC). A bar opens its emails.",
        actions: [h("label", { for: id }, "Granularity"), this.select],
      },
      {
        key: (view) => JSON.stringify({ filter: filterInput(view.filters), g: view.granularity }),
        fetch: (view, signal) =>
          fetchGroups(
            ctx.api,
            {
              by: "SENT",
              filter: filterInput(view.filters),
              granularity: view.granularity,
              fillGaps: true,
              orderBy: "KEY_ASC",
              first: MAX_GROUP_PAGE,
              pages: 10,
            },
            signal,
          ),
        render: (page) => this.render(page.groups, page.truncated),
      },
    );
  }

  get el(): HTMLElement {
    return this.chart.el;
  }

  update(view: ViewState): Promise<void> {
    this.select.value = view.granularity;
    return this.chart.update(view);
  }

  private render(all: StatsGroup[], truncated: boolean): void {
    const dated = all.filter((g) => g.key !== null);
    const unknown = all.find((g) => g.key === null);
    if (dated.length === 0 && !unknown) {
      this.chart.chart.panel.empty("No emails match these filters.");
      return;
    }
    const pick = (g: StatsGroup): void => {
      if (g.key === null) return;
      const key = g.key;
      this.ctx.navigate((v) => ({ ...v, drill: { kind: "sent", key }, email: null }));
    };
    const notes = [
      unknown
        ? `${formatInt(unknown.emailCount)} emails have no sent date (${formatInt(unknown.totalCapitals)} capitals); they are in the table, not on the chart.`
        : null,
      truncated ? "Only the first 10,000 periods are shown; choose a coarser granularity." : null,
    ].filter((n) => n !== null);
    this.chart.chart.show(
      {
        labels: dated.map((g) => g.label),
        series: [{ label: "Capitals", data: dated.map((g) => g.totalCapitals) }],
        valueTitle: "capitals",
        describe: `Capitals per ${this.select.value.toLowerCase()} over ${dated.length} periods.`,
        onPick: (i) => pick(dated[i]),
        canPick: (i) => dated[i].emailCount > 0,
      },
      dataTable<StatsGroup>({
        caption: "Capitals per period",
        columns: [
          { label: "Period", cell: (g) => g.label },
          numberColumn("Emails", (g) => g.emailCount),
          numberColumn("Capitals", (g) => g.totalCapitals),
          numberColumn("Ratio", (g) => g.capitalRatio, formatPercent),
          {
            label: "Drill down",
            cell: (g) =>
              drillButton("Show emails", g.key !== null && g.emailCount > 0 ? () => pick(g) : null),
          },
        ],
        rows: unknown ? [...dated, unknown] : dated,
      }),
      notes.join(" ") || null,
    );
  }
}
