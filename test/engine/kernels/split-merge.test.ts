import assert from "node:assert/strict";
import { test } from "node:test";
import { ALL_METRICS_MASK, maskOf } from "../../../src/metrics/metrics";
import {
  countSegments,
  countsAt,
  countText,
  createSegmentCounts,
  mergeSegment,
  type SegmentCounts,
} from "../../../src/engine/kernels/text.kernel";
import {
  candidateGroups,
  codePointByteOffsets,
  randomInt,
  randomText,
  seededRandom,
} from "./random-text";
import { allKernelsAndSmallWindow } from "./kernels";
import type { KernelBackend } from "../../../src/engine/kernels/kernel-backend";

/** Counts of the pieces bytes[cuts[k], cuts[k + 1]), computed in one call. */
function countPieces(
  bytes: Uint8Array,
  cuts: readonly number[],
  mask: number,
  kernel: KernelBackend,
): SegmentCounts {
  return countSegments(bytes, cuts.slice(0, -1), cuts.slice(1), mask, kernel);
}

/**
 * Left-to-right merge of all pieces, the way the engine folds results that arrive in order.
 * A fresh all-zero SegmentCounts describes the empty text, the identity of merging.
 */
function mergeLeft(pieces: SegmentCounts): SegmentCounts {
  const total = createSegmentCounts(1, pieces.mask);
  mergeSegment(total, 0, pieces, 0, createSegmentCounts(1, pieces.mask), 0);
  for (let k = 1; k < pieces.n; k++) mergeSegment(total, 0, total, 0, pieces, k);
  return total;
}

/** Balanced merge tree, the way partial results combine when workers merge pairwise. */
function mergeTree(pieces: SegmentCounts, from: number, to: number): SegmentCounts {
  const out = createSegmentCounts(1, pieces.mask);
  if (to - from === 1) {
    mergeSegment(out, 0, pieces, from, createSegmentCounts(1, pieces.mask), 0);
    return out;
  }
  const middle = (from + to) >>> 1;
  mergeSegment(out, 0, mergeTree(pieces, from, middle), 0, mergeTree(pieces, middle, to), 0);
  return out;
}

function assertSplitExact(
  text: string,
  cuts: readonly number[],
  mask: number,
  kernel: KernelBackend,
): void {
  const bytes = Buffer.from(text, "utf8");
  const whole = countSegments(bytes, [0], [bytes.length], mask, kernel);
  const pieces = countPieces(bytes, cuts, mask, kernel);
  const where = `${JSON.stringify(text)} cut at bytes ${JSON.stringify(cuts)}, mask ${mask}`;
  for (const merged of [mergeLeft(pieces), mergeTree(pieces, 0, pieces.n)]) {
    assert.deepEqual(countsAt(merged, 0), countsAt(whole, 0), where);
    // Equal edges too, so a merged result can itself be merged with further pieces.
    assert.equal(merged.edges[0], whole.edges[0], `edges of ${where}`);
  }
}

for (const { label, kernel } of allKernelsAndSmallWindow()) {
  test(`countSegments + mergeSegment equal the unsplit count, ${label} kernel: at the cuts that break naive merging`, () => {
    const cases: [string, number[], number][] = [
      ["ab\r\ncd", [0, 3, 6], 2], // "\r" ends one piece and "\n" starts the next: one break
      ["𝐀𝐀", [0, 4, 8], 1], // astral capitals on both sides of the cut
      ["word", [0, 2, 4], 1], // a word straddles the cut
      ["x\r\ny", [0, 2, 2, 3, 4], 2], // an empty piece between "\r" and "\n"
      ["a\n", [0, 2, 2], 1], // the last piece is empty: the line is still terminated
      ["a b", [0, 1, 1, 1, 3], 2], // several empty pieces inside the first word
      ["", [0, 0, 0], 0],
      ["\r", [0, 0, 1], 0],
      ["é\u3000é", [0, 2, 5, 7], 2], // the U+3000 separator is a piece of its own
    ];
    for (const [text, cuts, words] of cases) {
      assert.equal(codePointByteOffsets(text).at(-1), cuts.at(-1), "cuts span the text");
      assert.equal(
        countText(text, ALL_METRICS_MASK, kernel)[4],
        words,
        `words of ${JSON.stringify(text)}`,
      );
      assertSplitExact(text, cuts, ALL_METRICS_MASK, kernel);
    }
    assert.deepEqual(countText("ab\r\ncd", maskOf(["LINES"]), kernel), [0, 0, 0, 0, 0, 2, 0]);
  });

  test(`countSegments + mergeSegment equal the unsplit count, ${label} kernel: for random strings, random code-point cuts and random masks`, () => {
    const random = seededRandom(7);
    const groups = candidateGroups();
    const masks = [
      ALL_METRICS_MASK,
      maskOf(["CAPITALS"]),
      maskOf(["WORDS"]),
      maskOf(["LINES"]),
      maskOf(["CAPITALS", "WORDS", "LINES"]),
    ];
    for (let round = 0; round < 3000; round++) {
      const text = randomText(random, groups, randomInt(random, 60), round % 2 === 0 ? 0.7 : 0.1);
      const boundaries = codePointByteOffsets(text);
      const cuts = [0, boundaries.at(-1) as number];
      const cutCount = 1 + randomInt(random, 5);
      // Duplicate cuts are allowed on purpose: they make empty pieces.
      for (let k = 0; k < cutCount; k++)
        cuts.push(boundaries[randomInt(random, boundaries.length)]);
      cuts.sort((a, b) => a - b);
      const mask =
        round % 4 === 0 ? randomInt(random, ALL_METRICS_MASK + 1) : masks[round % masks.length];
      assertSplitExact(text, cuts, mask, kernel);
    }
  });
}
