import { AsyncLocalStorage } from "node:async_hooks";
import type express from "express";
import { createContext, type RequestContext } from "../graphql/context";

/**
 * The request context, made once per HTTP request before anything else runs and visible to
 * all code running on its behalf, including code Apollo calls outside execution (its error
 * response, the serializer) where no context is passed: so every error of a request, wherever
 * it is raised, is logged and answered under the same requestId. Mount it after the body
 * parser: a stream's callbacks do not carry the store across.
 */
export class RequestScope {
  private readonly storage = new AsyncLocalStorage<RequestContext>();

  constructor(private readonly responseLimitBytes: number) {}

  middleware(): express.RequestHandler {
    return (req, res, next) => {
      const context = createContext(req, { responseLimitBytes: this.responseLimitBytes });
      res.locals.requestContext = context;
      this.storage.run(context, next);
    };
  }

  /** The current request's context; outside a request (WebSocket, start-up), undefined. */
  current(): RequestContext | undefined {
    return this.storage.getStore();
  }
}
