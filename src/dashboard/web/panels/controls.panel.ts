import type { AppContext, ViewPanel } from "../app/context";
import {
  STRATEGIES,
  type ExecutionChoice,
  type Strategy,
  type ViewState,
} from "../../shared/view-state";
import { h, uid } from "../ui/dom";
import { Panel } from "../ui/panel";

const HINTS: Record<Strategy, string> = {
  AUTO: "AUTO — chosen by size",
  SEQUENTIAL: "SEQUENTIAL — main thread",
  THREADS: "THREADS — worker threads",
  PROCESSES: "PROCESSES — child processes",
  DISTRIBUTED: "DISTRIBUTED — BullMQ workers (needs REDIS_URL)",
};

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h(
    "div",
    { class: "field" },
    h("label", { for: control.id }, label),
    control,
    hint ? h("small", null, hint) : null,
  );
}

/** How the summary is computed. Any change recomputes (fresh), and the report shows what ran. */
export class ControlsPanel implements ViewPanel {
  readonly el: HTMLElement;
  private readonly strategy: HTMLSelectElement;
  private readonly workers: HTMLInputElement;
  private readonly chunk: HTMLInputElement;
  private readonly fresh: HTMLInputElement;

  constructor(private readonly ctx: AppContext) {
    this.strategy = h(
      "select",
      { id: uid("strategy"), "data-testid": "strategy", onchange: () => this.commit() },
      ...STRATEGIES.map((s) => h("option", { value: s }, HINTS[s])),
    );
    const count = (testId: string, placeholder: string): HTMLInputElement =>
      h("input", {
        id: uid(testId),
        type: "number",
        min: 1,
        max: 1_000_000,
        step: 1,
        inputmode: "numeric",
        placeholder,
        "data-testid": testId,
        onchange: () => this.commit(),
      });
    this.workers = count("workers", "one per core");
    this.chunk = count("chunk-size", "balanced");
    this.fresh = h("input", {
      id: uid("fresh"),
      type: "checkbox",
      "data-testid": "fresh",
      onchange: () => this.commit(),
    });
    const panel = new Panel("Execution", {
      className: "span-full controls",
      description:
        "Changing the strategy, workers or chunk size computes again with them, never from the cache.",
    });
    panel.body.append(
      h(
        "form",
        { class: "control-row", onsubmit: (e: Event) => (e.preventDefault(), this.commit()) },
        field("Strategy", this.strategy),
        field("Workers", this.workers, "1 to the pool's maximum"),
        field("Chunk size", this.chunk, "emails per task"),
        h(
          "div",
          { class: "field check" },
          this.fresh,
          h("label", { for: this.fresh.id }, "Always recompute (fresh)"),
        ),
      ),
    );
    panel.ready();
    this.el = panel.el;
  }

  update(view: ViewState): void {
    this.strategy.value = view.exec.strategy;
    this.workers.value = view.exec.workers === null ? "" : String(view.exec.workers);
    this.chunk.value = view.exec.chunkSize === null ? "" : String(view.exec.chunkSize);
    this.fresh.checked = view.exec.fresh;
  }

  private commit(): void {
    for (const input of [this.workers, this.chunk]) {
      if (!input.checkValidity()) {
        input.reportValidity();
        return;
      }
    }
    const int = (input: HTMLInputElement): number | null =>
      input.value === "" ? null : Number(input.value);
    const exec: ExecutionChoice = {
      strategy: this.strategy.value as Strategy,
      workers: int(this.workers),
      chunkSize: int(this.chunk),
      fresh: this.fresh.checked,
    };
    this.ctx.navigate((v) => ({ ...v, exec }));
  }
}
