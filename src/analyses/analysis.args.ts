import { ArgsType, Field, InputType, Int } from "type-graphql";
import { EmailFilter } from "../emails/email-filter.input";
import { ExecutionStrategy } from "../engine";
import { LIMITS } from "../graphql/limits";
import { requireMetrics } from "../metrics/require-metrics";
import { checkRange, type Validatable } from "../graphql/validate";
import { metricsMask, uniqueMetrics } from "../graphql/metric-summary";
import { TextMetric } from "../graphql/text-metric.type";
import { RunStatus, type RunSpec } from "./run-record";

const DEFAULT_METRICS = [TextMetric.CAPITALS];

@InputType({ description: "What a background analysis counts, and how." })
export class StartAnalysisInput implements Validatable {
  @Field(() => [TextMetric], {
    defaultValue: DEFAULT_METRICS,
    description: "Metrics to compute, all in one pass over the text.",
  })
  metrics: TextMetric[] = DEFAULT_METRICS;

  @Field(() => ExecutionStrategy, { defaultValue: ExecutionStrategy.AUTO })
  strategy: ExecutionStrategy = ExecutionStrategy.AUTO;

  @Field(() => Int, {
    nullable: true,
    description: `Most workers the run keeps busy at once (${LIMITS.workers.min} to the pool's maximum). Default: one per core.`,
  })
  workers?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Emails per task (${LIMITS.chunkSize.min} to ${LIMITS.chunkSize.max}). Default: the selection cut into ANALYSIS_PROGRESS_STEPS tasks, so progress moves in steps.`,
  })
  chunkSize?: number | null;

  @Field(() => EmailFilter, { nullable: true, description: "Emails to count; all when null." })
  filter?: EmailFilter | null;

  validate(): void {
    requireMetrics(this.metrics, "input.metrics");
    checkRange("input.workers", this.workers, LIMITS.workers);
    checkRange("input.chunkSize", this.chunkSize, LIMITS.chunkSize);
    this.filter?.validate();
  }

  toSpec(): RunSpec {
    return {
      mask: metricsMask(uniqueMetrics(this.metrics)),
      strategy: this.strategy,
      workers: this.workers ?? null,
      chunkSize: this.chunkSize ?? null,
      filter: this.filter ?? null,
    };
  }
}

@ArgsType()
export class AnalysisRunsArgs implements Validatable {
  @Field(() => Int, {
    defaultValue: LIMITS.emailsFirst.default,
    description: `Page size, ${LIMITS.pageSize.min} to ${LIMITS.pageSize.max}.`,
  })
  first: number = LIMITS.emailsFirst.default;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page." })
  after?: string | null;

  @Field(() => RunStatus, { nullable: true, description: "Only runs in this status." })
  status?: RunStatus | null;

  validate(): void {
    checkRange("first", this.first, LIMITS.pageSize);
  }
}

@ArgsType()
export class RunResultsArgs implements Validatable {
  @Field(() => Int, {
    defaultValue: LIMITS.perEmailFirst.default,
    description: `Page size, ${LIMITS.pageSize.min} to ${LIMITS.pageSize.max}.`,
  })
  first: number = LIMITS.perEmailFirst.default;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page." })
  after?: string | null;

  validate(): void {
    checkRange("first", this.first, LIMITS.pageSize);
  }
}
