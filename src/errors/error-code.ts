import { stringEnum, type EnumValue } from "../string-enum";

/** Every client-facing error code Capstats emits, in `extensions.code`. */
export const ErrorCode = stringEnum([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "NOT_IMPLEMENTED",
  "TIMEOUT",
  "OVERLOADED",
  "CANCELLED",
  "CORPUS_CHANGED",
  "WORKER_FAILED",
  "LOCK_TIMEOUT",
  // DISTRIBUTED: no worker process is connected to the queue (`npm run worker`).
  "NO_WORKERS",
  // A strategy needs configuration the server lacks (DISTRIBUTED without REDIS_URL).
  "NOT_CONFIGURED",
  // DISTRIBUTED: Redis does not answer; every other strategy keeps working.
  "REDIS_UNAVAILABLE",
  // Deeper or costlier than MAX_QUERY_DEPTH / MAX_QUERY_COMPLEXITY; refused before execution.
  "QUERY_TOO_COMPLEX",
  // The HTTP request itself is unusable (malformed JSON, wrong shape); Apollo uses it too.
  "BAD_REQUEST",
  // Body larger than MAX_BODY_KB.
  "PAYLOAD_TOO_LARGE",
  // API_TOKENS is set and the request carries no valid bearer token for a mutation that needs one.
  "UNAUTHENTICATED",
  // A valid token, but not the one that owns the run.
  "FORBIDDEN",
  // A WebSocket connection already holds MAX_WS_SUBSCRIPTIONS_PER_CONNECTION operations.
  "TOO_MANY_SUBSCRIPTIONS",
  // The answer would be larger than MAX_RESPONSE_MB; nothing of it is sent.
  "RESPONSE_TOO_LARGE",
  "INTERNAL_SERVER_ERROR",
]);
export type ErrorCode = EnumValue<typeof ErrorCode>;
