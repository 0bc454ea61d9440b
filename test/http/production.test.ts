import assert from "node:assert/strict";
import path from "node:path";
import { Writable } from "node:stream";
import { test, type TestContext } from "node:test";
import pino from "pino";
import { Gauge } from "prom-client";
import request from "supertest";
import { createApp, type App } from "../../src/app";
import { loadConfig } from "../../src/config";
import { tempDir } from "../support/temp-dir";
import { onlyError, type GraphQLBody } from "../support/graphql-checks";
import { seedFixture } from "../support/corpus-db";

// Apollo and Express read NODE_ENV when they are constructed; node --test runs each file in
// its own process, so this reaches only the apps below.
process.env.NODE_ENV = "production";

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  err?: { message: string; stack: string };
}

async function productionApp(
  t: TestContext,
): Promise<{ app: App; logs: LogLine[]; http: ReturnType<typeof request> }> {
  const dir = tempDir(t);
  const config = loadConfig({
    NODE_ENV: "production",
    DATABASE_URL: `file:${path.join(dir, "test.db")}`,
    POOL_SIZE: "1",
    SEED_ON_START: "false",
  });
  await seedFixture(config.databaseFile, path.join(dir, "Emails.csv"));
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const app = await createApp(config, { logger: pino({ level: "info" }, sink) });
  await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
  t.after(() => app.close());
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { app, logs, http: request(`http://127.0.0.1:${port}`) };
}

function noStack(body: unknown): void {
  const text = JSON.stringify(body);
  assert.doesNotMatch(text, /stacktrace|\.js:\d+|\.ts:\d+|node_modules/, text);
}

test("NODE_ENV=production: no stack traces, unexpected errors masked and logged with a request id", async (t) => {
  const { app, logs, http } = await productionApp(t);
  assert.equal(app.config.introspection, false);
  assert.equal(app.config.playground, false);
  app.stats.compute = async () => {
    throw new Error("secret detail: /var/lib/capstats/keys at line 3");
  };
  const res = await http
    .post("/graphql")
    .set("x-request-id", "req-42")
    .send({ query: "{ capitalLetterStats { totalCapitals } }" });
  assert.equal(res.status, 200);
  noStack(res.body);
  assert.deepEqual(res.body.errors, [
    {
      message: "Internal server error",
      path: ["capitalLetterStats"],
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-42" },
    },
  ]);
  const logged = logs.find((l) => l.requestId === "req-42");
  assert.ok(logged, "the error is logged under the client's request id");
  assert.equal(logged.level, 50);
  assert.match(logged.err!.message, /secret detail/);
  assert.match(logged.err!.stack, /production\.test/);

  for (const query of [
    "{ emails(first: 0) { totalCount } }",
    "{ nope }",
    "{ emails(",
    "{ __schema { types { name } } }",
  ]) {
    const r = await http.post("/graphql").send({ query });
    noStack(r.body);
    assert.ok(typeof onlyError(r.body as GraphQLBody).code === "string");
  }
  const bad = await http.post("/graphql").set("content-type", "application/json").send("{oops");
  assert.equal(bad.status, 400);
  noStack(bad.body);
});

test("NODE_ENV=production: introspection refused, no schema hints, no landing page", async (t) => {
  const { http } = await productionApp(t);
  const intro = await http.post("/graphql").send({ query: "{ __schema { types { name } } }" });
  assert.equal(intro.status, 400);
  const err = onlyError(intro.body as GraphQLBody);
  assert.equal(err.code, "GRAPHQL_VALIDATION_FAILED");
  assert.match(err.message, /introspection is not allowed/);
  const typeQuery = await http
    .post("/graphql")
    .send({ query: '{ __type(name: "Email") { name } }' });
  assert.match(onlyError(typeQuery.body as GraphQLBody).message, /introspection is not allowed/);
  // __typename is not introspection of the schema and keeps working.
  const typename = await http.post("/graphql").send({ query: "{ __typename }" });
  assert.deepEqual(typename.body, { data: { __typename: "Query" } });
  // A misspelt field names no real field ("Did you mean ...") when the schema is hidden.
  const typo = await http.post("/graphql").send({ query: "{ emial(id: 1) { id } }" });
  const typoErr = onlyError(typo.body as GraphQLBody);
  assert.match(typoErr.message, /Cannot query field "emial"/);
  assert.doesNotMatch(typoErr.message, /Did you mean/);
  // A browser asking for the page gets no landing page and no Sandbox from a CDN.
  const page = await http.get("/graphql").set("accept", "text/html");
  assert.notEqual(page.status, 200);
  assert.doesNotMatch(page.text, /<html|sandbox|cdn\./i);
});

test("an unexpected Express-level error is JSON, masked, and logged with its request id", async (t) => {
  const { app, logs, http } = await productionApp(t);
  new Gauge({
    name: "exploding_gauge",
    help: "throws when collected",
    registers: [app.metrics.registry],
    collect() {
      throw new Error("secret from a collector");
    },
  });
  const res = await http.get("/metrics").set("x-request-id", "scrape-7");
  assert.equal(res.status, 500);
  assert.match(res.headers["content-type"], /^application\/json/);
  assert.deepEqual(res.body, {
    errors: [
      {
        message: "Internal server error",
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "scrape-7" },
      },
    ],
  });
  const logged = logs.find((l) => l.requestId === "scrape-7");
  assert.match(logged?.err?.message ?? "", /secret from a collector/);
});
