import { Query } from "type-graphql";
import { HEAVY_FIELD_COMPLEXITY } from "./complexity";

/**
 * A query that runs the engine: a whole pass over the corpus on the heavy-query gate, so it
 * costs HEAVY_FIELD_COMPLEXITY in the query's complexity budget.
 */
export function HeavyQuery(
  returns: Parameters<typeof Query>[0],
  description: string,
): ReturnType<typeof Query> {
  return Query(returns, { complexity: HEAVY_FIELD_COMPLEXITY, description });
}
