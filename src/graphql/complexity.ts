import {
  getVariableValues,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";

/**
 * Cost of one field that runs the engine (a full pass over the corpus on the heavy-query
 * gate), set with type-graphql's `complexity` option. Every other field costs 1, so with
 * the default MAX_QUERY_COMPLEXITY of 1000 a query may hold up to 9 heavy fields plus
 * their selections, and 300 aliased heavy fields are refused.
 */
export const HEAVY_FIELD_COMPLEXITY = 100;

/**
 * The cost of `operation`, or null when its variables do not coerce: execution then
 * reports that as BAD_USER_INPUT with GraphQL's own message, which is clearer than
 * anything the estimator could say.
 */
export function operationComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  return getComplexity({
    schema,
    query: document,
    variables,
    // Passing a name for an anonymous operation makes the library read `name.value` of
    // undefined; an anonymous operation is always the document's only one.
    operationName: operation.name?.value,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}
