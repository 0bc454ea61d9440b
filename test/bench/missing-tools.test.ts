import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { ensureCorpus } from "../../bench/corpora";
import { measureKernels } from "../../bench/kernels/measure-kernels";
import { measureLoad } from "../../bench/measure-load";
import { measurePython } from "../../bench/measure-python";
import { runResponsiveness } from "../../bench/measure-responsiveness";
import { responsivenessTable } from "../../bench/report-sections";
import type { Sections } from "../../bench/sections.types";
import type { CorpusInfo } from "../../bench/results.types";
import { DEFAULT_SEED } from "../../src/corpus/synthetic/corpus-options";
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

test("without cc the C reference is skipped, saying why, and the kernels are still measured", async (t) => {
  const dir = tempDir(t);
  const corpus = await ensureCorpus(
    { label: "tiny", scale: 1, emails: 20 },
    dir,
    DEFAULT_SEED,
    () => undefined,
  );
  const logged: string[] = [];
  const k = measureKernels(
    corpus,
    dir,
    { rounds: 1, repsPerRound: 1 },
    (m) => logged.push(m),
    MISSING,
  );
  const why = `${MISSING} not found (ENOENT): no C reference on this machine`;
  assert.equal(k.reference.available, false);
  assert.equal(k.reference.skipped, why);
  assert.ok(logged.includes(`kernels: C reference skipped: ${why}`), logged.join("\n"));
  assert.equal(k.kernelsAgree, true);
  assert.ok(k.cases.every((c) => c.ofReference === null && c.wallMs.n === 1));
});

test("without redis-server DISTRIBUTED is recorded with why, and the other strategies are measured", async (t) => {
  const dir = tempDir(t);
  const tiny = { label: "tiny", scale: 1, emails: 20 };
  const corpus = await ensureCorpus(tiny, dir, DEFAULT_SEED, () => undefined);
  const logged: string[] = [];
  const { section } = await runResponsiveness(
    {
      responsiveness: {
        corpus: tiny,
        windowMs: 100,
        probeIntervalMs: 10,
        strategies: ["THREADS", "DISTRIBUTED"],
      },
      poolSize: 1,
      tools: { python: "python3", sqlite3: "sqlite3", cc: "cc", redisServer: MISSING },
    },
    corpus,
    (m) => logged.push(m),
  );
  const why = `DISTRIBUTED not set up: ${MISSING} is not installed; the DISTRIBUTED tests start their own: apt-get install redis-server (.ci/run does it when it is missing)`;
  assert.ok(logged.includes(why), logged.join("\n"));
  assert.equal(section.distributedWorkers, null);
  assert.deepEqual(
    section.runs.map((r) => [r.strategy, r.error, r.probes.length]),
    [
      ["idle", null, 2],
      ["THREADS", null, 2],
      ["DISTRIBUTED", why, 0],
    ],
  );
  assert.ok(section.runs[1].heavyQueries > 0);
  const distributedRow = responsivenessTable(
    { sections: { responsiveness: section } as Sections },
    "markdown",
  )
    .split("\n")
    .at(-1);
  // Strategy, the error, then dashes for the heavy median, 8 probe columns and 4 event-loop ones.
  assert.equal(distributedRow, `| DISTRIBUTED | error: ${why} |${" - |".repeat(13)}`);
});
