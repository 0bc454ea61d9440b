import assert from "node:assert/strict";
import { test } from "node:test";
import type { WorkerPool } from "../../../src/engine/exec/pool/worker-pool";
import { WorkerCrashedError } from "../../../src/engine/exec/pool/pool-errors";
import { toEngineError } from "../../../src/engine/exec/pool/pool-error-translation";
import { engineErrorToClient } from "../../../src/errors/engine-error.mapping";
import { childPids, waitFor } from "./pool/processes.fixture";
import { startTestApp, type TestApp } from "../../support/test-app";
import { testWorkers } from "../../support/test-executors";
import { FIXTURE_CAPITALS } from "../../support/graphql-checks";

const HANG_GUARD = { timeout: 60_000 };

/** One task (chunkSize covers the corpus) on one worker, which sleeps 1.5 s before counting. */
const SLOW_PROCESSES = `{ capitalLetterStats(strategy: PROCESSES, workers: 1, chunkSize: 1000, fresh: true) {
  totalCapitals execution { strategy tasks perWorker { worker } } } }`;

interface SlowResult {
  capitalLetterStats: {
    totalCapitals: number;
    execution: { strategy: string; tasks: number; perWorker: { worker: string }[] };
  };
}

/** POOL_SIZE=1: one process worker, so the busy worker is known and its death is the fault. */
async function slowApp(t: Parameters<typeof startTestApp>[0]): Promise<TestApp> {
  return startTestApp(t, {
    env: { POOL_SIZE: "1" },
    executors: testWorkers({ taskDelayMs: 1500 }),
  });
}

/** The one process worker once it holds the task (workers are this process's only children). */
function busyWorker(app: TestApp, exclude: number[] = []): Promise<number> {
  return waitFor(() => {
    const s = app.app.executors.processes.stats();
    const fresh = childPids().filter((pid) => !exclude.includes(pid));
    return s.busyWorkers === 1 && s.totalWorkers === 1 && fresh.length === 1 ? fresh[0] : undefined;
  }, "a process worker to start the task");
}

/** The slow query on a fresh app, with the worker that took it killed by SIGKILL. */
async function killMidQuery(t: Parameters<typeof startTestApp>[0]) {
  const app = await slowApp(t);
  const pending = app.gql<SlowResult>(SLOW_PROCESSES);
  const victim = await busyWorker(app);
  process.kill(victim, "SIGKILL");
  return { app, pending, victim };
}

test(
  "kill -9 of the worker process mid-query: the retry answers correctly",
  HANG_GUARD,
  async (t) => {
    const { pending, victim } = await killMidQuery(t);
    const res = await pending;
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const stats = res.data!.capitalLetterStats;
    assert.equal(stats.totalCapitals, FIXTURE_CAPITALS);
    assert.equal(stats.execution.strategy, "PROCESSES");
    assert.deepEqual(
      stats.execution.perWorker.map((w) => w.worker),
      [`process:${childPids()[0]}`],
      "the answer came from the replacement worker",
    );
    assert.notEqual(childPids()[0], victim);
  },
);

test(
  "kill -9 of the worker and of its replacement: WORKER_FAILED, then the next query works",
  HANG_GUARD,
  async (t) => {
    const { app, pending, victim: first } = await killMidQuery(t);
    const second = await busyWorker(app, [first]);
    process.kill(second, "SIGKILL");
    const res = await pending;
    assert.equal(res.errors?.length, 1, JSON.stringify(res));
    const [err] = res.errors!;
    assert.equal(err.extensions?.code, "WORKER_FAILED");
    assert.match(
      err.message,
      /^PROCESSES: a process worker died while running the task \(killed by SIGKILL\); gave up after 2 attempts; the pool has replaced the worker, retry the query$/,
    );
    const next = await app.gql<SlowResult>(SLOW_PROCESSES);
    assert.equal(next.errors, undefined, JSON.stringify(next.errors));
    assert.equal(next.data!.capitalLetterStats.totalCapitals, FIXTURE_CAPITALS);
    assert.ok(![first, second].includes(childPids()[0]));
  },
);

test(
  "a worker thread over its heap limit: a clear WORKER_FAILED, then THREADS queries work",
  HANG_GUARD,
  async (t) => {
    const app = await startTestApp(t, {
      env: { WORKER_MAX_OLD_GENERATION_MB: "32" },
      executors: testWorkers(),
    });
    // No count task allocates on the worker's heap (text and results live in ArrayBuffers, outside
    // the V8 heap limit), so the fault is injected through the app's own thread pool with the
    // allocate fault of the test worker; what is tested is that this app's pool and queries recover.
    const pool = (app.app.executors.threads as unknown as { pool: WorkerPool }).pool;
    const err = await pool.call("allocate", [1024]).then(
      () => assert.fail("allocating 1 GiB under a 32 MiB limit must kill the worker"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof WorkerCrashedError, String(err));
    assert.match(err.message, /ERR_WORKER_OUT_OF_MEMORY/);
    const client = engineErrorToClient(toEngineError(err, "THREADS")) as Error & {
      extensions: { code: string };
    };
    assert.equal(client.extensions.code, "WORKER_FAILED");
    assert.match(
      client.message,
      /^THREADS: a thread worker died .*ERR_WORKER_OUT_OF_MEMORY.*retry the query$/,
    );
    for (let i = 0; i < 3; i++) {
      const res = await app.gql<SlowResult>(
        "{ capitalLetterStats(strategy: THREADS, workers: 2, chunkSize: 1, fresh: true) { totalCapitals execution { strategy tasks perWorker { worker } } } }",
      );
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.equal(res.data!.capitalLetterStats.totalCapitals, FIXTURE_CAPITALS);
      assert.equal(res.data!.capitalLetterStats.execution.tasks, 7);
    }
    assert.equal(app.app.executors.threads.stats().totalWorkers >= 1, true);
  },
);
