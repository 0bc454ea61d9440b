import { PYTHON_LINE_BREAKS, PYTHON_SPACES } from "./random-text";

const SPACES = new Set(PYTHON_SPACES);
const BREAKS = new Set(PYTHON_LINE_BREAKS);

/**
 * The seven metrics of text by Python's definitions, computed with string operations and the
 * engine's regex properties, sharing nothing with the kernels: an oracle that costs no Python
 * process, for tests that check millions of segments. Order: METRICS.
 */
export function pythonRules(text: string): number[] {
  const chars = [...text];
  const codes = chars.map((ch) => ch.codePointAt(0) as number);
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  let words = 0;
  let inWord = false;
  for (const cp of codes) {
    const space = SPACES.has(cp);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  // splitlines: a break ends a line; "\r\n" is one break; text after the last break is a line.
  let lines = 0;
  for (let i = 0; i < codes.length; i++) {
    if (!BREAKS.has(codes[i])) continue;
    if (codes[i] === 0x0d && codes[i + 1] === 0x0a) i++;
    lines++;
  }
  if (codes.length > 0 && !BREAKS.has(codes[codes.length - 1])) lines++;
  return [
    count(/\p{Uppercase}/gu),
    count(/\p{Lowercase}/gu),
    count(/\p{Nd}/gu),
    codes.filter((cp) => SPACES.has(cp)).length,
    words,
    lines,
    chars.length,
  ];
}
