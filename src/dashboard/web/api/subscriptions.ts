import { createClient, type Client } from "graphql-ws";
import { ApiError, asApiError } from "./api-error";
import type { Variables } from "./graphql-client";

export interface SubscriptionHandlers<T> {
  next(data: T): void;
  error(err: ApiError): void;
  complete(): void;
}

/**
 * graphql-ws on the same origin's /graphql. The token travels in the connection params
 * (`{ authorization: "Bearer <token>" }`), which are read once per connection, so a new
 * token closes the socket and the next subscription opens one with it.
 */
export class SubscriptionClient {
  private client: Client | null = null;

  constructor(
    private readonly url: string,
    private readonly token: () => string,
  ) {}

  subscribe<T>(query: string, variables: Variables, handlers: SubscriptionHandlers<T>): () => void {
    this.client ??= createClient({
      url: this.url,
      lazy: true,
      retryAttempts: 3,
      connectionParams: () => {
        const token = this.token();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    });
    return this.client.subscribe<T>(
      { query, variables },
      {
        next: (msg) => {
          if (msg.errors?.length) handlers.error(asApiError(msg.errors));
          else if (msg.data) handlers.next(msg.data as T);
        },
        error: (err) => handlers.error(describeSocketError(err)),
        complete: () => handlers.complete(),
      },
    );
  }

  /** Drops the socket (and its subscriptions); the next subscribe reconnects with the current token. */
  reset(): void {
    void this.client?.dispose();
    this.client = null;
  }
}

/** graphql-ws's conventional close codes for a refused connection (4401/4403). */
const CLOSE_CODES: Record<number, string> = { 4401: "UNAUTHENTICATED", 4403: "FORBIDDEN" };

/** graphql-ws reports a refused connection as a CloseEvent, an operation error as GraphQL errors. */
function describeSocketError(err: unknown): ApiError {
  if (typeof CloseEvent !== "undefined" && err instanceof CloseEvent) {
    const why = err.reason ? `: ${err.reason}` : "";
    const code = CLOSE_CODES[err.code] ?? "NETWORK_ERROR";
    return new ApiError(`The live connection closed (code ${err.code})${why}`, code);
  }
  return asApiError(err);
}
