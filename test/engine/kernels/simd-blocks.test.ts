import assert from "node:assert/strict";
import { test } from "node:test";
import type { KernelBackend } from "../../../src/engine/kernels/kernel-backend";
import { jsKernel, kernelFor } from "../../../src/engine/kernels/kernel-selection";
import { ALL_METRICS_MASK, maskOf, METRIC_COUNT } from "../../../src/metrics/metrics";
import { countSegments } from "../../../src/engine/kernels/text.kernel";
import {
  inCorpusMemory,
  inPlaceSimdKernel,
  requiredSimdKernel,
  smallWindowSimdKernel,
} from "./kernels";
import { pythonRules } from "./python-rules";
import { candidateGroups, randomInt, randomText, seededRandom, segmentsOf } from "./random-text";

/**
 * The SIMD kernel's own edges: 16-byte blocks, where plain-ASCII runs start and stop, its
 * counters' flush budgets, the copy window's cuts. Each segment's seven counts are checked
 * against pythonRules, and all counts and edge flags against the JS kernel.
 */
const SIMD: { label: string; kernel: KernelBackend }[] = [
  { label: "default window", kernel: requiredSimdKernel() },
  { label: "64-byte window", kernel: smallWindowSimdKernel(64) },
  { label: "32-byte window", kernel: smallWindowSimdKernel(32) },
  { label: "in place (corpus memory)", kernel: inPlaceSimdKernel() },
];
const MASKS = [
  ALL_METRICS_MASK,
  maskOf(["CAPITALS"]),
  maskOf(["CAPITALS", "CHARACTERS"]),
  maskOf(["WORDS", "LINES"]),
];

interface Laid {
  bytes: Uint8Array;
  starts: number[];
  ends: number[];
  texts: string[];
}

/**
 * Texts in one SharedArrayBuffer (as resident tasks see it), each starting at a chosen byte
 * offset modulo 16. The gap before each is "\r" or "x", so a "\r" just before a segment,
 * which must not pair with a "\n" that starts it, occurs often.
 */
function layOut(items: readonly { text: string; align: number }[], viewOffset = 0): Laid {
  const encoded = items.map(({ text }) => Buffer.from(text, "utf8"));
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 1;
  items.forEach(({ align }, k) => {
    at += (align - (viewOffset + at)) & 15;
    starts.push(at);
    at += encoded[k].length;
    ends.push(at);
    at += 1;
  });
  const bytes = new Uint8Array(new SharedArrayBuffer(viewOffset + at + 16), viewOffset, at);
  bytes.fill(0x78);
  items.forEach((_, k) => {
    if (k % 2 === 1) bytes[starts[k] - 1] = 0x0d;
    bytes.set(encoded[k], starts[k]);
  });
  return { bytes, starts, ends, texts: items.map(({ text }) => text) };
}

function assertAgrees(laid: Laid, what: string): void {
  const { bytes, starts, ends, texts } = laid;
  const expected = MASKS.map((mask) => countSegments(bytes, starts, ends, mask, jsKernel()));
  for (const { label, kernel } of SIMD) {
    MASKS.forEach((mask, m) => {
      const got = countSegments(bytes, starts, ends, mask, kernel);
      if (mask === ALL_METRICS_MASK) {
        const wrong = texts.flatMap((text, k) => {
          const counts = Array.from(got.counts.subarray(k * METRIC_COUNT, (k + 1) * METRIC_COUNT));
          const python = pythonRules(text);
          return JSON.stringify(counts) === JSON.stringify(python)
            ? []
            : [`${JSON.stringify(text)} at ${starts[k] % 16}: ${counts} vs Python ${python}`];
        });
        assert.deepEqual(wrong.slice(0, 3), [], `${what}, ${label}: ${wrong.length} wrong`);
      }
      assert.deepEqual(got.counts, expected[m].counts, `${what}, ${label}, mask ${mask}: counts`);
      assert.deepEqual(got.edges, expected[m].edges, `${what}, ${label}, mask ${mask}: edges`);
    });
  }
}

/** Plain ASCII of every SIMD class: capitals, lowercase, digits, spaces, tab, "\n", "\r\n". */
const FILLER = "Ab 9z Q\tx-Yy0 Mm.\nKk\r\nw  Zq7a b ";

function filler(length: number, phase: number): string {
  let s = "";
  while (s.length < length + phase) s += FILLER;
  return s.slice(phase, phase + length);
}

/** Characters that end a plain run, or sit at the edges of its ranges. */
const SPECIALS = [
  "É",
  "é",
  "€",
  "𝐀",
  "𝐚",
  "Ⅻ",
  "ǅ",
  "٣",
  "\u00a0",
  "\u0085",
  "\u2028",
  "\u3000",
  "\ufeff",
  "\u0000",
  "\u0008",
  "\u000e",
  "\u001b",
  "\u001c",
  "\u001e",
  "\u001f",
  "\u007f",
  "@",
  "[",
  "`",
  "{",
  "/",
  ":",
  "\t",
  "\n",
  "\r",
  "\r\n",
  " ",
];

test("SIMD kernel at its block edges, against Python's rules and the JS kernel: puts each special character at every offset of three blocks, segments at every alignment", () => {
  for (const special of SPECIALS) {
    const items: { text: string; align: number }[] = [];
    for (let offset = 0; offset < 48; offset++) {
      for (let align = 0; align < 16; align++) {
        const text = filler(offset, align) + special + filler(60 - offset, offset);
        items.push({ text, align });
      }
    }
    assertAgrees(layOut(items), `special ${JSON.stringify(special)}`);
  }
});

test('SIMD kernel at its block edges, against Python\'s rules and the JS kernel: never pairs a segment\'s leading "\\n" with a "\\r" that ends the segment before it', () => {
  // Back to back, as a task's emails lie, so both land in one copied piece and the
  // kernel's look at the byte before a block sees the previous segment's "\r".
  const texts: string[] = [];
  for (let length = 0; length < 20; length++) {
    texts.push(filler(length, length) + "\r", "\n" + filler(40, 3), "\n\r", "\n" + filler(33, 5));
  }
  const { bytes, starts, ends } = segmentsOf(texts);
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  assertAgrees({ bytes: shared, starts, ends, texts }, "back-to-back segments");
});

test("SIMD kernel at its block edges, against Python's rules and the JS kernel: counts segments of every length from 0 to 80 at every alignment", () => {
  const items: { text: string; align: number }[] = [];
  for (let length = 0; length <= 80; length++) {
    for (let align = 0; align < 16; align++) items.push({ text: filler(length, align), align });
  }
  assertAgrees(layOut(items), "lengths 0..80");
});

test("SIMD kernel at its block edges, against Python's rules and the JS kernel: keeps exact counts across runs longer than the byte counters can hold", () => {
  const items: { text: string; align: number }[] = [];
  for (const unit of ["A", "a", "0", " ", "\n", "\r\n", "\r", "ab ", "Ab1 \r\n", "\u001c\t"]) {
    for (const length of [1008, 4080, 4096, 4112, 8167, 20000]) {
      items.push({ text: unit.repeat(Math.ceil(length / unit.length)), align: length % 16 });
    }
  }
  assertAgrees(layOut(items), "long runs");
});

test("SIMD kernel at its block edges, against Python's rules and the JS kernel: agrees on random mostly-ASCII texts at random alignments and view offsets", () => {
  const random = seededRandom(1313);
  const groups = candidateGroups();
  for (let viewOffset = 0; viewOffset < 16; viewOffset++) {
    const items: { text: string; align: number }[] = [];
    for (let k = 0; k < 40; k++) {
      const bias = [0.9, 0.99, 0.999, 1][k % 4];
      items.push({
        text: randomText(random, groups, randomInt(random, 1500), bias),
        align: randomInt(random, 16),
      });
    }
    assertAgrees(layOut(items, viewOffset), `random texts, view offset ${viewOffset}`);
  }
});

test("SIMD kernel at its block edges, against Python's rules and the JS kernel: counts segments in place when the bytes lie in a corpus memory", () => {
  const random = seededRandom(77);
  const groups = candidateGroups();
  const texts = Array.from({ length: 300 }, (_, k) =>
    randomText(random, groups, randomInt(random, 700), k % 2 === 0 ? 0.99 : 0.6),
  );
  const laid = segmentsOf(texts);
  const { view: inPlace, memory } = inCorpusMemory(laid.bytes);
  const kernel = kernelFor("wasm-simd", memory.memory);
  for (const mask of MASKS) {
    const got = countSegments(inPlace, laid.starts, laid.ends, mask, kernel);
    const js = countSegments(laid.bytes, laid.starts, laid.ends, mask, jsKernel());
    assert.deepEqual(got.counts, js.counts, `in place, mask ${mask}`);
    assert.deepEqual(got.edges, js.edges, `in place, mask ${mask}`);
  }
});

test("SIMD kernel at its block edges, against Python's rules and the JS kernel: cuts segments longer than the window at every position, merging exactly", () => {
  // One long segment per window size: the cuts fall before, inside and after astral
  // capitals, "\r\n" pairs and words, at every offset as the window size varies.
  const text = filler(40, 3) + "𝐀x\r\n𝐀𝐀 é€\u3000ab\u2028" + filler(90, 7) + "𝐀\r";
  for (let window = 32; window <= 80; window++) {
    const kernel = smallWindowSimdKernel(window);
    for (let align = 0; align < 16; align += 5) {
      const { bytes, starts, ends } = layOut([{ text, align }]);
      const got = countSegments(bytes, starts, ends, ALL_METRICS_MASK, kernel);
      const js = countSegments(bytes, starts, ends, ALL_METRICS_MASK, jsKernel());
      const where = `window ${window}, alignment ${align}`;
      assert.deepEqual(Array.from(got.counts), pythonRules(text), where);
      assert.deepEqual(got.edges, js.edges, where);
    }
  }
});

test("SIMD kernel at its block edges, against Python's rules and the JS kernel: puts a character whose predecessor the plain-run pass must correct at the counters' flush boundaries", () => {
  // A plain run starts after the code point before it, which its first block reads back as
  // one byte: non-ASCII non-space ("é", U+FEFF), non-ASCII space (U+00A0, U+3000) or a
  // control; then a space or a letter. Placed just before and after the byte counters'
  // flush every 255 blocks (4080 bytes) of a run.
  const items: { text: string; align: number }[] = [];
  for (const before of ["é", "\ufeff", "\u00a0", "\u3000", "\u0000", "\r", "x", " "]) {
    for (const after of [" ", "a", "\n", "A"]) {
      for (const at of [4064, 4079, 4080, 4081, 4095, 8160, 8175]) {
        for (const align of [0, 1, 15]) {
          const head = filler(at, at % 7);
          items.push({ text: head + before + after + filler(40, 2), align });
        }
      }
    }
  }
  assertAgrees(layOut(items), "predecessors at flush boundaries");
});
