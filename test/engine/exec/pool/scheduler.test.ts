import assert from "node:assert/strict";
import { test } from "node:test";
import { TaskAbortedError, TaskTimeoutError } from "../../../../src/engine/exec/pool/pool-errors";
import { runTasks, type ExecTask } from "../../../../src/engine/exec/pool/scheduler";
import { WorkerPool } from "../../../../src/engine/exec/pool/worker-pool";
import type {
  CountTask,
  CountTaskResult,
  ResidentTask,
} from "../../../../src/engine/exec/worker/task.types";
import { EXPECTED, MASK, residentCorpus, segment } from "../worker/corpus.fixture";

/** Task i is told apart by its version field; the fake exec reads nothing else. */
function fakeTasks(n: number): CountTask[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: "resident",
    version: i,
    bytes: new SharedArrayBuffer(0),
    starts: new Float64Array(0),
    ends: new Float64Array(0),
    mask: 0,
  }));
}

function fakeResult(i: number, worker: string, readMs = 0, computeMs = 0): CountTaskResult {
  return { counts: new Float64Array([i]), edges: new Uint8Array(0), worker, readMs, computeMs };
}

interface Call {
  index: number;
  signal: AbortSignal | undefined;
  settled: boolean;
  resolve(r: CountTaskResult): void;
  reject(err: unknown): void;
}

/** An exec whose calls the test settles by hand, recording how many are in flight. */
function manualExec(): { exec: ExecTask; calls: Call[]; maxInFlight: () => number } {
  const calls: Call[] = [];
  let inFlight = 0;
  let max = 0;
  const exec: ExecTask = (task, opts) =>
    new Promise<CountTaskResult>((resolve, reject) => {
      inFlight++;
      max = Math.max(max, inFlight);
      const call: Call = {
        index: task.version,
        signal: opts.signal,
        settled: false,
        resolve: (r) => {
          call.settled = true;
          inFlight--;
          resolve(r);
        },
        reject: (e) => {
          call.settled = true;
          inFlight--;
          reject(e);
        },
      };
      calls.push(call);
    });
  return { exec, calls, maxInFlight: () => max };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

test("runTasks: never has more than concurrency tasks in flight and returns results in task order", async () => {
  const { exec, calls, maxInFlight } = manualExec();
  const progress: number[] = [];
  const run = runTasks(exec, fakeTasks(7), {
    concurrency: 3,
    onProgress: (d) => progress.push(d),
  });
  // Finish the newest call first each time, so completion order is the reverse of task order.
  let settled = 0;
  while (settled < 7) {
    await tick();
    const open = calls.filter((c) => !c.settled);
    assert.ok(open.length <= 3, `${open.length} in flight`);
    const last = open[open.length - 1];
    last.resolve(fakeResult(last.index, `w${last.index % 2}`, 1, 2));
    settled++;
  }
  const out = await run;
  assert.equal(maxInFlight(), 3);
  assert.deepEqual(
    out.results.map((r) => r.counts[0]),
    [0, 1, 2, 3, 4, 5, 6],
  );
  assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(out.roundTripMs.length, 7);
  assert.ok(out.roundTripMs.every((ms) => ms >= 0));
});

test("runTasks: aggregates read, compute, dispatch and per-worker load from the task results", async () => {
  const exec: ExecTask = async (task) =>
    fakeResult(task.version, task.version < 2 ? "thread:1" : "thread:2", task.version, 10);
  const out = await runTasks(exec, fakeTasks(3), { concurrency: 2 });
  const t = out.timing;
  assert.equal(t.readMs, 0 + 1 + 2);
  assert.equal(t.computeMs, 30);
  const roundTrips = out.roundTripMs.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(t.queueAndDispatchMs - (roundTrips - 3 - 30)) < 1e-9);
  assert.deepEqual(
    [...t.perWorker].sort((a, b) => a.worker.localeCompare(b.worker)),
    [
      { worker: "thread:1", tasks: 2, busyMs: 0 + 10 + 1 + 10 },
      { worker: "thread:2", tasks: 1, busyMs: 2 + 10 },
    ],
  );
  assert.ok(t.wallMs >= 0);
});

test("runTasks: on the first failure aborts the other in-flight tasks, starts no more, and rejects", async () => {
  const { exec, calls } = manualExec();
  const run = runTasks(exec, fakeTasks(10), { concurrency: 3 });
  await tick();
  assert.equal(calls.length, 3);
  const boom = new Error("task 1 failed");
  calls[1].reject(boom);
  await assert.rejects(run, (err) => err === boom);
  assert.equal(calls[0].signal?.aborted, true);
  assert.equal(calls[2].signal?.aborted, true);
  calls[0].resolve(fakeResult(0, "w"));
  await tick();
  assert.equal(calls.length, 3);
});

test("runTasks: times out the whole run, cancelling what is in flight", async () => {
  const { exec, calls } = manualExec();
  const run = runTasks(exec, fakeTasks(4), { concurrency: 2, timeoutMs: 30 });
  await tick();
  calls[0].resolve(fakeResult(0, "w")); // progress does not extend a per-query deadline
  await assert.rejects(run, (err: unknown) => {
    assert.ok(err instanceof TaskTimeoutError);
    assert.equal(err.scope, "query");
    assert.match(err.message, /1 of 4 tasks done/);
    return true;
  });
  assert.ok(calls.slice(1).every((c) => c.signal?.aborted === true));
});

test("runTasks: stops on the caller's abort signal", async () => {
  const { exec, calls } = manualExec();
  const controller = new AbortController();
  const run = runTasks(exec, fakeTasks(4), { concurrency: 2, signal: controller.signal });
  await tick();
  controller.abort(new Error("client disconnected"));
  await assert.rejects(run, TaskAbortedError);
  assert.ok(calls.every((c) => c.signal?.aborted === true));
  await assert.rejects(
    runTasks(exec, fakeTasks(1), { concurrency: 1, signal: controller.signal }),
    TaskAbortedError,
  );
});

test("runTasks: interleaves two runs sharing one FIFO executor", async () => {
  const order: string[] = [];
  const queue: (() => void)[] = [];
  let busy = false;
  // A one-worker FIFO pool: each run keeps one task queued, so they alternate.
  const shared =
    (tag: string): ExecTask =>
    (task) =>
      new Promise((resolve) => {
        queue.push(() => {
          order.push(`${tag}${task.version}`);
          setImmediate(() => {
            busy = false;
            resolve(fakeResult(task.version, "w"));
            queue.shift()?.();
          });
        });
        if (!busy) {
          busy = true;
          queue.shift()?.();
        }
      });
  await Promise.all([
    runTasks(shared("a"), fakeTasks(3), { concurrency: 1 }),
    runTasks(shared("b"), fakeTasks(3), { concurrency: 1 }),
  ]);
  assert.deepEqual(order, ["a0", "b0", "a1", "b1", "a2", "b2"]);
});

test("runTasks: resolves an empty run and rejects bad options by name", async () => {
  const out = await runTasks(() => Promise.reject(new Error("never called")), [], {
    concurrency: 1,
  });
  assert.deepEqual(out.results, []);
  assert.deepEqual(out.timing.perWorker, []);
  await assert.rejects(
    runTasks(async () => fakeResult(0, "w"), fakeTasks(1), { concurrency: 0 }),
    /concurrency must be a positive integer/,
  );
  await assert.rejects(
    runTasks(async () => fakeResult(0, "w"), fakeTasks(1), { concurrency: 1, timeoutMs: -5 }),
    /timeoutMs must be a positive number/,
  );
});

test("runTasks: drives a real thread pool", { timeout: 30000 }, async () => {
  const pool = new WorkerPool({
    type: "thread",
    minWorkers: 2,
    maxWorkers: 2,
    maxOldGenerationMb: 64,
  });
  try {
    const { bytes, ranges } = residentCorpus();
    const tasks: ResidentTask[] = [1, 2, 3, 1, 2, 3].map((id) => {
      const [s, e] = ranges.get(id) as [number, number];
      return {
        kind: "resident",
        version: 1,
        bytes,
        starts: new Float64Array([s]),
        ends: new Float64Array([e]),
        mask: MASK,
      };
    });
    const out = await runTasks((t, o) => pool.exec(t, o), tasks, { concurrency: 2 });
    const expected = [EXPECTED.email1, EXPECTED.email2, EXPECTED.email3];
    out.results.forEach((r, i) => assert.deepEqual(segment(r.counts, 0), expected[i % 3]));
    assert.equal(
      out.timing.perWorker.reduce((n, w) => n + w.tasks, 0),
      6,
    );
    assert.ok(out.timing.perWorker.every((w) => /^thread:\d+$/.test(w.worker)));
  } finally {
    await pool.terminate();
  }
});
