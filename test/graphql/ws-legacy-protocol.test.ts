import assert from "node:assert/strict";
import { test } from "node:test";
import WebSocket from "ws";
import { startTestApp, type TestApp } from "../support/test-app";
import { aliased } from "../support/graphql-checks";

interface Frame {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A raw subscriptions-transport-ws client: frames in, frames out. */
async function legacyClient(app: TestApp, origin?: string) {
  const socket = new WebSocket(
    `${app.url.replace("http", "ws")}/graphql`,
    "graphql-ws",
    origin ? { origin } : {},
  );
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  socket.on("message", (m) => {
    frames.push(JSON.parse(String(m)) as Frame);
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  const until = async (pred: (f: Frame) => boolean): Promise<Frame> => {
    for (;;) {
      const hit = frames.find(pred);
      if (hit) return hit;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return { socket, frames, until, send: (f: Frame) => socket.send(JSON.stringify(f)) };
}

test("the legacy graphql-ws subprotocol answers operations with the same limits and masking as the modern one", async (t) => {
  const app = await startTestApp(t);
  const c = await legacyClient(app);
  t.after(() => c.socket.close());
  assert.equal(c.socket.protocol, "graphql-ws");
  c.send({ type: "connection_init", payload: {} });
  await c.until((f) => f.type === "connection_ack");

  c.send({
    type: "start",
    id: "1",
    payload: { query: "{ capitalLetterStats { totalCapitals } }" },
  });
  const data = await c.until((f) => f.type === "data" && f.id === "1");
  assert.deepEqual(data.payload, { data: { capitalLetterStats: { totalCapitals: 41 } } });
  await c.until((f) => f.type === "complete" && f.id === "1");

  c.send({
    type: "start",
    id: "2",
    payload: { query: aliased(300, "capitalLetterStats { totalCapitals }") },
  });
  const refused = await c.until((f) => f.type === "error" && f.id === "2");
  const [err] = refused.payload as { message: string; extensions: { code: string } }[];
  assert.equal(err.extensions.code, "QUERY_TOO_COMPLEX");

  c.send({ type: "start", id: "3", payload: { query: "{ nope }" } });
  const invalid = await c.until((f) => f.type === "error" && f.id === "3");
  assert.equal(
    (invalid.payload as { extensions: { code: string } }[])[0].extensions.code,
    "GRAPHQL_VALIDATION_FAILED",
  );

  // The front door is the same: a foreign page cannot open it.
  await assert.rejects(legacyClient(app, "http://evil.example"), /HTTP 403/);
});
