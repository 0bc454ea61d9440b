import { monitorEventLoopDelay, performance, type IntervalHistogram } from "node:perf_hooks";
import { Gauge, type Registry } from "prom-client";

/** How often the delay monitor's timer fires; a delay shows as that timer firing late. */
export const EVENT_LOOP_SAMPLE_MS = 10;

const QUANTILES: readonly [label: string, percentile: number][] = [
  ["0.5", 50],
  ["0.9", 90],
  ["0.99", 99],
  ["1", 100],
];

/**
 * Event-loop delay (perf_hooks.monitorEventLoopDelay) and utilization for /metrics. A
 * dashboard's small queries wait for whatever holds the main thread, so this is the number
 * that says whether heavy work was moved off it. Both cover the window since the previous
 * scrape: each scrape reads them and starts a new window, as prom-client's own
 * nodejs_eventloop_lag_* gauges do.
 */
export class EventLoopMetrics {
  private readonly delay: IntervalHistogram;
  private utilizationMark = performance.eventLoopUtilization();

  constructor(registry: Registry, sampleMs = EVENT_LOOP_SAMPLE_MS) {
    this.delay = monitorEventLoopDelay({ resolution: sampleMs });
    this.delay.enable();
    const delay = this.delay;
    new Gauge({
      name: "capstats_event_loop_delay_seconds",
      help:
        `How late a ${sampleMs} ms timer on the event loop fired, by quantile ("1" is the ` +
        "maximum), since the previous scrape",
      labelNames: ["quantile"],
      registers: [registry],
      collect() {
        for (const [quantile, p] of QUANTILES) {
          // The histogram records whole intervals between timer callbacks; the lateness is
          // what exceeds the interval itself.
          const late = delay.count === 0 ? 0 : Math.max(0, delay.percentile(p) / 1e6 - sampleMs);
          this.set({ quantile }, late / 1000);
        }
        delay.reset();
      },
    });
    const utilizationSince = (): number => {
      const now = performance.eventLoopUtilization();
      const busy = performance.eventLoopUtilization(now, this.utilizationMark).utilization;
      this.utilizationMark = now;
      return busy;
    };
    new Gauge({
      name: "capstats_event_loop_utilization",
      help: "Share of the time since the previous scrape the event loop spent running code (0 to 1)",
      registers: [registry],
      collect() {
        this.set(utilizationSince());
      },
    });
  }

  /** Stops the delay monitor's timer. */
  close(): void {
    this.delay.disable();
  }
}
