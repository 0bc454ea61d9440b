import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import {
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { QueryTooComplexError } from "../errors/client-errors";
import { HEAVY_FIELD_COMPLEXITY, operationComplexity, TEXT_FIELD_COMPLEXITY } from "./complexity";
import { operationDepth } from "./depth-limit";
import { OperationCostCache, type OperationCost } from "./operation-cost-cache";

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): OperationCost {
  const depth = operationDepth(document, operation);
  try {
    return { depth, complexity: operationComplexity(schema, document, operation, variables) };
  } catch (err) {
    // graphql-query-complexity gives up on documents with too many nodes; only its own
    // GraphQLErrors are the query's fault, anything else is a bug.
    if (!(err instanceof GraphQLError)) throw err;
    throw new QueryTooComplexError(`query is too large to cost: ${err.message}`);
  }
}

/**
 * Throws QueryTooComplexError when `operation` is deeper or costlier than `limits`. Shared by
 * the HTTP plugin below and the WebSocket transport, so neither path can bypass the other.
 * With a `cache`, a repeated operation is measured once.
 */
export function enforceQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
  cache?: OperationCostCache,
): void {
  const run = (): OperationCost => measure(schema, document, operation, variables);
  const { depth, complexity } = cache ? cache.costOf(document, operation, variables, run) : run();
  if (depth > limits.maxDepth) {
    throw new QueryTooComplexError(
      `query depth ${depth} exceeds the limit of ${limits.maxDepth} (MAX_QUERY_DEPTH)`,
      { depth, maxDepth: limits.maxDepth },
    );
  }
  if (complexity !== null && complexity > limits.maxComplexity) {
    throw new QueryTooComplexError(
      `query complexity ${complexity} exceeds the limit of ${limits.maxComplexity} ` +
        `(MAX_QUERY_COMPLEXITY); a stats field or startAnalysis costs ${HEAVY_FIELD_COMPLEXITY}, ` +
        `a text field ${TEXT_FIELD_COMPLEXITY}, others 1, and a list of first/n/buckets items ` +
        `that many times one item`,
      { complexity, maxComplexity: limits.maxComplexity },
    );
  }
}

/**
 * Refuses too-deep and too-costly operations in didResolveOperation: after parsing and
 * validation, before a single resolver runs. Refusing during execution would be too late:
 * the first aliased heavy fields would already be on the heavy-query gate. Costs are cached
 * per parsed document (Apollo caches parsing and validation the same way), so a repeated
 * operation pays for its limits once.
 */
export function queryLimitsPlugin<TContext extends object>(
  limits: QueryLimits,
  cache = new OperationCostCache(),
): ApolloServerPlugin<TContext> {
  // Stateless, so one listener serves every request.
  const listener: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ document, operation, schema, request }) {
      // Apollo gives no operation when operationName names none; execution reports that.
      if (!operation) return;
      enforceQueryLimits(schema, document, operation, request.variables, limits, cache);
    },
  };
  return { requestDidStart: async () => listener };
}
