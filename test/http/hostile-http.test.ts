import assert from "node:assert/strict";
import { test } from "node:test";
import { CaseGroups } from "../support/case-groups";
import { startTestApp, type TestApp } from "../support/test-app";
import { aliased, assertHealthy, onlyError, type GraphQLBody } from "../support/graphql-checks";

/**
 * Every hostile request gets a clear JSON error naming the problem; after each, the
 * server still answers a real query correctly and the database is intact.
 */
async function refused(
  app: TestApp,
  send: () => Promise<{ status: number; body: unknown; headers: Record<string, string> }>,
  expect: { status: number; code: string; message: RegExp },
): Promise<void> {
  const res = await send();
  assert.equal(res.status, expect.status, JSON.stringify(res.body));
  assert.match(res.headers["content-type"], /^application\/json/);
  const err = onlyError(res.body as GraphQLBody);
  assert.equal(err.code, expect.code, err.message);
  assert.match(err.message, expect.message);
  assert.doesNotMatch(JSON.stringify(res.body), /\bat .+\.js:\d+/, "no stack trace");
  await assertHealthy(app);
}

let app: TestApp;
const SUITES = new CaseGroups();

function post(body: unknown, contentType = "application/json") {
  return () =>
    app.http
      .post("/graphql")
      .set("content-type", contentType)
      .send(typeof body === "string" ? body : JSON.stringify(body));
}

SUITES.add("malformed requests", (check) => {
  check("malformed JSON is a 400 naming JSON, not an HTML stack page", () =>
    refused(app, post("{bad json"), {
      status: 400,
      code: "BAD_REQUEST",
      message: /^request body is not valid JSON: /,
    }),
  );

  check("a JSON array (batching) and a non-string query are refused by Apollo", async () => {
    await refused(app, post("[1, 2]"), {
      status: 400,
      code: "BAD_REQUEST",
      message: /batching disabled/,
    });
    await refused(app, post({ query: 42 }), {
      status: 400,
      code: "BAD_REQUEST",
      message: /must be strings/,
    });
  });

  check("a 4 MB body is a 413 naming the limit", () =>
    refused(app, post({ query: "{ __typename }", pad: "x".repeat(4 * 1024 * 1024) }), {
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: /larger than the 1024 KB limit \(MAX_BODY_KB\)/,
    }),
  );

  check("a GraphQL syntax error names the position", () =>
    refused(app, post({ query: "{ emails( }" }), {
      status: 400,
      code: "GRAPHQL_PARSE_FAILED",
      message: /^Syntax Error: Expected Name, found "}"/,
    }),
  );
});

SUITES.add("unknown enum values", (check) => {
  check("in the query text: a validation error naming the value and the enum", () =>
    refused(app, post({ query: "{ capitalLetterStats(strategy: FASTEST) { totalCapitals } }" }), {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: /Value "FASTEST" does not exist in "ExecutionStrategy" enum/,
    }),
  );

  check("in variables: BAD_USER_INPUT naming the variable", () =>
    refused(
      app,
      post({
        query: "query($m: [TextMetric!]!) { textStats(metrics: $m) { emailCount } }",
        variables: { m: ["WORDS", "VOWELS"] },
      }),
      {
        status: 400,
        code: "BAD_USER_INPUT",
        message:
          /Variable "\$m" got invalid value "VOWELS" at "m\[1\]"; Value "VOWELS" does not exist in "TextMetric" enum/,
      },
    ),
  );
});

SUITES.add("invalid cursors", (check) => {
  const page = (query: string, after: string) => post({ query, variables: { a: after } });
  const EMAILS = "query($a: String) { emails(first: 10, after: $a) { edges { node { id } } } }";
  const PER_EMAIL =
    "query($a: String) { capitalLetterStats { perEmail(after: $a) { edges { cursor } } } }";
  const b64 = (text: string) => Buffer.from(text).toString("base64url");
  const bad: [string, string][] = [
    ["garbage", "!!not base64!!"],
    ["base64 of nonsense", b64("hello world")],
    ["another kind", b64("run:3")],
    ["too many digits", b64(`email:${"9".repeat(40)}`)],
    ["a float", b64("email:1.5")],
    ["non-canonical padding", `${Buffer.from("email:3").toString("base64")}==`],
    ["a NUL byte", b64("email:3\u0000")],
  ];
  for (const [name, value] of bad) {
    for (const [where, query] of [
      ["emails", EMAILS],
      ["perEmail", PER_EMAIL],
    ]) {
      check(`${where}: ${name} is BAD_USER_INPUT naming the argument`, () =>
        refused(app, page(query, value), {
          status: 200,
          code: "BAD_USER_INPUT",
          message: /^after is not a valid cursor for this connection$/,
        }),
      );
    }
  }

  check("a well-formed cursor below every id pages from the start", async () => {
    const res = await page(EMAILS, b64("email:-1"))();
    const ids = (res.body.data.emails.edges as { node: { id: number } }[]).map((e) => e.node.id);
    assert.deepEqual(ids, [1, 2, 3, 4, 5, 7, 9]);
  });
});

SUITES.add("zero, negative and huge numbers", (check) => {
  // Each argument outside its documented range: BAD_USER_INPUT naming it, the range and the value.
  const ranges: Record<string, string> = {
    first: "1 and 1000",
    workers: "1 and 64",
    chunkSize: "1 and 1000000",
    n: "1 and 1000",
    repetitions: "1 and 20",
  };
  const outOfRange: [string, number, string][] = [
    ["first", 0, "{ emails(first: 0) { totalCount } }"],
    ["first", -1, "{ emails(first: -1) { totalCount } }"],
    ["first", 1001, "{ emails(first: 1001) { totalCount } }"],
    ["workers", 0, "{ capitalLetterStats(workers: 0) { totalCapitals } }"],
    ["workers", 65, "{ capitalLetterStats(strategy: THREADS, workers: 65) { totalCapitals } }"],
    ["chunkSize", -5, "{ capitalLetterStats(chunkSize: -5) { totalCapitals } }"],
    ["n", 0, "{ capitalLetterStats { top(n: 0) { emailId } } }"],
    ["repetitions", 21, "{ compareStrategies(repetitions: 21) { allAgree } }"],
  ];
  // Literals that Int cannot represent: a validation error quoting the literal.
  const notInt: [string, string, string][] = [
    ["2147483648", "non 32-bit signed integer", "{ emails(first: 2147483648) { totalCount } }"],
    ["1e300", "non-integer", "{ emails(first: 1e300) { totalCount } }"],
    ["1.5", "non-integer", "{ email(id: 1.5) { id } }"],
  ];
  const cases: [string, string, RegExp, string][] = [
    ...outOfRange.map(([argument, got, query]): [string, string, RegExp, string] => [
      `${argument}: ${got}`,
      query,
      new RegExp(`^${argument} must be between ${ranges[argument]} \\(got ${got}\\)$`),
      "BAD_USER_INPUT",
    ]),
    ...notInt.map(([literal, what, query]): [string, string, RegExp, string] => [
      `${literal} in the text`,
      query,
      new RegExp(`Int cannot represent ${what} value: ${literal}`),
      "GRAPHQL_VALIDATION_FAILED",
    ]),
  ];
  for (const [name, query, message, code] of cases) {
    check(`${name}: ${code}`, async () => {
      const res = await post({ query })();
      const err = onlyError(res.body as GraphQLBody);
      assert.equal(err.code, code);
      assert.match(err.message, message);
      await assertHealthy(app);
    });
  }

  for (const [name, value] of [
    ["2^31", 2 ** 31],
    ["-2^31 - 1", -(2 ** 31) - 1],
    ["1e300", 1e300],
    ["a string", "12"],
  ] as [string, unknown][]) {
    check(`${name} in a variable: BAD_USER_INPUT with status 400`, () =>
      refused(
        app,
        post({
          query: "query($n: Int!) { emails(first: $n) { totalCount } }",
          variables: { n: value },
        }),
        {
          status: 400,
          code: "BAD_USER_INPUT",
          message: /^Variable "\$n" got invalid value .*; Int cannot represent/,
        },
      ),
    );
  }

  check("an id of 2^31 - 1 is simply not found", async () => {
    const body = await app.gql("{ email(id: 2147483647) { id } }");
    assert.deepEqual(body, { data: { email: null } });
  });
});

SUITES.add("deeply nested and heavily aliased queries", (check) => {
  check("deep nesting is refused with QUERY_TOO_COMPLEX", () =>
    refused(
      app,
      post({
        query: `{ __type(name: "Email") { ${"ofType { ".repeat(40)}name${" }".repeat(40)} } }`,
      }),
      {
        status: 400,
        code: "QUERY_TOO_COMPLEX",
        message: /^query depth 42 exceeds the limit of 20/,
      },
    ),
  );

  check("900 aliases of a cheap field run; 500 of a heavy field are refused", async () => {
    const cheap = await app.gql(aliased(900, "__typename"));
    assert.equal(cheap.errors, undefined);
    assert.equal(Object.keys(cheap.data ?? {}).length, 900);
    await refused(
      app,
      post({ query: aliased(500, "textStats(metrics: [CAPITALS]) { emailCount }") }),
      {
        status: 400,
        code: "QUERY_TOO_COMPLEX",
        message: /^query complexity 5000500 exceeds the limit of 100000/,
      },
    );
  });
});

SUITES.add("CSRF-style simple requests are refused by csrfPrevention", (check) => {
  const csrf = /blocked as a potential Cross-Site Request Forgery/;
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
    check(`POST with content-type ${type}`, () =>
      refused(app, post({ query: "{ __typename }" }, type), {
        status: 400,
        code: "BAD_REQUEST",
        message: csrf,
      }),
    );
  }

  check("GET without a preflight header", () =>
    refused(app, () => app.http.get("/graphql").query({ query: "{ emails { totalCount } }" }), {
      status: 400,
      code: "BAD_REQUEST",
      message: csrf,
    }),
  );

  check("GET with apollo-require-preflight is a real query", async () => {
    const res = await app.http
      .get("/graphql")
      .set("apollo-require-preflight", "1")
      .query({ query: "{ emails { totalCount } }" });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { data: { emails: { totalCount: 7 } } });
  });
});

SUITES.add("other routes", (check) => {
  check("an unknown path is a JSON 404", () =>
    refused(app, () => app.http.get("/admin/../etc/passwd"), {
      status: 404,
      code: "NOT_FOUND",
      message: /^no route for GET /,
    }),
  );
});

// One server for every case, in sequence: the point is that it survives all of them.
test("one server survives every hostile request, answering each clearly", async (t) => {
  app = await startTestApp(t);
  await SUITES.run(t);
});
