import type { AppContext } from "../app/context";
import type { ViewState } from "../../shared/view-state";
import { ChartPanel } from "../ui/chart-panel";
import { KeyedLoad } from "../ui/keyed-load";
import type { PanelOptions } from "../ui/panel";

export interface ViewChartSource<T> {
  /** What the chart depends on; the same key is not fetched again. */
  key(view: ViewState): string;
  fetch(view: ViewState, signal: AbortSignal): Promise<T>;
  render(value: T, view: ViewState): void;
}

/**
 * A chart panel that follows the view: it shows "loading" and fetches when its key
 * changes, draws the answer, or shows the server's error with a Retry button.
 */
export class ViewChart<T> {
  readonly chart: ChartPanel;
  private readonly load: KeyedLoad;

  constructor(
    private readonly ctx: AppContext,
    title: string,
    opts: PanelOptions & { tall?: boolean },
    private readonly source: ViewChartSource<T>,
  ) {
    this.chart = new ChartPanel(title, opts);
    this.load = new KeyedLoad(ctx.activity);
  }

  get el(): HTMLElement {
    return this.chart.el;
  }

  update(view: ViewState): Promise<void> {
    return this.load.start(
      this.source.key(view),
      (signal) => {
        this.chart.panel.loading();
        return this.source.fetch(view, signal);
      },
      (value) => this.source.render(value, view),
      (err) =>
        this.chart.panel.error(err, () => {
          this.load.invalidate();
          void this.update(this.ctx.view());
        }),
    );
  }
}
