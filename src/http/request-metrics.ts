import { Counter, Histogram, type Registry } from "prom-client";

/**
 * Operation names are chosen by clients, and every distinct label value is a new time
 * series kept forever: past this many, further names are counted as "other", so a client
 * cannot grow the server's memory by inventing names.
 */
export const MAX_OPERATION_LABELS = 100;
const MAX_OPERATION_NAME_LENGTH = 64;

const LATENCY_BUCKETS_S = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/** GraphQL requests counted and timed by operation name. */
export class RequestMetrics {
  private readonly requests: Counter<"operation" | "outcome">;
  private readonly latency: Histogram<"operation">;
  private readonly operationNames = new Set<string>();
  private readonly requestSeries = new Map<
    string,
    { count: Counter.Internal; time: Histogram.Internal<"operation"> }
  >();

  constructor(registry: Registry) {
    const registers = [registry];
    this.requests = new Counter({
      name: "capstats_graphql_requests_total",
      help: "GraphQL requests by operation name and outcome (ok, or the first error code)",
      labelNames: ["operation", "outcome"],
      registers,
    });
    this.latency = new Histogram({
      name: "capstats_graphql_request_duration_seconds",
      help: "GraphQL request latency from request start to response, by operation name",
      labelNames: ["operation"],
      buckets: LATENCY_BUCKETS_S,
      registers,
    });
  }

  observe(operationName: string | null, outcome: string, seconds: number): void {
    const operation = this.operationLabel(operationName);
    // Labelled children are looked up once per series: hashing the labels on every request
    // cost more than the rest of the bookkeeping (bounded: operation labels are capped).
    const key = `${operation}\n${outcome}`;
    let series = this.requestSeries.get(key);
    if (!series) {
      series = {
        count: this.requests.labels({ operation, outcome }),
        time: this.latency.labels({ operation }),
      };
      this.requestSeries.set(key, series);
    }
    series.count.inc();
    series.time.observe(seconds);
  }

  private operationLabel(name: string | null): string {
    if (!name) return "anonymous";
    if (this.operationNames.has(name)) return name;
    if (
      name.length > MAX_OPERATION_NAME_LENGTH ||
      this.operationNames.size >= MAX_OPERATION_LABELS
    ) {
      return "other";
    }
    this.operationNames.add(name);
    return name;
  }
}
