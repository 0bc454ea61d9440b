import type express from "express";
import type { Logger } from "pino";
import { ErrorCode } from "../errors/error-code";
import { requestIdOf, type RequestContext } from "../graphql/context";
import type { AppMetrics } from "./metrics";

/** body-parser's errors: an HTTP status, and a `type` naming what went wrong. */
interface HttpError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
  limit?: number;
}

function body(message: string, code: ErrorCode, extra: Record<string, unknown> = {}): object {
  // The GraphQL response shape, so a GraphQL client shows the message instead of failing
  // to parse an HTML page.
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

/**
 * Express's own error page is HTML with a stack trace outside production. Every error
 * that reaches this handler (body too large, malformed JSON, unexpected) leaves as JSON
 * with a code instead; the unexpected ones are logged with a request id and masked.
 */
export function jsonErrorHandler(
  logger: Logger,
  metrics: AppMetrics | null,
): express.ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = (typeof err === "object" && err !== null ? err : {}) as HttpError;
    const status = e.status ?? e.statusCode ?? 500;
    if (e.type === "entity.too.large") {
      metrics?.httpRejected("body_too_large");
      const kb = e.limit ? Math.floor(e.limit / 1024) : null;
      res
        .status(413)
        .json(
          body(
            `request body is larger than the ${kb ?? "configured"} KB limit (MAX_BODY_KB)`,
            ErrorCode.PAYLOAD_TOO_LARGE,
          ),
        );
      return;
    }
    if (e.type === "entity.parse.failed") {
      metrics?.httpRejected("malformed_json");
      res
        .status(400)
        .json(
          body(
            `request body is not valid JSON: ${e.message ?? "parse error"}`,
            ErrorCode.BAD_REQUEST,
          ),
        );
      return;
    }
    if (status >= 400 && status < 500 && e.expose) {
      metrics?.httpRejected("bad_request");
      res.status(status).json(body(e.message ?? "bad request", ErrorCode.BAD_REQUEST));
      return;
    }
    // The id GraphQL errors of this request carry, when it got that far (GraphQLHttpHandler).
    const context = res.locals.requestContext as RequestContext | undefined;
    const requestId = context?.requestId ?? requestIdOf(req);
    logger.error(
      { err, requestId, method: req.method, url: req.originalUrl },
      "unexpected HTTP error",
    );
    res
      .status(500)
      .json(body("Internal server error", ErrorCode.INTERNAL_SERVER_ERROR, { requestId }));
  };
}

/** Unknown paths answer JSON 404 too, instead of Express's HTML page. */
export function jsonNotFound(): express.RequestHandler {
  return (req, res) => {
    res.status(404).json(body(`no route for ${req.method} ${req.path}`, ErrorCode.NOT_FOUND));
  };
}
