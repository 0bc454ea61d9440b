import assert from "node:assert/strict";
import { test } from "node:test";
import { FifoQueue } from "../../src/locks/fifo-queue";
import { prng } from "./lock-test-helpers";

test("FifoQueue: behaves like a plain array used as a queue, across compactions", () => {
  const rnd = prng(7);
  const q = new FifoQueue<number>();
  const model: number[] = [];
  for (let step = 0; step < 5000; step++) {
    const op = rnd();
    if (op < 0.5) {
      q.push(step);
      model.push(step);
    } else if (op < 0.85) {
      assert.equal(q.shift(), model.shift());
    } else if (model.length > 0) {
      const i = Math.floor(rnd() * model.length);
      assert.equal(q.indexOf(model[i]), i);
      q.removeAt(i);
      model.splice(i, 1);
    }
    assert.equal(q.size, model.length);
    assert.equal(q.peek(), model[0]);
  }
  assert.deepEqual(q.toArray(), model);
  assert.equal(q.indexOf(-1), -1);
});

test("FifoQueue: returns undefined from an empty queue", () => {
  const q = new FifoQueue<string>();
  q.push("a");
  assert.equal(q.shift(), "a");
  assert.deepEqual([q.shift(), q.peek(), q.size], [undefined, undefined, 0]);
});
