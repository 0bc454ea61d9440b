import assert from "node:assert/strict";
import { test } from "node:test";
import { ALL_METRICS_MASK, maskOf, METRIC_COUNT, METRIC_INDEX } from "../../../src/metrics/metrics";
import { countSegments } from "../../../src/engine/kernels/text.kernel";
import {
  candidateGroups,
  codePointByteOffsets,
  randomInt,
  randomText,
  seededRandom,
  type Random,
} from "./random-text";
import { allKernelsAndSmallWindow } from "./kernels";

const CAPITALS_ONLY = maskOf(["CAPITALS"]);
const CAPITALS = METRIC_INDEX.CAPITALS;
const CHARACTERS = METRIC_INDEX.CHARACTERS;
const CAPITALS_AND_CHARACTERS = maskOf(["CAPITALS", "CHARACTERS"]);

/** bytes copied into a SharedArrayBuffer at the given byte offset, as a view of exactly bytes. */
function sharedCopy(bytes: Uint8Array, offset: number): Uint8Array {
  const view = new Uint8Array(
    new SharedArrayBuffer(offset + bytes.length + 8),
    offset,
    bytes.length,
  );
  view.set(bytes);
  return view;
}

/** Consecutive segments of 0 to 9 code points (often under 4 bytes), covering all of text. */
function shortSegments(random: Random, text: string): { starts: number[]; ends: number[] } {
  const boundaries = codePointByteOffsets(text);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < boundaries.length - 1;) {
    const next = Math.min(boundaries.length - 1, k + randomInt(random, 10));
    starts.push(boundaries[k]);
    ends.push(boundaries[next]);
    k = next === k ? k + 1 : next;
  }
  starts.push(0); // and the whole text once, for the long-run word path
  ends.push(boundaries.at(-1) as number);
  return { starts, ends };
}

function upperByRegex(bytes: Uint8Array, start: number, end: number): number {
  return (
    Buffer.from(bytes.subarray(start, end))
      .toString("utf8")
      .match(/\p{Uppercase}/gu) ?? []
  ).length;
}

for (const { label, kernel } of allKernelsAndSmallWindow()) {
  test(`CAPITALS fast path agrees with the general path, ${label} kernel: on short and long segments at every byte offset of a SharedArrayBuffer`, () => {
    const random = seededRandom(99);
    const groups = candidateGroups();
    for (let round = 0; round < 300; round++) {
      const length = round % 10 === 0 ? 300 + randomInt(random, 600) : randomInt(random, 40);
      const text = randomText(random, groups, length, round % 2 === 0 ? 0.95 : 0.3);
      const plain = Buffer.from(text, "utf8");
      const { starts, ends } = shortSegments(random, text);
      const reference = countSegments(plain, starts, ends, ALL_METRICS_MASK, kernel);
      for (let offset = 0; offset < 8; offset++) {
        const shared = sharedCopy(plain, offset);
        const fast = countSegments(shared, starts, ends, CAPITALS_ONLY, kernel);
        const withChars = countSegments(shared, starts, ends, CAPITALS_AND_CHARACTERS, kernel);
        const general = countSegments(shared, starts, ends, ALL_METRICS_MASK, kernel);
        for (let k = 0; k < starts.length; k++) {
          const where = `${JSON.stringify(text)} [${starts[k]}, ${ends[k]}) at offset ${offset}`;
          const expected = upperByRegex(plain, starts[k], ends[k]);
          // Python's len(): code points, counted independently by decoding the bytes.
          const codePoints = [...plain.subarray(starts[k], ends[k]).toString("utf8")].length;
          assert.equal(fast.counts[k * METRIC_COUNT + CAPITALS], expected, `fast, ${where}`);
          assert.equal(fast.counts[k * METRIC_COUNT + CHARACTERS], 0, `not asked, ${where}`);
          assert.equal(withChars.counts[k * METRIC_COUNT + CAPITALS], expected, `+chars, ${where}`);
          assert.equal(
            withChars.counts[k * METRIC_COUNT + CHARACTERS],
            codePoints,
            `chars, ${where}`,
          );
          assert.equal(general.counts[k * METRIC_COUNT + CAPITALS], expected, `general, ${where}`);
        }
        // Alignment must not change any metric of the general path either.
        assert.deepEqual(general.counts, reference.counts, `all metrics at offset ${offset}`);
        assert.deepEqual(general.edges, reference.edges, `edges at offset ${offset}`);
      }
    }
  });

  test(`CAPITALS fast path agrees with the general path, ${label} kernel: on segments under four bytes, alone in a tiny buffer`, () => {
    for (const text of ["", "A", "a", "AB", "ÉA", "É", "ǅ", "AÉ", "ABC", "𝐀", "Ⅻ"]) {
      const plain = Buffer.from(text, "utf8");
      const expected = upperByRegex(plain, 0, plain.length);
      for (let offset = 0; offset < 4; offset++) {
        // A buffer exactly as long as the view reaches, so nothing past the text can be read.
        const view = new Uint8Array(new SharedArrayBuffer(offset + plain.length), offset);
        view.set(plain);
        const fast = countSegments(view, [0], [view.length], CAPITALS_ONLY, kernel);
        const general = countSegments(view, [0], [view.length], ALL_METRICS_MASK, kernel);
        assert.equal(fast.counts[CAPITALS], expected, `fast ${JSON.stringify(text)} @${offset}`);
        assert.equal(
          general.counts[CAPITALS],
          expected,
          `general ${JSON.stringify(text)} @${offset}`,
        );
      }
    }
  });
}
