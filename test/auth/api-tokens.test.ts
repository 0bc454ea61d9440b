import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test, type TestContext } from "node:test";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { loadConfig } from "../../src/config";
import { CORPUS_EXCLUSIVE } from "../../src/locks/app-locks";
import { startTestApp, type TestApp } from "../support/test-app";

interface Answer {
  data?: Record<string, { id: string; status: string } | null> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const START = `mutation { startAnalysis(input: { metrics: [CAPITALS] }) { id status } }`;
const cancelQuery = (id: string) => `mutation { cancelAnalysis(id: "${id}") { id status } }`;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** POSTs over real HTTP with an optional Authorization header. */
async function post(app: TestApp, query: string, authorization?: string): Promise<Answer> {
  const req = app.http.post("/graphql").set("content-type", "application/json");
  if (authorization !== undefined) req.set("authorization", authorization);
  return (await req.send({ query })).body as Answer;
}

/** The first answer to one operation over a graphql-ws connection with these connectionParams. */
async function overWs(
  t: TestContext,
  app: TestApp,
  query: string,
  connectionParams?: Record<string, unknown>,
): Promise<Answer> {
  const client = createClient({
    url: `${app.url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams,
  });
  t.after(() => client.dispose());
  return new Promise<Answer>((resolve, reject) => {
    // A subscription goes on until its run ends: the first message is the answer.
    const stop = client.subscribe(
      { query },
      {
        next: (m) => {
          resolve(m as Answer);
          stop();
        },
        error: reject,
        complete: () => reject(new Error("completed without an answer")),
      },
    );
  });
}

/** Keeps every run PENDING (the corpus lock is held) until the returned function is called. */
function holdCorpus(app: TestApp): () => Promise<void> {
  let release!: () => void;
  const held = app.app.locks.withLocks(
    "test",
    [CORPUS_EXCLUSIVE],
    () => new Promise<void>((r) => (release = r)),
  );
  return async () => {
    release();
    await held;
  };
}

function code(a: Answer): unknown {
  return a.errors?.[0]?.extensions?.code;
}

const TOKENS = { API_TOKENS: "alpha-token, beta-token" };

test("with API_TOKENS, mutations over HTTP need a valid bearer token; queries stay open", async (t) => {
  const app = await startTestApp(t, { env: TOKENS });
  for (const authorization of [undefined, "", "Bearer wrong", "Basic alpha-token", "alpha-token"]) {
    const a = await post(app, START, authorization);
    assert.equal(code(a), "UNAUTHENTICATED", String(authorization));
    // startAnalysis is nullable (Hardening II item 6): no run, so the field is null.
    assert.deepEqual(a.data, { startAnalysis: null });
  }
  const missing = await post(app, START);
  assert.match(
    missing.errors![0].message,
    /startAnalysis needs an API token: send "Authorization: Bearer <token>"/,
  );
  assert.equal(app.app.db.prepare("SELECT count(*) FROM AnalysisRun").pluck().get(), 0);
  const open = await post(
    app,
    `{ capitalLetterStats { totalCapitals } analysisRuns { totalCount } }`,
  );
  assert.equal(open.errors, undefined);
  assert.equal(
    (open.data as unknown as { capitalLetterStats: { totalCapitals: number } }).capitalLetterStats
      .totalCapitals,
    41,
  );
  // A wrong token on a query is simply not needed.
  assert.equal((await post(app, `{ corpus { version } }`, "Bearer wrong")).errors, undefined);
});

test("a run records the hash of the token that started it, and only that token may cancel it", async (t) => {
  const app = await startTestApp(t, { env: TOKENS });
  const release = holdCorpus(app);
  const started = await post(app, START, "Bearer alpha-token");
  assert.equal(started.errors, undefined, JSON.stringify(started.errors));
  const id = started.data!.startAnalysis!.id;
  const row = app.app.db
    .prepare("SELECT * FROM AnalysisRun WHERE id = ?")
    .get(Number(id)) as Record<string, unknown>;
  assert.equal(row.tokenHash, sha256("alpha-token"));
  assert.ok(!JSON.stringify(row).includes("alpha-token"), "the token itself is never stored");

  const other = await post(app, cancelQuery(id), "bearer beta-token");
  assert.equal(code(other), "FORBIDDEN");
  assert.match(
    other.errors![0].message,
    new RegExp(`analysis run ${id} was started with another API token`),
  );
  assert.equal(code(await post(app, cancelQuery(id))), "UNAUTHENTICATED");
  assert.equal(code(await post(app, cancelQuery(id), "Bearer nope")), "UNAUTHENTICATED");
  const status = await post(app, `{ analysisRun(id: "${id}") { status } }`);
  assert.equal(status.data!.analysisRun!.status, "PENDING", "refused cancels changed nothing");

  const own = await post(app, cancelQuery(id), "Bearer alpha-token");
  assert.equal(own.errors, undefined, JSON.stringify(own.errors));
  assert.equal(own.data!.cancelAnalysis!.status, "CANCELLED");
  await release();
  // An unknown run is NOT_FOUND for a valid token, as before.
  assert.equal(code(await post(app, cancelQuery("999"), "Bearer beta-token")), "NOT_FOUND");
});

test("over the WebSocket the token goes in connectionParams, with the same answers", async (t) => {
  const app = await startTestApp(t, { env: TOKENS });
  const release = holdCorpus(app);
  assert.equal(code(await overWs(t, app, START)), "UNAUTHENTICATED");
  assert.equal(
    code(await overWs(t, app, START, { authorization: "Bearer wrong" })),
    "UNAUTHENTICATED",
  );
  const started = await overWs(t, app, START, { authorization: "Bearer beta-token" });
  assert.equal(started.errors, undefined, JSON.stringify(started.errors));
  const id = started.data!.startAnalysis!.id;
  assert.equal(
    app.app.db.prepare("SELECT tokenHash FROM AnalysisRun WHERE id = ?").pluck().get(Number(id)),
    sha256("beta-token"),
  );
  const other = await overWs(t, app, cancelQuery(id), { authorization: "Bearer alpha-token" });
  assert.equal(code(other), "FORBIDDEN");
  // Subscriptions and queries need no token.
  const progress = await overWs(
    t,
    app,
    `subscription { analysisProgress(id: "${id}") { id status } }`,
  );
  assert.equal(progress.errors, undefined, JSON.stringify(progress.errors));
  assert.equal(progress.data!.analysisProgress!.status, "PENDING");
  const own = await overWs(t, app, cancelQuery(id), { authorization: "Bearer beta-token" });
  assert.equal(own.data!.cancelAnalysis!.status, "CANCELLED");
  await release();
});

test("a connection whose authorization param is not a string is refused (4403)", async (t) => {
  const app = await startTestApp(t, { env: TOKENS });
  await assert.rejects(
    overWs(t, app, `{ corpus { version } }`, { authorization: 42 }),
    (err: { code?: number }) => err.code === 4403,
  );
});

test("without API_TOKENS nothing needs a token, and runs record no owner", async (t) => {
  const app = await startTestApp(t);
  const release = holdCorpus(app);
  const started = await post(app, START, "Bearer anything");
  assert.equal(started.errors, undefined, JSON.stringify(started.errors));
  const id = started.data!.startAnalysis!.id;
  const viaWs = await overWs(t, app, START);
  assert.equal(viaWs.errors, undefined, JSON.stringify(viaWs.errors));
  assert.equal(
    app.app.db.prepare("SELECT count(*) FROM AnalysisRun WHERE tokenHash IS NULL").pluck().get(),
    2,
  );
  const cancelled = await post(app, cancelQuery(id));
  assert.equal(cancelled.data!.cancelAnalysis!.status, "CANCELLED");
  await release();
});

test("API_TOKENS must list tokens of visible ASCII; empty means off", () => {
  assert.deepEqual(loadConfig({ API_TOKENS: " a1 ,b2,, " }).apiTokens, ["a1", "b2"]);
  assert.deepEqual(loadConfig({ API_TOKENS: "" }).apiTokens, []);
  assert.deepEqual(loadConfig({}).apiTokens, []);
  assert.throws(() => loadConfig({ API_TOKENS: " , " }), /API_TOKENS is set but lists no token/);
  assert.throws(() => loadConfig({ API_TOKENS: "bad token" }), /visible ASCII/);
});
