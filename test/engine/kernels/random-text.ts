/** Seeded random text for the kernel tests: deterministic, so a failure reproduces. */

import type { Random } from "../../support/seeded-random";

export { seededRandom, type Random } from "../../support/seeded-random";

export function randomInt(random: Random, below: number): number {
  return Math.floor(random() * below);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** Python's isspace set, written out independently of the kernel's table. */
export const PYTHON_SPACES: readonly number[] = [
  ...range(0x09, 0x0d),
  ...range(0x1c, 0x20),
  0x85,
  0xa0,
  0x1680,
  ...range(0x2000, 0x200a),
  0x2028,
  0x2029,
  0x202f,
  0x205f,
  0x3000,
];

/** Python's splitlines boundaries ("\r\n" is also one, as a pair). */
export const PYTHON_LINE_BREAKS: readonly number[] = [
  0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029,
];

/** Look-alikes that are NOT Python whitespace, to catch a too-wide space set. */
const NOT_SPACES = [0xfeff, 0x200b, 0x180e, 0x1f];

/**
 * Candidate code points by group. Groups are drawn with equal weight, so rare kinds (astral
 * capitals, line breaks, exotic digits) appear often. Callers may filter them, as the Python
 * test does.
 */
export function candidateGroups(): number[][] {
  return [
    range(0x20, 0x7e), // printable ASCII
    range(0x41, 0x5a), // ASCII capitals, the hot case
    range(0xa0, 0xff), // Latin-1: É Ü é ß ª ² ½ NBSP
    range(0x100, 0x2af), // Latin Extended-A/B (ǅ Ǆ ǆ) and IPA (U+0295 changed after Unicode 14)
    range(0x370, 0x3ff), // Greek
    range(0x400, 0x4ff), // Cyrillic
    range(0x1d400, 0x1d7ff), // mathematical alphanumerics: 𝐀 (astral capitals), 𝟘 (Nd)
    [...range(0x2160, 0x2188), ...range(0x24b6, 0x24e9)], // Ⅻ, Ⓐ..ⓩ (Other_Upper/Lowercase)
    [...range(0x660, 0x669), ...range(0x966, 0x96f), ...range(0xe50, 0xe59)], // Nd digits
    [...range(0xff10, 0xff19), ...range(0x30, 0x39), 0xb2, 0xb3, 0xb9, 0xbd], // more digits, ²
    [...PYTHON_SPACES, ...NOT_SPACES, 0x20, 0x20, 0x20], // every space, mostly " "
    [...PYTHON_LINE_BREAKS, -1], // -1 stands for the "\r\n" pair
  ];
}

/** A random string from the groups; asciiBias in [0, 1] is the chance of plain ASCII letters. */
export function randomText(
  random: Random,
  groups: readonly (readonly number[])[],
  length: number,
  asciiBias: number,
): string {
  let text = "";
  for (let k = 0; k < length; k++) {
    if (random() < asciiBias) {
      text += String.fromCharCode(random() < 0.15 ? 0x20 : 0x41 + randomInt(random, 58));
      continue;
    }
    const group = groups[randomInt(random, groups.length)];
    const cp = group[randomInt(random, group.length)];
    text += cp === -1 ? "\r\n" : String.fromCodePoint(cp);
  }
  return text;
}

/** Code-point boundaries of text as UTF-8 byte offsets, from 0 to the byte length inclusive. */
export function codePointByteOffsets(text: string): number[] {
  const offsets = [0];
  let at = 0;
  for (const ch of text) {
    at += Buffer.byteLength(ch, "utf8");
    offsets.push(at);
  }
  return offsets;
}

/** The texts' UTF-8 laid end to end in one buffer, with each text's byte range. */
export function segmentsOf(texts: readonly string[]): {
  bytes: Buffer;
  starts: number[];
  ends: number[];
} {
  const encoded = texts.map((text) => Buffer.from(text, "utf8"));
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const piece of encoded) {
    starts.push(at);
    at += piece.length;
    ends.push(at);
  }
  return { bytes: Buffer.concat(encoded), starts, ends };
}
