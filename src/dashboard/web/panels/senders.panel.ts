import { fetchGroups, type GroupDimension, type GroupPage } from "../api/groups";
import { personsLoaded } from "../api/persons";
import type { StatsGroup } from "../api/types";
import type { AppContext, ViewPanel } from "../app/context";
import { filterInput } from "../../shared/email-filter";
import type { Drill, ViewState } from "../../shared/view-state";
import { rankedGroups } from "./people-chart";
import { ViewChart } from "./view-chart";

export const TOP_N = 10;

/** The ten senders with the most capitals: by person when Persons.csv is loaded, else by From. */
export class SendersPanel implements ViewPanel {
  private readonly chart: ViewChart<{ by: GroupDimension; page: GroupPage }>;

  constructor(private readonly ctx: AppContext) {
    this.chart = new ViewChart(
      ctx,
      "Top senders",
      { className: "span-half", tall: true },
      {
        key: (view) => JSON.stringify(filterInput(view.filters)),
        fetch: async (view, signal) => {
          const by: GroupDimension = (await personsLoaded(ctx.api, signal))
            ? "SENDER_PERSON"
            : "SENDER";
          const filter = filterInput(view.filters);
          const req = { by, filter, orderBy: "TOTAL_DESC" as const, first: TOP_N };
          return { by, page: await fetchGroups(ctx.api, req, signal) };
        },
        render: ({ by, page }) => this.render(by, page.groups),
      },
    );
  }

  get el(): HTMLElement {
    return this.chart.el;
  }

  update(view: ViewState): Promise<void> {
    return this.chart.update(view);
  }

  private render(by: GroupDimension, groups: StatsGroup[]): void {
    if (groups.length === 0) {
      this.chart.chart.panel.empty("No emails match these filters.");
      return;
    }
    const drillOf = (g: StatsGroup): Drill | null => {
      if (g.key === null) return null;
      if (by === "SENDER") return { kind: "sender", key: g.key, label: g.label };
      const id = Number(g.key);
      return Number.isInteger(id) ? { kind: "person", id, label: g.label } : null;
    };
    const { spec, table } = rankedGroups(groups, {
      what: "senders",
      testId: "top-senders",
      canPick: (g) => drillOf(g) !== null,
      pick: (g) => this.ctx.navigate((v) => ({ ...v, drill: drillOf(g), email: null })),
    });
    const note =
      by === "SENDER_PERSON"
        ? "Grouped by sender (Persons.csv names)."
        : "Grouped by the From field as stored (no Persons.csv loaded).";
    this.chart.chart.show(spec, table, note);
  }
}
