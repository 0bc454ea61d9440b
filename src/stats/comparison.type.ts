import { Field, Float, Int, ObjectType } from "type-graphql";
import { GraphQLSafeInt } from "graphql-scalars";
import { ExecutionStrategy } from "../engine";
import { ExecutionReportType } from "../graphql/execution-report.type";
import { MetricSummary } from "../graphql/metric-summary.type";
import { MsField } from "../graphql/measure-fields";

@ObjectType({ description: "Every run of one strategy on the shared work." })
export class StrategyComparison {
  @Field(() => ExecutionStrategy) strategy!: ExecutionStrategy;
  @Field(() => [ExecutionReportType], {
    description: "One report per repetition, all fresh (never cached).",
  })
  runs!: ExecutionReportType[];
  @MsField() medianWallMs!: number;
  @MsField() minWallMs!: number;
  @MsField() medianComputeMs!: number;
  @Field(() => Float, {
    nullable: true,
    description: "SEQUENTIAL's median wall time over this one's; null when SEQUENTIAL was not run.",
  })
  speedupVsSequential!: number | null;
  @Field(() => Boolean, { description: "Per-email values identical to the first strategy's." })
  agrees!: boolean;
}

@ObjectType({
  description: "The same work under several strategies, side by side: the lesson in one query.",
})
export class ComparisonReport {
  @Field(() => Int) emailCount!: number;
  @Field(() => [MetricSummary], { description: "Totals of the first strategy's run." })
  totals!: MetricSummary[];
  @Field(() => GraphQLSafeInt) bytes!: number;
  @Field(() => Boolean, { description: "Every strategy produced identical per-email values." })
  allAgree!: boolean;
  @Field(() => [StrategyComparison]) strategies!: StrategyComparison[];
}
