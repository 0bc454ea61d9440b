import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { openSqlite, type Sqlite } from "../../src/db/sqlite";
import { loadCsv } from "../../src/corpus/csv-loader";
import { companionPath } from "../../src/corpus/companion-files";
import { CsvLoadError } from "../../src/corpus/load-error";
import { readCorpusState } from "../../src/corpus/corpus-store";
import { tempDir } from "../support/temp-dir";
import { RECEIVERS, RELEASE_EMAILS, writeRelease } from "../support/release-fixture";
import { freshDb } from "../support/corpus-db";

const TABLES = ["Email", "Person", "Alias", "EmailReceiver"];

function snapshot(db: Sqlite): Record<string, unknown[]> {
  return Object.fromEntries(
    TABLES.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY Id`).all()]),
  );
}

function stagingTables(db: Sqlite): unknown[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE instr(name, '_staging_') > 0").all();
}

test("companion files are found by replacing Emails in the name, or by a suffix", () => {
  assert.equal(companionPath("/d/Emails.csv", "Persons"), "/d/Persons.csv");
  assert.equal(
    companionPath("/d/Emails.generated.csv", "EmailReceivers"),
    "/d/EmailReceivers.generated.csv",
  );
  assert.equal(companionPath("/d/big.csv", "Aliases"), "/d/big.Aliases.csv");
});

test("Emails.csv loads with the Persons, Aliases and EmailReceivers files beside it", async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir);
  t.after(() => db.close());
  const summary = await loadCsv(db, writeRelease(dir));
  assert.equal(summary.rows, RELEASE_EMAILS.length);
  assert.deepEqual(
    Object.fromEntries(Object.entries(summary.companions).map(([k, v]) => [k, v.rows])),
    { persons: 7, aliases: 6, emailReceivers: RECEIVERS.length },
  );
  assert.deepEqual(db.prepare("SELECT Id, Name FROM Person WHERE Id IN (80, 150)").all(), [
    { Id: 80, Name: "H" },
    { Id: 150, Name: null },
  ]);
  assert.deepEqual(db.prepare("SELECT * FROM Alias WHERE Id = 2").get(), {
    Id: 2,
    Alias: "hrod17@clintonemail.com",
    PersonId: 80,
  });
  const pairs = db.prepare("SELECT EmailId, PersonId FROM EmailReceiver ORDER BY Id").raw().all();
  assert.deepEqual(pairs, RECEIVERS);
  assert.deepEqual(db.pragma("foreign_key_check"), []);
  assert.deepEqual(stagingTables(db), []);
});

test("each companion is optional, and a load without one leaves none of the old corpus's", async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir);
  t.after(() => db.close());
  await loadCsv(db, writeRelease(dir));
  // Without Persons.csv the recipients' person ids cannot be checked, and are kept.
  const summary = await loadCsv(db, writeRelease(dir, { persons: null, aliases: null }));
  assert.deepEqual(Object.keys(summary.companions), ["emailReceivers"]);
  assert.equal(db.prepare("SELECT count(*) FROM Person").pluck().get(), 0);
  assert.equal(db.prepare("SELECT count(*) FROM Alias").pluck().get(), 0);
  assert.equal(db.prepare("SELECT count(*) FROM EmailReceiver").pluck().get(), RECEIVERS.length);
  await loadCsv(db, writeRelease(dir, { persons: null, aliases: null, receivers: null }));
  assert.equal(db.prepare("SELECT count(*) FROM EmailReceiver").pluck().get(), 0);
  assert.equal(readCorpusState(db)?.version, 3);
});

test("after several loads the recipients still reference Email, with its indexes", async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir);
  t.after(() => db.close());
  for (let i = 0; i < 3; i++) await loadCsv(db, writeRelease(dir));
  const sql = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'EmailReceiver'")
    .pluck()
    .get() as string;
  assert.match(sql, /^CREATE TABLE "EmailReceiver"/);
  assert.match(sql, /REFERENCES "Email" \("Id"\) ON DELETE CASCADE/);
  const indexes = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY 1")
    .pluck()
    .all();
  for (const name of [
    "Alias_PersonId_idx",
    "EmailReceiver_EmailId_idx",
    "EmailReceiver_PersonId_idx",
    "Email_SenderPersonId_idx",
  ]) {
    assert.ok(indexes.includes(name), `${name} in ${indexes.join(", ")}`);
  }
  assert.deepEqual(db.pragma("foreign_key_check"), []);
});

test("a reader inside a transaction keeps seeing the old persons during a reload", async (t) => {
  const dir = tempDir(t);
  const db = freshDb(dir);
  t.after(() => db.close());
  await loadCsv(db, writeRelease(dir));
  const reader = openSqlite(path.join(dir, "t.db"), { readonly: true });
  t.after(() => reader.close());
  reader.exec("BEGIN");
  const count = (): unknown => reader.prepare("SELECT count(*) FROM Person").pluck().get();
  assert.equal(count(), 7);
  await loadCsv(
    db,
    writeRelease(dir, { persons: "Id,Name\n80,H\n", aliases: null, receivers: null }),
  );
  assert.equal(count(), 7);
  reader.exec("COMMIT");
  assert.equal(count(), 1);
});

type BadFile = "Persons.csv" | "Aliases.csv" | "EmailReceivers.csv";

interface BadCase {
  name: string;
  /** What follows the header line; the header is the file's usual one unless given. */
  rows: string | Buffer;
  header?: string;
  line: number;
  problem: RegExp;
}

const HEADERS: Record<BadFile, string> = {
  "Persons.csv": "Id,Name\n",
  "Aliases.csv": "Id,Alias,PersonId\n",
  "EmailReceivers.csv": "Id,EmailId,PersonId\n",
};

const BAD: Record<BadFile, BadCase[]> = {
  "Persons.csv": [
    {
      name: "a duplicate person Id after a quoted two-line name",
      rows: '80,"H\nR C"\n81,B\n80,C\n',
      line: 5,
      problem: /duplicate Id 80/,
    },
    {
      name: "a person Id that is not an integer",
      rows: "x80,H\n",
      line: 2,
      problem: /Id "x80" is not an integer/,
    },
    {
      name: "Persons.csv without its Name column",
      header: "Id,FullName\n",
      rows: "80,H\n",
      line: 1,
      problem: /missing required column Name in the header/,
    },
  ],
  "Aliases.csv": [
    {
      name: "an alias of a person Persons.csv does not have",
      rows: "1,h,80\n2,who,7\n",
      line: 3,
      problem: /PersonId 7 is not the Id of any person in Persons\.csv/,
    },
    { name: "an empty alias", rows: "1, ,80\n", line: 2, problem: /Alias is empty/ },
  ],
  "EmailReceivers.csv": [
    {
      name: "a recipient row for an email Emails.csv does not have",
      rows: "1,1,80\n2,99,80\n",
      line: 3,
      problem: /EmailId 99 is not the Id of any email in Emails\.csv/,
    },
    {
      name: "a recipient row without a person",
      rows: "1,1,\n",
      line: 2,
      problem: /PersonId is empty/,
    },
    {
      name: "a recipient row with a fractional person id",
      rows: "1,1,80.5\n",
      line: 2,
      problem: /PersonId "80.5" is not an integer/,
    },
    {
      name: "a short recipient row",
      rows: "1,1\n",
      line: 2,
      problem: /wrong number of fields: expected 3/,
    },
    {
      name: "invalid UTF-8 in a recipient file",
      rows: Buffer.concat([Buffer.from("1,1,80\n"), Buffer.from([0xff])]),
      line: 3,
      problem: /invalid UTF-8 at byte 27/,
    },
  ],
};

for (const [badFile, cases] of Object.entries(BAD) as [BadFile, BadCase[]][]) {
  for (const c of cases) {
    test(`bad companion: ${c.name} names file, line and field, and changes nothing`, async (t) => {
      const dir = tempDir(t);
      const db = freshDb(dir);
      t.after(() => db.close());
      await loadCsv(db, writeRelease(dir));
      const before = snapshot(db);
      const emails = writeRelease(dir);
      const file = path.join(dir, badFile);
      fs.writeFileSync(
        file,
        Buffer.concat([Buffer.from(c.header ?? HEADERS[badFile]), Buffer.from(c.rows)]),
      );
      await assert.rejects(loadCsv(db, emails), (err: unknown) => {
        assert.ok(err instanceof CsvLoadError, String(err));
        assert.equal(err.file, file);
        assert.equal(err.line, c.line);
        assert.match(err.message, c.problem);
        assert.ok(err.message.startsWith(`${file}:${c.line}: `), err.message);
        return true;
      });
      assert.deepEqual(snapshot(db), before);
      assert.equal(readCorpusState(db)?.version, 1);
      assert.deepEqual(stagingTables(db), []);
    });
  }
}
