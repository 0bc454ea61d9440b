import assert from "node:assert/strict";
import { test } from "node:test";
import { ALL_METRICS_MASK, maskOf, METRIC_COUNT, METRIC_INDEX } from "../../../src/metrics/metrics";
import { countSegments, countText } from "../../../src/engine/kernels/text.kernel";
import { allKernels } from "./kernels";
import { PYTHON_SPACES, segmentsOf } from "./random-text";

/**
 * Every code point, checked against the running engine's regex properties. The regexes are
 * the specification here; the kernels never run them (they read tables built once).
 */
const CAPITALS_ONLY = maskOf(["CAPITALS"]);
const SPACES = new Set(PYTHON_SPACES);

function* allCodePoints(): Generator<number> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield cp;
}

/** All seven metrics of a one-character text, from the regexes and Python's fixed sets. */
function expectedForOne(ch: string, cp: number): number[] {
  const space = SPACES.has(cp) ? 1 : 0;
  return [
    /\p{Uppercase}/u.test(ch) ? 1 : 0,
    /\p{Lowercase}/u.test(ch) ? 1 : 0,
    /\p{Nd}/u.test(ch) ? 1 : 0,
    space,
    1 - space, // a lone non-space is one word
    1, // one line, whether or not the character is a line break
    1,
  ];
}

for (const { label, kernel } of allKernels()) {
  test(`every code point from U+0000 to U+10FFFF (surrogates excluded), ${label} kernel: counts as a capital exactly when /\\p{Uppercase}/u matches it`, () => {
    const wrong: string[] = [];
    for (const cp of allCodePoints()) {
      const ch = String.fromCodePoint(cp);
      const expected = /\p{Uppercase}/u.test(ch) ? 1 : 0;
      if (countText(ch, CAPITALS_ONLY, kernel)[METRIC_INDEX.CAPITALS] !== expected) {
        wrong.push(cp.toString(16));
      }
    }
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} code points miscounted`);
  });

  test(`every code point from U+0000 to U+10FFFF (surrogates excluded), ${label} kernel: gets every metric right with all metrics on`, () => {
    const wrong: string[] = [];
    for (const cp of allCodePoints()) {
      const ch = String.fromCodePoint(cp);
      const got = countText(ch, ALL_METRICS_MASK, kernel);
      if (JSON.stringify(got) !== JSON.stringify(expectedForOne(ch, cp))) {
        wrong.push(`${cp.toString(16)}: ${JSON.stringify(got)}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} code points miscounted`);
  });

  test(`every code point from U+0000 to U+10FFFF (surrogates excluded), ${label} kernel: counts right inside long mixed segments, where the word-at-a-time loops run`, () => {
    // All code points in order, each after an ASCII letter so that runs shift alignment,
    // cut into segments of 61 code points (prime, so segment starts take every alignment).
    const pieces: string[] = [];
    for (const cp of allCodePoints())
      pieces.push(String.fromCodePoint(cp), cp % 3 === 0 ? "Ab" : "c");
    const perSegment = 61 * 2;
    const texts: string[] = [];
    for (let k = 0; k < pieces.length; k += perSegment) {
      texts.push(pieces.slice(k, k + perSegment).join(""));
    }
    const { bytes, starts, ends } = segmentsOf(texts);
    const fast = countSegments(bytes, starts, ends, CAPITALS_ONLY, kernel);
    const general = countSegments(bytes, starts, ends, ALL_METRICS_MASK, kernel);
    const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;
    const wrong: string[] = [];
    texts.forEach((text, k) => {
      const row = k * METRIC_COUNT;
      const upper = count(text, /\p{Uppercase}/gu);
      const expected = [
        upper,
        count(text, /\p{Lowercase}/gu),
        count(text, /\p{Nd}/gu),
        [...text].filter((ch) => SPACES.has(ch.codePointAt(0) as number)).length,
      ];
      const got = Array.from(general.counts.subarray(row, row + expected.length));
      if (fast.counts[row] !== upper || JSON.stringify(got) !== JSON.stringify(expected)) {
        wrong.push(`segment ${k}: fast ${fast.counts[row]}, general ${got}, expected ${expected}`);
      }
      if (general.counts[row + METRIC_INDEX.CHARACTERS] !== [...text].length) {
        wrong.push(`segment ${k}: characters`);
      }
    });
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} segments miscounted`);
  });
}
