import { GraphQLError } from "graphql";
import { ErrorCode } from "./error-code";

/**
 * Base of every error a client may see verbatim. Anything else that reaches
 * formatError is treated as a bug: logged in full, masked for the client.
 */
export abstract class ClientError extends GraphQLError {
  protected constructor(message: string, code: ErrorCode, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class BadUserInputError extends ClientError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.BAD_USER_INPUT, extra);
  }
}

/** An argument outside its documented range; the message names the argument and range. */
export class OutOfRangeError extends BadUserInputError {
  constructor(argument: string, value: number, min: number, max: number) {
    super(`${argument} must be between ${min} and ${max} (got ${value})`, {
      argument,
      min,
      max,
    });
  }
}

/** A client error whose code says it all: its one argument is the message. */
function messageOnly(code: ErrorCode) {
  return class extends ClientError {
    constructor(message: string) {
      super(message, code);
    }
  };
}

export class NotFoundError extends messageOnly(ErrorCode.NOT_FOUND) {}
export class NotImplementedError extends messageOnly(ErrorCode.NOT_IMPLEMENTED) {}
export class TimeoutError extends messageOnly(ErrorCode.TIMEOUT) {}
export class OverloadedError extends messageOnly(ErrorCode.OVERLOADED) {}
export class CancelledError extends messageOnly(ErrorCode.CANCELLED) {}
export class WorkerFailedError extends messageOnly(ErrorCode.WORKER_FAILED) {}
export class CorpusChangedError extends messageOnly(ErrorCode.CORPUS_CHANGED) {}
export class UnauthenticatedError extends messageOnly(ErrorCode.UNAUTHENTICATED) {}
export class ForbiddenError extends messageOnly(ErrorCode.FORBIDDEN) {}

export class NoWorkersError extends ClientError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.NO_WORKERS, extra);
  }
}

export class NotConfiguredError extends ClientError {
  constructor(message: string, variable: string) {
    super(message, ErrorCode.NOT_CONFIGURED, { variable });
  }
}

export class RedisUnavailableError extends messageOnly(ErrorCode.REDIS_UNAVAILABLE) {}

/** Refused before execution: nothing ran, so retrying the same query cannot succeed. */
export class QueryTooComplexError extends ClientError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    // Apollo moves extensions.http into the response head and strips it from the body.
    super(message, ErrorCode.QUERY_TOO_COMPLEX, { ...extra, http: { status: 400 } });
  }
}

/** The answer would pass MAX_RESPONSE_MB: refused whole, so no client parses a truncated one. */
export class ResponseTooLargeError extends ClientError {
  constructor(limitBytes: number, detail: string) {
    const mb = limitBytes / (1024 * 1024);
    super(
      `the response would be larger than ${mb} MB (MAX_RESPONSE_MB): ${detail}; ` +
        `ask for fewer items (a smaller first or n) or fewer text fields`,
      ErrorCode.RESPONSE_TOO_LARGE,
      { limitBytes, http: { status: 400 } },
    );
  }
}
