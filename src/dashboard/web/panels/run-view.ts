import type { AnalysesApi } from "../api/analyses";
import type { ApiError } from "../api/api-error";
import { TERMINAL, type AnalysisRun } from "../api/types";
import { formatInt } from "../../shared/format";
import { fill, h } from "../ui/dom";
import { groupsTable, totalsTable } from "./analysis-result";

/**
 * One run followed live: a progress bar fed by the analysisProgress subscription, then its
 * totals and groups once COMPLETED, or its error.
 */
export class RunView {
  readonly el = h("div", { class: "run-view", "data-testid": "analysis-run" });
  private readonly bar = h("progress", { max: 100, value: 0, "data-testid": "analysis-progress" });
  private readonly label = h("span", { "data-testid": "analysis-progress-text" }, "0 %");
  private readonly status = h("p", {
    class: "run-status",
    role: "status",
    "data-testid": "analysis-status",
  });
  private readonly result = h("div", { class: "run-result" });
  private readonly cancel = h(
    "button",
    { type: "button", onclick: () => this.onCancel() },
    "Cancel run",
  );
  private stop: (() => void) | null = null;
  private run: AnalysisRun | null = null;
  private groupsController: AbortController | null = null;

  constructor(
    private readonly api: AnalysesApi,
    private readonly onEnd: (run: AnalysisRun) => void,
    private readonly onError: (err: ApiError) => void,
  ) {
    this.el.append(
      h("div", { class: "progress" }, this.bar, this.label),
      this.status,
      this.cancel,
      this.result,
    );
    this.el.hidden = true;
  }

  /** Follows `run` (a fresh one, or a past one picked from the list). */
  show(run: AnalysisRun): void {
    this.stop?.();
    this.stop = null;
    this.el.hidden = false;
    fill(this.result);
    this.render(run);
    if (TERMINAL.includes(run.status)) return;
    this.stop = this.api.follow(run.id, {
      next: (data) => {
        if (data.analysisProgress) this.render(data.analysisProgress);
      },
      error: (err) => this.onError(err),
      complete: () => (this.stop = null),
    });
  }

  private render(run: AnalysisRun): void {
    const wasTerminal = this.run?.id === run.id && TERMINAL.includes(this.run.status);
    this.run = run;
    const percent = Math.round(run.progress * 100);
    this.bar.value = percent;
    this.bar.setAttribute("aria-label", `Run ${run.id} progress`);
    this.label.textContent = `${percent} %`;
    const counted =
      run.emailCount === null
        ? ""
        : ` · ${formatInt(run.emailsDone)} of ${formatInt(run.emailCount)} emails`;
    this.status.textContent = `Run ${run.id}: ${run.status}${counted}${run.error ? ` · ${run.error}` : ""}`;
    this.el.dataset.status = run.status;
    this.cancel.hidden = TERMINAL.includes(run.status);
    if (!TERMINAL.includes(run.status) || wasTerminal) return;
    if (run.status === "COMPLETED") this.showResult(run);
    this.onEnd(run);
  }

  private showResult(run: AnalysisRun): void {
    const groups = h("div", { class: "run-groups" }, h("p", { class: "muted" }, "Loading groups…"));
    fill(this.result, totalsTable(run), groups);
    this.groupsController?.abort();
    const controller = new AbortController();
    this.groupsController = controller;
    this.api.groups(run.id, "SENDER", controller.signal).then(
      (list) => fill(groups, groupsTable(list, run.metrics)),
      (err: ApiError) => {
        if (!controller.signal.aborted)
          fill(
            groups,
            h("p", { class: "muted" }, `Groups unavailable (${err.code}: ${err.message})`),
          );
      },
    );
  }

  private onCancel(): void {
    const run = this.run;
    if (!run) return;
    this.api.cancel(run.id).then(
      (r) => this.render(r),
      (err: ApiError) => this.onError(err),
    );
  }
}
