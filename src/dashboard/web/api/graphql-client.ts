import { ApiError, fromGraphQLErrors } from "./api-error";

export type Variables = Record<string, unknown>;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Send the API token as `Authorization: Bearer`; the server asks for it on mutations only. */
  authorize?: boolean;
}

/** GraphQL over HTTP POST to the same origin's /graphql: the public API, nothing else. */
export class GraphQLClient {
  constructor(
    private readonly endpoint: string,
    private readonly token: () => string,
  ) {}

  async request<T>(
    query: string,
    variables: Variables = {},
    opts: RequestOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const token = this.token();
    if (opts.authorize && token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await fetch(this.endpoint, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables }),
        signal: opts.signal,
      });
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      throw new ApiError(`Cannot reach the server (${(err as Error).message})`, "NETWORK_ERROR");
    }
    let body: {
      data?: T | null;
      errors?: { message?: unknown; extensions?: { code?: unknown } }[];
    };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new ApiError(
        `The server answered HTTP ${res.status} without JSON`,
        "BAD_RESPONSE",
        res.status,
      );
    }
    // Partial data is treated as a failure: a panel shows all of its numbers or an error.
    if (body.errors?.length) throw fromGraphQLErrors(body.errors, res.status);
    if (body.data === undefined || body.data === null) {
      throw new ApiError(
        `The server answered HTTP ${res.status} with no data`,
        "BAD_RESPONSE",
        res.status,
      );
    }
    return body.data;
  }
}
