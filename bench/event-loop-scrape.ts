import type { EventLoopWindow } from "./sections.types";

/** The server's event-loop gauges in a /metrics text, or null when it has none. */
export function eventLoopOf(metricsText: string): EventLoopWindow | null {
  const seconds = new Map<string, number>();
  let utilization: number | null = null;
  for (const line of metricsText.split("\n")) {
    const delay = /^capstats_event_loop_delay_seconds\{quantile="([\d.]+)"\} (\S+)$/.exec(line);
    if (delay) seconds.set(delay[1], Number(delay[2]));
    const busy = /^capstats_event_loop_utilization (\S+)$/.exec(line);
    if (busy) utilization = Number(busy[1]);
  }
  const at = (q: string): number | undefined => seconds.get(q);
  const p50 = at("0.5");
  const p99 = at("0.99");
  const max = at("1");
  if (p50 === undefined || p99 === undefined || max === undefined || utilization === null) {
    return null;
  }
  return { p50Ms: p50 * 1000, p99Ms: p99 * 1000, maxMs: max * 1000, utilization };
}
