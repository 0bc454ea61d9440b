/** The shape of the newer sections of bench/results/latest.json (times in ms). */
import type { IoRun } from "../src/io/io.service";
import type { Latency, Spread } from "./results.types";

/** Latency quantiles of many small requests. */
export interface LatencyQuantiles extends Latency {
  p99: number;
}

/** The server's event-loop delay over a window, read from /metrics. */
export interface EventLoopWindow {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Share of the window the event loop spent running code. */
  utilization: number;
}

/** Small queries answered while heavy queries of one strategy ran back to back. */
export interface ResponsivenessRun {
  /** A strategy name, or "idle" for the server with no heavy query. */
  strategy: string;
  heavyQueries: number;
  heavyMedianMs: number | null;
  /** Per probe query (`{ __typename }`, `email(id)`). */
  probes: { query: string; latency: LatencyQuantiles }[];
  eventLoop: EventLoopWindow | null;
  /**
   * Why the heavy queries stopped early (a strategy this server does not offer), or why they
   * never ran (DISTRIBUTED without Redis: then `probes` is empty), or null.
   */
  error: string | null;
}

export interface ResponsivenessSection {
  corpus: string;
  emails: number;
  windowMs: number;
  probeIntervalMs: number;
  workerNice: number;
  /** DISTRIBUTED's worker processes on this machine (one job at a time each), null if none. */
  distributedWorkers: number | null;
  runs: ResponsivenessRun[];
}

/** THREADS (and SEQUENTIAL) compute-only on one corpus at each worker count. */
export interface WorkerScalingRow {
  strategy: string;
  workers: number;
  oversubscribed: boolean;
  wallMs: Spread;
  vsSequential: number;
}

export interface WorkerScalingSection {
  corpus: string;
  cores: number;
  poolMaxWorkers: number;
  /** Worker counts asked for but above the pool's maximum (2 x cores). */
  skipped: number[];
  rounds: { warmup: number; reps: number };
  rows: WorkerScalingRow[];
}

/** Cached capitalLetterStats with top, histogram and perEmail, as a dashboard asks. */
export interface CachedAnswersRow {
  corpus: string;
  emails: number;
  requests: number;
  latency: LatencyQuantiles;
}

/** One server under autocannon. */
export interface LoadRun {
  server: "bare Apollo" | "Capstats";
  query: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The server process's CPU time per request (user + system), from /proc. */
  cpuUsPerRequest: number | null;
  non2xx: number;
  errors: number;
}

export interface RequestPathSection {
  connections: number;
  durationS: number;
  /** Rounds alternate bare, Capstats, bare, Capstats; each figure is the median over rounds. */
  rounds: number;
  runs: LoadRun[];
  /** Capstats' over bare Apollo's requests per second on `{ __typename }`. */
  ratio: number | null;
}

/** One compareIo run, as the API answers it. */
export type IoRunResult = IoRun;

export interface IoSection {
  corpus: string;
  file: string;
  fileBytes: number;
  repetitions: number;
  threadpoolSize: number;
  /** Every run's bytes equal fileBytes x its reads. */
  bytesCheck: boolean;
  runs: IoRunResult[];
  /** The CPU-bound counterpart on the same corpus: THREADS(2) vs SEQUENTIAL, compute-only. */
  cpuBound: { workers: number; speedup: number } | null;
}

/** Where one end-to-end query's time went, medians over its repetitions. */
export interface EndToEndRow {
  strategy: string;
  workers: number | null;
  clientMs: number;
  /** `{ __typename }` round trip: client, HTTP, Express, Apollo and its plugins. */
  floorMs: number;
  phases: Record<"queueMs" | "otherMs" | "loadMs" | "planMs" | "executeMs" | "mergeMs", number>;
  engineWallMs: number;
  /** Round trip minus the engine's wall (median over samples) minus the floor: resolvers, aggregates, JSON. */
  answerMs: number;
}

export interface EndToEndSection {
  corpus: string;
  floor: LatencyQuantiles;
  rows: EndToEndRow[];
}

export interface Sections {
  responsiveness: ResponsivenessSection | null;
  workerScaling: WorkerScalingSection | null;
  cachedAnswers: CachedAnswersRow[];
  requestPath: RequestPathSection | null;
  io: IoSection | null;
  endToEnd: EndToEndSection | null;
}
