import assert from "node:assert/strict";
import { test } from "node:test";
import type { Client } from "graphql-ws";
import { startTestApp } from "../support/test-app";
import { wsClient } from "../support/ws-client";
import { HEAVY_FIELD_COMPLEXITY } from "../../src/graphql/complexity";
import { aliased, assertHealthy, spyOnEngine, FIXTURE_CAPITALS } from "../support/graphql-checks";

interface Outcome {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One operation over the WebSocket: its result, or the errors it was refused with. */
function run(client: Client, query: string, variables?: Record<string, unknown>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let result: Outcome = {};
    client.subscribe(
      { query, variables },
      {
        next: (r) => (result = r as Outcome),
        error: (err) =>
          Array.isArray(err) ? resolve({ errors: err as Outcome["errors"] }) : reject(err),
        complete: () => resolve(result),
      },
    );
  });
}

function onlyCode(o: Outcome): { code: unknown; message: string } {
  assert.equal(o.errors?.length, 1, JSON.stringify(o));
  return { code: o.errors![0].extensions?.code, message: o.errors![0].message };
}

test("over the WebSocket too, 300 aliased heavy fields are refused before anything executes", async (t) => {
  const app = await startTestApp(t);
  const engine = spyOnEngine(app.app);
  const client = wsClient(t, app);
  const refused = await run(
    client,
    aliased(300, "capitalLetterStats(fresh: true) { totalCapitals }"),
  );
  const err = onlyCode(refused);
  assert.equal(err.code, "QUERY_TOO_COMPLEX");
  assert.match(
    err.message,
    new RegExp(
      `^query complexity ${300 * (HEAVY_FIELD_COMPLEXITY + 1)} exceeds the limit of 100000`,
    ),
  );
  assert.equal(engine.calls(), 0);
  // The same socket still runs a legitimate query, which does reach the engine.
  const ok = await run(client, "{ capitalLetterStats(fresh: true) { totalCapitals } }");
  assert.deepEqual(ok, { data: { capitalLetterStats: { totalCapitals: FIXTURE_CAPITALS } } });
  assert.equal(engine.calls(), 1);
  await assertHealthy(app);
});

test("over the WebSocket, parse, validation, variable and depth errors keep Apollo's codes", async (t) => {
  const app = await startTestApp(t, { env: { MAX_QUERY_TOKENS: "200" } });
  const client = wsClient(t, app);
  const cases: [string, Record<string, unknown> | undefined, string, RegExp][] = [
    ["{ emails(", undefined, "GRAPHQL_PARSE_FAILED", /^Syntax Error/],
    [aliased(100, "__typename"), undefined, "GRAPHQL_PARSE_FAILED", /more tha[nt] 200 tokens/],
    ["{ nope }", undefined, "GRAPHQL_VALIDATION_FAILED", /Cannot query field "nope"/],
    [
      "query($n: Int!) { emails(first: $n) { totalCount } }",
      { n: 2 ** 31 },
      "BAD_USER_INPUT",
      /^Variable "\$n" got invalid value 2147483648/,
    ],
    [
      `{ __type(name: "Email") { ${"ofType { ".repeat(25)}name${" }".repeat(25)} } }`,
      undefined,
      "QUERY_TOO_COMPLEX",
      /^query depth 27 exceeds the limit of 20/,
    ],
  ];
  for (const [query, variables, code, message] of cases) {
    const err = onlyCode(await run(client, query, variables));
    assert.equal(err.code, code, query.slice(0, 40));
    assert.match(err.message, message);
  }
  await assertHealthy(app);
});

test("over the WebSocket, introspection is refused when it is switched off", async (t) => {
  const app = await startTestApp(t, { env: { INTROSPECTION: "false" } });
  const client = wsClient(t, app);
  const err = onlyCode(await run(client, "{ __schema { description } }"));
  assert.equal(err.code, "GRAPHQL_VALIDATION_FAILED");
  assert.match(err.message, /introspection/);
  assert.deepEqual(await run(client, "{ __typename }"), { data: { __typename: "Query" } });
});
