import assert from "node:assert/strict";
import { test } from "node:test";
import { holdCorpus, startTestApp, type TestApp } from "../support/test-app";
import { testWorkers } from "../support/test-executors";
import {
  assertNoLockActivity,
  generatedCsv,
  getLocks,
  getRun,
  HANG_MS,
  RUN_FIELDS,
  startRun,
  waitFor,
  waitForEnd,
  type RunView,
} from "./analysis-test-support";

const SLOW = testWorkers({ taskDelayMs: 100 });

async function cancel(app: TestApp, id: string) {
  return app.gql<{ cancelAnalysis: RunView }>(
    `mutation($id: ID!) { cancelAnalysis(id: $id) { ${RUN_FIELDS} } }`,
    { id },
  );
}

function resultCount(app: TestApp, id: string): number {
  return app.app.db
    .prepare(`SELECT count(*) FROM AnalysisResult WHERE runId = ?`)
    .pluck()
    .get(Number(id)) as number;
}

for (const strategy of ["THREADS", "PROCESSES"]) {
  test(
    `cancelling a RUNNING ${strategy} run releases its locks and keeps no results`,
    { timeout: HANG_MS },
    async (t) => {
      const app = await startTestApp(t, { csv: await generatedCsv(60, 5), executors: SLOW });
      const run = await startRun(app, { strategy, chunkSize: 1, workers: 1 });
      await waitFor("the run to be RUNNING with the corpus held", async () => {
        const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
        const { status, emailsDone } = await getRun(app, run.id);
        return corpus.holder === `run:${run.id}` && status === "RUNNING" && emailsDone > 0;
      });
      const res = await cancel(app, run.id);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const cancelled = res.data!.cancelAnalysis;
      // cancelAnalysis answers once the outcome is recorded, not before.
      assert.equal(cancelled.status, "CANCELLED");
      assert.equal(cancelled.error, "cancelled by cancelAnalysis");
      assert.ok(cancelled.emailsDone < 60, `emailsDone ${cancelled.emailsDone}`);
      assert.equal(resultCount(app, run.id), 0);
      assertNoLockActivity(await getLocks(app));
      // The corpus is free for the next run at once.
      const next = await startRun(app, { strategy: "SEQUENTIAL" });
      assert.equal((await waitForEnd(app, next.id)).status, "COMPLETED");
    },
  );
}

test(
  "cancelling a run that waits for the corpus lock takes it out of the queue",
  { timeout: HANG_MS },
  async (t) => {
    const app = await startTestApp(t);
    const { release, held } = holdCorpus(app, "maintenance");
    const run = await startRun(app, {});
    const queued = await waitFor("the run to queue for the corpus", async () => {
      const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
      return corpus.waiting.length === 1 ? corpus : null;
    });
    assert.deepEqual([queued.holder, queued.waiting], ["maintenance", [`run:${run.id}`]]);
    assert.equal((await getRun(app, run.id)).status, "PENDING");

    const res = await cancel(app, run.id);
    assert.equal(res.data?.cancelAnalysis.status, "CANCELLED");
    const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
    assert.deepEqual([corpus.holder, corpus.waiting], ["maintenance", []]);
    release();
    await held;
    assertNoLockActivity(await getLocks(app));
    assert.equal((await getRun(app, run.id)).startedAt, null);
  },
);

test(
  "cancelling a run queued for an analysis slot ends it CANCELLED",
  { timeout: HANG_MS },
  async (t) => {
    const app = await startTestApp(t, { env: { MAX_CONCURRENT_ANALYSES: "1" }, executors: SLOW });
    const busy = await startRun(app, { strategy: "THREADS", chunkSize: 1, workers: 1 });
    const queued = await startRun(app, { strategy: "THREADS" });
    await waitFor("the first run to hold the corpus", async () => {
      const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
      return corpus.holder === `run:${busy.id}`;
    });
    // Waiting for a slot, not a lock: slots are taken before locks and never while holding one.
    const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
    assert.deepEqual(corpus.waiting, []);
    assert.equal((await cancel(app, queued.id)).data?.cancelAnalysis.status, "CANCELLED");
    assert.equal((await waitForEnd(app, busy.id)).status, "COMPLETED");
    assertNoLockActivity(await getLocks(app));
  },
);

test("cancelAnalysis: NOT_FOUND for an unknown run, BAD_USER_INPUT for a malformed id, no change to an ended run", async (t) => {
  const app = await startTestApp(t);
  const unknown = await cancel(app, "424242");
  assert.equal(unknown.errors?.[0].extensions?.code, "NOT_FOUND");
  assert.equal(unknown.errors?.[0].message, "no analysis run with id 424242");
  for (const id of ["abc", "0", "-1", "1.5", ""]) {
    const bad = await cancel(app, id);
    assert.equal(bad.errors?.[0].extensions?.code, "BAD_USER_INPUT", id);
    assert.match(bad.errors![0].message, /id must be an analysis run id/, id);
  }
  const run = await startRun(app, { strategy: "SEQUENTIAL" });
  const done = await waitForEnd(app, run.id);
  assert.equal(done.status, "COMPLETED");
  const again = await cancel(app, run.id);
  assert.deepEqual(again.data?.cancelAnalysis, done);
});

test("a run that cannot get the corpus within LOCK_TIMEOUT_MS ends FAILED, naming the lock and its holder", async (t) => {
  const app = await startTestApp(t, { env: { LOCK_TIMEOUT_MS: "150" } });
  const { release, held } = holdCorpus(app, "maintenance");
  const run = await startRun(app, {});
  const ended = await waitForEnd(app, run.id);
  assert.equal(ended.status, "FAILED");
  assert.equal(
    ended.error,
    'timed out after 150 ms waiting for lock "corpus" (shared), held by maintenance (exclusive)',
  );
  // The timeout released everything the run had; only the test's own hold remains.
  const corpus = (await getLocks(app)).find((l) => l.name === "corpus")!;
  assert.deepEqual([corpus.holders, corpus.waiting], [["maintenance"], []]);
  release();
  await held;
  assertNoLockActivity(await getLocks(app));
});
