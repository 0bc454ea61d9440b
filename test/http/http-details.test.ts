import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { ErrorCode } from "../../src/errors/error-code";
import { startTestApp } from "../support/test-app";
import { onlyError, postRefused, type GraphQLBody } from "../support/graphql-checks";

test("a subscription over HTTP is refused with where subscriptions go", async (t) => {
  const app = await startTestApp(t);
  const { err } = await postRefused(app, 'subscription { analysisProgress(id: "1") { status } }');
  assert.equal(err.code, "BAD_REQUEST");
  assert.match(
    err.message,
    /^subscriptions need a WebSocket: connect to ws:\/\/<this host>\/graphql/,
  );
});

test("no response names the framework (X-Powered-By)", async (t) => {
  const app = await startTestApp(t);
  for (const res of [
    await app.http.post("/graphql").send({ query: "{ __typename }" }),
    await app.http.get("/healthz"),
    await app.http.get("/nope"),
    await app.http.post("/graphql").set("content-type", "application/json").send("{bad"),
  ]) {
    assert.equal(res.headers["x-powered-by"], undefined, `${res.status} ${res.text.slice(0, 40)}`);
  }
});

test("every code a client can see is in the README's error table, OPERATION_RESOLUTION_FAILURE too", async (t) => {
  const app = await startTestApp(t);
  const res = await app.http
    .post("/graphql")
    .send({ query: "query A { __typename }", operationName: "B" });
  assert.equal(onlyError(res.body as GraphQLBody).code, "OPERATION_RESOLUTION_FAILURE");
  const readme = fs.readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8");
  const table = readme.slice(
    readme.indexOf("| code | when | HTTP |"),
    readme.indexOf("GraphQL answers resolver errors"),
  );
  const codes = [
    ...Object.values(ErrorCode),
    "GRAPHQL_PARSE_FAILED",
    "GRAPHQL_VALIDATION_FAILED",
    "OPERATION_RESOLUTION_FAILURE",
  ];
  assert.deepEqual(
    codes.filter((c) => !table.includes(`\`${c}\``)),
    [],
  );
});
