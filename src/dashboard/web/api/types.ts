/** Shapes of the API's answers, as far as the dashboard reads them (schema/schema.graphql). */
import type { CapitalAggregates } from "../../shared/capital-aggregates";
import type { Strategy } from "../../shared/view-state";

export interface ExecutionReport {
  requestedStrategy: Strategy;
  strategy: Strategy;
  reason: string;
  workers: number;
  tasks: number;
  chunkSize: number | null;
  dataPath: string;
  /** The counting kernel; null only in analysis runs recorded before it was reported. */
  kernel: "JS" | "WASM_SIMD" | null;
  corpusVersion: number;
  wallMs: number;
  computeMs: number;
  queueMs: number;
  cached: boolean;
}

export interface HistogramBucket {
  from: number;
  to: number;
  count: number;
}

export interface StatsSummary extends CapitalAggregates {
  execution: ExecutionReport;
  histogram: HistogramBucket[];
}

/** A node of `groups(...)` (the issue 11 contract). */
export interface StatsGroup extends CapitalAggregates {
  key: string | null;
  label: string;
}

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface MetricSummary {
  metric: string;
  total: number;
  mean: number;
  median: number;
  max: number;
}

export type AnalysisStatus = "PENDING" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";

export interface AnalysisRun {
  id: string;
  status: AnalysisStatus;
  metrics: string[];
  strategy: Strategy;
  progress: number;
  emailsDone: number;
  emailCount: number | null;
  totals: MetricSummary[];
  execution: Pick<ExecutionReport, "strategy" | "workers" | "tasks" | "wallMs"> | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface EmailRow {
  id: number;
  metadataSubject: string | null;
  metadataFrom: string | null;
  metadataDateSent: string | null;
  capitalLetters: number;
}

export interface LockInfo {
  name: string;
  rank: number;
  mode: "SHARED" | "EXCLUSIVE" | null;
  holders: string[];
  waiters: { holder: string; mode: string; waitedMs: number }[];
  heldForMs: number | null;
}

export const TERMINAL: readonly AnalysisStatus[] = ["COMPLETED", "FAILED", "CANCELLED"];
