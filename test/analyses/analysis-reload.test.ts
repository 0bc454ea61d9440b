import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { startTestApp } from "../support/test-app";
import { testWorkers } from "../support/test-executors";
import {
  allResults,
  assertNoLockActivity,
  generatedCsv,
  getLocks,
  getRun,
  HANG_MS,
  METRIC_NAMES,
  oracleTotals,
  pythonCounts,
  RESULT_FIELDS,
  startRun,
  waitFor,
  waitForAllEnded,
} from "./analysis-test-support";

const EMAILS = 200;
const RANGES = [
  [1, 120],
  [60, 200],
  [1, 200],
  [30, 90],
];
// Slow worker tasks keep the first runs inside their corpus section while the reload arrives.
const ENV = { MAX_CONCURRENT_ANALYSES: "8" };
const SLOW = testWorkers({ taskDelayMs: 40 });

test(
  "a reload waits for the runs reading the corpus, later runs wait for the reload, and no run mixes two corpora",
  { timeout: HANG_MS },
  async (t) => {
    const app = await startTestApp(t, {
      csv: await generatedCsv(EMAILS, 11),
      env: ENV,
      executors: SLOW,
    });
    const dbFile = app.app.config.databaseFile;
    const before = pythonCounts(dbFile);
    const nextCsv = path.join(app.dir, "next.csv");
    fs.writeFileSync(nextCsv, await generatedCsv(EMAILS, 12));

    const input = ([from, to]: number[], i: number) => ({
      strategy: i % 2 === 0 ? "THREADS" : "PROCESSES",
      metrics: ["CAPITALS", "WORDS"],
      filter: { idFrom: from, idTo: to },
    });
    const first = await Promise.all(RANGES.map((r, i) => startRun(app, input(r, i))));
    const firstHolders = first.map((r) => `run:${r.id}`).sort();
    await waitFor("the first runs to hold the corpus", async () => {
      const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
      return corpus.holders.length === first.length;
    });

    let reloaded = false;
    const reload = app.app.reload.reload(nextCsv).then((summary) => {
      // At the moment the reload is done, every run that held the corpus has finished.
      for (const r of first) {
        assert.equal(app.app.analyses.store.get(Number(r.id))?.status, "COMPLETED");
      }
      reloaded = true;
      return summary;
    });
    const waitingReload = await waitFor("the reload to queue for the corpus", async () => {
      const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
      return corpus.waiting.length === 1 ? corpus : null;
    });
    assert.equal(waitingReload.mode, "SHARED");
    assert.deepEqual([...waitingReload.holders].sort(), firstHolders);
    assert.match(waitingReload.waiting[0], /^reload:\d+$/);
    assert.equal(reloaded, false);

    const second = await Promise.all(RANGES.map((r, i) => startRun(app, input(r, i))));
    const queued = await waitFor("the later runs to queue behind the reload", async () => {
      const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
      return corpus.waiting.length === 1 + second.length ? corpus : null;
    });
    // FIFO with writer fairness: shared requests that arrive after a waiting exclusive one
    // queue behind it even though the corpus is held in a compatible (shared) mode.
    assert.equal(queued.waiting[0], waitingReload.waiting[0]);
    assert.deepEqual(queued.waiting.slice(1).sort(), second.map((r) => `run:${r.id}`).sort());
    for (const r of second) assert.equal((await getRun(app, r.id)).status, "PENDING");

    const summary = await reload;
    assert.equal(summary.version, 2);
    const after = pythonCounts(dbFile);
    const ended = await waitForAllEnded(
      app,
      [...first, ...second].map((r) => r.id),
    );

    for (const [batch, version, oracle] of [
      [first, 1, before],
      [second, 2, after],
    ] as const) {
      for (const [i, started] of batch.entries()) {
        const run = ended.get(started.id)!;
        const [from, to] = RANGES[i];
        const label = `run ${run.id} ids ${from}..${to}`;
        assert.equal(run.status, "COMPLETED", `${label}: ${run.error}`);
        assert.equal(run.corpusVersion, version, label);
        assert.equal(run.execution?.corpusVersion, version, label);
        const expected = oracleTotals(oracle, from, to);
        const other = oracleTotals(version === 1 ? after : before, from, to);
        // The two corpora must differ on this range, or the check below could not tell them apart.
        assert.notEqual(expected.CAPITALS, other.CAPITALS, label);
        assert.equal(run.totalCapitals, expected.CAPITALS, label);
        assert.deepEqual(
          run.totals.map((x) => x.total),
          [expected.CAPITALS, expected.WORDS],
          label,
        );
        // Per email too: every stored value comes from the run's own corpus.
        const rows = await allResults(app, run.id, 1000);
        assert.equal(rows.length, to - from + 1, label);
        for (const row of rows) {
          const values = oracle.get(row.emailId as number)!;
          const want = METRIC_NAMES.map((m, k) =>
            m === "CAPITALS" || m === "WORDS" ? values[k] : null,
          );
          assert.deepEqual(
            RESULT_FIELDS.map((f) => row[f]),
            want,
            `${label} email ${row.emailId}`,
          );
        }
      }
    }
    assertNoLockActivity(await getLocks(app));
  },
);
