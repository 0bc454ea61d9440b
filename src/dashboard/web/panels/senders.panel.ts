import { fetchGroups, type GroupDimension } from "../api/groups";
import { personsLoaded } from "../api/persons";
import type { StatsGroup } from "../api/types";
import type { AppContext, ViewPanel } from "../app/context";
import { filterInput } from "../lib/email-filter";
import type { Drill, ViewState } from "../lib/view-state";
import { ChartPanel } from "../ui/chart-panel";
import { KeyedLoad } from "../ui/keyed-load";
import { rankedGroups } from "./people-chart";

export const TOP_N = 10;

/** The ten senders with the most capitals: by person when Persons.csv is loaded, else by From. */
export class SendersPanel implements ViewPanel {
  private readonly load: KeyedLoad;
  private readonly view = new ChartPanel("Top senders", { className: "span-half", tall: true });

  constructor(private readonly ctx: AppContext) {
    this.load = new KeyedLoad(ctx.activity);
  }

  get el(): HTMLElement {
    return this.view.el;
  }

  update(view: ViewState): Promise<void> {
    const filter = filterInput(view.filters);
    return this.load.start(
      JSON.stringify(filter),
      async (signal) => {
        this.view.panel.loading();
        const by: GroupDimension = (await personsLoaded(this.ctx.api, signal))
          ? "SENDER_PERSON"
          : "SENDER";
        return {
          by,
          page: await fetchGroups(
            this.ctx.api,
            { by, filter, orderBy: "TOTAL_DESC", first: TOP_N },
            signal,
          ),
        };
      },
      ({ by, page }) => this.render(by, page.groups),
      (err) => this.view.panel.error(err, () => this.retry()),
    );
  }

  private retry(): void {
    this.load.invalidate();
    this.update(this.ctx.view());
  }

  private render(by: GroupDimension, groups: StatsGroup[]): void {
    if (groups.length === 0) {
      this.view.panel.empty("No emails match these filters.");
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
    this.view.show(spec, table, note);
  }
}
