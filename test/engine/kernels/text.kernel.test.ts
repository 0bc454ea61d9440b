import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ALL_METRICS_MASK,
  maskOf,
  METRIC_INDEX,
  type MetricName,
} from "../../../src/metrics/metrics";
import { EDGE_NONEMPTY } from "../../../src/engine/kernels/segment-counts";
import {
  countSegments,
  countText,
  createSegmentCounts,
  mergeSegment,
} from "../../../src/engine/kernels/text.kernel";
import type { KernelBackend } from "../../../src/engine/kernels/kernel-backend";
import { allKernelsAndSmallWindow } from "./kernels";

/** One metric of text, computed with that metric alone and again with all metrics on. */
function metric(text: string, name: MetricName, kernel: KernelBackend): number {
  const alone = countText(text, maskOf([name]), kernel)[METRIC_INDEX[name]];
  const together = countText(text, ALL_METRICS_MASK, kernel)[METRIC_INDEX[name]];
  assert.equal(alone, together, `${name} of ${JSON.stringify(text)}: alone vs with all metrics`);
  return alone;
}

/** Each row: text and the hand-computed Python value of the metric. */
function check(
  kernel: KernelBackend,
  name: MetricName,
  cases: readonly (readonly [string, number])[],
): void {
  for (const [text, expected] of cases) {
    assert.equal(metric(text, name, kernel), expected, `${name} of ${JSON.stringify(text)}`);
  }
}

for (const { label, kernel } of allKernelsAndSmallWindow()) {
  test(`countText, hand-computed against Python's rules, ${label} kernel: CAPITALS: isupper per code point (Uppercase property)`, () => {
    check(kernel, "CAPITALS", [
      ["", 0],
      ["Hello World", 2],
      ["ÉÜé", 2],
      ["ΑΒΓαβγ", 3],
      ["ДЖдж", 2],
      ["Ⅻ", 1], // U+216B, Nl but Other_Uppercase
      ["Ⓐⓐ", 1], // U+24B6 is Other_Uppercase; U+24D0 is lowercase
      ["𝐀", 1], // U+1D400, one code point of four UTF-8 bytes
      ["𝐀𝐁a", 2],
      ["ǅ", 0], // U+01C5 is titlecase, not uppercase
      ["Ǆǆ", 1],
      ["ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{", 26], // the SWAR range edges: @ [ ` { are not letters
    ]);
  });

  test(`countText, hand-computed against Python's rules, ${label} kernel: LOWERCASE: islower per code point (Lowercase property)`, () => {
    check(kernel, "LOWERCASE", [
      ["", 0],
      ["Hello World", 8],
      ["ÉÜé", 1],
      ["ΑΒΓαβγ", 3],
      ["ДЖдж", 2],
      ["ǅ", 0],
      ["ßª", 2], // ª is Other_Lowercase
      ["ⓐ𝐚", 2], // U+24D0 and U+1D41A
      ["abcdefghijklmnopqrstuvwxyz`{", 26],
    ]);
  });

  test(`countText, hand-computed against Python's rules, ${label} kernel: DIGITS: isdecimal per code point (general category Nd)`, () => {
    check(kernel, "DIGITS", [
      ["", 0],
      ["2024", 4],
      ["٣", 1], // U+0663 ARABIC-INDIC DIGIT THREE
      ["²", 0], // superscript two: isdigit but not isdecimal
      ["½Ⅻ", 0],
      ["१२", 2], // Devanagari
      ["𝟘", 1], // U+1D7D8, astral Nd
      ["/0123456789:", 10],
    ]);
  });

  test(`countText, hand-computed against Python's rules, ${label} kernel: WHITESPACE: Python's isspace set, not JavaScript's \\s`, () => {
    check(kernel, "WHITESPACE", [
      ["", 0],
      [" \t\n", 3],
      ["\u001c", 1],
      ["\u001f", 1],
      ["\ufeff", 0], // BOM: JavaScript's \s matches it, Python's isspace does not
      ["\u200b\u180e", 0],
      ["\u00a0\u3000\u0085", 3],
      ["\u2028\u2029\u202f\u205f\u1680", 5],
      ["\u2000\u200a\u200b", 2],
      ["\x08\x0e\x1b!", 0],
    ]);
  });

  test(`countText, hand-computed against Python's rules, ${label} kernel: WORDS: len(text.split())`, () => {
    check(kernel, "WORDS", [
      ["", 0],
      ["   ", 0],
      ["a b  c", 3],
      [" lead trail ", 2],
      ["x\u3000y", 2],
      ["x\ufeffy", 1],
      ["a\u00a0b", 2],
      ["a\u200bb", 1],
      ["one\r\ntwo\nthree", 3],
      ["𝐀𝐁 É", 2],
    ]);
  });

  test(`countText, hand-computed against Python's rules, ${label} kernel: LINES: len(text.splitlines())`, () => {
    check(kernel, "LINES", [
      ["", 0],
      ["\n", 1],
      ["x", 1],
      ["a\nb", 2],
      ["a\r\nb\n", 2],
      ["\r\n", 1],
      ["a\r\rb", 3],
      ["a\n\r", 2],
      ["\n\n", 2],
      ["a\x0bb\x0cc", 3],
      ["a\x1cb\x1dc\x1ed", 4],
      ["a\x1fb", 1], // U+001F is whitespace but not a line boundary
      ["a\u2028b\u2029", 2],
      ["a\x85b", 2],
      ["a\tb", 1],
    ]);
  });

  test(`countText, hand-computed against Python's rules, ${label} kernel: CHARACTERS: len(text) in code points`, () => {
    check(kernel, "CHARACTERS", [
      ["", 0],
      ["𝐀", 1],
      ["héllo", 5],
      ["a\r\n", 3],
      ["日本語", 3],
    ]);
  });

  test(`countText, hand-computed against Python's rules, ${label} kernel: returns all seven metrics in METRIC_INDEX order, zero outside the mask`, () => {
    assert.deepEqual(countText("Hello World", ALL_METRICS_MASK, kernel), [2, 8, 0, 1, 2, 1, 11]);
    assert.deepEqual(
      countText("Hello World", maskOf(["WORDS", "CAPITALS"]), kernel),
      [2, 0, 0, 0, 2, 0, 0],
    );
    assert.deepEqual(countText("", ALL_METRICS_MASK, kernel), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(countText("Hello", 0, kernel), [0, 0, 0, 0, 0, 0, 0]);
  });

  test(`countText, hand-computed against Python's rules, ${label} kernel: flags exactly the non-empty segments in edges, for every mask`, () => {
    const bytes = Buffer.from("aé ", "utf8"); // 61 c3 a9 20
    for (let mask = 0; mask <= ALL_METRICS_MASK; mask++) {
      const { edges } = countSegments(bytes, [0, 1, 1, 3], [1, 1, 3, 4], mask, kernel);
      const nonEmpty = Array.from(edges, (e) => e & EDGE_NONEMPTY);
      assert.deepEqual(nonEmpty, [1, 0, 1, 1], `mask ${mask}`);
    }
  });
}

test("bad input gets a clear error", async (t) => {
  const bytes = Buffer.from("aé", "utf8"); // 61 c3 a9

  await t.test("rejects masks with unknown bits", () => {
    assert.throws(() => countSegments(bytes, [0], [3], 1 << 7), /mask 128 is invalid/);
    assert.throws(() => countText("a", -1), /mask -1 is invalid/);
    assert.throws(() => countText("a", 1.5), /mask 1.5 is invalid/);
  });

  await t.test("rejects malformed segments", () => {
    assert.throws(
      () => countSegments(bytes, [0, 1], [3], 1),
      /starts has 2 entries but ends has 1/,
    );
    assert.throws(() => countSegments(bytes, [2], [1], 1), /segment 0 \[2, 1\) is not a valid/);
    assert.throws(() => countSegments(bytes, [0], [4], 1), /ends past the 3 bytes/);
    assert.throws(() => countSegments(bytes, [2], [3], 1), /cuts through a UTF-8 code point/);
    assert.throws(() => countSegments(bytes, [0], [2], 1), /cuts through a UTF-8 code point/);
    assert.throws(
      () => countSegments("abc" as unknown as Uint8Array, [0], [1], 1),
      /bytes must be a Uint8Array/,
    );
  });

  await t.test("rejects text without a UTF-8 encoding", () => {
    assert.throws(() => countText("a\ud800b", 1), /lone surrogate at index 1/);
  });

  await t.test("refuses to merge counts of different masks or out-of-range indexes", () => {
    const caps = countSegments(bytes, [0], [3], 1);
    const all = countSegments(bytes, [0], [3], ALL_METRICS_MASK);
    assert.throws(() => mergeSegment(caps, 0, caps, 0, all, 0), /different metric masks/);
    assert.throws(() => mergeSegment(caps, 0, caps, 0, caps, 1), /b index 1 is out of range/);
    assert.throws(() => createSegmentCounts(-1, 1), /natural number/);
  });
});

test("counts written into given rows, dirty ones included, equal counts into new arrays", async (t) => {
  // By hand: "AB c" has 2 capitals in 4 code points, "Éé" 1 in 2, "" none.
  const bytes = Buffer.from("AB cÉé", "utf8");
  const starts = [0, 4, 8];
  const ends = [4, 8, 8];
  for (const { label, kernel } of allKernelsAndSmallWindow()) {
    await t.test(label, () => {
      for (const mask of [maskOf(["CAPITALS", "CHARACTERS"]), ALL_METRICS_MASK]) {
        const fresh = countSegments(bytes, starts, ends, mask, kernel);
        // Rows 1..3 of a larger, dirty matrix, as a worker's view of the shared answer.
        const matrix = createSegmentCounts(5, mask);
        matrix.counts.fill(99);
        matrix.edges.fill(255);
        const rows = {
          n: 3,
          mask,
          counts: matrix.counts.subarray(7, 28),
          edges: matrix.edges.subarray(1, 4),
        };
        const out = countSegments(bytes, starts, ends, mask, kernel, rows);
        assert.equal(out, rows);
        assert.deepEqual(Array.from(rows.counts), Array.from(fresh.counts));
        assert.deepEqual(Array.from(rows.edges), Array.from(fresh.edges));
        assert.deepEqual(
          [0, 1, 2].map((i) => rows.counts[i * 7 + METRIC_INDEX.CAPITALS]),
          [2, 1, 0],
        );
        assert.equal(matrix.counts[0], 99, "rows outside the view are untouched");
        assert.equal(matrix.counts[28], 99);
      }
    });
  }
  const wrong = createSegmentCounts(2, ALL_METRICS_MASK);
  assert.throws(
    () => countSegments(bytes, starts, ends, ALL_METRICS_MASK, undefined, wrong),
    /hold 2 segments of mask 127, not 3 of mask 127/,
  );
});
