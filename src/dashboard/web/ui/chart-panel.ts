import { BarChart, type BarSpec } from "./bar-chart";
import { tableView } from "./data-table";
import { fill, h, type Child } from "./dom";
import { Panel, type PanelOptions } from "./panel";

/** A panel holding one chart, a note under it, and the chart's table view. */
export class ChartPanel {
  readonly panel: Panel;
  private readonly chart: BarChart;
  private readonly note = h("p", { class: "chart-note" });
  private readonly tableHost = h("div", { class: "table-host" });
  private tableOpen = false;

  constructor(title: string, opts: PanelOptions & { tall?: boolean } = {}) {
    this.panel = new Panel(title, opts);
    const box = h("div", { class: opts.tall ? "chart tall" : "chart" });
    this.chart = new BarChart(box);
    this.panel.body.append(box, this.note, this.tableHost);
  }

  get el(): HTMLElement {
    return this.panel.el;
  }

  show(spec: BarSpec, table: HTMLTableElement, note: Child = null): void {
    // Keep the table view open across reloads once the user opened it.
    const current = this.tableHost.querySelector("details");
    if (current) this.tableOpen = current.open;
    this.chart.render(spec);
    fill(this.note, note);
    fill(this.tableHost, tableView(table, this.tableOpen));
    this.panel.ready();
  }
}

/** A button in a table row that does what a click on the row's bar does (keyboard users). */
export function drillButton(label: string, action: (() => void) | null): Child {
  if (action === null) return h("span", { class: "muted" }, "–");
  return h("button", { type: "button", class: "link", onclick: action }, label);
}
