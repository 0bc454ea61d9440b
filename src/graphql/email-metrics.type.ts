import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { METRICS, type MetricName } from "../metrics/metrics";
import type { Connection } from "./connection";
import { connectionType } from "./connection.type";

type MetricFields = Record<Lowercase<MetricName>, number | null>;

@ObjectType("EmailMetrics", {
  description: "Per-email metric values; metrics that were not asked for are null.",
  simpleResolvers: true,
})
class EmailMetricsType {
  @Field(() => Int) emailId!: number;
}

// One nullable Int per metric, named like it in lower case, in METRICS order: the fields
// follow the one metric list instead of restating it.
for (const m of METRICS) {
  Field(() => Int, { nullable: true })(EmailMetricsType.prototype, m.toLowerCase());
}

export type EmailMetrics = EmailMetricsType & MetricFields;
/** The GraphQL type `EmailMetrics`, fields and all. */
export const EmailMetrics = EmailMetricsType as ClassType<EmailMetrics>;

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
