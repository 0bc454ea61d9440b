/** A failure as the user should see it: the server's own message and code, never a guess. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The HTTP status, when the failure came with one. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Shed load and lost connections are worth retrying; bad input is not. */
  get retryable(): boolean {
    return this.code === "OVERLOADED" || this.code === "NETWORK_ERROR" || this.code === "TIMEOUT";
  }

  /** What the UI prints under the message. */
  get advice(): string {
    switch (this.code) {
      case "OVERLOADED":
        return "The server is busy with other heavy queries. Retry in a moment.";
      case "UNAUTHENTICATED":
        return "This action needs an API token: enter one under “API token”.";
      case "FORBIDDEN":
        return "Only the token that started this run may cancel it.";
      case "NETWORK_ERROR":
        return "Check that the Capstats server is running, then retry.";
      case "GRAPHQL_VALIDATION_FAILED":
        return "This server does not offer what the panel asks for (an older API?).";
      default:
        return "";
    }
  }
}

interface WireError {
  message?: unknown;
  extensions?: { code?: unknown };
}

/** The first GraphQL error of a response (HTTP or WebSocket) as an ApiError. */
export function fromGraphQLErrors(errors: readonly WireError[], status: number | null): ApiError {
  const first = errors[0] ?? {};
  const message = typeof first.message === "string" ? first.message : "unknown error";
  const code = typeof first.extensions?.code === "string" ? first.extensions.code : "ERROR";
  return new ApiError(message, code, status);
}

export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (Array.isArray(err)) return fromGraphQLErrors(err as WireError[], null);
  // The app's own errors (a limit of the dashboard) carry a code too.
  const code = (err as { code?: unknown } | null)?.code;
  return new ApiError(
    err instanceof Error ? err.message : String(err),
    typeof code === "string" ? code : "ERROR",
  );
}
