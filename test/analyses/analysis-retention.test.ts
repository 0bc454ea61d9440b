import assert from "node:assert/strict";
import { test } from "node:test";
import { RUNS_TABLE_LOCK } from "../../src/locks/app-locks";
import { FIXTURE } from "../support/fixture-corpus";
import { holdCorpus, startTestApp, type TestApp } from "../support/test-app";
import { HANG_MS, waitFor, waitForEnd } from "./analysis-test-support";

const count = (app: TestApp, sql: string, ...params: unknown[]): number =>
  app.app.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

async function completedRun(app: TestApp): Promise<string> {
  const res = await app.gql<{ startAnalysis: { id: string } }>(
    "mutation { startAnalysis(input: {}) { id } }",
  );
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const id = res.data!.startAnalysis.id;
  assert.equal((await waitForEnd(app, id)).status, "COMPLETED");
  return id;
}

async function metric(app: TestApp, line: RegExp): Promise<number> {
  const text = (await app.http.get("/metrics")).text;
  const m = new RegExp(`^${line.source} (\\d+)$`, "m").exec(text);
  assert.ok(m, `${line.source} in /metrics`);
  return Number(m[1]);
}

test(
  "deleteAnalysis removes a run and its results, under the lock manager; an active run is cancelled first",
  { timeout: HANG_MS },
  async (t) => {
    const app = await startTestApp(t, { env: { ANALYSIS_RETENTION_RUNS: "0" } });
    const id = await completedRun(app);
    assert.equal(
      count(app, "SELECT count(*) FROM AnalysisResult WHERE runId = ?", id),
      FIXTURE.length,
    );

    // While another section holds the runs table exclusively, the delete waits for it.
    let release!: () => void;
    const held = app.app.locks.withLocks(
      "test",
      [{ name: RUNS_TABLE_LOCK, mode: "exclusive" }],
      () => new Promise<void>((r) => (release = r)),
    );
    const deleting = app.gql<{ deleteAnalysis: { id: string; results: number } }>(
      `mutation { deleteAnalysis(id: "${id}") { id results } }`,
    );
    await waitFor("the delete to queue for the runs table", async () =>
      app.app.locks
        .snapshot()
        .some(
          (l) =>
            l.name === RUNS_TABLE_LOCK && l.waiters.some((w) => w.holder.startsWith("delete:")),
        ),
    );
    assert.equal(count(app, "SELECT count(*) FROM AnalysisRun WHERE id = ?", id), 1);
    release();
    await held;
    assert.deepEqual((await deleting).data, { deleteAnalysis: { id, results: FIXTURE.length } });
    assert.equal(count(app, "SELECT count(*) FROM AnalysisRun WHERE id = ?", id), 0);
    assert.equal(count(app, "SELECT count(*) FROM AnalysisResult WHERE runId = ?", id), 0);
    const again = await app.gql(`mutation { deleteAnalysis(id: "${id}") { id } }`);
    assert.equal(again.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.deepEqual((await app.gql(`{ analysisRun(id: "${id}") { id } }`)).data, {
      analysisRun: null,
    });

    // An active run (held PENDING behind the corpus) is cancelled, then deleted.
    const corpus = holdCorpus(app, "test");
    const pending = await app.gql<{ startAnalysis: { id: string } }>(
      "mutation { startAnalysis(input: {}) { id } }",
    );
    const pid = pending.data!.startAnalysis.id;
    const gone = await app.gql(`mutation { deleteAnalysis(id: "${pid}") { id results } }`);
    assert.deepEqual(gone.data, { deleteAnalysis: { id: pid, results: 0 } });
    assert.equal(count(app, "SELECT count(*) FROM AnalysisRun"), 0);
    corpus.release();
    await corpus.held;
    assert.equal(await metric(app, /capstats_analysis_runs_deleted_total\{reason="request"\}/), 2);
  },
);

test(
  "ANALYSIS_RETENTION_RUNS keeps the newest ended runs; the rest go with their results; /metrics counts them",
  { timeout: HANG_MS },
  async (t) => {
    const app = await startTestApp(t, { env: { ANALYSIS_RETENTION_RUNS: "3" } });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await completedRun(app));
    const kept = await waitFor("retention to delete the two oldest runs", async () => {
      const left = app.app.db
        .prepare("SELECT id FROM AnalysisRun ORDER BY id")
        .pluck()
        .all() as number[];
      return left.length === 3 ? left : null;
    });
    assert.deepEqual(kept.map(String), ids.slice(2));
    assert.equal(count(app, "SELECT count(*) FROM AnalysisResult"), 3 * FIXTURE.length);
    assert.equal(
      await metric(app, /capstats_analysis_runs_deleted_total\{reason="retention"\}/),
      2,
    );
    assert.equal(await metric(app, /capstats_analysis_runs\{status="COMPLETED"\}/), 3);
    assert.equal(await metric(app, /capstats_analysis_result_rows/), 3 * FIXTURE.length);
  },
);

test(
  "ANALYSIS_RETENTION_DAYS deletes ended runs older than that, never active ones",
  { timeout: HANG_MS },
  async (t) => {
    const app = await startTestApp(t, {
      env: { ANALYSIS_RETENTION_RUNS: "0", ANALYSIS_RETENTION_DAYS: "7" },
    });
    const old = await completedRun(app);
    const recent = await completedRun(app);
    // Age the first run: it ended eight days ago.
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000)
      .toISOString()
      .replace("Z", "+00:00");
    app.app.db.prepare("UPDATE AnalysisRun SET finishedAt = ? WHERE id = ?").run(eightDaysAgo, old);
    assert.equal(await app.app.analyses.retention.sweep(), 1);
    const left = app.app.db
      .prepare("SELECT id FROM AnalysisRun ORDER BY id")
      .pluck()
      .all() as number[];
    assert.deepEqual(left.map(String), [recent]);
    assert.equal(count(app, "SELECT count(*) FROM AnalysisResult WHERE runId = ?", old), 0);
  },
);
