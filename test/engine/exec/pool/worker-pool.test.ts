import assert from "node:assert/strict";
import { test } from "node:test";
import {
  PoolQueueFullError,
  PoolTerminatedError,
  TaskAbortedError,
  TaskTimeoutError,
  WorkerCrashedError,
} from "../../../../src/engine/exec/pool/pool-errors";
import {
  WorkerPool,
  type WorkerPoolOptions,
  type WorkerType,
} from "../../../../src/engine/exec/pool/worker-pool";
import type { ResidentTask, SqliteTask } from "../../../../src/engine/exec/worker/task.types";
import { CorpusChangedError } from "../../../../src/engine/errors";
import {
  createCorpusDb,
  EXPECTED,
  residentTaskOf,
  segment,
  SPLIT_AT,
  sqliteTaskOf,
  type CorpusDb,
} from "../worker/corpus.fixture";
import { entryArgs, TEST_WORKER_JS } from "../../../support/test-executors";
import { childPids } from "./processes.fixture";

const HANG_GUARD = { timeout: 30000 };
/** The test worker entry: the production worker plus fault methods (sleep, exit, allocate). */
const TEST_ENTRY = { script: TEST_WORKER_JS, scriptArgs: entryArgs() };

// Email 2 split next to its astral capital, out of id order, so layout and ordering both matter.
function residentTask(): ResidentTask {
  return residentTaskOf([[2, 0, SPLIT_AT], [1], [2, SPLIT_AT]]);
}

function sqliteTask(db: CorpusDb, version = 1): SqliteTask {
  return sqliteTaskOf(db, [[2, SPLIT_AT], [3], [2, 0, SPLIT_AT], [1]], { version });
}

function assertResidentCounts(counts: Float64Array): void {
  assert.deepEqual(segment(counts, 0), EXPECTED.email2Head);
  assert.deepEqual(segment(counts, 1), EXPECTED.email1);
  assert.deepEqual(segment(counts, 2), EXPECTED.email2Tail);
}

for (const type of ["thread", "process"] as WorkerType[]) {
  test(`WorkerPool (${type})`, HANG_GUARD, async (t) => {
    let pool: WorkerPool;
    let db: CorpusDb;
    let warmIds: string[];

    t.before(async () => {
      db = createCorpusDb(1);
      pool = new WorkerPool({
        type,
        minWorkers: 2,
        maxWorkers: 2,
        maxOldGenerationMb: 64,
        ...TEST_ENTRY,
      });
      warmIds = await pool.warm();
    });
    t.after(async () => {
      await pool.terminate();
      db.cleanup();
    });

    await t.test("warms minWorkers distinct workers of its type", () => {
      assert.equal(warmIds.length, 2);
      assert.equal(new Set(warmIds).size, 2);
      for (const id of warmIds)
        assert.match(id, type === "thread" ? /^thread:\d+$/ : /^process:\d+$/);
      if (type === "process") {
        const children = childPids();
        for (const id of warmIds) assert.ok(children.includes(Number(id.split(":")[1])), id);
      }
      assert.deepEqual(pool.stats(), {
        type,
        totalWorkers: 2,
        busyWorkers: 0,
        idleWorkers: 2,
        pendingTasks: 0,
      });
    });

    await t.test("counts a resident task, split next to an astral capital", async () => {
      const r = await pool.exec(residentTask());
      assertResidentCounts(r.counts);
      assert.ok(r.counts instanceof Float64Array && r.edges instanceof Uint8Array);
      assert.ok(warmIds.includes(r.worker), r.worker);
    });

    await t.test("counts a sqlite task read by the worker itself", async () => {
      const r = await pool.exec(sqliteTask(db));
      assert.deepEqual(segment(r.counts, 0), EXPECTED.email2Tail);
      assert.deepEqual(segment(r.counts, 1), EXPECTED.email3);
      assert.deepEqual(segment(r.counts, 2), EXPECTED.email2Head);
      assert.deepEqual(segment(r.counts, 3), EXPECTED.email1);
      assert.ok(warmIds.includes(r.worker), r.worker);
    });

    await t.test("rejects with CorpusChangedError when the version moved", async () => {
      await assert.rejects(pool.exec(sqliteTask(db, 7)), (err: unknown) => {
        assert.ok(err instanceof CorpusChangedError);
        assert.equal(err.code, "CORPUS_CHANGED");
        assert.equal(err.expectedVersion, 7);
        assert.equal(err.actualVersion, 1);
        return true;
      });
    });

    await t.test(
      "passes a task's own error through without retrying or losing the worker",
      async () => {
        const bad = residentTask();
        bad.ends[0] += 1; // now ends one byte into the 4-byte 𝐀
        await assert.rejects(pool.exec(bad), /cuts through a UTF-8 code point/);
        assert.equal(pool.stats().totalWorkers, 2);
        const ids = await pool.warm();
        assert.deepEqual(new Set(ids), new Set(warmIds));
      },
    );

    await t.test("times a task out, replaces the stuck worker, and keeps working", async () => {
      await assert.rejects(pool.call("sleep", [60000], { timeoutMs: 50 }), (err: unknown) => {
        assert.ok(err instanceof TaskTimeoutError);
        assert.equal(err.timeoutMs, 50);
        return true;
      });
      const r = await pool.exec(residentTask());
      assertResidentCounts(r.counts);
      await waitForTwoIdle(pool);
    });

    await t.test("cancels on abort, before and during the task", async () => {
      const controller = new AbortController();
      const running = pool.call("sleep", [60000], { signal: controller.signal });
      setTimeout(() => controller.abort(new Error("client went away")), 20);
      await assert.rejects(running, (err: unknown) => {
        assert.ok(err instanceof TaskAbortedError);
        assert.match(err.message, /client went away/);
        return true;
      });
      await assert.rejects(
        pool.exec(residentTask(), { signal: controller.signal }),
        TaskAbortedError,
      );
      assertResidentCounts((await pool.exec(residentTask())).counts);
      await waitForTwoIdle(pool);
    });

    await t.test("retries once when the worker dies, then reports WorkerCrashedError", async () => {
      // exit kills whichever worker runs it, so both attempts die.
      await assert.rejects(pool.call("exit", [3]), (err: unknown) => {
        assert.ok(err instanceof WorkerCrashedError);
        assert.equal(err.workerType, type);
        assert.equal(err.attempts, 2);
        assert.match(err.message, /exited with code 3/);
        return true;
      });
      assertResidentCounts((await pool.exec(residentTask())).counts);
      await waitForTwoIdle(pool);
    });
  });
}

test("WorkerPool options and lifecycle", HANG_GUARD, async (t) => {
  // Terminated even when an assertion fails midway: a live worker would keep the test
  // process running forever.
  const pools: WorkerPool[] = [];
  const newPool = (options: Omit<WorkerPoolOptions, "maxOldGenerationMb">): WorkerPool => {
    const pool = new WorkerPool({ maxOldGenerationMb: 64, ...options });
    pools.push(pool);
    return pool;
  };
  t.afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.terminate()));
  });

  await t.test("rejects bad options with a clear message", () => {
    const base = { type: "thread" as const, minWorkers: 0, maxWorkers: 1, maxOldGenerationMb: 64 };
    assert.throws(
      () => new WorkerPool({ ...base, type: "fiber" as WorkerType }),
      /"thread" or "process", got "fiber"/,
    );
    assert.throws(
      () => new WorkerPool({ ...base, maxWorkers: 0 }),
      /maxWorkers must be an integer >= 1/,
    );
    assert.throws(
      () => new WorkerPool({ ...base, minWorkers: 2 }),
      /maxWorkers must be an integer >= 2/,
    );
    assert.throws(() => new WorkerPool({ ...base, maxOldGenerationMb: 1.5 }), /maxOldGenerationMb/);
  });

  await t.test(
    "runs no fault methods on the production worker, and no work after terminate",
    async () => {
      const pool = newPool({ type: "thread", minWorkers: 0, maxWorkers: 1 });
      await assert.rejects(pool.call("sleep", [1]), /Unknown method "sleep"/);
      await pool.terminate();
      await assert.rejects(pool.exec(residentTask()), /terminated/);
    },
  );

  await t.test("rejects a running task when terminated instead of hanging", async () => {
    const pool = newPool({ type: "process", minWorkers: 1, maxWorkers: 1, ...TEST_ENTRY });
    await pool.warm();
    const outcome = assert.rejects(pool.call("sleep", [60000]), PoolTerminatedError);
    await pool.terminate();
    await outcome;
  });

  await t.test("sheds load with PoolQueueFullError beyond maxQueueSize", async () => {
    const pool = newPool({
      type: "thread",
      minWorkers: 1,
      maxWorkers: 1,
      maxQueueSize: 1,
      ...TEST_ENTRY,
    });
    await pool.warm();
    const running = assert.rejects(pool.call("sleep", [60000]), PoolTerminatedError);
    const queued = assert.rejects(pool.exec(residentTask()), PoolTerminatedError);
    await assert.rejects(pool.exec(residentTask()), (err: unknown) => {
      assert.ok(err instanceof PoolQueueFullError);
      assert.match(err.message, /queue is full \(maxQueueSize 1\)/);
      return true;
    });
    await pool.terminate();
    await Promise.all([running, queued]);
  });

  await t.test("leaves no child process behind after terminate", async () => {
    const pool = newPool({ type: "process", minWorkers: 2, maxWorkers: 2 });
    const ids = await pool.warm();
    const pids = ids.map((id) => Number(id.split(":")[1]));
    await pool.terminate();
    const alive = childPids().filter((pid) => pids.includes(pid));
    assert.deepEqual(alive, []);
  });
});

/** The replacement of a killed worker happens in the background; wait for it to settle. */
async function waitForTwoIdle(pool: WorkerPool): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const s = pool.stats();
    if (s.totalWorkers === 2 && s.idleWorkers === 2) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`pool did not return to 2 idle workers: ${JSON.stringify(pool.stats())}`);
}
