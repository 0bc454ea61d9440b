import { Field, Int, ObjectType } from "type-graphql";
import { ExecutionReportType } from "../graphql/execution-report.type";
import { MetricSummary } from "../graphql/metric-summary.type";
import { TextMetric } from "../graphql/text-metric.type";
import type { StatsResult } from "./stats.service";

@ObjectType({ description: "Several metrics computed in one pass over the text." })
export class TextStats {
  result!: StatsResult;

  @Field(() => Int) emailCount!: number;
  @Field(() => [TextMetric]) metrics!: TextMetric[];
  @Field(() => [MetricSummary]) totals!: MetricSummary[];
  @Field(() => ExecutionReportType) execution!: ExecutionReportType;
}
