import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import type { ApolloServerPlugin } from "@apollo/server";
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

/**
 * Logs unexpected errors in full with the request id, and tells the client that id. Errors
 * of execution are logged by the plugin (it knows the operation), and so are errors Apollo
 * catches around the pipeline (a failing plugin hook), which it would otherwise only print
 * to the console; errors Apollo answers by itself (the serializer, context creation) reach
 * only formatError, which logs them under the current request's id (RequestScope).
 */
export function errorReporting(
  logger: Logger,
  currentRequest: () => RequestContext | undefined,
): {
  plugin: ApolloServerPlugin<RequestContext>;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
} {
  const logged = new WeakSet<object>();
  return {
    plugin: errorLoggingPlugin(logger, logged, currentRequest),
    formatError(formatted, error) {
      const out = formatError(formatted, error);
      if (out.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) return out;
      const request = currentRequest();
      const seen =
        (typeof error === "object" && error !== null && logged.has(error)) ||
        (request !== undefined && logged.has(request));
      if (!seen) {
        logger.error(
          { err: unwrapResolverError(error), requestId: request?.requestId },
          "unexpected error",
        );
      }
      return { ...out, extensions: { ...out.extensions, requestId: request?.requestId } };
    },
  };
}

function errorLoggingPlugin(
  logger: Logger,
  logged: WeakSet<object>,
  currentRequest: () => RequestContext | undefined,
): ApolloServerPlugin<RequestContext> {
  return {
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      const request = currentRequest();
      if (request) logged.add(request);
      logger.error(
        { err: error, requestId: requestContext.contextValue.requestId },
        "unexpected error processing the request",
      );
    },
    async requestDidStart() {
      return {
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
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          for (const e of response.body.singleResult.errors ?? []) {
            if (e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              (e.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };
}
