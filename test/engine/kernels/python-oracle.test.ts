import assert from "node:assert/strict";
import { test } from "node:test";
import { ALL_METRICS_MASK, METRIC_COUNT } from "../../../src/metrics/metrics";
import { countSegments, countText } from "../../../src/engine/kernels/text.kernel";
import { pythonJson } from "../../support/python";
import { allKernelsAndSmallWindow } from "./kernels";
import { candidateGroups, randomInt, randomText, seededRandom, segmentsOf } from "./random-text";

/**
 * Python 3.11 is the oracle: the metrics are defined as its str methods. It must be present;
 * a missing interpreter fails the test instead of skipping it.
 */
function runPython<T>(script: string, input: unknown): T {
  return pythonJson<T>(script, { input: JSON.stringify(input) });
}

const READ_INPUT =
  "import json, sys, unicodedata\ndata = json.loads(sys.stdin.buffer.read().decode('utf-8'))\n";

/**
 * Which candidates may be drawn. Python 3.11 knows Unicode 14 and Node 20 a later version, so
 * the two oracles disagree on characters assigned after 14 (Python sees category Cn) and on
 * the few older ones whose properties were revised since (U+0295 stopped being Lowercase, for
 * one). On those, a mismatch would say nothing about the kernel; its agreement with the running
 * engine's own Unicode data for every code point is the exhaustive test's job.
 */
const PROPERTIES_SCRIPT = `${READ_INPUT}
print(json.dumps([[unicodedata.category(chr(cp)) != 'Cn', chr(cp).isupper(), chr(cp).islower(),
                   chr(cp).isdecimal()] for cp in data]))`;

const METRICS_SCRIPT = `${READ_INPUT}
print(json.dumps([[sum(c.isupper() for c in s), sum(c.islower() for c in s),
                   sum(c.isdecimal() for c in s), sum(c.isspace() for c in s),
                   len(s.split()), len(s.splitlines()), len(s)] for s in data]))`;

function drawableGroups(): number[][] {
  const groups = candidateGroups();
  const codePoints = groups.flat().filter((cp) => cp >= 0);
  const properties = runPython<[boolean, boolean, boolean, boolean][]>(
    PROPERTIES_SCRIPT,
    codePoints,
  );
  const stable = new Set<number>();
  codePoints.forEach((cp, k) => {
    const [assigned, upper, lower, decimal] = properties[k];
    const ch = String.fromCodePoint(cp);
    if (
      assigned &&
      upper === /\p{Uppercase}/u.test(ch) &&
      lower === /\p{Lowercase}/u.test(ch) &&
      decimal === /\p{Nd}/u.test(ch)
    ) {
      stable.add(cp);
    }
  });
  // The characters the brief singles out must survive the filter, or the test proves little.
  for (const ch of "AÉÜΑΓαДЖⅫⒶ𝐀ǅ٣²\u3000\u001c\ufeff\u2028\u0085") {
    assert.ok(stable.has(ch.codePointAt(0) as number), `${JSON.stringify(ch)} was filtered out`);
  }
  assert.ok(!stable.has(0x295), "U+0295 changed Lowercase after Unicode 14 and must be excluded");
  return groups.map((group) => group.filter((cp) => cp === -1 || stable.has(cp)));
}

test("countText against Python 3.11", async (t) => {
  const texts: string[] = [];
  let expected: number[][] = [];

  t.before(() => {
    const groups = drawableGroups();
    const random = seededRandom(20240611);
    for (let k = 0; k < 3000; k++) {
      // Every third string is mostly ASCII letters, so the word-at-a-time paths run too.
      texts.push(randomText(random, groups, randomInt(random, 40), k % 3 === 0 ? 0.8 : 0.1));
    }
    for (let k = 0; k < 40; k++) {
      texts.push(randomText(random, groups, 500 + randomInt(random, 3000), 0.9));
    }
    expected = runPython<number[][]>(METRICS_SCRIPT, texts);
  });

  for (const { label, kernel } of allKernelsAndSmallWindow()) {
    await t.test(`matches every metric of every random string, ${label} kernel`, () => {
      const mismatches = texts
        .map((text, k) => ({
          text,
          python: expected[k],
          counted: countText(text, ALL_METRICS_MASK, kernel),
        }))
        .filter(({ python, counted }) => JSON.stringify(python) !== JSON.stringify(counted));
      assert.deepEqual(mismatches.slice(0, 3), []);
    });

    await t.test(
      `matches when all strings are segments of one buffer, at every alignment, ${label} kernel`,
      () => {
        const { bytes, starts, ends } = segmentsOf(texts);
        const result = countSegments(bytes, starts, ends, ALL_METRICS_MASK, kernel);
        const mismatches = texts
          .map((text, k) => ({
            text,
            python: expected[k],
            counted: Array.from(result.counts.subarray(k * METRIC_COUNT, (k + 1) * METRIC_COUNT)),
          }))
          .filter(({ python, counted }) => JSON.stringify(python) !== JSON.stringify(counted));
        assert.deepEqual(mismatches.slice(0, 3), []);
      },
    );
  }
});
