import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "../support/test-app";

// Worked out by hand for the fixture texts, in the order
// [CAPITALS, LOWERCASE, DIGITS, WHITESPACE, WORDS, LINES, CHARACTERS]:
// 1 "Hello World"; 2 "ÉCOLE école"; 3 "ΑΒΓ δ ДЖ"; 4 "Ⅻ Ⓐ 𝐀 ǅ" (ǅ is titlecase: neither upper nor lower);
// 5 ""; 7 "lower only\r\nsecond LINE" (\r and \n are both whitespace, one line break);
// 9 the State Department header: 17 digits in 2015, 04841, 05739545; 3 newlines + 7 spaces.
const HAND: Record<number, number[]> = {
  1: [2, 8, 0, 1, 2, 1, 11],
  2: [5, 5, 0, 1, 2, 1, 11],
  3: [5, 1, 0, 2, 3, 1, 8],
  4: [3, 0, 0, 3, 4, 1, 7],
  5: [0, 0, 0, 0, 0, 0, 0],
  7: [4, 15, 0, 4, 4, 2, 23],
  9: [22, 22, 17, 10, 11, 4, 77],
};
const FIELDS = ["capitals", "lowercase", "digits", "whitespace", "words", "lines", "characters"];
const ENUM = ["CAPITALS", "LOWERCASE", "DIGITS", "WHITESPACE", "WORDS", "LINES", "CHARACTERS"];

const QUERY = `query($metrics: [TextMetric!]!, $strategy: ExecutionStrategy, $chunkSize: Int) {
  textStats(metrics: $metrics, strategy: $strategy, chunkSize: $chunkSize, fresh: true) {
    emailCount metrics
    totals { metric total mean median max }
    perEmail(first: 100) { edges { node { emailId ${FIELDS.join(" ")} } } }
    execution { strategy tasks }
  }
}`;

type Node = Record<string, number | null>;
interface Res {
  textStats: {
    emailCount: number;
    metrics: string[];
    totals: { metric: string; total: number; mean: number; median: number; max: number }[];
    perEmail: { edges: { node: Node }[] };
    execution: { strategy: string; tasks: number };
  };
}

for (const strategy of ["SEQUENTIAL", "THREADS", "PROCESSES"]) {
  test(`textStats computes every metric in one pass on ${strategy}, equal to the hand counts`, async (t) => {
    const { gql } = await startTestApp(t);
    for (const chunkSize of [null, 2]) {
      const res = await gql<Res>(QUERY, { metrics: ENUM, strategy, chunkSize });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const s = res.data!.textStats;
      assert.equal(s.emailCount, 7);
      assert.deepEqual(s.metrics, ENUM);
      for (const { node } of s.perEmail.edges) {
        assert.deepEqual(
          FIELDS.map((f) => node[f]),
          HAND[node.emailId as number],
          `email ${node.emailId}`,
        );
      }
      ENUM.forEach((metric, m) => {
        const values = Object.values(HAND).map((v) => v[m]);
        const total = values.reduce((a, b) => a + b, 0);
        const summary = s.totals.find((x) => x.metric === metric)!;
        assert.equal(summary.total, total, metric);
        assert.equal(summary.mean, total / 7, metric);
        assert.equal(summary.max, Math.max(...values), metric);
        assert.equal(summary.median, [...values].sort((a, b) => a - b)[3], metric);
      });
    }
  });
}

test("metrics not asked for are null, and repeats are folded", async (t) => {
  const { gql } = await startTestApp(t);
  const res = await gql<Res>(QUERY, {
    metrics: ["WORDS", "DIGITS", "WORDS"],
    strategy: "SEQUENTIAL",
  });
  const s = res.data!.textStats;
  assert.deepEqual(s.metrics, ["WORDS", "DIGITS"]);
  const nine = s.perEmail.edges.find((e) => e.node.emailId === 9)!.node;
  assert.deepEqual(nine, {
    emailId: 9,
    capitals: null,
    lowercase: null,
    digits: 17,
    whitespace: null,
    words: 11,
    lines: null,
    characters: null,
  });
  const empty = await gql(QUERY, { metrics: [] });
  assert.equal(empty.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  assert.equal(empty.errors?.[0].message, "metrics must name at least one TextMetric");
  const unknown = await gql(QUERY, { metrics: ["VOWELS"] });
  assert.equal(unknown.errors?.[0].extensions?.code, "BAD_USER_INPUT");
});

test("compareStrategies runs each strategy on the same work and they agree", async (t) => {
  const { gql } = await startTestApp(t);
  const res = await gql<{
    compareStrategies: {
      emailCount: number;
      allAgree: boolean;
      totals: { metric: string; total: number }[];
      strategies: {
        strategy: string;
        agrees: boolean;
        medianWallMs: number;
        speedupVsSequential: number | null;
        runs: { strategy: string; cached: boolean }[];
      }[];
    };
  }>(`{ compareStrategies(strategies: [SEQUENTIAL, THREADS, PROCESSES, AUTO], repetitions: 2, chunkSize: 2) {
    emailCount allAgree totals { metric total }
    strategies { strategy agrees medianWallMs speedupVsSequential runs { strategy cached } } } }`);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const c = res.data!.compareStrategies;
  assert.equal(c.emailCount, 7);
  assert.equal(c.allAgree, true);
  assert.deepEqual(c.totals, [{ metric: "CAPITALS", total: 41 }]);
  assert.deepEqual(
    c.strategies.map((s) => s.strategy),
    ["SEQUENTIAL", "THREADS", "PROCESSES", "AUTO"],
  );
  for (const s of c.strategies) {
    assert.equal(s.agrees, true);
    assert.equal(s.runs.length, 2);
    assert.ok(s.runs.every((r) => r.cached === false));
    assert.ok(s.medianWallMs > 0);
    assert.ok(s.speedupVsSequential !== null && s.speedupVsSequential > 0);
  }
  assert.equal(c.strategies[0].speedupVsSequential, 1);
  const bad = await gql(`{ compareStrategies(repetitions: 21) { allAgree } }`);
  assert.equal(bad.errors?.[0].message, "repetitions must be between 1 and 20 (got 21)");
  // Every run is fresh and `strategies` names them, so these arguments no longer exist.
  for (const arg of ["strategy: THREADS", "fresh: true"]) {
    const gone = await gql(`{ compareStrategies(${arg}) { allAgree } }`);
    assert.equal(gone.errors?.[0].extensions?.code, "GRAPHQL_VALIDATION_FAILED", arg);
    assert.match(gone.errors![0].message, /^Unknown argument "(strategy|fresh)"/);
  }
});
