import { Field, Float, Int, ObjectType } from "type-graphql";
import { GraphQLSafeInt } from "graphql-scalars";
import type { Connection } from "../graphql/connection";
import { connectionType } from "../graphql/connection.type";
import { ExecutionReportType } from "../graphql/execution-report.type";
import type { StatsResult } from "./stats.service";

@ObjectType({
  description: "Capital letters (Python isupper) of one email.",
  simpleResolvers: true,
})
export class EmailCapitals {
  @Field(() => Int) emailId!: number;
  @Field(() => Int) capitals!: number;
  @Field(() => Int, { description: "Code points of RawText (Python len)." })
  characters!: number;
}

export const EmailCapitalsConnection = connectionType(EmailCapitals, "EmailCapitals");
export type EmailCapitalsConnection = Connection<EmailCapitals>;

@ObjectType({ description: "Emails whose capital count is in [from, to).", simpleResolvers: true })
export class HistogramBucket {
  @Field(() => Int) from!: number;
  @Field(() => Int) to!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({
  description:
    "Capital letters per email over the selected emails. Totals use SafeInt (exact to 2^53 - 1), so they cannot overflow at 1000x the corpus.",
})
export class CapitalLetterStats {
  /** The computed per-email values; field resolvers derive breakdowns from it. */
  result!: StatsResult;

  @Field(() => Int) emailCount!: number;
  @Field(() => GraphQLSafeInt) totalCapitals!: number;
  @Field(() => GraphQLSafeInt) totalCharacters!: number;
  @Field(() => Float, {
    description: "totalCapitals / totalCharacters; 0 when there are no characters.",
  })
  capitalRatio!: number;
  @Field(() => Float) meanPerEmail!: number;
  @Field(() => Float, { description: "Python statistics.median of the per-email counts." })
  medianPerEmail!: number;
  @Field(() => Int) maxPerEmail!: number;
  @Field(() => ExecutionReportType) execution!: ExecutionReportType;
}
