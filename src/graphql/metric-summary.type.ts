import { Field, Float, Int, ObjectType } from "type-graphql";
import { GraphQLSafeInt } from "graphql-scalars";
import { TextMetric } from "./text-metric.type";

@ObjectType({ description: "One metric over the selected emails.", simpleResolvers: true })
export class MetricSummary {
  @Field(() => TextMetric) metric!: TextMetric;
  @Field(() => GraphQLSafeInt) total!: number;
  @Field(() => Float) mean!: number;
  @Field(() => Float) median!: number;
  @Field(() => Int) max!: number;
}
