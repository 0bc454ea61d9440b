import assert from "node:assert/strict";
import { test } from "node:test";
import { MetricMatrix } from "../../src/metrics/metric-matrix";
import { METRIC_INDEX, METRICS } from "../../src/metrics/metrics";

const CAPS_CHARS = (1 << METRIC_INDEX.CAPITALS) | (1 << METRIC_INDEX.CHARACTERS);

/** Two emails counted by hand: "AB c" (2 capitals, 4 code points, 2 words) and "Ü" (1, 1, 1). */
function full(): MetricMatrix {
  const m = MetricMatrix.ofRows(2);
  const row = (caps: number, chars: number, words: number) =>
    METRICS.map((name) =>
      name === "CAPITALS" ? caps : name === "CHARACTERS" ? chars : name === "WORDS" ? words : 0,
    );
  m.setRow(0, row(2, 4, 2));
  m.setRow(1, row(1, 1, 1));
  return m;
}

test("a packed matrix holds only its mask's columns and reads 0 for the others", () => {
  const p = full().packed(CAPS_CHARS);
  assert.equal(p.holds, CAPS_CHARS);
  assert.equal(p.rows, 2);
  assert.deepEqual(Array.from(p.values), [2, 4, 1, 1], "CAPITALS before CHARACTERS, per row");
  assert.equal(p.get(0, "CAPITALS"), 2);
  assert.equal(p.get(1, "CHARACTERS"), 1);
  assert.equal(p.get(0, "WORDS"), 0, "not held");
  assert.deepEqual(Array.from(p.column("CHARACTERS")), [4, 1]);
  assert.deepEqual(Array.from(p.column("WORDS")), [0, 0]);
  assert.equal(p.sum("CAPITALS"), 3);
  assert.equal(p.sum("CHARACTERS"), 5);
  assert.equal(p.sum("WORDS"), 0);
  assert.equal(full().sum("WORDS"), 3);
  const asked = CAPS_CHARS | (1 << METRIC_INDEX.WORDS);
  const row = p.maskedRow(0, asked);
  assert.equal(row[METRIC_INDEX.CAPITALS], 2);
  assert.equal(row[METRIC_INDEX.WORDS], 0);
  assert.equal(row[METRIC_INDEX.LINES], null, "outside the mask asked for");
});

test("sameAs compares the asked metrics across layouts", () => {
  const f = full();
  const p = f.packed(CAPS_CHARS);
  assert.ok(p.sameAs(f, CAPS_CHARS));
  assert.ok(f.sameAs(p, CAPS_CHARS));
  assert.ok(
    !p.sameAs(f, 1 << METRIC_INDEX.WORDS),
    "WORDS reads 0 in the packed copy, 2 in the full",
  );
  const other = full();
  other.setRow(
    1,
    METRICS.map((n) => (n === "CHARACTERS" ? 2 : n === "CAPITALS" ? 1 : 0)),
  );
  assert.ok(!other.sameAs(f, CAPS_CHARS));
  assert.ok(!MetricMatrix.ofRows(1).sameAs(f, CAPS_CHARS), "row counts differ");
});

test("packing a packed matrix again, and unpacking, keep the values", () => {
  const caps = 1 << METRIC_INDEX.CAPITALS;
  const p = full().packed(CAPS_CHARS).packed(caps);
  assert.deepEqual(Array.from(p.values), [2, 1]);
  const back = MetricMatrix.unpackColumns(full().packColumns(CAPS_CHARS), CAPS_CHARS, 2);
  assert.ok(back.sameAs(full(), CAPS_CHARS));
  assert.equal(back.get(0, "WORDS"), 0);
});

test("row writes refuse a packed matrix, and sizes must fit the mask", () => {
  const p = full().packed(CAPS_CHARS);
  assert.throws(() => p.setRow(0, []), /needs a full metric matrix/);

  assert.throws(() => new MetricMatrix(new Float64Array(3), CAPS_CHARS), /2 values per row, got 3/);
});

test("rows copied from a packed matrix land in a full, dirty one with the others 0", () => {
  const target = MetricMatrix.ofRows(3);
  target.values.fill(7);
  target.copyRows(1, full().packed(CAPS_CHARS), 0, 2);
  assert.deepEqual(Array.from(target.column("CAPITALS")), [7, 2, 1]);
  assert.deepEqual(Array.from(target.column("CHARACTERS")), [7, 4, 1]);
  assert.deepEqual(Array.from(target.column("WORDS")), [7, 0, 0], "not held: 0");
  target.copyRows(0, full(), 1, 2);
  assert.deepEqual(
    target.maskedRow(0, CAPS_CHARS | (1 << METRIC_INDEX.WORDS)).filter((v) => v !== null),
    [1, 1, 1],
  );
});

test("rows copied into a packed matrix keep only its columns, from either layout", () => {
  const caps = 1 << METRIC_INDEX.CAPITALS;
  const target = new MetricMatrix(new Float64Array(3).fill(7), caps);
  target.copyRows(1, full(), 0, 2);
  assert.deepEqual(Array.from(target.values), [7, 2, 1]);
  target.copyRows(0, full().packed(CAPS_CHARS), 1, 2);
  assert.deepEqual(Array.from(target.values), [1, 2, 1]);
  const words = new MetricMatrix(new Float64Array(1).fill(7), 1 << METRIC_INDEX.WORDS);
  words.copyRows(0, full().packed(CAPS_CHARS), 0, 1);
  assert.deepEqual(Array.from(words.values), [0], "a metric the source does not hold is 0");
});
