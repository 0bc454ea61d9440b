import assert from "node:assert/strict";
import { test } from "node:test";
import { sentKeyRange } from "../../src/dashboard/shared/time-buckets";
import { capitalRuns } from "../../src/dashboard/shared/capitals";
import { pythonJson } from "../support/python";

const KEYS = [
  "2012-09-12",
  "2012-02-29",
  "2012-W37",
  "2009-W53",
  "2010-W01",
  "2015-W53",
  "2012-09",
  "2012-12",
  "2012-Q3",
  "2012-Q4",
  "2012",
];

/** Python's datetime (date.fromisocalendar for ISO weeks) as the oracle of each key's range. */
const RANGES = String.raw`
import json, sys
from datetime import date, datetime, timedelta, timezone
def iso(d): return datetime(d.year, d.month, d.day, tzinfo=timezone.utc).isoformat().replace('+00:00', '.000Z')
def month(y, m): return date(y + (m - 1) // 12, (m - 1) % 12 + 1, 1)
out = {}
for k in json.loads(sys.argv[1]):
    if '-W' in k:
        y, w = k.split('-W'); a = date.fromisocalendar(int(y), int(w), 1); b = a + timedelta(days=7)
    elif '-Q' in k:
        y, q = k.split('-Q'); a = month(int(y), 3 * int(q) - 2); b = month(int(y), 3 * int(q) + 1)
    elif k.count('-') == 2:
        a = date.fromisoformat(k); b = a + timedelta(days=1)
    elif k.count('-') == 1:
        y, m = map(int, k.split('-')); a = month(y, m); b = month(y, m + 1)
    else:
        a = date(int(k), 1, 1); b = date(int(k) + 1, 1, 1)
    out[k] = {'sentAfter': iso(a), 'sentBefore': iso(b)}
print(json.dumps(out))
`;

test("a SENT group key maps back to the UTC range Python's datetime gives it, ISO weeks included", () => {
  const expected = pythonJson<Record<string, { sentAfter: string; sentBefore: string }>>(RANGES, {
    args: [JSON.stringify(KEYS)],
  });
  for (const key of KEYS) assert.deepEqual(sentKeyRange(key), expected[key], key);
  assert.equal(sentKeyRange("(unknown)"), null);
  assert.equal(sentKeyRange("2012-Q5"), null);
});

test("highlighting marks exactly the characters Python's isupper() counts, per code point", () => {
  const texts = [
    "Hello World",
    "ÉCOLE école",
    "Ⅻ Ⓐ 𝐀 ǅ",
    "",
    "UNCLASSIFIED\nU.S. Dept",
    "ΑΒΓ δ ДЖ",
  ];
  const python = pythonJson<{ upper: string; count: number }[]>(
    "import json,sys\nprint(json.dumps([{'upper': ''.join(c for c in t if c.isupper()), 'count': sum(c.isupper() for c in t)} for t in json.loads(sys.stdin.read())]))",
    { input: JSON.stringify(texts) },
  );
  texts.forEach((text, i) => {
    const { runs, capitals } = capitalRuns(text);
    assert.equal(capitals, python[i].count, text);
    assert.equal(
      runs
        .filter((r) => r.upper)
        .map((r) => r.text)
        .join(""),
      python[i].upper,
      text,
    );
    assert.equal(runs.map((r) => r.text).join(""), text, "the runs are the whole text, in order");
  });
});
