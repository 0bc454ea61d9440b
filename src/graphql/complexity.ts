import {
  getVariableValues,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from "graphql-query-complexity";

/**
 * Cost of one field that runs the engine (a full pass over the corpus on the heavy-query
 * gate), set with type-graphql's `complexity` option. With the default MAX_QUERY_COMPLEXITY of
 * 100,000 a query may hold up to 9 heavy fields plus their selections.
 */
export const HEAVY_FIELD_COMPLEXITY = 10_000;

/**
 * Cost of a field that returns or reads one email's whole text (rawText, extractedBodyText,
 * capitalLetters): such a value may be megabytes, a plain field is a few bytes.
 */
export const TEXT_FIELD_COMPLEXITY = 50;

/** The arguments that say how many items a list field returns. */
const SIZE_ARGUMENTS = ["first", "n", "buckets"] as const;

/**
 * A field with a size argument costs 1 plus that many times its selection: 1,000 emails cost a
 * thousand times one email, which is what they cost to read, hold and serialise.
 */
const listSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  for (const name of SIZE_ARGUMENTS) {
    const size = args[name];
    if (typeof size === "number" && Number.isFinite(size)) {
      return 1 + Math.max(0, size) * Math.max(1, childComplexity);
    }
  }
  return undefined;
};

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
    estimators: [
      fieldExtensionsEstimator(),
      listSizeEstimator,
      simpleEstimator({ defaultComplexity: 1 }),
    ],
  });
}
