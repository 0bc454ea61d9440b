import assert from "node:assert/strict";
import { test } from "node:test";
import { WorkerCrashedError } from "../../../../src/engine/exec/pool/pool-errors";
import { WorkerPool, type WorkerType } from "../../../../src/engine/exec/pool/worker-pool";
import type { SqliteTask } from "../../../../src/engine/exec/worker/task.types";
import {
  createCorpusDb,
  EXPECTED,
  MASK,
  segment,
  SPLIT_AT,
  type CorpusDb,
} from "../worker/corpus.fixture";
import { entryArgs, TEST_WORKER_JS } from "../../../support/test-executors";
import { childPids, pidOf, waitFor } from "./processes.fixture";

const HANG_GUARD = { timeout: 30000 };

function task(db: CorpusDb): SqliteTask {
  return {
    kind: "sqlite",
    version: 1,
    dbFile: db.file,
    ids: new Int32Array([2, 2]),
    starts: new Float64Array([0, SPLIT_AT]),
    ends: new Float64Array([SPLIT_AT, 19]),
    mask: MASK,
  };
}

function onePool(type: WorkerType, maxOldGenerationMb = 64): WorkerPool {
  return new WorkerPool({
    type,
    minWorkers: 1,
    maxWorkers: 1,
    maxOldGenerationMb,
    script: TEST_WORKER_JS,
    scriptArgs: entryArgs(),
  });
}

test("process worker killed with SIGKILL", HANG_GUARD, async (t) => {
  let db: CorpusDb;
  let pool: WorkerPool;
  t.beforeEach(() => {
    db = createCorpusDb(1);
    pool = onePool("process");
  });
  t.afterEach(async () => {
    await pool.terminate();
    db.cleanup();
  });

  await t.test("retries a count task on a fresh worker and returns the right counts", async () => {
    const [first] = await pool.warm();
    const pending = pool.exec(task(db));
    process.kill(pidOf(first), "SIGKILL"); // the task is already dispatched to it
    const r = await pending;
    assert.deepEqual(segment(r.counts, 0), EXPECTED.email2Head);
    assert.deepEqual(segment(r.counts, 1), EXPECTED.email2Tail);
    assert.match(r.worker, /^process:\d+$/);
    assert.notEqual(r.worker, first);
  });

  await t.test("retries a long-running task killed mid-run", async () => {
    const [first] = await pool.warm();
    const pending = pool.call("sleep", [1000]);
    setTimeout(() => process.kill(pidOf(first), "SIGKILL"), 50);
    const ranOn = (await pending) as string;
    assert.notEqual(ranOn, first);
    assert.ok(childPids().includes(pidOf(ranOn)));
  });

  await t.test("fails clearly when the retry is killed too, and the pool still works", async () => {
    const [first] = await pool.warm();
    const pending = pool.call("sleep", [60000]);
    const settled = pending.then(
      () => undefined,
      (err: unknown) => err,
    );
    process.kill(pidOf(first), "SIGKILL");
    // The replacement worker holds the retry once it exists and the pool reports it busy.
    const second = await waitFor(() => {
      const s = pool.stats();
      const fresh = childPids().filter((pid) => pid !== pidOf(first));
      return fresh.length === 1 && s.totalWorkers === 1 && s.busyWorkers === 1
        ? fresh[0]
        : undefined;
    }, "the retry to start on a new worker");
    process.kill(second, "SIGKILL");
    const err = await settled;
    assert.ok(err instanceof WorkerCrashedError, String(err));
    assert.equal(err.workerType, "process");
    assert.equal(err.attempts, 2);
    assert.match(err.message, /killed by SIGKILL/);
    const r = await pool.exec(task(db));
    assert.deepEqual(segment(r.counts, 0), EXPECTED.email2Head);
    assert.ok(![pidOf(first), second].includes(pidOf(r.worker)));
  });
});

for (const type of ["thread", "process"] as WorkerType[]) {
  test(`${type} worker over its heap limit`, HANG_GUARD, async (t) => {
    let db: CorpusDb;
    let pool: WorkerPool;
    t.beforeEach(() => {
      db = createCorpusDb(1);
      pool = onePool(type, 32);
    });
    t.afterEach(async () => {
      await pool.terminate();
      db.cleanup();
    });

    await t.test("survives an allocation under the limit", async () => {
      assert.equal(await pool.call("allocate", [4]), 4);
    });

    await t.test("dies, is reported as crashed, and is replaced", async () => {
      const [before] = await pool.warm();
      await assert.rejects(pool.call("allocate", [1024]), (err: unknown) => {
        assert.ok(err instanceof WorkerCrashedError);
        assert.equal(err.workerType, type);
        assert.equal(err.attempts, 2);
        assert.match(err.message, type === "thread" ? /ERR_WORKER_OUT_OF_MEMORY/ : /SIGABRT/);
        return true;
      });
      const r = await pool.exec(task(db));
      assert.deepEqual(segment(r.counts, 1), EXPECTED.email2Tail);
      assert.notEqual(r.worker, before);
      assert.equal(pool.stats().totalWorkers, 1);
    });
  });
}
