import assert from "node:assert/strict";
import { test } from "node:test";
import { DerivedValues } from "../../src/metrics/derived-values";
import { MetricMatrix } from "../../src/metrics/metric-matrix";
import { METRIC_INDEX } from "../../src/metrics/metrics";

const CAPITALS = "CAPITALS";

/** A counts matrix whose CAPITALS column is `capitals` (every other metric 0). */
function matrix(capitals: number[]): MetricMatrix {
  const m = MetricMatrix.ofRows(capitals.length);
  capitals.forEach((c, i) => m.setRow(i, [c, 0, 0, 0, 0, 0, 0]));
  return m;
}

const CAPS = [4, 9, 0, 9, 2, 7, 7, 1, 9, 3];
/** By hand: 9 at 1, 3, 8; 7 at 5, 6; then 4 (0), 3 (9), 2 (4), 1 (7), 0 (2). */
const BY_HAND_ORDER = [1, 3, 8, 5, 6, 0, 9, 4, 7, 2];

test("summary: total, mean, median and max of one metric, by hand", () => {
  const d = new DerivedValues(matrix(CAPS));
  // sorted 0 1 2 3 4 7 7 9 9 9: median (4 + 7) / 2
  assert.deepEqual(d.summary(CAPITALS), { total: 51, mean: 5.1, median: 5.5, max: 9 });
  assert.equal(d.summary(CAPITALS), d.summary(CAPITALS), "computed once, then kept");
  assert.deepEqual(d.summary("WORDS"), { total: 0, mean: 0, median: 0, max: 0 });
});

test("top: any n in any order equals the hand-sorted order's prefix", () => {
  const d = new DerivedValues(matrix(CAPS));
  for (const n of [3, 1, 5, 10, 2, 50, 4]) {
    assert.deepEqual(d.top(CAPITALS, n), BY_HAND_ORDER.slice(0, n), `n=${n}`);
  }
  // Callers may keep or change what they get; the kept order is unaffected.
  d.top(CAPITALS, 3).reverse();
  assert.deepEqual(d.top(CAPITALS, 3), [1, 3, 8]);
});

test("histogram: the same buckets as asked each time, for several bucket counts", () => {
  const d = new DerivedValues(matrix(CAPS));
  const five = [
    { from: 0, to: 2, count: 2 },
    { from: 2, to: 4, count: 2 },
    { from: 4, to: 6, count: 1 },
    { from: 6, to: 8, count: 2 },
    { from: 8, to: 10, count: 3 },
  ];
  for (let i = 0; i < 20; i++) {
    assert.deepEqual(d.histogram(CAPITALS, 5), five);
    assert.equal(
      d.histogram(CAPITALS, 1 + i).reduce((s, b) => s + b.count, 0),
      CAPS.length,
    );
  }
});

test("every derived value is the same over a packed copy of the counts", () => {
  const full = matrix(CAPS);
  full.setRow(0, [4, 0, 0, 0, 0, 0, 11]);
  const packed = full.packed((1 << METRIC_INDEX.CAPITALS) | (1 << METRIC_INDEX.CHARACTERS));
  for (const counts of [full, packed]) {
    const d = new DerivedValues(counts);
    assert.equal(d.total(CAPITALS), 51, "by hand");
    assert.equal(d.total("CHARACTERS"), 11);
    assert.equal(d.total("WORDS"), 0);
    assert.deepEqual(d.summary(CAPITALS), { total: 51, mean: 5.1, median: 5.5, max: 9 });
    assert.deepEqual(d.top(CAPITALS, 3), [1, 3, 8]);
  }
});
