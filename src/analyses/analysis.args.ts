import { ArgsType, Field, InputType } from "type-graphql";
import { EmailFilter } from "../emails/email-filter.input";
import { ExecutionStrategy } from "../engine";
import { LIMITS } from "../graphql/limits";
import { requireMetrics } from "../metrics/require-metrics";
import { ChunkSizeField, validateCountOptions, WorkersField } from "../graphql/count-options";
import { PageArgs, PageArgsWithFirst } from "../graphql/page.args";
import type { Validatable } from "../graphql/validate";
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

  @WorkersField("the run")
  workers?: number | null;

  @ChunkSizeField(
    ". Default: the selection cut into ANALYSIS_PROGRESS_STEPS tasks, so progress moves in steps.",
  )
  chunkSize?: number | null;

  @Field(() => EmailFilter, { nullable: true, description: "Emails to count; all when null." })
  filter?: EmailFilter | null;

  validate(): void {
    requireMetrics(this.metrics, "input.metrics");
    validateCountOptions(this, "input.");
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
export class AnalysisRunsArgs extends PageArgs {
  @Field(() => RunStatus, { nullable: true, description: "Only runs in this status." })
  status?: RunStatus | null;
}

@ArgsType()
export class RunResultsArgs extends PageArgsWithFirst(LIMITS.perEmailFirst.default) {}
