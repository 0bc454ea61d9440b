import assert from "node:assert/strict";
import { test } from "node:test";
import {
  alignToCodePoint,
  capTaskBytes,
  planBalanced,
  planFixed,
  type TaskPlan,
} from "../../../src/engine/plan/chunking";
import type { Selection } from "../../../src/engine/plan/selection";

function selection(sizes: number[]): Selection {
  return {
    emails: Int32Array.from(sizes.keys()),
    sizes: Float64Array.from(sizes),
    totalBytes: sizes.reduce((a, b) => a + b, 0),
  };
}

const view = (plans: TaskPlan[]): [number, number, number][][] =>
  plans.map((p) => Array.from(p.members, (m, j) => [m, p.starts[j], p.ends[j]]));

test("fixed chunks take chunkSize whole emails each; 1 is one email per task", () => {
  const sel = selection([5, 1, 7, 3, 2]);
  assert.deepEqual(view(planFixed(sel, 2)), [
    [
      [0, 0, 5],
      [1, 0, 1],
    ],
    [
      [2, 0, 7],
      [3, 0, 3],
    ],
    [[4, 0, 2]],
  ]);
  assert.equal(planFixed(sel, 1).length, 5);
  assert.deepEqual(
    planFixed(sel, 1).map((p) => p.bytes),
    [5, 1, 7, 3, 2],
  );
});

test("balanced plans with splitting cut the bytes into equal shares, inside an email if needed", () => {
  // 100 + 10 + 10 bytes on 3 workers: shares end at 40, 80, 120
  const sel = selection([100, 10, 10]);
  const plans = planBalanced(sel, 3, (_m, offset) => offset);
  assert.deepEqual(view(plans), [
    [[0, 0, 40]],
    [[0, 40, 80]],
    [
      [0, 80, 100],
      [1, 0, 10],
      [2, 0, 10],
    ],
  ]);
  assert.deepEqual(
    plans.map((p) => p.bytes),
    [40, 40, 40],
  );
});

test("a cut is moved back to a code-point start, so no character is split", () => {
  const bytes = new Uint8Array(Buffer.from("ab𝐀cd", "utf8")); // 𝐀 is bytes 2..5
  assert.equal(alignToCodePoint(bytes, 0, 3), 2);
  assert.equal(alignToCodePoint(bytes, 0, 5), 2);
  assert.equal(alignToCodePoint(bytes, 0, 6), 6);
  assert.equal(alignToCodePoint(bytes, 2, 1), 0, "relative to an email starting at byte 2");
  const sel = selection([bytes.length]);
  const plans = planBalanced(sel, 2, (_m, offset) => alignToCodePoint(bytes, 0, offset));
  assert.deepEqual(view(plans), [[[0, 0, 2]], [[0, 2, 8]]], "the cut at 4 falls back to 2");
});

test("balanced plans of whole emails stop where overshooting would be worse than undershooting", () => {
  // total 30 on 2 workers: target 15; 10 + 8 overshoots by 3 < undershoot 5, so take it
  const sel = selection([10, 8, 4, 8]);
  assert.deepEqual(view(planBalanced(sel, 2, null)), [
    [
      [0, 0, 10],
      [1, 0, 8],
    ],
    [
      [2, 0, 4],
      [3, 0, 8],
    ],
  ]);
  // more workers than emails: one email per task at most
  assert.equal(planBalanced(selection([1, 1]), 8, null).length, 2);
  assert.deepEqual(planBalanced(selection([]), 4, null), []);
});

test("capTaskBytes splits whole-email plans so none exceeds the cap; a bigger email stays alone", () => {
  const plans = planFixed(selection([4, 4, 4, 9, 1]), 5);
  assert.deepEqual(view(capTaskBytes(plans, 8)), [
    [
      [0, 0, 4],
      [1, 0, 4],
    ],
    [[2, 0, 4]],
    [[3, 0, 9]],
    [[4, 0, 1]],
  ]);
});
