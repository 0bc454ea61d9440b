import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLSafeInt } from "graphql-scalars";
import { PageInfo } from "../graphql/page-info.type";
import { ExecutionReportType } from "./execution-report.type";
import type { StatsResult } from "./stats.service";

/** GraphQL mirror of the kernel's metric names (src/engine/kernels/metrics.ts). */
export enum TextMetric {
  CAPITALS = "CAPITALS",
  LOWERCASE = "LOWERCASE",
  DIGITS = "DIGITS",
  WHITESPACE = "WHITESPACE",
  WORDS = "WORDS",
  LINES = "LINES",
  CHARACTERS = "CHARACTERS",
}

registerEnumType(TextMetric, {
  name: "TextMetric",
  description: "A text metric, each defined by the Python expression it equals.",
  valuesConfig: {
    CAPITALS: { description: "sum(c.isupper() for c in text)" },
    LOWERCASE: { description: "sum(c.islower() for c in text)" },
    DIGITS: { description: "sum(c.isdecimal() for c in text): decimal digits (Nd) of any script" },
    WHITESPACE: { description: "sum(c.isspace() for c in text)" },
    WORDS: { description: "len(text.split())" },
    LINES: { description: "len(text.splitlines())" },
    CHARACTERS: { description: "len(text): code points" },
  },
});

@ObjectType({ description: "One metric over the selected emails." })
export class MetricSummary {
  @Field(() => TextMetric) metric!: TextMetric;
  @Field(() => GraphQLSafeInt) total!: number;
  @Field(() => Float) mean!: number;
  @Field(() => Float) median!: number;
  @Field(() => Int) max!: number;
}

@ObjectType({ description: "Per-email metric values; metrics that were not asked for are null." })
export class EmailMetrics {
  @Field(() => Int) emailId!: number;
  @Field(() => Int, { nullable: true }) capitals!: number | null;
  @Field(() => Int, { nullable: true }) lowercase!: number | null;
  @Field(() => Int, { nullable: true }) digits!: number | null;
  @Field(() => Int, { nullable: true }) whitespace!: number | null;
  @Field(() => Int, { nullable: true }) words!: number | null;
  @Field(() => Int, { nullable: true }) lines!: number | null;
  @Field(() => Int, { nullable: true }) characters!: number | null;
}

@ObjectType()
export class EmailMetricsEdge {
  @Field(() => String) cursor!: string;
  @Field(() => EmailMetrics) node!: EmailMetrics;
}

@ObjectType()
export class EmailMetricsConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [EmailMetricsEdge]) edges!: EmailMetricsEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: "Several metrics computed in one pass over the text." })
export class TextStats {
  result!: StatsResult;

  @Field(() => Int) emailCount!: number;
  @Field(() => [TextMetric]) metrics!: TextMetric[];
  @Field(() => [MetricSummary]) totals!: MetricSummary[];
  @Field(() => ExecutionReportType) execution!: ExecutionReportType;
}
