import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { openSqlite } from "../../src/db/sqlite";
import { loadCsv } from "../../src/corpus/csv-loader";
import { CsvLoadError } from "../../src/corpus/load-error";
import { readCorpusState } from "../../src/corpus/corpus-store";
import { createPrismaClient } from "../../src/db/prisma";
import { tempDir } from "../support/temp-dir";
import { FIXTURE, fixtureCsv } from "../support/fixture-corpus";
import { freshDb } from "../support/corpus-db";

function write(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

test("loads every column of the fixture with sensible types", async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir);
  t.after(() => db.close());
  const summary = await loadCsv(db, write(dir, "Emails.csv", fixtureCsv()));
  assert.equal(summary.rows, FIXTURE.length);
  assert.equal(summary.version, 1);
  const prisma = createPrismaClient(path.join(dir, "t.db"));
  t.after(() => prisma.$disconnect());
  const rows = await prisma.email.findMany({ orderBy: { id: "asc" } });
  assert.deepEqual(
    rows.map((r) => r.id),
    FIXTURE.map((e) => e.id),
  );
  for (const [i, e] of FIXTURE.entries()) {
    assert.equal(rows[i].rawText, e.text, `RawText of ${e.id} round-trips byte for byte`);
    assert.equal(rows[i].rawTextBytes, Buffer.byteLength(e.text, "utf8"));
    assert.equal(rows[i].metadataSubject, e.subject === "" ? null : e.subject);
    assert.equal(
      rows[i].metadataDateSent?.toISOString() ?? "",
      e.sent === "" ? "" : new Date(e.sent).toISOString(),
    );
    assert.equal(rows[i].senderPersonId, e.from === "" ? null : 80 + e.id);
  }
  assert.equal(rows[0].metadataDateReleased?.toISOString(), "2015-05-22T04:00:00.000Z");
  assert.equal(rows[0].metadataCaseNumber, "F-2015-04841");
  assert.equal(rows[0].extractedReleaseInPartOrFull, "RELEASE IN FULL");
});

test("a BOM, CRLF record endings, reordered and extra columns all load", async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir);
  t.after(() => db.close());
  const csv =
    '\ufeffExtra,RawText,Id,SenderPersonId\r\nx,"two\r\nlines",10,87.0\r\ny,Plain,11,\r\n';
  const summary = await loadCsv(db, write(dir, "crlf.csv", csv));
  assert.equal(summary.rows, 2);
  const rows = db.prepare("SELECT Id, RawText, SenderPersonId FROM Email ORDER BY Id").all();
  assert.deepEqual(rows, [
    { Id: 10, RawText: "two\r\nlines", SenderPersonId: 87 },
    { Id: 11, RawText: "Plain", SenderPersonId: null },
  ]);
});

test("loading again replaces the corpus and bumps the version", async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir);
  t.after(() => db.close());
  await loadCsv(db, write(dir, "a.csv", fixtureCsv()));
  await loadCsv(db, write(dir, "b.csv", "Id,RawText\n100,New\n"));
  assert.deepEqual(db.prepare("SELECT Id, RawText FROM Email").all(), [
    { Id: 100, RawText: "New" },
  ]);
  assert.equal(readCorpusState(db)?.version, 2);
  assert.equal(readCorpusState(db)?.emailCount, 1);
  const leftovers = db
    .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'Email_staging%'")
    .all();
  assert.deepEqual(leftovers, []);
});

test("a reader inside a transaction keeps seeing the old corpus during a reload", async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir);
  t.after(() => db.close());
  await loadCsv(db, write(dir, "a.csv", fixtureCsv()));
  const reader = openSqlite(path.join(dir, "t.db"), { readonly: true });
  t.after(() => reader.close());
  reader.exec("BEGIN");
  const before = reader.prepare("SELECT count(*) AS n FROM Email").get();
  await loadCsv(db, write(dir, "b.csv", "Id,RawText\n100,New\n101,Newer\n"));
  assert.deepEqual(reader.prepare("SELECT count(*) AS n FROM Email").get(), before);
  assert.deepEqual(reader.prepare("SELECT version FROM Corpus").get(), { version: 1 });
  reader.exec("COMMIT");
  assert.deepEqual(reader.prepare("SELECT count(*) AS n FROM Email").get(), { n: 2 });
  assert.deepEqual(reader.prepare("SELECT version FROM Corpus").get(), { version: 2 });
});

interface BadCase {
  name: string;
  content: string | Buffer;
  line: number | null;
  problem: RegExp;
}

const header = "Id,RawText";
const BAD: BadCase[] = [
  {
    name: "missing RawText column",
    content: "Id,Body\n1,x\n",
    line: 1,
    problem: /missing required column RawText/,
  },
  {
    name: "missing Id column",
    content: "RawText\nx\n",
    line: 1,
    problem: /missing required column Id/,
  },
  {
    name: "unterminated quote",
    content: `${header}\n1,"a\nb"\n2,"never closed\nmore\n`,
    line: 4,
    problem: /unterminated quote/,
  },
  {
    name: "non-integer Id",
    content: `${header}\n1,"a\nb"\nx1,y\n`,
    line: 4,
    problem: /Id "x1" is not an integer/,
  },
  {
    name: "fractional Id",
    content: `${header}\n1.5,y\n`,
    line: 2,
    problem: /Id "1.5" is not an integer/,
  },
  {
    name: "duplicate Id",
    content: `${header}\n1,a\n2,"b\nc"\n1,d\n`,
    line: 5,
    problem: /duplicate Id 1/,
  },
  {
    name: "invalid UTF-8",
    content: Buffer.concat([
      Buffer.from(`${header}\n1,a\n2,"x\n`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"\n'),
    ]),
    line: 4,
    problem: /invalid UTF-8 at byte 20/, // 11 + 4 + 5 bytes precede it
  },
  {
    name: "wrong field count",
    content: `${header}\n1,a,extra\n`,
    line: 2,
    problem: /wrong number of fields: expected 2/,
  },
  { name: "empty file", content: "", line: 1, problem: /empty file/ },
];

for (const c of BAD) {
  test(`bad input: ${c.name} names file, line and problem and changes nothing`, async (t) => {
    const dir = tempDir(t);
    const db = freshDb(dir);
    t.after(() => db.close());
    await loadCsv(db, write(dir, "good.csv", fixtureCsv()));
    const snapshot = db.prepare("SELECT * FROM Email ORDER BY Id").all();
    const file = write(dir, "bad.csv", c.content);
    await assert.rejects(loadCsv(db, file), (err: unknown) => {
      assert.ok(err instanceof CsvLoadError, String(err));
      assert.equal(err.file, file);
      assert.equal(err.line, c.line);
      assert.match(err.message, c.problem);
      assert.ok(
        err.message.startsWith(c.line === null ? `${file}: ` : `${file}:${c.line}: `),
        err.message,
      );
      return true;
    });
    assert.deepEqual(db.prepare("SELECT * FROM Email ORDER BY Id").all(), snapshot);
    assert.equal(readCorpusState(db)?.version, 1);
    assert.deepEqual(
      db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'Email_staging%'").all(),
      [],
    );
  });
}

test("a missing file is reported by name", async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir);
  t.after(() => db.close());
  const file = path.join(dir, "nope.csv");
  await assert.rejects(
    loadCsv(db, file),
    new RegExp(`^CsvLoadError: ${file.replace(/[.]/g, "\\.")}: file not found$`),
  );
});
