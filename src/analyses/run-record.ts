import { BadUserInputError } from "../errors/client-errors";
import type { ExecutionReport, ExecutionStrategy } from "../engine";
import type { EmailFilter } from "../emails/email-filter.input";
import { stringEnum, type EnumValue } from "../string-enum";

export const RunStatus = stringEnum(["PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"]);
export type RunStatus = EnumValue<typeof RunStatus>;

export const ACTIVE_STATUSES: readonly RunStatus[] = [RunStatus.PENDING, RunStatus.RUNNING];

export function isTerminal(status: RunStatus): boolean {
  return !ACTIVE_STATUSES.includes(status);
}

/** What startAnalysis asked for, already validated. */
export interface RunSpec {
  /** Bit mask over METRICS (src/metrics/metrics.ts). */
  mask: number;
  strategy: ExecutionStrategy;
  workers: number | null;
  chunkSize: number | null;
  filter: EmailFilter | null;
  /** Idempotency key (input.requestKey): the same key starts one run at most. */
  requestKey?: string | null;
}

export interface MetricStats {
  mean: number;
  median: number;
  max: number;
}

/** One AnalysisRun row, as the store reads it back. */
export interface RunRecord {
  id: number;
  status: RunStatus;
  mask: number;
  strategy: ExecutionStrategy;
  workers: number | null;
  chunkSize: number | null;
  /** The EmailFilter as JSON; null selects every email. */
  filter: string | null;
  corpusVersion: number | null;
  emailCount: number | null;
  emailsDone: number;
  /** Indexed like METRICS; null for a metric not asked for, or before COMPLETED. */
  totals: (number | null)[];
  /** Keyed by metric name; null before COMPLETED. */
  summaries: Record<string, MetricStats> | null;
  execution: ExecutionReport | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** SHA-256 of the API token that started the run; null when tokens were off. */
  tokenHash: string | null;
}

/** Run ids are positive integers; GraphQL carries them as ID strings. */
export function parseRunId(id: unknown, argument = "id"): number {
  const text = typeof id === "number" ? String(id) : id;
  if (typeof text !== "string" || !/^[1-9]\d{0,14}$/.test(text)) {
    throw new BadUserInputError(
      `${argument} must be an analysis run id, a positive integer (got ${JSON.stringify(id)})`,
      { argument },
    );
  }
  return Number(text);
}
