import assert from "node:assert/strict";
import { test } from "node:test";
import { histogram, median, topPositions } from "../../src/metrics/aggregates";

/** The definition, by sorting: Python's statistics.median. */
function sortedMedian(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return 0;
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

test("median equals the sorted definition on odd, even, tied and empty inputs", () => {
  assert.equal(median(Float64Array.from([])), 0);
  assert.equal(median(Float64Array.from([7])), 7);
  assert.equal(median(Float64Array.from([1, 4])), 2.5);
  assert.equal(median(Float64Array.from([0, 2, 3, 4, 5, 5, 22])), 4);
  let seed = 12345;
  const rand = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let round = 0; round < 500; round++) {
    const n = Math.floor(rand() * 60);
    const spread = 1 + Math.floor(rand() * (round % 3 === 0 ? 3 : 1000));
    const values = Array.from({ length: n }, () => Math.floor(rand() * spread));
    assert.equal(median(Float64Array.from(values)), sortedMedian(values), JSON.stringify(values));
  }
});

test("median does not reorder its input", () => {
  const values = Float64Array.from([5, 1, 4, 2, 3]);
  median(values);
  assert.deepEqual(Array.from(values), [5, 1, 4, 2, 3]);
});

test("top positions break ties by lower position; histogram buckets are whole numbers", () => {
  assert.deepEqual(topPositions(Float64Array.from([3, 9, 9, 1]), 3), [1, 2, 0]);
  assert.deepEqual(histogram(Float64Array.from([0, 1, 3]), 10), [
    { from: 0, to: 1, count: 1 },
    { from: 1, to: 2, count: 1 },
    { from: 2, to: 3, count: 0 },
    { from: 3, to: 4, count: 1 },
  ]);
});

test("top positions equal a full sort by value, then position, on random tied inputs", () => {
  let seed = 777;
  const rand = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let round = 0; round < 500; round++) {
    const length = Math.floor(rand() * 80);
    const spread = 1 + Math.floor(rand() * (round % 3 === 0 ? 4 : 500));
    const values = Float64Array.from({ length }, () => Math.floor(rand() * spread));
    const n = 1 + Math.floor(rand() * (length + 3));
    const sorted = Array.from(values.keys()).sort((a, b) => values[b] - values[a] || a - b);
    assert.deepEqual(topPositions(values, n), sorted.slice(0, n), `n=${n} of ${values}`);
  }
});
