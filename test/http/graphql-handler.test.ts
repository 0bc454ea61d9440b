import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { test, type TestContext } from "node:test";
import type { ApolloServerPlugin } from "@apollo/server";
import pino from "pino";
import type { RequestContext } from "../../src/graphql/context";
import { startTestApp, type TestApp } from "../support/test-app";

interface LogLine {
  msg: string;
  requestId?: string;
  operationName?: string;
  err?: { message?: string };
}

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; requestId?: string } }[];
}

/** An app whose error log is kept, with `plugins` after Capstats' own. */
async function appLogging(
  t: TestContext,
  plugins: ApolloServerPlugin<RequestContext>[],
): Promise<{ app: TestApp; logs: LogLine[] }> {
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const app = await startTestApp(t, {
    app: { logger: pino({ level: "error" }, sink), apolloPlugins: plugins },
  });
  return { app, logs };
}

test("errors of requests in flight together are logged and answered under each one's own request id", async (t) => {
  // Fails each operation with its name, the first one later, so the two interleave.
  const failing: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          await sleep(operationName === "Slow" ? 40 : 0);
          throw new Error(`failed ${operationName}`);
        },
      };
    },
  };
  const { app, logs } = await appLogging(t, [failing]);
  const send = (name: string, id: string) =>
    app.http
      .post("/graphql")
      .set("x-request-id", id)
      .send({ query: `query ${name} { __typename }` });
  const [slow, fast] = await Promise.all([send("Slow", "id-slow"), send("Fast", "id-fast")]);
  for (const [res, id] of [
    [slow, "id-slow"],
    [fast, "id-fast"],
  ] as const) {
    assert.equal(res.status, 500);
    assert.match(res.headers["content-type"], /^application\/json/);
    assert.equal(Number(res.headers["content-length"]), Buffer.byteLength(res.text));
    assert.deepEqual((res.body as Body).errors, [
      {
        message: "Internal server error",
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId: id },
      },
    ]);
  }
  const byMessage = (m: string) => logs.filter((l) => l.err?.message === m);
  assert.deepEqual(
    byMessage("failed Slow").map((l) => [l.requestId, l.operationName]),
    [["id-slow", "Slow"]],
  );
  assert.deepEqual(
    byMessage("failed Fast").map((l) => [l.requestId, l.operationName]),
    [["id-fast", "Fast"]],
  );
});

test("an answer that cannot be serialised is a masked 500 with the request id, logged under it", async (t) => {
  // A BigInt is no JSON: JSON.stringify throws, as it would for any value a bug let through.
  const unserialisable: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === "single") response.body.singleResult.data = { n: 1n };
        },
      };
    },
  };
  const { app, logs } = await appLogging(t, [unserialisable]);
  const res = await app.http
    .post("/graphql")
    .set("x-request-id", "req-bigint")
    .send({ query: "{ __typename }" });
  assert.equal(res.status, 500);
  assert.deepEqual((res.body as Body).errors, [
    {
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-bigint" },
    },
  ]);
  const logged = logs.filter((l) => l.requestId === "req-bigint");
  assert.equal(logged.length, 1, JSON.stringify(logs));
  assert.match(logged[0].err?.message ?? "", /BigInt/);
});

test("a request without X-Request-Id gets a fresh id, and answers and logs agree on it", async (t) => {
  const { app, logs } = await appLogging(t, []);
  app.app.stats.compute = async () => {
    throw new Error("compute exploded");
  };
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await app.http
      .post("/graphql")
      .send({ query: "{ capitalLetterStats { totalCapitals } }" });
    assert.equal(res.status, 200);
    const id = (res.body as Body).errors?.[0].extensions?.requestId;
    assert.ok(typeof id === "string" && id.length > 0, JSON.stringify(res.body));
    ids.push(id);
  }
  assert.notEqual(ids[0], ids[1]);
  assert.deepEqual(
    logs.filter((l) => l.err?.message === "compute exploded").map((l) => l.requestId),
    ids,
  );
});

test("answers are Apollo's: the same body, status and headers as before the handler", async (t) => {
  const { app } = await appLogging(t, []);
  const ok = await app.http.post("/graphql").send({ query: "{ __typename }" });
  assert.equal(ok.status, 200);
  assert.equal(ok.text, '{"data":{"__typename":"Query"}}\n');
  assert.match(ok.headers["content-type"], /^application\/json; charset=utf-8/);
  // GET with the query in the search string, as Apollo reads it.
  const get = await app.http
    .get("/graphql")
    .query({ query: "{ __typename }" })
    .set("apollo-require-preflight", "1");
  assert.equal(get.text, '{"data":{"__typename":"Query"}}\n');
  // CSRF prevention still refuses a simple GET without a preflight header.
  const csrf = await app.http.get("/graphql").query({ query: "{ __typename }" });
  assert.equal(csrf.status, 400);
  assert.equal((csrf.body as Body).errors?.[0].extensions?.code, "BAD_REQUEST");
  const invalid = await app.http.post("/graphql").send({ query: "{ nope }" });
  assert.equal(invalid.status, 400);
  assert.equal((invalid.body as Body).errors?.[0].extensions?.code, "GRAPHQL_VALIDATION_FAILED");
});
