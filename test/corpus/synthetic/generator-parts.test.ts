import assert from "node:assert/strict";
import { test } from "node:test";
import {
  civilFromDays,
  daysFromCivil,
  metadataTimestamp,
  sentLine,
  usDate,
} from "../../../src/corpus/synthetic/calendar";
import { countCodePoints } from "../../../src/corpus/synthetic/corpus.generator";
import { formatField, formatRecord } from "../../../src/corpus/synthetic/csv-format";
import {
  LengthPlan,
  SeededPermutation,
  inverseNormalCdf,
} from "../../../src/corpus/synthetic/length-plan";
import { Prng, combineSeeds } from "../../../src/corpus/synthetic/prng";
import { pythonJson } from "../../support/python";

test("csv-format (Python's QUOTE_MINIMAL rule, worked by hand)", async (t) => {
  const cases: [string, string][] = [
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['Re: "Libya", update', '"Re: ""Libya"", update"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["crlf\r\nline", '"crlf\r\nline"'],
    ["lone\rcr", '"lone\rcr"'],
    ["É Ω Д 𝐀", "É Ω Д 𝐀"],
    [" padded ", " padded "],
  ];
  for (const [value, expected] of cases) {
    await t.test(`formats ${JSON.stringify(value)}`, () =>
      assert.equal(formatField(value), expected),
    );
  }
  await t.test("joins a record with commas and ends it with \\n", () => {
    assert.equal(formatRecord(["1", "a,b", ""]), '1,"a,b",\n');
  });
});

test("calendar (dates checked against a printed calendar): numbers days from 1970-01-01 and round-trips", () => {
  assert.equal(daysFromCivil({ year: 1970, month: 1, day: 1 }), 0);
  assert.equal(daysFromCivil({ year: 2000, month: 3, day: 1 }), 11017);
  assert.equal(daysFromCivil({ year: 1969, month: 12, day: 31 }), -1);
  for (let d = 14000; d < 17000; d += 1) {
    assert.equal(daysFromCivil(civilFromDays(d)), d);
  }
  assert.deepEqual(civilFromDays(daysFromCivil({ year: 2012, month: 2, day: 29 })), {
    year: 2012,
    month: 2,
    day: 29,
  });
});

test("calendar (dates checked against a printed calendar): formats the Sent line with the right weekday and a 12-hour clock", () => {
  const march3 = daysFromCivil({ year: 2011, month: 3, day: 3 });
  assert.equal(sentLine(march3, 9 * 60 + 45), "Thursday, March 3, 2011 9:45 AM");
  const sept12 = daysFromCivil({ year: 2012, month: 9, day: 12 });
  assert.equal(sentLine(sept12, 0 * 60 + 5), "Wednesday, September 12, 2012 12:05 AM");
  assert.equal(sentLine(sept12, 12 * 60 + 30), "Wednesday, September 12, 2012 12:30 PM");
  assert.equal(sentLine(sept12, 23 * 60 + 59), "Wednesday, September 12, 2012 11:59 PM");
  assert.equal(usDate(daysFromCivil({ year: 2015, month: 5, day: 13 })), "05/13/2015");
});

test("calendar (dates checked against a printed calendar): writes Washington midnight in UTC, switching on the 2010 DST dates", () => {
  const at = (month: number, day: number, year = 2010) =>
    metadataTimestamp(daysFromCivil({ year, month, day }));
  assert.equal(at(9, 12, 2012), "2012-09-12T04:00:00+00:00");
  assert.equal(at(1, 15), "2010-01-15T05:00:00+00:00");
  // 2010: clocks went forward on Sunday 14 March and back on Sunday 7 November, at 2 AM.
  assert.equal(at(3, 14), "2010-03-14T05:00:00+00:00");
  assert.equal(at(3, 15), "2010-03-15T04:00:00+00:00");
  assert.equal(at(11, 7), "2010-11-07T04:00:00+00:00");
  assert.equal(at(11, 8), "2010-11-08T05:00:00+00:00");
});

test("length plan: inverts the normal CDF (values from a z-table)", () => {
  assert.ok(Math.abs(inverseNormalCdf(0.5)) < 1e-9);
  assert.ok(Math.abs(inverseNormalCdf(0.975) - 1.959964) < 1e-5);
  assert.ok(Math.abs(inverseNormalCdf(0.001) + 3.090232) < 1e-5);
  assert.throws(() => inverseNormalCdf(1), RangeError);
});

for (const size of [1, 2, 3, 7, 64, 1000, 4097]) {
  test(`length plan: permutes 0..${size - 1} onto itself exactly once each`, () => {
    const seen = new Uint8Array(size);
    const permutation = new SeededPermutation(size, 99);
    for (let i = 0; i < size; i++) seen[permutation.map(i)]++;
    assert.ok(seen.every((count) => count === 1));
  });
}

test("length plan: shuffles differently for different seeds", () => {
  const order = (seed: number) => {
    const p = new SeededPermutation(1000, seed);
    return Array.from({ length: 1000 }, (_, i) => p.map(i)).join(",");
  };
  assert.notEqual(order(1), order(2));
});

test("length plan: hits the mean it is given and keeps the floor, for any count", () => {
  const shape = { meanChars: 2000, minChars: 300, sigma: 1.6 };
  for (const count of [1, 10, 5000]) {
    const plan = new LengthPlan(count, 5, shape);
    const lengths = Array.from({ length: count }, (_, i) => plan.targetFor(i));
    const mean = lengths.reduce((a, b) => a + b, 0) / count;
    assert.ok(Math.abs(mean - 2000) < 1, `count ${count}: mean ${mean}`);
    assert.ok(Math.min(...lengths) >= 300);
  }
});

test("prng: is sfc32 seeded by splitmix32, as an independent Python version computes it", () => {
  const seeds = [0, 1, 20150522, 4294967295];
  const ours = seeds.map((seed) => {
    const rng = new Prng(seed);
    return Array.from({ length: 5 }, () => rng.nextUint32());
  });
  const python = pythonJson<number[][]>(
    String.raw`
import json
M = 0xFFFFFFFF
def mix32(x):
    z = (x + 0x9E3779B9) & M
    z = ((z ^ (z >> 16)) * 0x21F0AAAD) & M
    z = ((z ^ (z >> 15)) * 0x735A2D97) & M
    return z ^ (z >> 15)
def sfc32(seed):
    a = mix32(seed); b = mix32(a); c = mix32(b); d = 1
    while True:
        t = (a + b + d) & M
        d = (d + 1) & M
        a = b ^ (b >> 9)
        b = (c + (c << 3)) & M
        c = (((c << 21) | (c >> 11)) + t) & M
        yield t
out = []
for seed in [0, 1, 20150522, 4294967295]:
    g = sfc32(seed)
    for _ in range(12): next(g)
    out.append([next(g) for _ in range(5)])
print(json.dumps(out))
`,
  );
  assert.deepEqual(ours, python);
});

test("prng: keeps int() inside its range and reaches both ends", () => {
  const rng = new Prng(3);
  const seen = new Set<number>();
  for (let i = 0; i < 10_000; i++) {
    const v = rng.range(5, 9);
    assert.ok(Number.isInteger(v) && v >= 5 && v <= 9);
    seen.add(v);
  }
  assert.deepEqual([...seen].sort(), [5, 6, 7, 8, 9]);
});

test("prng: combines seeds order-sensitively", () => {
  assert.notEqual(combineSeeds(1, 2), combineSeeds(2, 1));
  assert.equal(combineSeeds(1, 2), combineSeeds(1, 2));
});

test("countCodePoints (Python len): counts an astral letter once and everything else per unit", () => {
  assert.equal(countCodePoints(""), 0);
  assert.equal(countCodePoints("abc"), 3);
  assert.equal(countCodePoints("ÉΩД"), 3);
  assert.equal(countCodePoints("𝐀𝐙x"), 3);
  assert.equal(countCodePoints("a\r\nb"), 4);
});
