import { ArgsType, Field, InputType } from "type-graphql";
import { BadUserInputError } from "../errors/client-errors";
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

  @Field(() => String, {
    nullable: true,
    description: `Idempotency key (${LIMITS.requestKey.min} to ${LIMITS.requestKey.max} characters): startAnalysis with a key already used returns that run instead of starting another, so a retry never duplicates a run. Reusing a key with different input is BAD_USER_INPUT.`,
  })
  requestKey?: string | null;

  validate(): void {
    requireMetrics(this.metrics, "input.metrics");
    validateCountOptions(this, "input.");
    const key = this.requestKey;
    if (key != null && (key.length < LIMITS.requestKey.min || key.length > LIMITS.requestKey.max)) {
      throw new BadUserInputError(
        `input.requestKey must be ${LIMITS.requestKey.min} to ${LIMITS.requestKey.max} characters (got ${key.length})`,
        { argument: "input.requestKey", min: LIMITS.requestKey.min, max: LIMITS.requestKey.max },
      );
    }
  }

  toSpec(): RunSpec {
    return {
      mask: metricsMask(uniqueMetrics(this.metrics)),
      strategy: this.strategy,
      workers: this.workers ?? null,
      chunkSize: this.chunkSize ?? null,
      filter: this.filter ?? null,
      requestKey: this.requestKey ?? null,
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
