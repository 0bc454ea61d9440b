import { AnalysesApi, TEXT_METRICS } from "../api/analyses";
import { asApiError, type ApiError } from "../api/api-error";
import type { AppContext } from "../app/context";
import { filterInput, isEmptyFilter } from "../../shared/email-filter";
import { STRATEGIES, type Strategy } from "../../shared/view-state";
import { fill, h, uid } from "../ui/dom";
import { Panel } from "../ui/panel";
import { RunView } from "./run-view";
import { RunsPanel } from "./runs.panel";
import { TokenPanel } from "./token.panel";

/** Start a background analysis on the current filters and follow it live. */
export class AnalysesPanel {
  readonly el: HTMLElement;
  readonly runs: RunsPanel;
  private readonly panel: Panel;
  private readonly api: AnalysesApi;
  private readonly runView: RunView;
  private readonly strategy: HTMLSelectElement;
  private readonly metrics: HTMLInputElement[];
  private readonly start = h(
    "button",
    { type: "submit", class: "primary", "data-testid": "start-analysis" },
    "Start analysis",
  );
  private readonly message = h("div", { class: "form-message", "aria-live": "polite" });

  constructor(
    private readonly ctx: AppContext,
    onActive: (active: boolean) => void,
  ) {
    this.api = new AnalysesApi(ctx.api, ctx.ws);
    this.runView = new RunView(
      this.api,
      () => this.runs.refresh(),
      (err) => this.showError(err),
    );
    this.runs = new RunsPanel(ctx, this.api, (run) => this.runView.show(run), onActive);
    this.strategy = h(
      "select",
      { id: uid("analysis-strategy"), "data-testid": "analysis-strategy" },
      ...STRATEGIES.map((s) => h("option", { value: s }, s)),
    );
    this.metrics = TEXT_METRICS.map((m) =>
      h("input", {
        type: "checkbox",
        value: m,
        id: uid(`metric-${m}`),
        checked: m === "CAPITALS",
        "data-testid": `metric-${m}`,
      }),
    );
    this.panel = new Panel("Analyses", {
      className: "span-half",
      description:
        "A persisted background run on the current filters; progress arrives live over the WebSocket.",
    });
    this.panel.body.append(
      // The token only matters for starting and cancelling runs, so it lives here.
      new TokenPanel(ctx).el,
      h(
        "form",
        {
          class: "analysis-form",
          onsubmit: (e: Event) => (e.preventDefault(), void this.startRun()),
        },
        h(
          "fieldset",
          null,
          h("legend", null, "Metrics"),
          ...this.metrics.map((box) =>
            h(
              "span",
              { class: "check" },
              box,
              h("label", { for: box.id }, box.value.toLowerCase()),
            ),
          ),
        ),
        h(
          "div",
          { class: "field" },
          h("label", { for: this.strategy.id }, "Strategy"),
          this.strategy,
        ),
        this.start,
      ),
      this.message,
      this.runView.el,
    );
    this.panel.ready();
    this.el = this.panel.el;
  }

  private async startRun(): Promise<void> {
    const metrics = this.metrics.filter((m) => m.checked).map((m) => m.value);
    if (metrics.length === 0) {
      fill(this.message, h("p", { class: "error", role: "alert" }, "Choose at least one metric."));
      return;
    }
    const filter = filterInput(this.ctx.view().filters);
    fill(this.message);
    this.start.disabled = true;
    try {
      const run = await this.ctx.activity.track(
        this.api.start({
          metrics,
          strategy: this.strategy.value as Strategy,
          filter: isEmptyFilter(filter) ? undefined : filter,
        }),
      );
      this.runView.show(run);
      this.runs.refresh();
    } catch (err) {
      this.showError(asApiError(err));
    } finally {
      this.start.disabled = false;
    }
  }

  private showError(err: ApiError): void {
    fill(
      this.message,
      h(
        "div",
        { class: "error", role: "alert" },
        h("p", null, h("strong", { class: "error-code" }, err.code), " ", err.message),
        err.advice ? h("p", { class: "error-advice" }, err.advice) : null,
      ),
    );
  }
}
