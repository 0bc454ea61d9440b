import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp, type TestApp } from "../../support/test-app";
import { writeRelease } from "../../support/release-fixture";
import { groupsOracle, type OracleGroup } from "./groups-oracle";

const CAPITAL_FIELDS =
  "key label emailCount totalCapitals totalCharacters capitalRatio meanPerEmail medianPerEmail maxPerEmail";
const ORDERS = ["TOTAL_DESC", "TOTAL_ASC", "COUNT_DESC", "RATIO_DESC", "KEY_ASC", "KEY_DESC"];
const METRICS = ["CAPITALS", "LOWERCASE", "DIGITS", "WHITESPACE", "WORDS", "LINES", "CHARACTERS"];

interface Spec {
  by: string;
  granularity?: string;
  fillGaps: boolean;
}

/** "SENT:WEEK:fill" -> { by: SENT, granularity: WEEK, fillGaps: true } (the oracle's names). */
function parseSpec(name: string): Spec {
  const [by, granularity, fill] = name.split(":");
  return { by, granularity, fillGaps: fill === "fill" };
}

type Page<T> = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
};

/** Every group of `spec`, following the cursors 1000 at a time. */
async function allGroups<T>(
  gql: TestApp["gql"],
  root: string,
  spec: Spec,
  orderBy: string,
  fields: string,
): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const res: { data?: Record<string, { groups: Page<T> }>; errors?: unknown } = await gql(
      `query($by: GroupDimension!, $g: TimeGranularity, $fill: Boolean, $order: GroupOrder, $after: String) {
        ${root} { groups(by: $by, granularity: $g, fillGaps: $fill, orderBy: $order, first: 1000, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } } }`,
      { by: spec.by, g: spec.granularity, fill: spec.fillGaps, order: orderBy, after },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const page = Object.values(res.data!)[0].groups;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) {
      assert.equal(nodes.length, page.totalCount);
      return nodes;
    }
    after = page.pageInfo.endCursor;
  }
}

const capitalsOf = ({ metrics: _m, ids: _i, ...capitals }: OracleGroup) => capitals;

function metricsOf(g: OracleGroup) {
  return {
    key: g.key,
    label: g.label,
    emailCount: g.emailCount,
    totals: METRICS.map((metric) => ({ metric, ...g.metrics[metric] })),
  };
}

async function releaseApp(t: Parameters<typeof startTestApp>[0], files = {}) {
  let emails = "";
  const app = await startTestApp(t, { write: (dir) => (emails = writeRelease(dir, files)) });
  return { ...app, oracle: groupsOracle(emails), emails };
}

test("capitalLetterStats groups equal Python's, in every dimension, granularity and order", async (t) => {
  const { gql, oracle } = await releaseApp(t);
  const root = "capitalLetterStats(strategy: SEQUENTIAL)";
  for (const [name, expected] of Object.entries(oracle.groups)) {
    await t.test(name, async () => {
      const spec = parseSpec(name);
      const got = await allGroups(gql, root, spec, "KEY_ASC", CAPITAL_FIELDS);
      assert.deepEqual(got, expected.map(capitalsOf));
      for (const order of ORDERS) {
        const keys = await allGroups<{ key: string | null }>(gql, root, spec, order, "key");
        assert.deepEqual(
          keys.map((g) => g.key),
          oracle.orders[`${name}|${order}`],
          order,
        );
      }
    });
  }
});

test("textStats groups carry every metric's summary, equal to Python's", async (t) => {
  const { gql, oracle } = await releaseApp(t);
  const root = `textStats(metrics: [${METRICS.join(", ")}], strategy: THREADS, chunkSize: 2)`;
  const fields = "key label emailCount totals { metric total mean median max }";
  for (const [name, expected] of Object.entries(oracle.groups)) {
    const got = await allGroups(gql, root, parseSpec(name), "KEY_ASC", fields);
    assert.deepEqual(got, expected.map(metricsOf), name);
  }
});

test("a completed analysis run groups its stored values as Python does; a reload ends that", async (t) => {
  const { gql, oracle, app, emails } = await releaseApp(t);
  const started = await gql<{ startAnalysis: { id: string } }>(
    `mutation { startAnalysis(input: { metrics: [${METRICS.join(", ")}], strategy: PROCESSES }) { id } }`,
  );
  const id = started.data!.startAnalysis.id;
  let status = "";
  while (status !== "COMPLETED") {
    const r = await gql<{ analysisRun: { status: string } }>(
      `{ analysisRun(id: "${id}") { status } }`,
    );
    status = r.data!.analysisRun.status;
    assert.ok(["PENDING", "RUNNING", "COMPLETED"].includes(status), status);
    if (status !== "COMPLETED") await new Promise((r) => setTimeout(r, 20));
  }
  const root = `analysisRun(id: "${id}")`;
  const fields = "key label emailCount totals { metric total mean median max }";
  for (const [name, expected] of Object.entries(oracle.groups)) {
    const got = await allGroups(gql, root, parseSpec(name), "KEY_ASC", fields);
    assert.deepEqual(got, expected.map(metricsOf), name);
  }
  await app.reload.reload(emails);
  // Grouping against the new corpus replaces the attributes the run's version had.
  await gql(`{ capitalLetterStats { groups(by: SENDER) { totalCount } } }`);
  const after = await gql(`{ analysisRun(id: "${id}") { groups(by: SENDER) { totalCount } } }`);
  assert.equal(after.errors?.[0]?.extensions?.code, "CORPUS_CHANGED");
  assert.match(after.errors![0].message, /reloaded \(version 1 is now 2\)/);
});

test("without the companion files, RECIPIENT is one null group and persons are labelled by id", async (t) => {
  const { gql, oracle } = await releaseApp(t, { persons: null, aliases: null, receivers: null });
  const root = "capitalLetterStats";
  for (const name of ["RECIPIENT", "SENDER_PERSON"]) {
    const got = await allGroups(gql, root, parseSpec(name), "KEY_ASC", CAPITAL_FIELDS);
    assert.deepEqual(got, oracle.groups[name].map(capitalsOf), name);
  }
  assert.deepEqual(
    oracle.groups.RECIPIENT.map((g) => [g.key, g.emailCount]),
    [[null, 17]],
  );
  assert.ok(oracle.groups.SENDER_PERSON.some((g) => g.label === "Person 87"));
});

test("recipient groups overlap (an email counts once per recipient); the others partition", async (t) => {
  const { gql } = await releaseApp(t);
  const sum = async (by: string): Promise<number> =>
    (
      await allGroups<{ emailCount: number }>(
        gql,
        "capitalLetterStats",
        { by, fillGaps: false },
        "KEY_ASC",
        "emailCount",
      )
    ).reduce((n, g) => n + g.emailCount, 0);
  for (const by of [
    "SENDER",
    "SENDER_PERSON",
    "SENT",
    "RELEASE",
    "DOCUMENT_CLASS",
    "CASE_NUMBER",
  ]) {
    assert.equal(await sum(by), 17, by);
  }
  assert.ok((await sum("RECIPIENT")) > 17);
});

test("a filter applies before grouping", async (t) => {
  const { gql, oracle } = await releaseApp(t);
  const got = await allGroups(
    gql,
    "capitalLetterStats(filter: { ids: [1, 3, 13] })",
    { by: "SENDER", fillGaps: false },
    "KEY_ASC",
    CAPITAL_FIELDS,
  );
  // Emails 1 and 13 are all of "Sullivan, Jacob J", and 3 all of "sullivan, jake".
  const expected = oracle.groups.SENDER.filter((g) =>
    ["Sullivan, Jacob J", "sullivan, jake"].includes(g.key ?? ""),
  );
  assert.deepEqual(got, expected.map(capitalsOf));
});

test("groups reuse the cached counts: nothing is counted again, and groupMs says what grouping took", async (t) => {
  const { gql } = await releaseApp(t);
  type R = {
    capitalLetterStats: { execution: { cached: boolean; groupMs: number; tasks: number } };
  };
  const first = await gql<R>(`{ capitalLetterStats { execution { cached groupMs tasks } } }`);
  assert.deepEqual(first.data!.capitalLetterStats.execution.cached, false);
  assert.equal(first.data!.capitalLetterStats.execution.groupMs, 0);
  // execution listed before the groups fields: groupMs still includes both of them.
  const second = await gql<R>(`{ capitalLetterStats {
    execution { cached groupMs tasks }
    a: groups(by: SENDER) { totalCount } b: groups(by: SENT, granularity: DAY) { totalCount } } }`);
  const report = second.data!.capitalLetterStats.execution;
  assert.equal(report.cached, true);
  assert.equal(report.tasks, first.data!.capitalLetterStats.execution.tasks);
  assert.ok(report.groupMs > 0, String(report.groupMs));
  const compare = await gql<{
    compareStrategies: { strategies: { runs: { groupMs: number }[] }[] };
  }>(`{ compareStrategies(repetitions: 1) { strategies { runs { groupMs } } } }`);
  for (const s of compare.data!.compareStrategies.strategies) {
    assert.deepEqual(
      s.runs.map((r) => r.groupMs),
      [0],
    );
  }
});

test("limits and bad arguments are BAD_USER_INPUT or validation errors naming the argument", async (t) => {
  const { gql, http } = await releaseApp(t);
  const error = async (query: string) => (await gql(query)).errors?.[0];
  const tooMany = await error(
    `{ capitalLetterStats { groups(by: SENDER, first: 1001) { totalCount } } }`,
  );
  assert.equal(tooMany?.extensions?.code, "BAD_USER_INPUT");
  assert.equal(tooMany?.message, "first must be between 1 and 1000 (got 1001)");
  assert.equal(tooMany?.extensions?.argument, "first");
  assert.equal(tooMany?.extensions?.max, 1000);
  const zero = await error(
    `{ textStats(metrics: [WORDS]) { groups(by: SENDER, first: 0) { totalCount } } }`,
  );
  assert.equal(zero?.extensions?.argument, "first");
  const unknown = await error(`{ capitalLetterStats { groups(by: COLOUR) { totalCount } } }`);
  assert.equal(unknown?.extensions?.code, "GRAPHQL_VALIDATION_FAILED");
  assert.match(unknown!.message, /COLOUR/);
  const viaVariable = await http.post("/graphql").send({
    query: `query($by: GroupDimension!) { capitalLetterStats { groups(by: $by) { totalCount } } }`,
    variables: { by: "COLOUR" },
  });
  assert.equal(viaVariable.status, 400);
  assert.equal(viaVariable.body.errors[0].extensions.code, "BAD_USER_INPUT");
  const gaps = await error(
    `{ capitalLetterStats { groups(by: SENDER, fillGaps: true) { totalCount } } }`,
  );
  assert.equal(gaps?.extensions?.code, "BAD_USER_INPUT");
  assert.equal(gaps?.extensions?.argument, "fillGaps");
  const cursor = await error(
    `{ capitalLetterStats { groups(by: SENDER, after: "nope") { totalCount } } }`,
  );
  assert.equal(cursor?.extensions?.argument, "after");
  const orderMetric = await error(
    `{ textStats(metrics: [WORDS]) { groups(by: SENDER, orderMetric: DIGITS) { totalCount } } }`,
  );
  assert.equal(orderMetric?.extensions?.argument, "orderMetric");
  const ratio = await error(
    `{ textStats(metrics: [WORDS]) { groups(by: SENDER, orderBy: RATIO_DESC) { totalCount } } }`,
  );
  assert.equal(ratio?.extensions?.argument, "orderBy");
});
