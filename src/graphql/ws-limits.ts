import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from "graphql";
import { ErrorCode } from "../errors/error-code";
import { enforceQueryLimits, type QueryLimits } from "./complexity.plugin";
import { TOO_DEEP_TO_PARSE } from "./error-masking";

export interface TransportLimits extends QueryLimits {
  maxTokens: number;
  introspection: boolean;
}

/** graphql-ws's subscribe payload, structurally (its types do not resolve under CommonJS). */
export interface OperationPayload {
  readonly operationName?: string | null;
  readonly query: string;
  readonly variables?: Record<string, unknown> | null;
}

/** Apollo's codes for the same failures, so a client handles both transports alike. */
function coded(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map(
    (e) =>
      new GraphQLError(e.message, {
        nodes: e.nodes,
        source: e.source,
        positions: e.positions,
        extensions: { ...e.extensions, code },
      }),
  );
}

/**
 * A graphql-ws `onSubscribe` that applies what Apollo applies over HTTP: the parser's token
 * budget, validation (with introspection refused when it is off), variable coercion, and the
 * depth and complexity limits, all before anything executes. graphql-ws accepts queries and
 * mutations as well as subscriptions, so without this a WebSocket would bypass every limit.
 * Returns the ready execution arguments, or the coded errors to send instead.
 */
export function limitedOperation(schema: GraphQLSchema, limits: TransportLimits) {
  const rules = limits.introspection
    ? specifiedRules
    : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  return (
    _ctx: unknown,
    _id: string,
    payload: OperationPayload,
  ): ExecutionArgs | readonly GraphQLError[] => {
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
    } catch (err) {
      const parseError = err instanceof GraphQLError ? err : new GraphQLError(TOO_DEEP_TO_PARSE);
      return coded([parseError], "GRAPHQL_PARSE_FAILED");
    }
    const invalid = validate(schema, document, rules);
    if (invalid.length > 0) return coded(invalid, "GRAPHQL_VALIDATION_FAILED");
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) {
      return coded([new GraphQLError("Unable to identify operation")], ErrorCode.BAD_REQUEST);
    }
    const variables = payload.variables ?? undefined;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors) return coded(coerced.errors, ErrorCode.BAD_USER_INPUT);
    try {
      enforceQueryLimits(schema, document, operation, variables, limits);
    } catch (err) {
      if (err instanceof GraphQLError) return [err];
      throw err;
    }
    return {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: variables,
    };
  };
}
