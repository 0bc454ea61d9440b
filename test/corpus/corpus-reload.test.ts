import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { holdCorpus, startTestApp } from "../support/test-app";
import { testWorkers } from "../support/test-executors";
import {
  assertNoLockActivity,
  generatedCsv,
  getLocks,
  gqlOk,
  HANG_MS,
  oracleTotals,
  pythonCounts,
  waitFor,
} from "../analyses/analysis-test-support";

const STATS = `query($strategy: ExecutionStrategy) {
  capitalLetterStats(strategy: $strategy, fresh: true) { totalCapitals execution { corpusVersion } }
}`;
interface Stats {
  capitalLetterStats: { totalCapitals: number; execution: { corpusVersion: number } };
}

test(
  "stats queries share the corpus with each other and wait for a reload, which waits for them",
  { timeout: HANG_MS },
  async (t) => {
    const app = await startTestApp(t, {
      csv: await generatedCsv(80, 21),
      executors: testWorkers({ taskDelayMs: 500 }),
    });
    const dbFile = app.app.config.databaseFile;
    const before = oracleTotals(pythonCounts(dbFile), 1, 80).CAPITALS;
    const next = path.join(app.dir, "next.csv");
    fs.writeFileSync(next, await generatedCsv(80, 22));

    // A slow query holds the corpus shared; the reload queues behind it.
    const slow = gqlOk<Stats>(app, STATS, { strategy: "THREADS" });
    await waitFor("the query to hold the corpus", async () => {
      const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
      return corpus.holders.some((h) => /^query:\d+$/.test(h));
    });
    const reload = app.app.reload.reload(next);
    // A query arriving now queues behind the reload instead of joining the shared holders.
    const late = gqlOk<Stats>(app, STATS, { strategy: "SEQUENTIAL" });
    const corpus = await waitFor("the reload and the late query to queue", async () => {
      const c = (await getLocks(app)).find((l) => l.name === "corpus")!;
      return c.waiting.length === 2 ? c : null;
    });
    assert.equal(corpus.mode, "SHARED");
    assert.match(corpus.waiting[0], /^reload:\d+$/);
    assert.match(corpus.waiting[1], /^query:\d+$/);

    const old = (await slow).capitalLetterStats;
    assert.deepEqual(old, { totalCapitals: before, execution: { corpusVersion: 1 } });
    const summary = await reload;
    assert.equal(summary.version, 2);
    const after = oracleTotals(pythonCounts(dbFile), 1, 80).CAPITALS;
    assert.notEqual(after, before);
    assert.deepEqual((await late).capitalLetterStats, {
      totalCapitals: after,
      execution: { corpusVersion: 2 },
    });
    assertNoLockActivity(await getLocks(app));
  },
);

test("a failed reload releases the corpus and keeps the loaded corpus", async (t) => {
  const app = await startTestApp(t);
  const bad = path.join(app.dir, "missing.csv");
  await assert.rejects(app.app.reload.reload(bad), /file not found/);
  assertNoLockActivity(await getLocks(app));
  const stats = await gqlOk<Stats>(app, STATS, { strategy: "SEQUENTIAL" });
  assert.equal(stats.capitalLetterStats.execution.corpusVersion, 1);
});

test("a stats query that cannot get the corpus within its timeout fails with LOCK_TIMEOUT", async (t) => {
  const app = await startTestApp(t, { env: { QUERY_TIMEOUT_MS: "150" } });
  const { release, held } = holdCorpus(app, "maintenance");
  const res = await app.gql(STATS, { strategy: "SEQUENTIAL" });
  assert.equal(res.errors?.[0].extensions?.code, "LOCK_TIMEOUT");
  assert.match(
    res.errors![0].message,
    /^timed out after 150 ms waiting for lock "corpus" \(shared\), held by maintenance \(exclusive\)$/,
  );
  release();
  await held;
  assertNoLockActivity(await getLocks(app));
  const ok = await gqlOk<Stats>(app, STATS, { strategy: "SEQUENTIAL" });
  assert.equal(ok.capitalLetterStats.execution.corpusVersion, 1);
});
