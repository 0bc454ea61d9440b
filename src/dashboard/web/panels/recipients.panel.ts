import { fetchGroups, type GroupPage } from "../api/groups";
import type { StatsGroup } from "../api/types";
import type { AppContext, ViewPanel } from "../app/context";
import { filterInput } from "../../shared/email-filter";
import type { ViewState } from "../../shared/view-state";
import { rankedGroups } from "./people-chart";
import { TOP_N } from "./senders.panel";
import { ViewChart } from "./view-chart";

const LOAD_HINT =
  "To add them, put EmailReceivers.csv next to Emails.csv and run " +
  "npm run seed -- --csv path/to/Emails.csv.";

/** The ten recipients whose emails hold the most capitals (an email counts for each recipient). */
export class RecipientsPanel implements ViewPanel {
  private readonly chart: ViewChart<GroupPage>;

  constructor(private readonly ctx: AppContext) {
    this.chart = new ViewChart(
      ctx,
      "Top recipients",
      {
        className: "span-half",
        tall: true,
        description:
          "An email counts once for each of its recipients, so these do not add up to the total.",
      },
      {
        key: (view) => JSON.stringify(filterInput(view.filters)),
        fetch: (view, signal) =>
          fetchGroups(
            ctx.api,
            {
              by: "RECIPIENT",
              filter: filterInput(view.filters),
              orderBy: "TOTAL_DESC",
              first: TOP_N,
            },
            signal,
          ),
        render: (page) => this.render(page.groups),
      },
    );
  }

  get el(): HTMLElement {
    return this.chart.el;
  }

  update(view: ViewState): Promise<void> {
    return this.chart.update(view);
  }

  private render(groups: StatsGroup[]): void {
    const known = groups.filter((g) => g.key !== null);
    // Without EmailReceivers every email falls into the one "(unknown)" group.
    if (known.length === 0) {
      this.chart.chart.panel.empty(
        groups.length === 0
          ? "No recipients: no emails match these filters, or none has a recipient in EmailReceivers.csv."
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
    this.chart.chart.show(spec, table);
  }
}
