import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { writeReleaseFiles } from "../../../src/corpus/synthetic/corpus-file";
import { openSqlite } from "../../../src/db/sqlite";
import { applyMigrations } from "../../../src/db/migrate";
import { loadCsv } from "../../../src/corpus/csv-loader";
import { pythonJson } from "../../support/python";

interface ReleaseReport {
  counts: Record<string, number>;
  problems: unknown[];
  problemCount: number;
  senders: number;
  topThreeShare: number;
  months: Record<string, number>;
}

/**
 * Python reads the four generated files and checks them the way a user of the Kaggle release
 * would: every reference resolves, MetadataFrom and MetadataTo resolve through Aliases.csv to
 * the sender id and to a recipient, and the mail is shaped like the real thing.
 */
const RELEASE_ORACLE = String.raw`
import csv, json, os, sys
from collections import Counter
from datetime import datetime
csv.field_size_limit(sys.maxsize)
folder = sys.argv[1]
def read(name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [dict(zip(rows[0], r)) for r in rows[1:]]
emails, persons = read("Emails.csv"), read("Persons.csv")
aliases, receivers = read("Aliases.csv"), read("EmailReceivers.csv")
problems = []
for name, rows in (("emails", emails), ("persons", persons), ("aliases", aliases), ("receivers", receivers)):
    if len({r["Id"] for r in rows}) != len(rows):
        problems.append(("duplicate ids", name))
person_ids = {p["Id"] for p in persons}
alias_of = {}
for a in aliases:
    if a["PersonId"] not in person_ids:
        problems.append(("alias person", a["Id"]))
    alias_of.setdefault(a["Alias"], set()).add(a["PersonId"])
got = {}
email_ids = {e["Id"] for e in emails}
for r in receivers:
    if r["EmailId"] not in email_ids or r["PersonId"] not in person_ids:
        problems.append(("receiver", r["Id"]))
    got.setdefault(r["EmailId"], set()).add(r["PersonId"])
for e in emails:
    sender, to = e["SenderPersonId"], e["MetadataTo"]
    if sender and (sender not in person_ids or sender not in alias_of.get(e["MetadataFrom"], ())):
        problems.append(("sender", e["Id"], e["MetadataFrom"], sender))
    if not got.get(e["Id"]):
        problems.append(("no recipient", e["Id"]))
    elif to and not alias_of.get(to, set()) & got[e["Id"]]:
        problems.append(("to", e["Id"], to))
by_sender = Counter(e["SenderPersonId"] for e in emails if e["SenderPersonId"])
sent = sum(by_sender.values())
months = Counter(datetime.strptime(e["ExtractedDateSent"], "%A, %B %d, %Y %I:%M %p").strftime("%Y-%m") for e in emails)
print(json.dumps({
    "counts": {"emails": len(emails), "persons": len(persons), "aliases": len(aliases), "receivers": len(receivers)},
    "problems": problems[:20], "problemCount": len(problems),
    "senders": len(by_sender),
    "topThreeShare": sum(n for _, n in by_sender.most_common(3)) / sent,
    "months": dict(months),
}))
`;

test("the synthetic release, read back by Python", async (t) => {
  let dir: string;
  let report: ReleaseReport;

  t.before(async () => {
    dir = await mkdtemp(join(tmpdir(), "release-oracle-"));
    await writeReleaseFiles(join(dir, "Emails.csv"));
    report = pythonJson<ReleaseReport>(RELEASE_ORACLE, { args: [dir] });
  });
  t.after(() => rm(dir, { recursive: true, force: true }));

  await t.test("writes four files whose ids and references all resolve", () => {
    assert.equal(report.counts.emails, 7945);
    assert.ok(report.counts.persons >= 30, JSON.stringify(report.counts));
    assert.ok(report.counts.receivers >= report.counts.emails, JSON.stringify(report.counts));
    assert.equal(report.problemCount, 0, JSON.stringify(report.problems));
  });

  await t.test("has a few senders who write most of the mail", () => {
    assert.ok(report.senders >= 20, `senders ${report.senders}`);
    assert.ok(report.topThreeShare >= 0.45, `top three ${report.topThreeShare}`);
    assert.ok(report.topThreeShare <= 0.8, `top three ${report.topThreeShare}`);
  });

  await t.test("spreads the dates over every month of 2009 to 2012, unevenly", () => {
    const counts: number[] = [];
    for (const year of [2009, 2010, 2011, 2012]) {
      for (let month = 1; month <= 12; month++) {
        const key = `${year}-${String(month).padStart(2, "0")}`;
        const n = report.months[key] ?? 0;
        assert.ok(n > 0, key);
        counts.push(n);
      }
    }
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const sd = Math.sqrt(counts.reduce((a, b) => a + (b - mean) ** 2, 0) / counts.length);
    assert.ok(sd / mean >= 0.25, `coefficient of variation ${sd / mean}`);
    assert.ok(Math.max(...counts) >= 3 * Math.min(...counts), counts.join(" "));
  });

  await t.test("loads whole: the loader takes all four files together", async () => {
    const db = openSqlite(join(dir, "r.db"));
    try {
      applyMigrations(db);
      const summary = await loadCsv(db, join(dir, "Emails.csv"));
      assert.deepEqual(
        Object.fromEntries(Object.entries(summary.companions).map(([k, v]) => [k, v.rows])),
        {
          persons: report.counts.persons,
          aliases: report.counts.aliases,
          emailReceivers: report.counts.receivers,
        },
      );
    } finally {
      db.close();
    }
  });
});
