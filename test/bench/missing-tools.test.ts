import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { measureLoad } from "../../bench/measure-load";
import { measurePython } from "../../bench/measure-python";
import type { CorpusInfo } from "../../bench/results.types";
import { FIXTURE, fixtureCsv } from "../support/fixture-corpus";
import { tempDir } from "../support/temp-dir";

const MISSING = "capstats-no-such-program";

function fixtureCorpus(dir: string): CorpusInfo {
  const csvFile = path.join(dir, "Emails.csv");
  fs.writeFileSync(csvFile, fixtureCsv());
  return {
    label: "fixture",
    scale: 1,
    emails: FIXTURE.length,
    csvFile,
    dbFile: path.join(dir, "unused.db"),
    csvBytes: fs.statSync(csvFile).size,
    rawTextBytes: 0,
    firstId: FIXTURE[0].id,
    reused: false,
    generateMs: null,
    loadMs: null,
  };
}

test("without python3 the baseline is skipped, saying why", (t) => {
  const corpus = fixtureCorpus(tempDir(t));
  const logged: string[] = [];
  const python = measurePython(
    [corpus],
    { fixture: { warmup: 0, reps: 1 } },
    new Map([["fixture", new Float64Array(FIXTURE.length)]]),
    (m) => logged.push(m),
    MISSING,
  );
  assert.equal(python.available, false);
  assert.equal(python.skipped, `${MISSING} not found (ENOENT)`);
  assert.deepEqual(python.corpora, []);
  assert.deepEqual(logged, [`python baseline skipped: ${MISSING} not found (ENOENT)`]);
});

test("without the sqlite3 CLI only the loader is timed, and the report says why", async (t) => {
  const dir = tempDir(t);
  const load = await measureLoad(
    fixtureCorpus(dir),
    dir,
    { warmup: 0, reps: 2 },
    () => undefined,
    MISSING,
  );
  assert.equal(load.rows, FIXTURE.length);
  assert.equal(load.loader.n, 2);
  assert.equal(load.sqliteImport, null);
  assert.equal(load.ratio, null);
  assert.equal(load.sqliteSkipped, `the sqlite3 CLI (${MISSING}) is not installed`);
});
