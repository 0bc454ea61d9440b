import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LogarithmicScale,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { h } from "./dom";

// Registering only what the dashboard draws keeps Chart.js's share of the bundle small.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
  Tooltip,
  Legend,
);

export const PALETTE = ["#2563eb", "#d97706", "#059669", "#9333ea", "#dc2626"];

export interface BarSeries {
  label: string;
  data: (number | null)[];
  color?: string;
}

export interface BarSpec {
  /** An array label is drawn on several lines (narrow screens keep every label). */
  labels: (string | string[])[];
  series: BarSeries[];
  /** Bars grow to the right (category labels on the left): long labels such as names. */
  horizontal?: boolean;
  valueTitle: string;
  categoryTitle?: string;
  /** Heavy-tailed counts (a few emails with thousands of capitals): small bars stay visible. */
  logScale?: boolean;
  /** One sentence for screen readers; the table view beside the chart has the numbers. */
  describe: string;
  /** A click (or tap) on bar `index`; bars that cannot be picked return false from canPick. */
  onPick?(index: number): void;
  canPick?(index: number): boolean;
}

/** Log axes label 1, 10, 100... only, as integers (Chart.js would print "0.5", "5,000.0"). */
function powerOfTenTick(value: string | number): string {
  const n = Number(value);
  return n >= 1 && Number.isInteger(Math.log10(n)) ? n.toLocaleString("en-US") : "";
}

/**
 * Chart.js on a canvas of fixed height (the host sets it in CSS), so the page does not move
 * when a chart appears. The canvas is an image for assistive technology; every chart has
 * a table view with the same numbers, and its rows carry the same drill-down as the bars.
 */
export class BarChart {
  private chart: Chart<"bar"> | null = null;
  private readonly canvas = h("canvas", { role: "img" });

  constructor(host: HTMLElement) {
    host.classList.add("chart-box");
    host.append(this.canvas);
  }

  render(spec: BarSpec): void {
    this.canvas.setAttribute("aria-label", spec.describe);
    const config: ChartConfiguration<"bar"> = {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({
          label: s.label,
          data: s.data,
          backgroundColor: s.color ?? PALETTE[i % PALETTE.length],
        })),
      },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        // No animation: the chart is final on its first frame (and screenshots are stable).
        animation: false,
        plugins: { legend: { display: spec.series.length > 1 } },
        scales: {
          [spec.horizontal ? "x" : "y"]: {
            type: spec.logScale ? "logarithmic" : "linear",
            beginAtZero: !spec.logScale,
            // Below 1, so that a bar of 1 still has a visible height on a log axis.
            min: spec.logScale ? 0.5 : undefined,
            ticks: spec.logScale ? { callback: powerOfTenTick } : {},
            title: {
              display: true,
              text: spec.logScale ? `${spec.valueTitle} (log scale)` : spec.valueTitle,
            },
          },
          [spec.horizontal ? "y" : "x"]: {
            ticks: { autoSkip: true, maxRotation: 0 },
            title: { display: spec.categoryTitle !== undefined, text: spec.categoryTitle ?? "" },
          },
        },
        onClick: (_event, elements) => {
          const index = elements[0]?.index;
          if (index !== undefined && spec.onPick && (spec.canPick?.(index) ?? true)) {
            spec.onPick(index);
          }
        },
        onHover: (event, elements) => {
          const target = event.native?.target as HTMLElement | undefined;
          const pickable =
            spec.onPick !== undefined &&
            elements.length > 0 &&
            (spec.canPick?.(elements[0].index) ?? true);
          if (target) target.style.cursor = pickable ? "pointer" : "default";
        },
      },
    };
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, config);
  }
}
