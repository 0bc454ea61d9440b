import { METRIC_RULES, TextMetric } from "../metrics/metrics";
import { registerDescribedEnum } from "./described-enum";

/** The one metric list (src/metrics/metrics.ts), as the GraphQL enum `TextMetric`. */
export { TextMetric };

registerDescribedEnum(
  TextMetric,
  "TextMetric",
  "A text metric, each defined by the Python expression it equals.",
  METRIC_RULES,
);
