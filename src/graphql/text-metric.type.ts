import { registerEnumType } from "type-graphql";
import { METRIC_RULES, METRICS, TextMetric } from "../metrics/metrics";

/** The one metric list (src/metrics/metrics.ts), as the GraphQL enum `TextMetric`. */
export { TextMetric };

registerEnumType(TextMetric, {
  name: "TextMetric",
  description: "A text metric, each defined by the Python expression it equals.",
  valuesConfig: Object.fromEntries(METRICS.map((m) => [m, { description: METRIC_RULES[m] }])),
});
