import { Field, Int, ObjectType } from "type-graphql";
import { METRICS, type MetricName } from "../metrics/metrics";
import type { Connection } from "./connection";
import { connectionType } from "./connection.type";

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

export const EmailMetricsConnection = connectionType(EmailMetrics, "EmailMetrics");
export type EmailMetricsConnection = Connection<EmailMetrics>;

/** One email's values, indexed like METRICS (null for a metric not asked for). */
export function toEmailMetrics(emailId: number, values: readonly (number | null)[]): EmailMetrics {
  const node = { emailId } as EmailMetrics;
  METRICS.forEach((m, i) => {
    node[m.toLowerCase() as Lowercase<MetricName>] = values[i] ?? null;
  });
  return node;
}
