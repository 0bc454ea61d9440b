/**
 * Python's `c.isupper()` for one code point is the Unicode property Uppercase (Lu plus
 * Other_Uppercase: Ⅻ, Ⓐ; not titlecase ǅ). Iterating a string with for..of walks code
 * points, so 𝐀 (outside the BMP) is one capital, as in Python.
 */
const UPPER = /^\p{Uppercase}$/u;

export interface TextRun {
  text: string;
  upper: boolean;
}

/** The text cut into alternating runs of capitals and other characters, and the capital count. */
export function capitalRuns(text: string): { runs: TextRun[]; capitals: number } {
  const runs: TextRun[] = [];
  let capitals = 0;
  let current = "";
  let currentUpper = false;
  for (const ch of text) {
    const upper = UPPER.test(ch);
    if (upper) capitals++;
    if (upper !== currentUpper && current !== "") {
      runs.push({ text: current, upper: currentUpper });
      current = "";
    }
    currentUpper = upper;
    current += ch;
  }
  if (current !== "") runs.push({ text: current, upper: currentUpper });
  return { runs, capitals };
}
