import type { TestContext } from "node:test";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { TestApp } from "./test-app";

/** A graphql-ws client of `app` that never reconnects, disposed when the test ends. */
export function wsClient(t: TestContext, app: TestApp): Client {
  const client = createClient({
    url: `${app.url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  t.after(() => client.dispose());
  return client;
}
