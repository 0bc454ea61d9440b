import type { IncomingMessage } from "node:http";
import type express from "express";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { FormattedExecutionResult } from "graphql";
import { ResponseTooLargeError } from "../errors/client-errors";
import { createContext, type RequestContext } from "../graphql/context";
import type { ErrorReporting } from "../graphql/error-masking";
import { responseSerializer } from "../graphql/response-serializer";

/**
 * Results Apollo has handed over and the handlers have not yet taken: each is taken a few
 * microtasks after it is handed over, so this bounds only a path that would never take it
 * (batched requests, which Capstats leaves off, embed the tickets in one string).
 */
const MAX_HELD = 100_000;
/** JSON never starts with NUL, so no answer is mistaken for a ticket. */
const TICKET = "\u0000result ";

interface Answer {
  status: number;
  text: string;
}

function headersOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/**
 * Capstats' Express integration of Apollo Server (in place of @as-integrations/express5): it
 * makes the request context (request id, response budget) and passes it to Apollo explicitly,
 * and it writes every answer itself. Apollo calls `stringifyResult` without the request, so
 * that hook only holds the result and returns a ticket for it; the handler, which knows the
 * request, redeems the ticket, adds the request id to masked errors (logging them under it
 * if nothing has), and serialises the answer once, within MAX_RESPONSE_MB.
 */
export class GraphQLHttpHandler {
  private readonly held = new Map<string, FormattedExecutionResult>();
  private tickets = 0;
  private readonly serialize: (value: unknown) => Promise<string>;

  constructor(
    private readonly responseLimitBytes: number,
    private readonly reporting: ErrorReporting,
  ) {
    this.serialize = responseSerializer(responseLimitBytes);
  }

  /** ApolloServer's `stringifyResult`. */
  readonly stringifyResult = async (value: FormattedExecutionResult): Promise<string> => {
    if (this.held.size >= MAX_HELD) this.held.delete(this.held.keys().next().value as string);
    const ticket = `${TICKET}${this.tickets++}`;
    this.held.set(ticket, value);
    return ticket;
  };

  middleware(apollo: ApolloServer<RequestContext>): express.RequestHandler {
    return (req, res, next) => {
      this.handle(apollo, req, res).catch(next);
    };
  }

  private async handle(
    apollo: ApolloServer<RequestContext>,
    req: express.Request,
    res: express.Response,
  ): Promise<void> {
    const context = createContext(req, { responseLimitBytes: this.responseLimitBytes });
    // For the JSON error handler, should Express fail this request later.
    res.locals.requestContext = context;
    const query = req.url.indexOf("?");
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers: headersOf(req),
        search: query < 0 ? "" : req.url.slice(query),
        body: req.body as unknown,
      },
      context: async () => context,
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (response.body.kind === "chunked") {
      res.statusCode = response.status ?? 200;
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
      return;
    }
    const body = response.body.string;
    let answer: Answer = { status: response.status ?? 200, text: body };
    if (body.startsWith(TICKET)) {
      const held = this.held.get(body);
      this.held.delete(body);
      answer = held
        ? await this.answer(held, answer.status, context)
        : this.failed(new Error("the answer Apollo handed over was dropped"), context);
    }
    res.statusCode = answer.status;
    // Node counts the bytes and sets Content-Length itself when the whole body goes to end().
    res.end(answer.text);
  }

  private async answer(
    result: FormattedExecutionResult,
    status: number,
    context: RequestContext,
  ): Promise<Answer> {
    try {
      return { status, text: await this.serialize(this.reporting.answerFor(result, context)) };
    } catch (err) {
      if (err instanceof ResponseTooLargeError) {
        // Apollo's shape of a coded error: extensions.http says the status, in the head.
        const { http: _http, ...extensions } = err.extensions;
        return { status: 400, text: json({ errors: [{ message: err.message, extensions }] }) };
      }
      return this.failed(err, context);
    }
  }

  private failed(err: unknown, context: RequestContext): Answer {
    return { status: 500, text: json({ errors: [this.reporting.masked(err, context)] }) };
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
