import { fetchGroups } from "../api/groups";
import type { StatsGroup } from "../api/types";
import type { AppContext, ViewPanel } from "../app/context";
import { filterInput } from "../lib/email-filter";
import type { ViewState } from "../lib/view-state";
import { ChartPanel } from "../ui/chart-panel";
import { KeyedLoad } from "../ui/keyed-load";
import { rankedGroups } from "./people-chart";
import { TOP_N } from "./senders.panel";

const LOAD_HINT =
  "Recipients come from EmailReceivers.csv: put it next to Emails.csv and run " +
  "npm run seed -- --csv path/to/Emails.csv.";

/** The ten recipients whose emails hold the most capitals (an email counts for each recipient). */
export class RecipientsPanel implements ViewPanel {
  private readonly load: KeyedLoad;
  private readonly view = new ChartPanel("Top recipients", {
    className: "span-half",
    tall: true,
    description:
      "An email counts once for each of its recipients, so these do not add up to the total.",
  });

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
      (signal) => {
        this.view.panel.loading();
        return fetchGroups(
          this.ctx.api,
          { by: "RECIPIENT", filter, orderBy: "TOTAL_DESC", first: TOP_N },
          signal,
        );
      },
      (page) => this.render(page.groups),
      (err) => this.view.panel.error(err, () => this.retry()),
    );
  }

  private retry(): void {
    this.load.invalidate();
    this.update(this.ctx.view());
  }

  private render(groups: StatsGroup[]): void {
    const known = groups.filter((g) => g.key !== null);
    // Without EmailReceivers every email falls into the one "(unknown)" group.
    if (known.length === 0) {
      this.view.panel.empty(
        groups.length === 0
          ? `No recipients: no emails match these filters, or none has a known recipient. ${LOAD_HINT}`
          : `No recipient is known for these emails: the corpus was loaded without EmailReceivers.csv. ${LOAD_HINT}`,
      );
      return;
    }
    const { spec, table } = rankedGroups(groups, {
      what: "recipients",
      testId: "top-recipients",
      canPick: (g) => g.key !== null && Number.isInteger(Number(g.key)),
      pick: (g) =>
        this.ctx.navigate((v) => ({
          ...v,
          drill: { kind: "recipient", id: Number(g.key), label: g.label },
          email: null,
        })),
    });
    this.view.show(spec, table);
  }
}
