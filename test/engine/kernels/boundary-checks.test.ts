import assert from "node:assert/strict";
import { test } from "node:test";
import { jsKernel, kernelFor } from "../../../src/engine/kernels/kernel-selection";
import { ALL_METRICS_MASK, maskOf } from "../../../src/metrics/metrics";
import { countSegments } from "../../../src/engine/kernels/text.kernel";
import { inCorpusMemory } from "./kernels";

/**
 * The in-place SIMD kernel checks code-point boundaries itself, after counting each batch:
 * countSegments must still throw exactly the JS kernel's error, for the first bad segment.
 */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return err instanceof RangeError ? err.message : `not a RangeError: ${String(err)}`;
  }
  return "no error";
}

const UNIT = "ab É€𝐀\r\n"; // 1 + 1 + 1 + 2 + 3 + 4 + 2 bytes
const bytes = Buffer.from(UNIT.repeat(400), "utf8");
const unitBytes = Buffer.byteLength(UNIT);
const starts = Array.from({ length: 2000 }, (_, k) => (k % 400) * unitBytes);
const ends = starts.map((s) => s + unitBytes);

const CASES: [string, number[], number[]][] = [
  ["a start inside É", [4], [unitBytes]],
  ["an end inside 𝐀", [0], [9]],
  ["a bad boundary at segment 1500, past the first scratch batch", starts, ends.with(1500, 6)],
  ["a bad boundary before an invalid range", [0, 5, 2], [unitBytes, 10, 1]],
  ["an invalid range before a bad boundary", [0, 2, 5], [unitBytes, 1, 10]],
  ["a bad boundary before a range past the end", [4, 0], [unitBytes, bytes.length + 1]],
];

test("in-place SIMD kernel: rejects segments that cut through a code point with countSegments' own error, for the first bad segment", () => {
  const { view, memory } = inCorpusMemory(bytes);
  const inPlace = kernelFor("wasm-simd", memory.memory);
  assert.equal(inPlace.checksCodePointBoundaries, true);
  for (const mask of [ALL_METRICS_MASK, maskOf(["CAPITALS", "CHARACTERS"])]) {
    for (const [what, s, e] of CASES) {
      const expected = errorOf(() => countSegments(bytes, s, e, mask, jsKernel()));
      assert.match(expected, /segment \d+ /, what);
      assert.equal(
        errorOf(() => countSegments(view, s, e, mask, inPlace)),
        expected,
        what,
      );
    }
    // And valid segments still count as the JS kernel does.
    assert.deepEqual(
      countSegments(view, starts, ends, mask, inPlace),
      countSegments(bytes, starts, ends, mask, jsKernel()),
    );
  }
});
