import assert from "node:assert/strict";
import { test } from "node:test";
import { getIntrospectionQuery, parse, type OperationDefinitionNode } from "graphql";
import { operationDepth } from "../../src/graphql/depth-limit";
import { HEAVY_FIELD_COMPLEXITY } from "../../src/graphql/complexity";
import { startTestApp } from "../support/test-app";
import {
  aliased,
  assertHealthy,
  onlyError,
  postRefused,
  spyOnEngine,
} from "../support/graphql-checks";

function depthOf(query: string): number {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === "OperationDefinition");
  return operationDepth(doc, op as OperationDefinitionNode);
}

test("operationDepth: counts field levels, a root field being 1", () => {
  assert.equal(depthOf("{ a }"), 1);
  assert.equal(depthOf("{ a { b { c } } d }"), 3);
  assert.equal(depthOf("{ a { b } x { y { z { w } } } }"), 4);
});

test("operationDepth: follows named and inline fragments, which add no level of their own", () => {
  const q = `
      query { a { ...F } b { ... on T { c { d } } } }
      fragment F on T { e { ...G } }
      fragment G on T { f { g } }`;
  // a > e > f > g is 4; b > c > d is 3
  assert.equal(depthOf(q), 4);
});

test("operationDepth: a fragment spread many times is as deep as once", () => {
  const spreads = Array.from({ length: 500 }, () => "...F").join(" ");
  assert.equal(depthOf(`{ a { ${spreads} } } fragment F on T { b { c } }`), 3);
});

test("operationDepth: a fragment cycle (which validation would reject) does not recurse forever", () => {
  assert.equal(depthOf("{ a { ...F } } fragment F on T { b { ...F } }"), 2);
});

test("query limits over HTTP: 300 aliased heavy fields are refused before anything executes", async (t) => {
  const app = await startTestApp(t);
  const engine = spyOnEngine(app.app);
  const { body, err } = await postRefused(
    app,
    aliased(300, "capitalLetterStats(fresh: true) { totalCapitals }"),
  );
  assert.equal(err.code, "QUERY_TOO_COMPLEX");
  // 300 heavy fields plus one scalar under each
  const cost = 300 * (HEAVY_FIELD_COMPLEXITY + 1);
  assert.match(err.message, new RegExp(`complexity ${cost} exceeds the limit of 100000`));
  assert.equal(body.data, undefined);
  assert.equal(engine.calls(), 0, "no heavy field ran");
  // The spy does see real heavy queries, so the 0 above means something.
  await assertHealthy(app);
  assert.equal(engine.calls(), 1);
});

test("query limits over HTTP: each heavy query type is costed, and variables feed the estimate", async (t) => {
  // Two heavy fields and their one scalar each cost 20,002; three cost 30,003.
  const limit = 2.5 * HEAVY_FIELD_COMPLEXITY;
  const three = new RegExp(
    `complexity ${3 * (HEAVY_FIELD_COMPLEXITY + 1)} exceeds the limit of ${limit}`,
  );
  const app = await startTestApp(t, { env: { MAX_QUERY_COMPLEXITY: String(limit) } });
  const engine = spyOnEngine(app.app);
  for (const field of [
    "textStats(metrics: [WORDS]) { emailCount }",
    "compareStrategies(repetitions: 1) { allAgree }",
    "capitalLetterStats { emailCount }",
  ]) {
    const body = await app.gql(aliased(3, field));
    const err = onlyError(body);
    assert.equal(err.code, "QUERY_TOO_COMPLEX", field);
    assert.match(err.message, three);
  }
  const runs = await app.gql(`mutation ${aliased(3, "startAnalysis(input: {}) { id }")}`);
  assert.match(onlyError(runs).message, three);
  assert.equal(app.app.db.prepare("SELECT count(*) FROM AnalysisRun").pluck().get(), 0);
  // @include(if: $on) with on=false drops the heavy fields from the estimate.
  const skipped = await app.gql(
    `query($on: Boolean!) { a: capitalLetterStats @include(if: $on) { emailCount }
         b: capitalLetterStats @include(if: $on) { emailCount }
         c: capitalLetterStats @include(if: $on) { emailCount } emails { totalCount } }`,
    { on: false },
  );
  assert.equal(skipped.errors, undefined, JSON.stringify(skipped.errors));
  assert.equal(engine.calls(), 0);
  // Two heavy fields are under the limit, so they run.
  const two = await app.gql<{ a0: { emailCount: number }; a1: { emailCount: number } }>(
    aliased(2, "capitalLetterStats { emailCount }"),
  );
  assert.equal(two.errors, undefined, JSON.stringify(two.errors));
  assert.equal(two.data?.a0.emailCount, 7);
  assert.equal(two.data?.a1.emailCount, 7);
  assert.equal(engine.calls(), 2);
});

test("query limits over HTTP: a repeated operation is refused again from its cached cost; new variables are costed anew", async (t) => {
  const limit = 2.5 * HEAVY_FIELD_COMPLEXITY;
  const app = await startTestApp(t, { env: { MAX_QUERY_COMPLEXITY: String(limit) } });
  const engine = spyOnEngine(app.app);
  const query = `query($on: Boolean!) { a: capitalLetterStats @include(if: $on) { emailCount }
      b: capitalLetterStats @include(if: $on) { emailCount }
      c: capitalLetterStats @include(if: $on) { emailCount } }`;
  // Three heavy fields and their one scalar each. The same text each time, so Apollo hands
  // the plugin the same parsed document; with on=false the fields are not there to cost.
  const three = `complexity ${3 * (HEAVY_FIELD_COMPLEXITY + 1)} exceeds the limit of ${limit}`;
  for (const on of [false, true, false, true]) {
    const body = await app.gql(query, { on });
    if (on) assert.ok(onlyError(body).message.includes(three), JSON.stringify(body.errors));
    else assert.deepEqual(body, { data: {} });
  }
  assert.equal(engine.calls(), 0);
});

test("query limits over HTTP: a query deeper than MAX_QUERY_DEPTH is refused and names both numbers", async (t) => {
  const app = await startTestApp(t, { env: { MAX_QUERY_DEPTH: "3" } });
  const ok = await app.gql("{ emails(first: 1) { edges { cursor } } }");
  assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
  const { err } = await postRefused(app, "{ emails(first: 1) { edges { node { id } } } }");
  assert.equal(err.code, "QUERY_TOO_COMPLEX");
  assert.equal(err.message, "query depth 4 exceeds the limit of 3 (MAX_QUERY_DEPTH)");
});

test("query limits over HTTP: the default depth admits the standard introspection query and refuses deep ofType chains", async (t) => {
  const app = await startTestApp(t);
  const intro = await app.gql(getIntrospectionQuery());
  assert.equal(intro.errors, undefined, JSON.stringify(intro.errors));
  // __type is 1, then 25 ofType levels, then name: depth 27 against the default 20.
  const deep = `{ __type(name: "Email") { ${"ofType { ".repeat(25)}name${" }".repeat(25)} } }`;
  const err = onlyError(await app.gql(deep));
  assert.equal(err.code, "QUERY_TOO_COMPLEX");
  assert.equal(err.message, "query depth 27 exceeds the limit of 20 (MAX_QUERY_DEPTH)");
  await assertHealthy(app);
});

test("query limits over HTTP: a query nested thousands of levels deep gets a parse error, not a crash", async (t) => {
  const app = await startTestApp(t, { env: { MAX_QUERY_TOKENS: "100000" } });
  const n = 5000;
  const { err } = await postRefused(app, `{ ${"a { ".repeat(n)}b${" }".repeat(n)} }`);
  assert.equal(err.code, "GRAPHQL_PARSE_FAILED");
  assert.match(err.message, /nested too deeply to parse/);
  await assertHealthy(app);
});

test("query limits over HTTP: a query text over MAX_QUERY_TOKENS is refused by the parser", async (t) => {
  const app = await startTestApp(t, { env: { MAX_QUERY_TOKENS: "500" } });
  // 200 aliases of `aN: __typename` are 3 tokens each, plus the braces.
  const err = onlyError(await app.gql(aliased(200, "__typename")));
  assert.equal(err.code, "GRAPHQL_PARSE_FAILED");
  assert.match(err.message, /Document contains more tha[nt] 500 tokens/);
  await assertHealthy(app);
});
