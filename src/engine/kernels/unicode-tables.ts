/**
 * Per-code-point class bits, derived from the running engine's own Unicode data so that the
 * kernels agree exactly with `/\p{Uppercase}/u` and friends, whatever Unicode version Node ships.
 */

export const CLASS_UPPER = 1; // Python isupper == \p{Uppercase}
export const CLASS_LOWER = 2; // Python islower == \p{Lowercase}
export const CLASS_DIGIT = 4; // Python isdecimal == \p{Nd}
export const CLASS_SPACE = 8; // Python isspace (fixed set below)
export const CLASS_BREAK = 16; // a line boundary for Python splitlines

/** Python's isspace set: fixed by CPython, not a Unicode property. Excludes U+FEFF and U+180E. */
const SPACE_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0d],
  [0x1c, 0x20],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];

/** Python's splitlines boundaries; all of them are also isspace characters. */
const LINE_BREAKS: readonly number[] = [
  0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029,
];

/** Sources, not RegExp objects: a global regex carries lastIndex, which must not be shared. */
const PROPERTY_RUNS: readonly (readonly [string, number])[] = [
  ["\\p{Uppercase}+", CLASS_UPPER],
  ["\\p{Lowercase}+", CLASS_LOWER],
  ["\\p{Nd}+", CLASS_DIGIT],
];

const PLANE_SIZE = 0x10000;
const PLANE_COUNT = 17;

/**
 * One flat Uint8Array of class bits per Unicode plane. Plane 0 is built eagerly (about 10 ms in
 * a fresh process, 3 ms warm) because nearly all text lives there; a flat 64 KB table makes the
 * hot-loop lookup a single read. An astral plane costs 5 to 9 ms and rarely occurs in mail, so
 * each is built on first use: all 16 up front would add about 90 ms to every worker start.
 */
export class CodePointClasses {
  /** Classes of U+0000..U+FFFF; surrogates are 0 because valid UTF-8 never encodes them. */
  readonly bmp: Uint8Array;
  private readonly astral: (Uint8Array | undefined)[] = new Array(PLANE_COUNT);

  constructor() {
    this.bmp = buildPlane(0);
  }

  /** Class bits of any code point; the kernels call it only for astral ones. */
  classOf(cp: number): number {
    if (cp < PLANE_SIZE) return this.bmp[cp];
    const plane = cp >>> 16;
    let table = this.astral[plane];
    if (table === undefined) {
      if (plane >= PLANE_COUNT) throw new RangeError(`code point ${cp} is beyond U+10FFFF`);
      table = buildPlane(plane);
      this.astral[plane] = table;
    }
    return table[cp & 0xffff];
  }
}

function buildPlane(plane: number): Uint8Array {
  const table = new Uint8Array(PLANE_SIZE);
  const text = planeText(plane);
  for (const [source, bit] of PROPERTY_RUNS) {
    const runs = new RegExp(source, "gu");
    // V8 interprets a regex's first execution and compiles it only afterwards; a first exec
    // that scans a whole plane in the interpreter is several times slower, so warm it up.
    runs.exec("a");
    runs.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = runs.exec(text)) !== null) {
      const runEnd = match.index + match[0].length;
      for (let k = match.index; k < runEnd;) {
        const cp = text.codePointAt(k) as number;
        table[cp & 0xffff] |= bit;
        k += cp > 0xffff ? 2 : 1;
      }
    }
  }
  if (plane === 0) markPythonWhitespace(table);
  return table;
}

/** Every code point of a plane in order, as one string (surrogates skipped: they are not text). */
function planeText(plane: number): string {
  // Little-endian bytes written one by one, not a Uint16Array view: that would follow the
  // host's byte order, and Node also runs on big-endian s390x.
  const utf16le = new Uint8Array(plane === 0 ? 2 * PLANE_SIZE : 4 * PLANE_SIZE);
  let k = 0;
  const put = (unit: number): void => {
    utf16le[k++] = unit & 0xff;
    utf16le[k++] = unit >>> 8;
  };
  for (let cp = plane * PLANE_SIZE, end = cp + PLANE_SIZE; cp < end; cp++) {
    if (cp >= PLANE_SIZE) {
      put(0xd800 | ((cp - PLANE_SIZE) >>> 10));
      put(0xdc00 | (cp & 0x3ff));
    } else if (cp < 0xd800 || cp > 0xdfff) {
      put(cp);
    }
  }
  return new TextDecoder("utf-16le").decode(utf16le.subarray(0, k));
}

function markPythonWhitespace(table: Uint8Array): void {
  for (const [from, to] of SPACE_RANGES) {
    for (let cp = from; cp <= to; cp++) table[cp] |= CLASS_SPACE;
  }
  for (const cp of LINE_BREAKS) table[cp] |= CLASS_BREAK;
}
