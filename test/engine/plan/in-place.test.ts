import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import type { CorpusView } from "../../../src/corpus/corpus.service";
import { METRIC_INDEX } from "../../../src/metrics/metrics";
import { MetricMatrix } from "../../../src/metrics/metric-matrix";
import { alignToCodePoint, planBalanced } from "../../../src/engine/plan/chunking";
import { SharedOutputs, type InPlaceMemory } from "../../../src/engine/plan/shared-output";
import { claimedTaskCount, toTasks } from "../../../src/engine/plan/task-planner";
import type { Selection } from "../../../src/engine/plan/selection";
import { runCountTask } from "../../../src/engine/exec/worker/count.task";
import { WorkerEnv } from "../../../src/engine/exec/worker/worker-env";
import { WorkerPool } from "../../../src/engine/exec/pool/worker-pool";
import { runClaimed } from "../../../src/engine/exec/pool/claimed-run";
import { packClaims, unpackClaim } from "../../../src/engine/exec/pool/claim-packing";
import { createCorpusMemory } from "../../../src/engine/kernels/simd/corpus-memory";
import type { ResidentTask } from "../../../src/engine/exec/worker/task.types";
import { entryArgs, TEST_WORKER_JS } from "../../support/test-executors";

// Capitals and code points counted by hand: "ÉCOLE" is 5 capitals in 5 code points.
const TEXTS = ["ABC def", "ÉCOLE été ÀÉÎ", "", "hello WORLD", "Ünïcödé ÜBER alles"];
const CAPITALS = [3, 8, 0, 5, 5];
const CHARACTERS = [7, 13, 0, 11, 18];
const MASK = (1 << METRIC_INDEX.CAPITALS) | (1 << METRIC_INDEX.CHARACTERS);

function corpus(): { view: CorpusView; sel: Selection } {
  const parts = TEXTS.map((t) => Buffer.from(t, "utf8"));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const resident = new SharedArrayBuffer(total);
  const offsets = new Float64Array(parts.length + 1);
  parts.forEach((p, i) => {
    new Uint8Array(resident).set(p, offsets[i]);
    offsets[i + 1] = offsets[i] + p.length;
  });
  const view: CorpusView = {
    version: 1,
    ids: Int32Array.from(TEXTS.keys(), (i) => i + 1),
    offsets,
    totalBytes: total,
    resident,
    memory: null,
    memoryUnavailable: null,
    dbFile: "/nowhere.db",
  };
  const sizes = Float64Array.from(parts, (p) => p.length);
  return { view, sel: { emails: Int32Array.from(TEXTS.keys()), sizes, totalBytes: total } };
}

/** Balanced plans cut inside emails (7 tasks over 5 emails by default), as tasks writing in place. */
function planned(outputs: SharedOutputs, taskCount = 7, memory: InPlaceMemory = "shared") {
  const { view, sel } = corpus();
  const bytes = new Uint8Array(view.resident!);
  const split = (m: number, at: number): number => alignToCodePoint(bytes, view.offsets[m], at);
  const plans = planBalanced(sel, taskCount, split);
  assert.ok(
    plans.some((p) => p.starts[0] > 0),
    "some task begins inside an email",
  );
  const result = outputs.result(TEXTS.length, MASK, plans, memory);
  assert.ok(result);
  const tasks = toTasks(plans, sel, view, MASK, true, true).map((t, i): ResidentTask => ({
    ...(t as ResidentTask),
    into: result.rows[i],
  }));
  return { tasks, result };
}

function assertCounts(m: MetricMatrix): void {
  assert.equal(m.holds, MASK, "packed to the query's metrics");
  assert.deepEqual(Array.from(m.column("CAPITALS")), CAPITALS);
  assert.deepEqual(Array.from(m.column("CHARACTERS")), CHARACTERS);
}

test("tasks write their rows in place, in any order, and splits merge exactly", () => {
  const outputs = new SharedOutputs();
  const env = new WorkerEnv("main");
  for (const order of [
    [0, 1, 2, 3, 4, 5, 6],
    [6, 4, 2, 0, 5, 3, 1],
  ]) {
    const { tasks, result } = planned(outputs);
    for (const i of order) {
      const r = runCountTask(tasks[i], env);
      assert.equal(r.counts.length, 0, "nothing to send back");
    }
    // The second round reuses the first round's buffer, dirty: every row is written again.
    assertCounts(result.finish());
  }
});

test("a query whose plans need fewer spare rows reuses a larger, dirty matrix exactly", async (t) => {
  for (const memory of ["shared", "private"] as const) {
    await t.test(memory, () => {
      const outputs = new SharedOutputs();
      const env = new WorkerEnv("main");
      const answers: MetricMatrix[] = [];
      // 7 tasks, then 3 and 2 (fewer splits, a smaller matrix fits in the one just freed), then 7.
      for (const taskCount of [7, 3, 2, 7]) {
        const { tasks, result } = planned(outputs, taskCount, memory);
        for (const task of tasks) runCountTask(task, env);
        answers.push(result.finish());
      }
      // Each answer is the query's own copy: reusing the matrix did not overwrite earlier ones.
      answers.forEach(assertCounts);
    });
  }
});

test("claimed tasks are each run once, by whichever worker claims them", async () => {
  const pool = new WorkerPool({
    type: "thread",
    minWorkers: 2,
    maxWorkers: 2,
    maxOldGenerationMb: 64,
  });
  after(() => pool.terminate());
  await pool.warm();
  const { tasks, result } = planned(new SharedOutputs());
  const claims = packClaims(tasks);
  assert.ok(claims);
  const run = await runClaimed(
    (c, cursor, o) => pool.execClaimed(c, cursor, o),
    (t, o) => pool.exec(t, o),
    tasks,
    claims,
    { concurrency: 2 },
  );
  assert.equal(run.results.length, tasks.length);
  assert.equal(
    run.timing.perWorker.reduce((n, w) => n + w.tasks, 0),
    tasks.length,
  );
  assertCounts(result.finish());
});

test("packed claims carry the corpus memory and the kernel, so workers count in place", () => {
  const { tasks } = planned(new SharedOutputs());
  const { memory } = createCorpusMemory(1 << 16);
  for (const kernel of ["wasm-simd", "js"] as const) {
    const withMemory = tasks.map((t) => ({ ...t, memory, kernel }));
    const claims = packClaims(withMemory);
    assert.ok(claims, "tasks on one set of buffers pack");
    withMemory.forEach((task, i) => assert.deepEqual(unpackClaim(claims, i), task, `task ${i}`));
    const mixed = withMemory.map((t, i) => (i === 3 ? { ...t, memory: undefined } : t));
    assert.equal(packClaims(mixed), null, "tasks on different memories do not pack");
  }
});

test("a task claimed by a worker that died is counted again, once", async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claims-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const death = path.join(dir, "died");
  const pool = new WorkerPool({
    type: "thread",
    minWorkers: 2,
    maxWorkers: 2,
    maxOldGenerationMb: 64,
    script: TEST_WORKER_JS,
    scriptArgs: entryArgs(0, death),
  });
  t.after(() => pool.terminate());
  await pool.warm();
  const { tasks, result } = planned(new SharedOutputs());
  const run = await runClaimed(
    (c, cursor, o) => pool.execClaimed(c, cursor, o),
    (task, o) => pool.exec(task, o),
    tasks,
    packClaims(tasks)!,
    { concurrency: 2 },
  );
  // 7 tasks on 2 workers: one of them reached its second task, and died starting it.
  assert.ok(fs.existsSync(death), "a worker died");
  assert.equal(run.results.length, tasks.length);
  assertCounts(result.finish());
});

test("claimed tasks are a multiple of the workers, about 1 MiB each, 256 at most", () => {
  assert.equal(claimedTaskCount(2, 1000), 2);
  assert.equal(claimedTaskCount(2, 154_000_000), 148); // 2 x ceil(77e6 / 2^20)
  assert.equal(claimedTaskCount(3, 1e10), 255); // 3 x floor(256 / 3)
  assert.equal(claimedTaskCount(4, 3 * 2 ** 20), 4);
});
