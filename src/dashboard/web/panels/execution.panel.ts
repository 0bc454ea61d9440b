import type { ApiError } from "../api/api-error";
import type { ExecutionReport, StatsSummary } from "../api/types";
import type { StatsListener } from "../app/stats-source";
import { formatInt, formatMs } from "../../shared/format";
import { h } from "../ui/dom";
import { Panel } from "../ui/panel";

interface Row {
  label: string;
  testId?: string;
  value(r: ExecutionReport): string;
}

const KERNELS = { WASM_SIMD: "WebAssembly SIMD", JS: "JavaScript", UNKNOWN: "not recorded" };

const ROWS: readonly Row[] = [
  { label: "Strategy used", testId: "execution-strategy", value: (r) => r.strategy },
  { label: "Requested", value: (r) => r.requestedStrategy },
  { label: "Workers", testId: "execution-workers", value: (r) => formatInt(r.workers) },
  { label: "Tasks", testId: "execution-tasks", value: (r) => formatInt(r.tasks) },
  {
    label: "Chunk size",
    value: (r) => (r.chunkSize === null ? "balanced by bytes" : formatInt(r.chunkSize)),
  },
  { label: "Wall time", value: (r) => formatMs(r.wallMs) },
  { label: "Compute time", value: (r) => formatMs(r.computeMs) },
  { label: "Queued", value: (r) => formatMs(r.queueMs) },
  { label: "Text read from", value: (r) => r.dataPath },
  { label: "Kernel", testId: "execution-kernel", value: (r) => KERNELS[r.kernel ?? "UNKNOWN"] },
  {
    label: "From cache",
    testId: "execution-cached",
    value: (r) => (r.cached ? "yes (times of the original run)" : "no, computed now"),
  },
];

/** How the numbers beside it were computed: what ran, why, and where the time went. */
export class ExecutionPanel implements StatsListener {
  readonly el: HTMLElement;
  private readonly panel = new Panel("Execution report", { className: "span-exec" });
  private readonly values: HTMLElement[];
  private readonly reason = h("p", { class: "reason", "data-testid": "execution-reason" }, "–");

  constructor() {
    this.values = ROWS.map((r) => h("dd", { "data-testid": r.testId }, "–"));
    this.panel.body.append(
      h(
        "dl",
        { class: "facts" },
        ...ROWS.map((r, i) => h("div", null, h("dt", null, r.label), this.values[i])),
      ),
      this.reason,
    );
    this.el = this.panel.el;
  }

  loading(): void {
    this.panel.loading();
  }

  ready(stats: StatsSummary): void {
    const report = stats.execution;
    ROWS.forEach((r, i) => (this.values[i].textContent = r.value(report)));
    this.reason.textContent = `Why: ${report.reason}`;
    this.panel.ready();
  }

  failed(err: ApiError, retry: () => void): void {
    this.panel.error(err, retry);
  }
}
