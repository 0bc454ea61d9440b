import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import pino from "pino";
import { createApp } from "../../src/app";
import { loadConfig } from "../../src/config";
import { applyMigrations } from "../../src/db/migrate";
import { openSqlite, type Sqlite } from "../../src/db/sqlite";
import { startTestApp } from "../support/test-app";
import { testWorkers } from "../support/test-executors";
import { tempDir } from "../support/temp-dir";
import { assertNoLockActivity, getLocks, startRun, waitFor } from "./analysis-test-support";

const INSERT_RUN = `INSERT INTO AnalysisRun (id, status, metricsMask, strategy, emailsDone, createdAt)
  VALUES (?, ?, 1, 'AUTO', 0, '2026-01-01T00:00:00.000+00:00')`;
const INSERT_RESULT = `INSERT INTO AnalysisResult (runId, emailId, capitals) VALUES (?, ?, 5)`;

function runRow(
  db: Sqlite,
  id: number,
): { status: string; error: string | null; finishedAt: string | null } {
  return db
    .prepare(`SELECT status, error, finishedAt FROM AnalysisRun WHERE id = ?`)
    .get(id) as never;
}

function resultCount(db: Sqlite, id: number): number {
  return db
    .prepare(`SELECT count(*) FROM AnalysisResult WHERE runId = ?`)
    .pluck()
    .get(id) as number;
}

test("runs a killed server left RUNNING or PENDING are FAILED at the next start, with their partial results gone", async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, "test.db");
  const db = openSqlite(file);
  applyMigrations(db);
  db.prepare(INSERT_RUN).run(1, "RUNNING");
  db.prepare(INSERT_RUN).run(2, "PENDING");
  db.prepare(INSERT_RUN).run(3, "COMPLETED");
  db.prepare(INSERT_RUN).run(4, "CANCELLED");
  for (const [run, email] of [
    [1, 1],
    [1, 2],
    [3, 1],
  ])
    db.prepare(INSERT_RESULT).run(run, email);
  db.close();

  const app = await createApp(
    loadConfig({ DATABASE_URL: `file:${file}`, POOL_SIZE: "1", SEED_ON_START: "false" }),
    { logger: pino({ level: "silent" }) },
  );
  t.after(() => app.close());
  for (const id of [1, 2]) {
    const row = runRow(app.db, id);
    assert.equal(row.status, "FAILED", `run ${id}`);
    assert.equal(row.error, "server stopped during the run", `run ${id}`);
    assert.ok(row.finishedAt, `run ${id}`);
  }
  assert.equal(resultCount(app.db, 1), 0);
  // Runs that had ended are left exactly as they were.
  assert.deepEqual(runRow(app.db, 3), { status: "COMPLETED", error: null, finishedAt: null });
  assert.deepEqual(runRow(app.db, 4), { status: "CANCELLED", error: null, finishedAt: null });
  assert.equal(resultCount(app.db, 3), 1);
});

test("a graceful shutdown ends a running analysis FAILED, keeping none of its results", async (t) => {
  const app = await startTestApp(t, {
    executors: testWorkers({ taskDelayMs: 200 }),
  });
  const run = await startRun(app, { strategy: "THREADS", chunkSize: 1, workers: 1 });
  await waitFor("the run to hold the corpus", async () => {
    const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
    return corpus.holder === `run:${run.id}`;
  });
  await app.app.close();
  const db = openSqlite(app.app.config.databaseFile);
  t.after(() => db.close());
  const row = runRow(db, Number(run.id));
  assert.equal(row.status, "FAILED");
  assert.equal(row.error, "server stopped during the run");
  assert.equal(resultCount(db, Number(run.id)), 0);
  assertNoLockActivity(app.app.locks.snapshot().map((l) => ({ ...l, heldForMs: l.heldForMs })));
});
