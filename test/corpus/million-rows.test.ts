import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { openSqlite } from "../../src/db/sqlite";
import { applyMigrations } from "../../src/db/migrate";
import { loadCsv } from "../../src/corpus/csv-loader";
import { readCorpusState } from "../../src/corpus/corpus-store";
import { tempDir } from "../support/temp-dir";

// In a file of its own: the RSS baseline must not carry other tests' garbage.
test("1,000,000 rows load with the right count and flat memory", async (t) => {
  const dir = tempDir(t);
  const db = openSqlite(path.join(dir, "t.db"));
  t.after(() => db.close());
  applyMigrations(db);
  const file = path.join(dir, "million.csv");
  const n = 1_000_000;
  let expectedBytes = 0;
  const out = fs.openSync(file, "w");
  fs.writeSync(out, "Id,RawText\n");
  for (let start = 1; start <= n; start += 10_000) {
    let chunk = "";
    for (let id = start; id < start + 10_000; id++) {
      const text = id % 7 === 0 ? "Seven" : "row";
      expectedBytes += text.length;
      chunk += `${id},${text}\n`;
    }
    fs.writeSync(out, chunk);
  }
  fs.closeSync(out);

  const before = process.memoryUsage.rss();
  let peak = before;
  const atQuarters: number[] = [];
  const summary = await loadCsv(db, file, {
    onProgress: (p) => {
      const rss = process.memoryUsage.rss();
      peak = Math.max(peak, rss);
      if (p.rows >= ((atQuarters.length + 1) * n) / 4) atQuarters.push(rss);
    },
  });
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  t.diagnostic(
    `1M rows (${mb(fs.statSync(file).size)} MB): RSS before ${mb(before)} MB, ` +
      `at 25/50/75/100% ${atQuarters.map(mb).join("/")} MB, peak ${mb(peak)} MB, growth ${mb(peak - before)} MB`,
  );
  assert.equal(summary.rows, n);
  const state = readCorpusState(db)!;
  assert.equal(state.version, 1);
  assert.equal(state.emailCount, n);
  assert.equal(state.totalBytes, expectedBytes);
  const agg = db
    .prepare("SELECT count(*) AS c, sum(Id) AS s, min(Id) AS lo, max(Id) AS hi FROM Email")
    .get();
  assert.deepEqual(agg, { c: n, s: (n * (n + 1)) / 2, lo: 1, hi: n });
  assert.equal(
    db.prepare("SELECT count(*) FROM Email WHERE RawText = 'Seven'").pluck().get(),
    Math.floor(n / 7),
  );
  // Memory must not grow with the file: a loader that held the rows would add hundreds of MB.
  assert.ok(peak - before < 160 * 1024 * 1024, `RSS grew by ${mb(peak - before)} MB`);
});
