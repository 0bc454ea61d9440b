import { ArgsType, Field, Int } from "type-graphql";
import { BadUserInputError } from "../errors/client-errors";
import { ExecutionStrategy } from "../engine";
import { LIMITS } from "../graphql/limits";
import { requireMetrics } from "../metrics/require-metrics";
import { checkRange } from "../graphql/validate";
import { CountArgs, ExecutionArgs } from "./stats.args";
import { TextMetric } from "../graphql/text-metric.type";

@ArgsType()
export class TextStatsArgs extends ExecutionArgs {
  @Field(() => [TextMetric], { description: "Metrics to compute, all in one pass over the text." })
  metrics!: TextMetric[];

  override validate(): void {
    super.validate();
    requireMetrics(this.metrics, "metrics");
  }
}

const DEFAULT_STRATEGIES = [
  ExecutionStrategy.SEQUENTIAL,
  ExecutionStrategy.THREADS,
  ExecutionStrategy.PROCESSES,
];
const DEFAULT_METRICS = [TextMetric.CAPITALS];

/** Every run is fresh and names its strategy in `strategies`, so there is no `strategy` or `fresh`. */
@ArgsType()
export class CompareArgs extends CountArgs {
  @Field(() => [ExecutionStrategy], {
    defaultValue: DEFAULT_STRATEGIES,
    description: "Strategies to run, in this order, on the same work.",
  })
  strategies: ExecutionStrategy[] = DEFAULT_STRATEGIES;

  @Field(() => Int, {
    defaultValue: LIMITS.repetitions.default,
    description: `Runs per strategy (${LIMITS.repetitions.min} to ${LIMITS.repetitions.max}); medians are over these.`,
  })
  repetitions: number = LIMITS.repetitions.default;

  @Field(() => [TextMetric], { defaultValue: DEFAULT_METRICS })
  metrics: TextMetric[] = DEFAULT_METRICS;

  override validate(): void {
    super.validate();
    checkRange("repetitions", this.repetitions, LIMITS.repetitions);
    if (this.strategies.length === 0 || this.strategies.length > 8) {
      throw new BadUserInputError("strategies must list 1 to 8 strategies", {
        argument: "strategies",
      });
    }
    requireMetrics(this.metrics, "metrics");
  }
}
