import assert from "node:assert/strict";
import { test } from "node:test";
import { HeavyGate } from "../../src/pipeline/heavy-gate";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test("runs at most `concurrent` at once, queues FIFO, refuses past the queue bound", async () => {
  const gate = new HeavyGate(1, 2);
  const order: string[] = [];
  const first = deferred();
  const a = gate.run(async () => {
    order.push("a");
    await first.promise;
  });
  const b = gate.run(async () => void order.push("b"));
  const c = gate.run(async () => void order.push("c"));
  assert.deepEqual(gate.stats(), { running: 1, waiting: 2 });
  await assert.rejects(
    gate.run(async () => undefined),
    (err: Error & { extensions?: { code?: string } }) => {
      assert.equal(err.extensions?.code, "OVERLOADED");
      assert.equal(
        err.message,
        "too many heavy queries: 1 running and 2 queued (limits 1 and 2); retry later",
      );
      return true;
    },
  );
  first.resolve();
  await Promise.all([a, b, c]);
  assert.deepEqual(order, ["a", "b", "c"]);
  assert.deepEqual(gate.stats(), { running: 0, waiting: 0 });
});

test("a failing run frees its slot; an aborted waiter leaves the queue", async () => {
  const gate = new HeavyGate(1, 1);
  const hold = deferred();
  const a = gate.run(async () => {
    await hold.promise;
    throw new Error("boom");
  });
  const ctl = new AbortController();
  const b = gate.run(async () => "never", ctl.signal);
  ctl.abort(new Error("client went away"));
  await assert.rejects(b, /client went away/);
  assert.deepEqual(gate.stats(), { running: 1, waiting: 0 });
  hold.resolve();
  await assert.rejects(a, /boom/);
  assert.deepEqual(await gate.run(async () => 7).then((r) => r.value), 7);
  assert.deepEqual(gate.stats(), { running: 0, waiting: 0 });
});
