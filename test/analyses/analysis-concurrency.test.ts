import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "../support/test-app";
import {
  assertNoLockActivity,
  generatedCsv,
  getLocks,
  HANG_MS,
  METRIC_NAMES,
  oracleTotals,
  pythonCounts,
  startRun,
  waitForAllEnded,
  type Metric,
} from "./analysis-test-support";

const STRATEGIES = ["SEQUENTIAL", "THREADS", "PROCESSES", "AUTO"];
const METRIC_SETS: Metric[][] = [
  ["CAPITALS"],
  ["CAPITALS", "WORDS", "LINES"],
  ["LOWERCASE", "DIGITS", "WHITESPACE", "CHARACTERS"],
];
const EMAILS = 300;

interface Spec {
  strategy: string;
  metrics: Metric[];
  from: number;
  to: number;
  chunkSize: number | null;
}

/** Overlapping id ranges of varied length; every 8th run takes the whole corpus (no filter). */
function specs(): Spec[] {
  return Array.from({ length: 40 }, (_, i) => {
    const whole = i % 8 === 7;
    const from = whole ? 1 : 1 + ((i * 37) % 250);
    const to = whole ? EMAILS : Math.min(EMAILS, from + 10 + ((i * 53) % 200));
    return {
      strategy: STRATEGIES[i % STRATEGIES.length],
      metrics: METRIC_SETS[i % METRIC_SETS.length],
      from,
      to,
      chunkSize: i % 5 === 0 ? 7 : null,
    };
  });
}

test(
  "40 concurrent runs with mixed strategies over overlapping ranges all complete with Python's totals, and leave no lock held or awaited",
  { timeout: HANG_MS },
  async (t) => {
    const app = await startTestApp(t, {
      csv: await generatedCsv(EMAILS, 7),
      env: { MAX_CONCURRENT_ANALYSES: "4" },
    });
    const oracle = pythonCounts(app.app.config.databaseFile);
    assert.equal(oracle.size, EMAILS);
    const plan = specs();

    const started = await Promise.all(
      plan.map((s) =>
        startRun(app, {
          strategy: s.strategy,
          metrics: s.metrics,
          chunkSize: s.chunkSize,
          filter: s.from === 1 && s.to === EMAILS ? null : { idFrom: s.from, idTo: s.to },
        }),
      ),
    );
    // startAnalysis returns before any work: the run it hands back is still PENDING.
    assert.deepEqual(
      started.map((r) => r.status),
      plan.map(() => "PENDING"),
    );
    assert.equal(new Set(started.map((r) => r.id)).size, plan.length);

    const ended = await waitForAllEnded(
      app,
      started.map((r) => r.id),
    );
    plan.forEach((s, i) => {
      const run = ended.get(started[i].id)!;
      const label = `run ${run.id} (${s.strategy}, ids ${s.from}..${s.to}, ${s.metrics})`;
      assert.equal(run.status, "COMPLETED", `${label}: ${run.error}`);
      assert.equal(run.error, null, label);
      assert.equal(run.progress, 1, label);
      assert.equal(run.emailCount, s.to - s.from + 1, label);
      assert.equal(run.emailsDone, run.emailCount, label);
      assert.equal(run.corpusVersion, 1, label);
      const expected = oracleTotals(oracle, s.from, s.to);
      const ordered = METRIC_NAMES.filter((m) => s.metrics.includes(m));
      assert.deepEqual(
        run.totals.map((x) => [x.metric, x.total]),
        ordered.map((m) => [m, expected[m]]),
        label,
      );
      assert.equal(
        run.totalCapitals,
        s.metrics.includes("CAPITALS") ? expected.CAPITALS : null,
        label,
      );
      assert.ok(run.execution, label);
      assert.equal(run.execution.emails, s.to - s.from + 1, label);
      if (s.strategy !== "AUTO") assert.equal(run.execution.strategy, s.strategy, label);
    });

    const locks = await getLocks(app);
    // Per-run locks vanish once idle; only the registered ones remain, all free.
    assert.deepEqual(
      locks.map((l) => l.name),
      ["corpus", "analysis-runs"],
    );
    assertNoLockActivity(locks);
  },
);
