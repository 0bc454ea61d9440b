import { Field, Float, Int, ObjectType } from "type-graphql";
import { GraphQLSafeInt } from "graphql-scalars";
import type { Connection } from "../../graphql/connection";
import { connectionType } from "../../graphql/connection.type";
import { MetricSummary } from "../../graphql/metric-summary.type";

/** What identifies a group, whatever is summed over it. */
@ObjectType()
abstract class GroupOfEmails {
  @Field(() => String, {
    nullable: true,
    description:
      "The dimension's value (a person id for SENDER_PERSON and RECIPIENT); null for emails that lack it.",
  })
  key!: string | null;
  @Field(() => String, { description: 'For display: the value, a person\'s name, or "(unknown)".' })
  label!: string;
  @Field(() => Int) emailCount!: number;
}

@ObjectType({ description: "Capital letters over the emails of one group." })
export class StatsGroup extends GroupOfEmails {
  @Field(() => GraphQLSafeInt) totalCapitals!: number;
  @Field(() => GraphQLSafeInt) totalCharacters!: number;
  @Field(() => Float, { description: "totalCapitals / totalCharacters; 0 without characters." })
  capitalRatio!: number;
  @Field(() => Float, { description: "0 for an empty (gap-filled) group." })
  meanPerEmail!: number;
  @Field(() => Float, { description: "Python statistics.median; 0 for an empty group." })
  medianPerEmail!: number;
  @Field(() => Int) maxPerEmail!: number;
}

const OVERLAP =
  "For RECIPIENT an email counts in every recipient's group, so those groups do not sum to the total.";

export const StatsGroupConnection = connectionType(StatsGroup, "StatsGroup", {
  description: `Groups of one dimension, ordered and paged. ${OVERLAP}`,
  totalCountDescription: "Groups across all pages.",
});
export type StatsGroupConnection = Connection<StatsGroup>;

@ObjectType({ description: "The requested metrics over the emails of one group." })
export class MetricsGroup extends GroupOfEmails {
  @Field(() => [MetricSummary], { description: "One per metric, in the order asked for." })
  totals!: MetricSummary[];
}

export const MetricsGroupConnection = connectionType(MetricsGroup, "MetricsGroup", {
  description: `Groups of one dimension with per-metric summaries, ordered and paged. ${OVERLAP}`,
  totalCountDescription: "Groups across all pages.",
});
export type MetricsGroupConnection = Connection<MetricsGroup>;
