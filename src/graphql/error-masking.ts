import { GraphQLError, type FormattedExecutionResult, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import type { Logger } from "pino";
import { ErrorCode } from "../errors/error-code";
import type { RequestContext } from "./context";

/**
 * An error is the client's business when Capstats raised it on purpose (a
 * GraphQLError with a code), or when GraphQL/Apollo rejected the request itself
 * (parse, validation, variable coercion). Anything else is a bug.
 */
export function isExpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  return original instanceof GraphQLError && typeof original.extensions?.code === "string";
}

export const MASKED_MESSAGE = "Internal server error";
export const TOO_DEEP_TO_PARSE =
  "Syntax Error: the query is nested too deeply to parse (see MAX_QUERY_DEPTH)";
const STACK_OVERFLOW = /Maximum call stack size exceeded/;

/** The one place unexpected errors are masked: no message, no stack, just a code. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  if (isExpected(error)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    // graphql-js parses recursively, so a query nested a few thousand levels deep
    // overflows the stack; Apollo reports that as a parse failure with V8's message.
    if (extensions.code === "GRAPHQL_PARSE_FAILED" && STACK_OVERFLOW.test(formatted.message)) {
      return { message: TOO_DEEP_TO_PARSE, extensions };
    }
    return { ...formatted, extensions };
  }
  return {
    message: MASKED_MESSAGE,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** What the HTTP handler (src/http/graphql-handler.ts) needs of error reporting. */
export interface ErrorReporting {
  plugin: ApolloServerPlugin<RequestContext>;
  /** Apollo's formatError: masks, and remembers what it masked for `answerFor`. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /**
   * Called by the handler with every answer before it is written: each masked error gets the
   * request's id, and any not yet logged (Apollo answered it by itself: a failing plugin
   * hook) is logged under that id.
   */
  answerFor(result: FormattedExecutionResult, request: RequestContext): FormattedExecutionResult;
  /** Logs an unexpected error outside GraphQL's pipeline and returns the masked error. */
  masked(error: unknown, request: RequestContext): GraphQLFormattedError;
}

/**
 * Logs unexpected errors in full with the request id, and tells the client that id. Errors
 * of execution are logged by the plugin (it knows the operation), and so are errors Apollo
 * catches around the pipeline (a failing plugin hook), which it would otherwise only print
 * to the console. Apollo calls formatError without the request, so the request's id is added
 * by `answerFor`, which the HTTP handler calls with the request it owns: no per-request
 * AsyncLocalStorage, whose promise hook every promise of the process would pay for.
 */
export function errorReporting(logger: Logger): ErrorReporting {
  const logged = new WeakSet<object>();
  // The error behind each masked one, for answerFor to log if nothing has yet.
  const causes = new WeakMap<GraphQLFormattedError, unknown>();
  const masked = (error: unknown, request: RequestContext): GraphQLFormattedError => {
    logger.error(
      { err: unwrapResolverError(error), requestId: request.requestId },
      "unexpected error",
    );
    return {
      message: MASKED_MESSAGE,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: request.requestId },
    };
  };
  return {
    plugin: errorLoggingPlugin(logger, logged),
    formatError(formatted, error) {
      const out = formatError(formatted, error);
      if (out.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) causes.set(out, error);
      return out;
    },
    answerFor(result, request) {
      for (const e of result.errors ?? []) {
        if (e.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) continue;
        (e.extensions as Record<string, unknown>).requestId = request.requestId;
        const cause = causes.get(e);
        if (cause === undefined || logged.has(request)) continue;
        if (typeof cause === "object" && cause !== null && logged.has(cause)) continue;
        logger.error(
          { err: unwrapResolverError(cause), requestId: request.requestId },
          "unexpected error",
        );
      }
      return result;
    },
    masked,
  };
}

function errorLoggingPlugin(
  logger: Logger,
  logged: WeakSet<object>,
): ApolloServerPlugin<RequestContext> {
  // Stateless, so one listener serves every request.
  const listener: GraphQLRequestListener<RequestContext> = {
    async didEncounterErrors({ errors, contextValue, operationName }) {
      for (const error of errors) {
        if (isExpected(error)) continue;
        logged.add(error);
        logger.error(
          {
            err: unwrapResolverError(error),
            requestId: contextValue.requestId,
            operationName,
            path: error.path,
          },
          "unexpected error",
        );
      }
    },
  };
  return {
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      logged.add(requestContext.contextValue);
      logger.error(
        { err: error, requestId: requestContext.contextValue.requestId },
        "unexpected error processing the request",
      );
    },
    requestDidStart: async () => listener,
  };
}
