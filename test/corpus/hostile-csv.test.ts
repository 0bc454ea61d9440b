import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { openSqlite, type Sqlite } from "../../src/db/sqlite";
import { applyMigrations } from "../../src/db/migrate";
import { loadCsv } from "../../src/corpus/csv-loader";
import { CsvLoadError } from "../../src/corpus/load-error";
import { readCorpusState } from "../../src/corpus/corpus-store";
import { fixtureCsv, FIXTURE } from "../support/fixture-corpus";
import { startTestApp } from "../support/test-app";
import { pythonOutput } from "../support/python";
import { tempDir } from "../support/temp-dir";

const PY_FIRST_INVALID = `
import sys
data = open(sys.argv[1], "rb").read()
try:
    data.decode("utf-8")
    print(-1, -1)
except UnicodeDecodeError as e:
    print(e.start, data.count(b"\\n", 0, e.start) + 1)
`;

const PY_CSV_ROWS = `
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
print(json.dumps([[int(r["Id"]), r["RawText"]] for r in rows]))
`;

function python(script: string, file: string): string {
  return pythonOutput(script, { args: [file] });
}

/** A database holding the fixture corpus (version 1), so a failed load has something to spare. */
async function seeded(t: TestContext): Promise<{ dir: string; db: Sqlite }> {
  const dir = tempDir(t);
  const db = openSqlite(path.join(dir, "t.db"));
  t.after(() => db.close());
  applyMigrations(db);
  const good = path.join(dir, "good.csv");
  fs.writeFileSync(good, fixtureCsv());
  await loadCsv(db, good);
  return { dir, db };
}

function assertUnchanged(db: Sqlite): void {
  assert.deepEqual(db.pragma("integrity_check"), [{ integrity_check: "ok" }]);
  assert.equal(readCorpusState(db)?.version, 1);
  const ids = db.prepare("SELECT Id FROM Email ORDER BY Id").pluck().all();
  assert.deepEqual(
    ids,
    FIXTURE.map((e) => e.id),
  );
  const staging = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'Email_staging%'");
  assert.deepEqual(staging.all(), []);
}

/** Deterministic bytes (xorshift32), so a failure reproduces. */
function garbage(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const header = Buffer.from('Id,RawText\n1,fine\n2,"bad ');
const INVALID: [string, Buffer][] = [
  ["random binary", garbage(65536, 0x9e3779b9)],
  ["a PNG header", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
  ["an overlong slash", Buffer.concat([header, Buffer.from([0xc0, 0xaf, 0x22, 0x0a])])],
  ["a UTF-16 surrogate", Buffer.concat([header, Buffer.from([0xed, 0xa0, 0x80, 0x22, 0x0a])])],
  ["a lone continuation byte", Buffer.concat([header, Buffer.from([0x80, 0x22, 0x0a])])],
  ["0xFF", Buffer.concat([header, Buffer.from([0x41, 0xff, 0x22, 0x0a])])],
  ["a code point above U+10FFFF", Buffer.concat([header, Buffer.from([0xf5, 0x80, 0x80, 0x80])])],
  ["a character cut off at the end", Buffer.concat([header, Buffer.from([0xe2, 0x82])])],
  [
    "a bad sequence straddling the 1 MiB read chunk",
    Buffer.concat([
      Buffer.from('Id,RawText\n1,"'),
      Buffer.alloc((1 << 20) - 15, 0x61),
      Buffer.from([0xe2, 0x82, 0x28, 0x22, 0x0a]),
    ]),
  ],
];

for (const [name, content] of INVALID) {
  test(`invalid UTF-8 (${name}) is refused at the byte Python names; the corpus is untouched`, async (t) => {
    const { dir, db } = await seeded(t);
    const file = path.join(dir, "bad.csv");
    fs.writeFileSync(file, content);
    const [offset, line] = python(PY_FIRST_INVALID, file).trim().split(" ").map(Number);
    assert.ok(offset >= 0, "the oracle agrees the file is not UTF-8");
    await assert.rejects(loadCsv(db, file), (err: unknown) => {
      assert.ok(err instanceof CsvLoadError, String(err));
      assert.match(err.message, new RegExp(`^${file}:${line}: invalid UTF-8 at byte ${offset}\\b`));
      return true;
    });
    assertUnchanged(db);
  });
}

test("valid-UTF-8 garbage (control bytes, NULs) is refused for its header", async (t) => {
  const { dir, db } = await seeded(t);
  const file = path.join(dir, "ctl.csv");
  fs.writeFileSync(file, Buffer.from(garbage(4096, 7).map((b) => b & 0x1f)));
  await assert.rejects(loadCsv(db, file), /:1: missing required columns Id, RawText in the header/);
  assertUnchanged(db);
});

/** 16 bytes, 12 code points, 3 capitals (A, É, 𝐀), and every CSV metacharacter. */
const PIECE = 'Ab"c\nÉ𝐀 \r\n,x';

test("a single 10 MiB field loads, round-trips exactly and is counted exactly", async (t) => {
  assert.equal(Buffer.byteLength(PIECE), 16);
  const reps = (10 * 1024 * 1024) / 16;
  const big = PIECE.repeat(reps);
  const csv = `Id,RawText\n1,"${big.replace(/"/g, '""')}"\n2,Tail\n`;
  const { app, gql } = await startTestApp(t, { csv });
  const row = app.db.prepare("SELECT RawText, RawTextBytes FROM Email WHERE Id = 1").get() as {
    RawText: string;
    RawTextBytes: number;
  };
  assert.equal(row.RawTextBytes, 10 * 1024 * 1024);
  assert.equal(row.RawText.length, big.length);
  const sha = (s: string) => createHash("sha256").update(s).digest("hex");
  assert.equal(sha(row.RawText), sha(big));
  const res = await gql<{ textStats: { totals: { metric: string; total: number }[] } }>(
    "{ textStats(metrics: [CAPITALS, CHARACTERS], fresh: true) { totals { metric total } } }",
  );
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  // "Tail" adds one capital and four characters.
  assert.deepEqual(res.data?.textStats.totals, [
    { metric: "CAPITALS", total: 3 * reps + 1 },
    { metric: "CHARACTERS", total: 12 * reps + 4 },
  ]);
});

test("a BOM, CRLF endings, and stray CR/LF/BOM inside fields load as Python's csv reads them", async (t) => {
  const { dir, db } = await seeded(t);
  const file = path.join(dir, "crlf.csv");
  const rows = [
    "Id,RawText",
    '10,"line one\r\nline two"',
    '11,"lone\rCR and lone\nLF"',
    "12,\ufeffBOM in a field",
    '13,"quote "" inside, and comma"',
    "14,",
  ];
  fs.writeFileSync(file, "\ufeff" + rows.join("\r\n") + "\r\n");
  const summary = await loadCsv(db, file);
  const expected = JSON.parse(python(PY_CSV_ROWS, file)) as [number, string][];
  assert.equal(expected.length, 5);
  assert.equal(summary.rows, expected.length);
  const got = db.prepare("SELECT Id, RawText FROM Email ORDER BY Id").raw().all();
  assert.deepEqual(got, expected);
});
