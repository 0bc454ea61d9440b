import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { GraphQLSafeInt } from "graphql-scalars";
import { ExecutionStrategy } from "../engine";
import { METRIC_INDEX, metricsOf } from "../metrics/metrics";
import type { Connection } from "../graphql/connection";
import { connectionType } from "../graphql/connection.type";
import { registerDescribedEnum } from "../graphql/described-enum";
import { ExecutionReportType } from "../graphql/execution-report.type";
import { MetricSummary } from "../graphql/metric-summary.type";
import { TextMetric } from "../graphql/text-metric.type";
import { RunStatus, type RunRecord } from "./run-record";

registerDescribedEnum(
  RunStatus,
  "AnalysisStatus",
  "PENDING -> RUNNING -> COMPLETED, FAILED or CANCELLED.",
  {
    PENDING: "Created; waiting for a slot or for its locks (see `locks`).",
    RUNNING: "Counting, or writing its results.",
    COMPLETED: "Every per-email result and the totals are stored.",
    FAILED: "See `error`; no partial results are kept.",
    CANCELLED: "Stopped by cancelAnalysis; no partial results are kept.",
  },
);

@ObjectType("AnalysisRun", { description: "A background analysis, persisted with its results." })
export class AnalysisRunType {
  /** The stored row, for field resolvers. */
  record!: RunRecord;

  @Field(() => ID) id!: string;
  @Field(() => RunStatus) status!: RunStatus;
  @Field(() => [TextMetric]) metrics!: TextMetric[];
  @Field(() => ExecutionStrategy, {
    description: "The strategy requested; execution.strategy is the one that ran.",
  })
  strategy!: ExecutionStrategy;
  @Field(() => Int, { nullable: true }) workers!: number | null;
  @Field(() => Int, { nullable: true }) chunkSize!: number | null;
  @Field(() => Float, {
    description:
      "From 0 to 1: emails counted over emailCount (estimated from finished tasks, exact at 1).",
  })
  progress!: number;
  @Field(() => Int) emailsDone!: number;
  @Field(() => Int, { nullable: true, description: "Emails selected; null until RUNNING." })
  emailCount!: number | null;
  @Field(() => Int, { nullable: true, description: "Corpus version counted; null until RUNNING." })
  corpusVersion!: number | null;
  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: "Capital letters over the run's emails; null unless COMPLETED with CAPITALS.",
  })
  totalCapitals!: number | null;
  @Field(() => [MetricSummary], {
    description: "One per metric asked for once COMPLETED; empty before.",
  })
  totals!: MetricSummary[];
  @Field(() => ExecutionReportType, { nullable: true, description: "Set when COMPLETED." })
  execution!: ExecutionReportType | null;
  @Field(() => String, { nullable: true, description: "Why the run FAILED or was CANCELLED." })
  error!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

export const AnalysisRunConnection = connectionType(AnalysisRunType, "AnalysisRun", {
  description: "Analysis runs, newest first.",
});
export type AnalysisRunConnection = Connection<AnalysisRunType>;

export function toAnalysisRun(r: RunRecord): AnalysisRunType {
  const completed = r.status === RunStatus.COMPLETED;
  const metrics = metricsOf(r.mask);
  const totals: MetricSummary[] = [];
  if (completed && r.summaries) {
    for (const m of metrics) {
      const total = r.totals[METRIC_INDEX[m]];
      const s = r.summaries[m];
      if (total !== null && s) totals.push({ metric: m, total, ...s });
    }
  }
  const emailCount = r.emailCount;
  return Object.assign(new AnalysisRunType(), {
    record: r,
    id: String(r.id),
    status: r.status,
    metrics,
    strategy: r.strategy,
    workers: r.workers,
    chunkSize: r.chunkSize,
    progress: completed ? 1 : emailCount ? Math.min(1, r.emailsDone / emailCount) : 0,
    emailsDone: r.emailsDone,
    emailCount,
    corpusVersion: r.corpusVersion,
    totalCapitals: completed ? r.totals[METRIC_INDEX.CAPITALS] : null,
    totals,
    execution: completed ? r.execution : null,
    error: r.error,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  });
}

@ObjectType({ description: "What deleteAnalysis removed." })
export class DeletedAnalysis {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: "Per-email result rows deleted with the run." })
  results!: number;
}
