import type { AnalysesApi } from "../api/analyses";
import { asApiError } from "../api/api-error";
import { TERMINAL, type AnalysisRun } from "../api/types";
import type { AppContext } from "../app/context";
import { formatDateTime, formatMs } from "../../shared/format";
import { dataTable } from "../ui/data-table";
import { fill, h } from "../ui/dom";
import { Panel } from "../ui/panel";

const LIST_SIZE = 10;
/** While a run is pending or running, the list (and the locks beside it) refresh this often. */
const ACTIVE_REFRESH_MS = 1000;

/** Past runs, newest first; a row opens the run beside it. */
export class RunsPanel {
  readonly el: HTMLElement;
  private readonly panel: Panel;
  private readonly host = h("div");
  private timer: number | undefined;
  private active = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly api: AnalysesApi,
    private readonly open: (run: AnalysisRun) => void,
    private readonly onActive: (active: boolean) => void,
  ) {
    this.panel = new Panel("Past runs", {
      className: "span-half",
      actions: [h("button", { type: "button", onclick: () => this.refresh() }, "Refresh")],
    });
    this.panel.body.append(this.host);
    this.el = this.panel.el;
  }

  refresh(): void {
    window.clearTimeout(this.timer);
    void this.ctx.activity
      .track(this.api.list(LIST_SIZE))
      .then(
        (runs) => this.render(runs),
        (err) => this.panel.error(asApiError(err), () => this.refresh()),
      )
      .finally(() => {
        if (this.active) this.timer = window.setTimeout(() => this.refresh(), ACTIVE_REFRESH_MS);
      });
  }

  private render(runs: AnalysisRun[]): void {
    const active = runs.some((r) => !TERMINAL.includes(r.status));
    if (active !== this.active) {
      this.active = active;
      this.onActive(active);
    }
    if (runs.length === 0) {
      fill(this.host);
      this.panel.empty("No analysis has run yet.");
      return;
    }
    fill(
      this.host,
      dataTable({
        caption: "The latest runs, newest first",
        testId: "past-runs",
        columns: [
          {
            label: "Run",
            cell: (r: AnalysisRun) =>
              h(
                "button",
                { type: "button", class: "link", onclick: () => this.open(r) },
                `#${r.id}`,
              ),
          },
          {
            label: "Status",
            cell: (r) => h("span", { class: `badge ${r.status.toLowerCase()}` }, r.status),
          },
          { label: "Progress", numeric: true, cell: (r) => `${Math.round(r.progress * 100)} %` },
          {
            label: "Strategy",
            cell: (r) =>
              r.execution ? `${r.execution.strategy} (asked ${r.strategy})` : r.strategy,
          },
          { label: "Metrics", cell: (r) => r.metrics.map((m) => m.toLowerCase()).join(", ") },
          {
            label: "Wall",
            numeric: true,
            cell: (r) => (r.execution ? formatMs(r.execution.wallMs) : "–"),
          },
          { label: "Created", cell: (r) => formatDateTime(r.createdAt) },
        ],
        rows: runs,
      }),
    );
    this.panel.ready();
  }
}
