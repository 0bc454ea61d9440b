import assert from "node:assert/strict";
import { test, type TestContext } from "node:test";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { holdCorpus, startTestApp, type TestApp } from "../support/test-app";
import { waitFor } from "../analyses/analysis-test-support";

/** The handshake alone: resolves with the HTTP status it was refused with, or 101. */
function handshake(app: TestApp, origin?: string): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(
      `${app.url.replace("http", "ws")}/graphql`,
      "graphql-transport-ws",
      {
        ...(origin ? { origin } : {}),
      },
    );
    socket.once("open", () => resolve({ status: 101, socket }));
    socket.once("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
    });
    socket.once("error", (err) => {
      if (!/Unexpected server response/.test(err.message)) reject(err);
    });
  });
}

function client(t: TestContext, app: TestApp, origin?: string): Client {
  const c = createClient({
    url: `${app.url.replace("http", "ws")}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols: string[]) {
        super(url, protocols, origin ? { origin } : {});
      }
    },
    retryAttempts: 0,
  });
  t.after(() => c.dispose());
  return c;
}

function runCount(app: TestApp): number {
  return app.app.db.prepare("SELECT count(*) FROM AnalysisRun").pluck().get() as number;
}

test("a WebSocket from another site's page is refused; the server's own origin and non-browser clients are not", async (t) => {
  const app = await startTestApp(t);
  const evil = await handshake(app, "http://evil.example");
  assert.equal(evil.status, 403);
  // graphql-ws over a refused socket: startAnalysis never runs.
  const refused = client(t, app, "http://evil.example");
  await assert.rejects(
    new Promise((resolve, reject) =>
      refused.subscribe(
        { query: "mutation { startAnalysis(input: {}) { id } }" },
        {
          next: resolve,
          error: reject,
          complete: () => resolve(null),
        },
      ),
    ),
  );
  assert.equal(runCount(app), 0);

  for (const origin of [app.url, app.url.toUpperCase(), undefined]) {
    const ok = await handshake(app, origin);
    assert.equal(ok.status, 101, `origin ${origin}`);
    ok.socket!.close();
  }
});

test("ALLOWED_ORIGINS replaces the default: listed origins only, or * for any", async (t) => {
  const listed = await startTestApp(t, {
    env: { ALLOWED_ORIGINS: "https://dash.example, http://localhost:5173" },
  });
  assert.equal((await handshake(listed, "https://dash.example")).status, 101);
  assert.equal((await handshake(listed, "http://localhost:5173")).status, 101);
  assert.equal((await handshake(listed, listed.url)).status, 403);
  assert.equal((await handshake(listed, "https://dash.example.evil")).status, 403);
  const any = await startTestApp(t, { env: { ALLOWED_ORIGINS: "*" } });
  assert.equal((await handshake(any, "http://evil.example")).status, 101);
});

test("MAX_WS_CONNECTIONS_PER_CLIENT caps open sockets per address; closing one frees a place", async (t) => {
  const app = await startTestApp(t, { env: { MAX_WS_CONNECTIONS_PER_CLIENT: "2" } });
  const a = await handshake(app);
  const b = await handshake(app);
  assert.deepEqual([a.status, b.status], [101, 101]);
  assert.equal((await handshake(app)).status, 429);
  const closed = new Promise((r) => a.socket!.once("close", r));
  a.socket!.close();
  await closed;
  const again = await waitFor("the closed socket's place to free", async () => {
    const h = await handshake(app);
    if (h.status === 101) return h;
    return null;
  });
  again.socket!.close();
  b.socket!.close();
});

test("MAX_WS_SUBSCRIPTIONS_PER_CONNECTION caps operations per socket, with a clear error", async (t) => {
  const app = await startTestApp(t, { env: { MAX_WS_SUBSCRIPTIONS_PER_CONNECTION: "3" } });
  // Holding the corpus keeps the run PENDING, so its subscriptions stay open.
  const corpus = holdCorpus(app, "test");
  const run = await app.gql<{ startAnalysis: { id: string } }>(
    "mutation { startAnalysis(input: {}) { id } }",
  );
  const id = run.data!.startAnalysis.id;
  const c = client(t, app);
  const seen: string[] = [];
  const follow = () =>
    new Promise<string>((resolve) => {
      c.subscribe(
        { query: `subscription { analysisProgress(id: "${id}") { status } }` },
        {
          next: (m) => seen.push(JSON.stringify(m)),
          error: (errs) => resolve(JSON.stringify(errs)),
          complete: () => resolve("complete"),
        },
      );
    });
  const open = [follow(), follow(), follow()];
  await waitFor("three subscriptions to get their first state", async () => seen.length >= 3);
  const fourth = await follow();
  assert.match(fourth, /TOO_MANY_SUBSCRIPTIONS/);
  assert.match(fourth, /already runs 3 operations \(MAX_WS_SUBSCRIPTIONS_PER_CONNECTION\)/);
  corpus.release();
  await corpus.held;
  assert.deepEqual(await Promise.all(open), ["complete", "complete", "complete"]);
  // The places are free again once those completed.
  assert.equal(await follow(), "complete");
});
