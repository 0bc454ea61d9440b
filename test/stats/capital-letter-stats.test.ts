import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "../support/test-app";
import { FIXTURE } from "../support/fixture-corpus";
import type { CapitalAggregates } from "../../src/stats/capital-letter-stats";

const STATS = `query($strategy: ExecutionStrategy, $workers: Int, $chunkSize: Int, $fresh: Boolean, $filter: EmailFilter) {
  capitalLetterStats(strategy: $strategy, workers: $workers, chunkSize: $chunkSize, fresh: $fresh, filter: $filter) {
    emailCount totalCapitals totalCharacters capitalRatio meanPerEmail medianPerEmail maxPerEmail
    top(n: 3) { emailId capitals characters }
    histogram(buckets: 5) { from to count }
    perEmail(first: 1000) { totalCount edges { node { emailId capitals characters } } }
    execution { requestedStrategy strategy reason workers tasks chunkSize cached emails wallMs computeMs perWorker { worker tasks busyMs } }
  }
}`;

interface Stats {
  capitalLetterStats: CapitalAggregates & {
    top: { emailId: number; capitals: number; characters: number }[];
    histogram: { from: number; to: number; count: number }[];
    perEmail: {
      totalCount: number;
      edges: { node: { emailId: number; capitals: number; characters: number } }[];
    };
    execution: {
      requestedStrategy: string;
      strategy: string;
      reason: string;
      workers: number;
      tasks: number;
      chunkSize: number | null;
      cached: boolean;
      emails: number;
      perWorker: { worker: string; tasks: number; busyMs: number }[];
    };
  };
}

// Hand counts per email: capitals [2, 5, 5, 3, 0, 4, 22], characters [11, 11, 8, 7, 0, 23, 77].
const HAND = {
  totalCapitals: 41,
  totalCharacters: 137,
  median: 4, // sorted 0 2 3 4 5 5 22
  max: 22,
  top: [
    { emailId: 9, capitals: 22, characters: 77 },
    { emailId: 2, capitals: 5, characters: 11 }, // ties with 3: lower Id first
    { emailId: 3, capitals: 5, characters: 8 },
  ],
  // width ceil(23 / 5) = 5: [0,5) holds 0 2 3 4; [5,10) holds 5 5; [20,25) holds 22
  histogram: [
    { from: 0, to: 5, count: 4 },
    { from: 5, to: 10, count: 2 },
    { from: 10, to: 15, count: 0 },
    { from: 15, to: 20, count: 0 },
    { from: 20, to: 25, count: 1 },
  ],
};

for (const strategy of ["SEQUENTIAL", "THREADS", "PROCESSES", "AUTO"]) {
  for (const chunkSize of [null, 1, 3]) {
    test(`capitalLetterStats on ${strategy} (chunkSize ${chunkSize ?? "balanced"}) equals the hand counts`, async (t) => {
      const { gql } = await startTestApp(t);
      const res = await gql<Stats>(STATS, { strategy, chunkSize, fresh: true });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const s = res.data!.capitalLetterStats;
      assert.equal(s.emailCount, 7);
      assert.equal(s.totalCapitals, HAND.totalCapitals);
      assert.equal(s.totalCharacters, HAND.totalCharacters);
      assert.equal(s.capitalRatio, 41 / 137);
      assert.equal(s.meanPerEmail, 41 / 7);
      assert.equal(s.medianPerEmail, HAND.median);
      assert.equal(s.maxPerEmail, HAND.max);
      assert.deepEqual(s.top, HAND.top);
      assert.deepEqual(s.histogram, HAND.histogram);
      assert.deepEqual(
        s.perEmail.edges.map((e) => e.node),
        FIXTURE.map((e) => ({ emailId: e.id, capitals: e.capitals, characters: e.characters })),
      );
      assert.equal(s.execution.requestedStrategy, strategy);
      assert.equal(s.execution.cached, false);
      assert.equal(s.execution.emails, 7);
      assert.equal(s.execution.chunkSize, chunkSize);
      if (chunkSize !== null) assert.equal(s.execution.tasks, Math.ceil(7 / chunkSize));
      if (strategy !== "AUTO") assert.equal(s.execution.strategy, strategy);
      else
        assert.equal(
          s.execution.strategy,
          "SEQUENTIAL",
          "a 7-email corpus is far below AUTO's pool threshold",
        );
      const tasksRun = s.execution.perWorker.reduce((n, w) => n + w.tasks, 0);
      assert.equal(tasksRun, s.execution.tasks);
      const prefix = {
        SEQUENTIAL: "main",
        THREADS: "thread:",
        PROCESSES: "process:",
        AUTO: "main",
      }[strategy]!;
      for (const w of s.execution.perWorker) assert.ok(w.worker.startsWith(prefix), w.worker);
    });
  }
}

test("a filter restricts the stats to its emails", async (t) => {
  const { gql } = await startTestApp(t);
  const res = await gql<Stats>(STATS, { strategy: "SEQUENTIAL", filter: { ids: [3, 4, 9] } });
  const s = res.data!.capitalLetterStats;
  assert.equal(s.emailCount, 3);
  assert.equal(s.totalCapitals, 5 + 3 + 22);
  assert.equal(s.totalCharacters, 8 + 7 + 77);
  assert.equal(s.medianPerEmail, 5);
  const none = await gql<Stats>(STATS, { strategy: "SEQUENTIAL", filter: { ids: [6] } });
  assert.equal(none.data!.capitalLetterStats.emailCount, 0);
  assert.equal(none.data!.capitalLetterStats.totalCapitals, 0);
  assert.deepEqual(none.data!.capitalLetterStats.histogram, []);
});

test("results are cached per corpus version and filter; fresh recomputes", async (t) => {
  const { gql } = await startTestApp(t);
  const first = await gql<Stats>(STATS, { strategy: "SEQUENTIAL" });
  assert.equal(first.data!.capitalLetterStats.execution.cached, false);
  const second = await gql<Stats>(STATS, { strategy: "SEQUENTIAL" });
  assert.equal(second.data!.capitalLetterStats.execution.cached, true);
  assert.equal(second.data!.capitalLetterStats.totalCapitals, 41);
  const fresh = await gql<Stats>(STATS, { strategy: "SEQUENTIAL", fresh: true });
  assert.equal(fresh.data!.capitalLetterStats.execution.cached, false);
  const filtered = await gql<Stats>(STATS, { strategy: "SEQUENTIAL", filter: { ids: [1] } });
  assert.equal(filtered.data!.capitalLetterStats.execution.cached, false);
});

test("perEmail pages with cursors; out-of-range arguments are BAD_USER_INPUT", async (t) => {
  const { gql } = await startTestApp(t);
  const PAGE = `query($after: String) { capitalLetterStats(strategy: SEQUENTIAL) { perEmail(first: 4, after: $after) {
    edges { cursor node { emailId } } pageInfo { hasNextPage endCursor } } } }`;
  type P = {
    capitalLetterStats: {
      perEmail: {
        edges: { node: { emailId: number } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
  };
  const p1 = (await gql<P>(PAGE)).data!.capitalLetterStats.perEmail;
  assert.deepEqual(
    p1.edges.map((e) => e.node.emailId),
    [1, 2, 3, 4],
  );
  assert.equal(p1.pageInfo.hasNextPage, true);
  const p2 = (await gql<P>(PAGE, { after: p1.pageInfo.endCursor })).data!.capitalLetterStats
    .perEmail;
  assert.deepEqual(
    p2.edges.map((e) => e.node.emailId),
    [5, 7, 9],
  );
  assert.equal(p2.pageInfo.hasNextPage, false);

  const cases: [string, string][] = [
    [
      "{ capitalLetterStats(workers: 0) { emailCount } }",
      "workers must be between 1 and 64 (got 0)",
    ],
    [
      "{ capitalLetterStats(chunkSize: 0) { emailCount } }",
      "chunkSize must be between 1 and 1000000 (got 0)",
    ],
    [
      "{ capitalLetterStats(chunkSize: -5) { emailCount } }",
      "chunkSize must be between 1 and 1000000 (got -5)",
    ],
    ["{ capitalLetterStats { top(n: 0) { emailId } } }", "n must be between 1 and 1000 (got 0)"],
    [
      "{ capitalLetterStats { histogram(buckets: 1001) { count } } }",
      "buckets must be between 1 and 1000 (got 1001)",
    ],
    [
      "{ capitalLetterStats { perEmail(first: 5000) { totalCount } } }",
      "first must be between 1 and 1000 (got 5000)",
    ],
  ];
  for (const [query, message] of cases) {
    const res = await gql(query);
    assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT", query);
    assert.equal(res.errors?.[0].message, message);
  }
});
