import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { tempDir } from "../support/temp-dir";
import { fixtureCsv } from "../support/fixture-corpus";
import { writeRelease } from "../support/release-fixture";
import { openSqlite } from "../../src/db/sqlite";

const CLI = path.resolve(__dirname, "../../seed/load.js");

function run(
  dir: string,
  args: string[],
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` },
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("npm run seed -- --csv loads into DATABASE_URL (migrating it) and prints a one-line summary", (t) => {
  const dir = tempDir(t);
  const csv = path.join(dir, "Emails.csv");
  fs.writeFileSync(csv, fixtureCsv());
  const r = run(dir, ["--csv", csv]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /^loaded 7 emails \(0\.0 MB\) from .*Emails\.csv into .*cli\.db in \d+\.\d\d s; corpus version 1\n$/,
  );
  assert.ok(fs.existsSync(path.join(dir, "cli.db")));
});

test("a bad file exits non-zero with file, line and problem on stderr", (t) => {
  const dir = tempDir(t);
  const csv = path.join(dir, "bad.csv");
  fs.writeFileSync(csv, "Id,RawText\n1,a\nx,b\n");
  const r = run(dir, ["--csv", csv]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `load failed, database unchanged: ${csv}:3: Id "x" is not an integer\n`);
});

test("npm run seed -- --csv Emails.csv also loads the companion files standing next to it", (t) => {
  const dir = tempDir(t);
  const csv = writeRelease(dir);
  const r = run(dir, ["--csv", csv]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /^loaded 17 emails \(0\.0 MB\) from .*Emails\.csv, with 7 persons \(Persons\.csv\) and 6 aliases \(Aliases\.csv\) and 20 email receivers \(EmailReceivers\.csv\), into /,
  );
  const db = openSqlite(path.join(dir, "cli.db"), { readonly: true });
  t.after(() => db.close());
  const count = (table: string): unknown =>
    db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get();
  assert.deepEqual(["Email", "Person", "Alias", "EmailReceiver"].map(count), [17, 7, 6, 20]);
});

test("a bad companion file exits non-zero naming it, and loads nothing", (t) => {
  const dir = tempDir(t);
  const csv = writeRelease(dir, { receivers: "Id,EmailId,PersonId\n1,1,80\n2,1,oops\n" });
  const r = run(dir, ["--csv", csv]);
  assert.equal(r.status, 1);
  assert.equal(
    r.stderr,
    `load failed, database unchanged: ${path.join(dir, "EmailReceivers.csv")}:3: PersonId "oops" is not an integer\n`,
  );
  const db = openSqlite(path.join(dir, "cli.db"), { readonly: true });
  t.after(() => db.close());
  assert.equal(db.prepare("SELECT count(*) FROM Email").pluck().get(), 0);
});

test("a missing --csv prints usage and exits 2", (t) => {
  const r = run(tempDir(t), []);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage: npm run seed -- --csv PATH/);
});

test("--default brings the default corpus back after loading your own, its CSV next to the database", (t) => {
  const dir = tempDir(t);
  const csv = path.join(dir, "Emails.csv");
  fs.writeFileSync(csv, fixtureCsv());
  assert.equal(run(dir, ["--csv", csv]).status, 0);
  const r = run(dir, ["--default"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    // The default corpus is the whole synthetic release: its companions load with it.
    /^loaded 7945 emails .* from .*Emails\.generated\.csv, with \d+ persons \(Persons\.generated\.csv\) and \d+ aliases \(Aliases\.generated\.csv\) and \d+ email receivers \(EmailReceivers\.generated\.csv\), into .*cli\.db .*; corpus version 2\n$/,
  );
  assert.ok(fs.existsSync(path.join(dir, "Emails.generated.csv")));
});

test("--csv and --default together, or a flag it does not know, is a one-line usage error", (t) => {
  const dir = tempDir(t);
  const both = run(dir, ["--csv", "x.csv", "--default"]);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /^error: give --csv or --default, not both\n/);
  const unknown = run(dir, ["--help-me"]);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr, "error: unknown option --help-me (see npm run seed -- --help)\n");
  assert.equal(fs.existsSync(path.join(dir, "cli.db")), false);
});
