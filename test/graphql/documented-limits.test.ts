import assert from "node:assert/strict";
import { test, type TestContext } from "node:test";
import { FIXTURE } from "../support/fixture-corpus";
import { startTestApp, type TestApp } from "../support/test-app";
import { waitForEnd } from "../analyses/analysis-test-support";
import { CaseGroups } from "../support/case-groups";
import { FIXTURE_CAPITALS, type GraphQLBody } from "../support/graphql-checks";

/**
 * Every limit of the README's Limits table, at its boundary, on every query that accepts it:
 * the last allowed value answers correctly (hand counts of the fixture), the first refused one
 * is BAD_USER_INPUT naming the argument and the range.
 */
const MAX_IDS = 100_000;
const ALL_IDS = Array.from({ length: MAX_IDS }, (_, i) => i + 1);
const TOO_MANY_IDS = [...ALL_IDS, MAX_IDS + 1];
const LONGEST = "x".repeat(200);

/** The queries taking a filter, each reading back how many emails it selected. */
const FILTERED: Record<string, { query: string; count: (d: Record<string, unknown>) => unknown }> =
  {
    emails: {
      query: "query($f: EmailFilter) { r: emails(filter: $f, first: 1000) { totalCount } }",
      count: (d) => (d.r as { totalCount: number }).totalCount,
    },
    capitalLetterStats: {
      query:
        "query($f: EmailFilter) { r: capitalLetterStats(filter: $f, fresh: true) { emailCount totalCapitals } }",
      count: (d) => (d.r as { emailCount: number }).emailCount,
    },
    textStats: {
      query:
        "query($f: EmailFilter) { r: textStats(filter: $f, metrics: [CAPITALS], fresh: true) { emailCount } }",
      count: (d) => (d.r as { emailCount: number }).emailCount,
    },
    compareStrategies: {
      query:
        "query($f: EmailFilter) { r: compareStrategies(filter: $f, repetitions: 1, strategies: [SEQUENTIAL]) { emailCount } }",
      count: (d) => (d.r as { emailCount: number }).emailCount,
    },
  };

/** The queries taking execution arguments, with a placeholder for them. */
const EXECUTING: Record<string, string> = {
  capitalLetterStats: "{ capitalLetterStats(strategy: THREADS, fresh: true, ARGS) { emailCount } }",
  textStats: "{ textStats(metrics: [WORDS], strategy: THREADS, fresh: true, ARGS) { emailCount } }",
  compareStrategies:
    "{ compareStrategies(strategies: [THREADS], repetitions: 1, ARGS) { emailCount } }",
};

function refusedFor(body: GraphQLBody, argument: string, range: RegExp): void {
  assert.equal(body.errors?.length, 1, JSON.stringify(body.errors));
  const e = body.errors![0];
  assert.equal(e.extensions?.code, "BAD_USER_INPUT", e.message);
  assert.ok(e.message.includes(argument), `"${e.message}" names ${argument}`);
  assert.match(e.message, range);
}

function ok<T = Record<string, unknown>>(body: GraphQLBody): T {
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as T;
}

const GROUPS = new CaseGroups();
let app: TestApp;
let appContext: TestContext;
let runId: string;
let maxWorkers: number;

test("every documented limit, at its boundary, on every query that accepts it", async (t) => {
  appContext = t;
  app = await startTestApp(t);
  maxWorkers = app.app.executors.threads.maxWorkers;
  const run = ok<{ startAnalysis: { id: string } }>(
    await app.gql("mutation { startAnalysis(input: {}) { id } }"),
  );
  runId = run.startAnalysis.id;
  assert.equal((await waitForEnd(app, runId)).status, "COMPLETED");
  await GROUPS.run(t);
});

GROUPS.add("filter.ids: 100,000 ids work everywhere; 100,001 are refused", (check) => {
  for (const [name, q] of Object.entries(FILTERED)) {
    check(name, async () => {
      const d = ok(await app.gql(q.query, { f: { ids: ALL_IDS } }));
      assert.equal(q.count(d), FIXTURE.length);
      if (name === "capitalLetterStats") {
        assert.equal((d.r as { totalCapitals: number }).totalCapitals, FIXTURE_CAPITALS);
      }
      refusedFor(await app.gql(q.query, { f: { ids: TOO_MANY_IDS } }), "filter.ids", /100000/);
    });
  }

  check(
    "startAnalysis: the run completes with the right totals; past the limit no run is created",
    async () => {
      const mutation = `mutation($f: EmailFilter) { startAnalysis(input: { filter: $f }) { id } }`;
      const runs = () => app.app.db.prepare("SELECT count(*) FROM AnalysisRun").pluck().get();
      const before = runs();
      refusedFor(await app.gql(mutation, { f: { ids: TOO_MANY_IDS } }), "filter.ids", /100000/);
      assert.equal(runs(), before, "a refused startAnalysis creates no run");
      const { startAnalysis } = ok<{ startAnalysis: { id: string } }>(
        await app.gql(mutation, { f: { ids: ALL_IDS } }),
      );
      const run = await waitForEnd(app, startAnalysis.id);
      assert.equal(run.status, "COMPLETED", run.error ?? "");
      assert.equal(run.emailCount, FIXTURE.length);
      assert.equal(run.totalCapitals, FIXTURE_CAPITALS);
    },
  );
});

GROUPS.add(
  "filter.senderPersonIds and filter.recipientPersonIds: 1 to 1000 ids everywhere",
  (check) => {
    const persons = Array.from({ length: 1000 }, (_, i) => i + 1);
    // Every fixture email but id 5 has a sender (SenderPersonId 80 + id); none has recipients.
    const want = {
      senderPersonIds: FIXTURE.filter((e) => e.from !== "").length,
      recipientPersonIds: 0,
    };
    for (const field of ["senderPersonIds", "recipientPersonIds"] as const) {
      for (const [name, q] of Object.entries(FILTERED)) {
        check(`${name}(filter.${field})`, async () => {
          assert.equal(
            q.count(ok(await app.gql(q.query, { f: { [field]: persons } }))),
            want[field],
          );
          for (const bad of [[], [...persons, 1001]]) {
            refusedFor(
              await app.gql(q.query, { f: { [field]: bad } }),
              `filter.${field}`,
              /1 to 1000 person ids/,
            );
          }
        });
      }
    }
  },
);

GROUPS.add(
  "filter.sender and filter.subjectContains: 200 characters work; 201 are refused",
  (check) => {
    for (const field of ["sender", "subjectContains"]) {
      for (const [name, q] of Object.entries(FILTERED)) {
        check(`${name}(filter.${field})`, async () => {
          assert.equal(q.count(ok(await app.gql(q.query, { f: { [field]: LONGEST } }))), 0);
          refusedFor(
            await app.gql(q.query, { f: { [field]: LONGEST + "x" } }),
            `filter.${field}`,
            /200 characters/,
          );
        });
      }
      check(`startAnalysis(input.filter.${field})`, async () => {
        const body = await app.gql(
          `mutation($f: EmailFilter) { startAnalysis(input: { filter: $f }) { id } }`,
          { f: { [field]: LONGEST + "x" } },
        );
        refusedFor(body, `filter.${field}`, /200 characters/);
      });
    }
  },
);

/** workers 0 and one past the pool, chunkSize 0 and 1,000,001: each refused, naming `prefix`+argument. */
async function refusesPastWorkersAndChunkSize(
  q: (args: string) => Promise<GraphQLBody>,
  prefix: "" | "input.",
): Promise<void> {
  refusedFor(await q("workers: 0"), `${prefix}workers`, /between 1 and/);
  refusedFor(
    await q(`workers: ${maxWorkers + 1}`),
    `${prefix}workers`,
    new RegExp(`between 1 and ${maxWorkers}`),
  );
  refusedFor(await q("chunkSize: 0"), `${prefix}chunkSize`, /between 1 and 1000000/);
  refusedFor(await q("chunkSize: 1000001"), `${prefix}chunkSize`, /between 1 and 1000000/);
}

GROUPS.add("workers: 1 to the pool's maximum; chunkSize: 1 to 1,000,000", (check) => {
  for (const [name, template] of Object.entries(EXECUTING)) {
    check(name, async () => {
      const q = (args: string) => app.gql(template.replace("ARGS", args));
      for (const good of [
        `workers: 1`,
        `workers: ${maxWorkers}`,
        `chunkSize: 1`,
        `chunkSize: 1000000`,
      ]) {
        const d = ok<Record<string, { emailCount: number }>>(await q(good));
        assert.equal(Object.values(d)[0].emailCount, FIXTURE.length, good);
      }
      await refusesPastWorkersAndChunkSize(q, "");
    });
  }

  check("startAnalysis", async () => {
    const q = (args: string) =>
      app.gql(`mutation { startAnalysis(input: { strategy: THREADS, ${args} }) { id } }`);
    for (const good of [`workers: ${maxWorkers}`, `chunkSize: 1000000`]) {
      const { startAnalysis } = ok<{ startAnalysis: { id: string } }>(await q(good));
      assert.equal((await waitForEnd(app, startAnalysis.id)).status, "COMPLETED", good);
    }
    await refusesPastWorkersAndChunkSize(q, "input.");
  });
});

GROUPS.add("page sizes (first), top(n) and histogram(buckets): 1 to 1000", (check) => {
  const lists: Record<string, (v: number) => string> = {
    "emails(first)": (v) => `{ emails(first: ${v}) { edges { cursor } } }`,
    "analysisRuns(first)": (v) => `{ analysisRuns(first: ${v}) { edges { cursor } } }`,
    "AnalysisRun.results(first)": (v) =>
      `{ analysisRun(id: "${runId}") { results(first: ${v}) { edges { cursor } } } }`,
    "capitalLetterStats.perEmail(first)": (v) =>
      `{ capitalLetterStats { perEmail(first: ${v}) { edges { cursor } } } }`,
    "textStats.perEmail(first)": (v) =>
      `{ textStats(metrics: [WORDS]) { perEmail(first: ${v}) { edges { cursor } } } }`,
    "capitalLetterStats.top(n)": (v) => `{ capitalLetterStats { top(n: ${v}) { emailId } } }`,
    "capitalLetterStats.histogram(buckets)": (v) =>
      `{ capitalLetterStats { histogram(buckets: ${v}) { count } } }`,
  };
  for (const [name, query] of Object.entries(lists)) {
    check(name, async () => {
      const argument = /\((\w+)\)$/.exec(name)![1];
      ok(await app.gql(query(1)));
      ok(await app.gql(query(1000)));
      refusedFor(await app.gql(query(0)), argument, /between 1 and 1000/);
      refusedFor(await app.gql(query(1001)), argument, /between 1 and 1000/);
    });
  }
});

GROUPS.add("compareStrategies: repetitions 1 to 20, strategies 1 to 8", (check) => {
  check("repetitions", async () => {
    const q = (n: number) =>
      app.gql(`{ compareStrategies(strategies: [SEQUENTIAL], repetitions: ${n}) { emailCount } }`);
    ok(await q(20));
    refusedFor(await q(0), "repetitions", /between 1 and 20/);
    refusedFor(await q(21), "repetitions", /between 1 and 20/);
  });
  check("strategies", async () => {
    const q = (n: number) =>
      app.gql(
        `{ compareStrategies(strategies: [${Array(n).fill("SEQUENTIAL").join(" ")}], repetitions: 1) { emailCount } }`,
      );
    ok(await q(8));
    refusedFor(await q(0), "strategies", /1 to 8/);
    refusedFor(await q(9), "strategies", /1 to 8/);
  });
});

GROUPS.add(
  "MAX_QUERY_COMPLEXITY: a query costing exactly the limit runs; one more is refused",
  (check) => {
    check("emails(first: k) { totalCount } costs 1 + k", async () => {
      const small = await startTestApp(appContext, { env: { MAX_QUERY_COMPLEXITY: "100" } });
      ok(await small.gql("{ emails(first: 99) { totalCount } }"));
      const body = await small.gql("{ emails(first: 100) { totalCount } }");
      assert.equal(body.errors?.[0]?.extensions?.code, "QUERY_TOO_COMPLEX");
      assert.match(body.errors![0].message, /complexity 101 exceeds the limit of 100/);
    });
  },
);
