import { Field, Float, Int, ObjectType } from "type-graphql";
import { GraphQLSafeInt } from "graphql-scalars";
import { ratioOrZero } from "../metrics/aggregates";
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

  // The aggregates are read off the values kept with the result, when a query asks for them:
  // a query for totals pays no median (a copy and a selection over every email, about 1 ms
  // and 0.5 MB at 8x, per fresh query). Cached results keep what was computed.
  @Field(() => Int) get emailCount(): number {
    return this.result.emailIds.length;
  }
  @Field(() => GraphQLSafeInt) get totalCapitals(): number {
    return this.result.derived.total("CAPITALS");
  }
  @Field(() => GraphQLSafeInt) get totalCharacters(): number {
    return this.result.derived.total("CHARACTERS");
  }
  @Field(() => Float, {
    description: "totalCapitals / totalCharacters; 0 when there are no characters.",
  })
  get capitalRatio(): number {
    return ratioOrZero(this.totalCapitals, this.totalCharacters);
  }
  @Field(() => Float) get meanPerEmail(): number {
    return ratioOrZero(this.totalCapitals, this.emailCount);
  }
  @Field(() => Float, { description: "Python statistics.median of the per-email counts." })
  get medianPerEmail(): number {
    return this.result.derived.summary("CAPITALS").median;
  }
  @Field(() => Int) get maxPerEmail(): number {
    return this.result.derived.summary("CAPITALS").max;
  }
  @Field(() => ExecutionReportType) execution!: ExecutionReportType;
}
