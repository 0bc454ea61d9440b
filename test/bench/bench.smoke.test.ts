import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { planFor, type BenchPlan } from "../../bench/bench-options";
import { sqlite3Version } from "../../bench/measure-load";
import type { BenchResults } from "../../bench/results.types";
import { STRATEGIES } from "../../bench/results.types";
import { runSuite, writeOutputs } from "../../bench/suite";
import { runPython } from "../support/python";
import { tempDir } from "../support/temp-dir";

const EMAILS = 50;

/** Every measurement, once, on 50 emails, with outputs in a temp dir (never bench/results). */
function tinyPlan(dir: string): BenchPlan {
  return {
    ...planFor("quick", dir, 2),
    corpora: [{ label: "tiny", scale: 1, emails: EMAILS }],
    outDir: path.join(dir, "out"),
    workDir: path.join(dir, "work"),
    rounds: { warmup: 0, reps: 1 },
    largeRounds: { warmup: 0, reps: 1 },
    workerCounts: [1, 2],
    chunkSizes: [1, null],
    python: { tiny: { warmup: 0, reps: 1 } },
    load: { warmup: 0, reps: 1 },
    kernels: { rounds: 1, repsPerRound: 1 },
    responsiveness: {
      corpus: { label: "tiny", scale: 1, emails: EMAILS },
      windowMs: 150,
      probeIntervalMs: 10,
      // Any strategy list: one the server does not offer is reported, not fatal. DISTRIBUTED
      // gets a private Redis and two worker processes (the pool size).
      strategies: ["THREADS", "PROCESSES", "DISTRIBUTED", "NO_SUCH_STRATEGY"],
    },
    workerScaling: { corpus: "tiny", workerCounts: [1, 2, 16], rounds: { warmup: 0, reps: 2 } },
    cachedRequests: 5,
    requestPath: { connections: 2, durationS: 1, rounds: 1 },
    io: { readers: [2], repetitions: 2 },
    poolSize: 2,
  };
}

/** Python's XML parser, independent of whatever wrote the file; python3 is required by the suite. */
function parseXmlRoot(file: string): string {
  const script =
    "import sys, xml.etree.ElementTree as ET; print(ET.parse(sys.argv[1]).getroot().tag)";
  const r = runPython(script, { args: [file] });
  assert.equal(r.status, 0, `${path.basename(file)} is not well-formed XML:\n${r.stderr}`);
  return r.stdout.trim();
}

test("the bench measures every strategy on a tiny corpus, they agree, and it writes its report", async (t) => {
  const dir = tempDir(t, "capstats-bench-");
  const plan = tinyPlan(dir);
  const results = await runSuite(plan, () => undefined);
  const written = await writeOutputs(results, plan.outDir);

  const json = JSON.parse(fs.readFileSync(written.json, "utf8")) as BenchResults;
  for (const key of [
    "machine",
    "corpora",
    "cases",
    "python",
    "load",
    "sections",
    "kernels",
    "memory",
    "scaling",
    "headline",
  ]) {
    assert.ok(key in json, `latest.json has a "${key}" section`);
  }
  assert.equal(json.corpora[0].emails, EMAILS);

  // Every strategy ran in both modes, and each one's counts equal the others'.
  for (const mode of ["compute", "http"] as const) {
    for (const strategy of STRATEGIES) {
      assert.ok(
        json.cases.some((c) => c.mode === mode && c.strategy === strategy),
        `${strategy} measured in ${mode} mode`,
      );
    }
  }
  assert.ok(
    json.cases.every((c) => c.agrees),
    "every case agrees with SEQUENTIAL per email",
  );
  const totals = new Set(json.cases.map((c) => c.totalCapitals));
  assert.equal(totals.size, 1, `one capital total across all cases, got ${[...totals].join(", ")}`);
  const [capitals] = totals;

  // The lesson's Python, run on the same text, is the independent oracle for the count.
  assert.equal(json.python.available, true, `python baseline ran: ${json.python.skipped}`);
  const py = json.python.corpora[0];
  assert.deepEqual(
    py.variants.map((v) => [v.name, v.totalCapitals]),
    [
      ["sequential", capitals],
      ["pipe2", capitals],
      ["pool2", capitals],
    ],
  );
  assert.equal(py.agrees, true, "Python's per-email counts equal Capstats'");

  // chunkSize 1 really is one email per task.
  const chunk1 = json.cases.find(
    (c) => c.mode === "compute" && c.strategy === "THREADS" && c.chunkSize === 1,
  );
  assert.equal(chunk1?.ran.tasks, EMAILS);

  assert.equal(json.load?.rows, EMAILS);
  if (sqlite3Version()) assert.equal(json.load?.sqliteImportRows, EMAILS);
  else assert.match(json.load?.sqliteSkipped ?? "", /sqlite3/);
  const resp = json.sections.responsiveness;
  assert.deepEqual(
    resp?.runs.map((s) => s.strategy),
    ["idle", "THREADS", "PROCESSES", "DISTRIBUTED", "NO_SUCH_STRATEGY"],
  );
  assert.ok(
    resp!.runs.every((run) => run.probes.length === 2 && run.probes.every((p) => p.latency.n > 0)),
    "probes were sent",
  );
  assert.ok(resp!.runs.slice(0, 4).every((run) => run.error === null && run.eventLoop !== null));
  assert.equal(resp!.distributedWorkers, 2);
  assert.ok(resp!.runs[3].heavyQueries > 0, "DISTRIBUTED heavy queries ran on the workers");
  assert.match(resp!.runs[4].error ?? "", /NO_SUCH_STRATEGY/);
  // Worker scaling: 16 workers is above a 2-worker pool's maximum of 4, so it is skipped.
  const scaling = json.sections.workerScaling!;
  assert.deepEqual(
    scaling.rows.map((row) => [row.strategy, row.workers]),
    [
      ["SEQUENTIAL", 1],
      ["THREADS", 1],
      ["THREADS", 2],
    ],
  );
  assert.deepEqual(scaling.skipped, [16]);
  assert.equal(json.sections.cachedAnswers[0].requests, 5);
  // compareIo's byte counts against the database file's size, measured here.
  const io = json.sections.io!;
  assert.equal(
    io.fileBytes,
    fs.statSync(plan.workDir + "/" + path.basename(json.corpora[0].dbFile)).size,
  );
  assert.ok(io.bytesCheck && io.runs.every((r) => r.bytesRead === io.fileBytes * 2));
  assert.deepEqual(
    json.sections.requestPath?.runs.map((r) => r.server),
    ["bare Apollo", "Capstats", "Capstats", "Capstats"],
  );
  assert.ok(json.sections.requestPath!.runs.every((r) => r.non2xx === 0 && r.errors === 0));
  assert.ok(json.sections.endToEnd!.rows.length >= 4);
  // One server per corpus, one more for responsiveness.
  assert.equal(json.memory.servers.length, 2);

  // The kernel section: both kernels, both metric sets, agreeing; the C loop on this machine's cc.
  const kernels = json.kernels;
  assert.ok(kernels, "the kernel section ran");
  assert.equal(kernels.kernelsAgree, true, "JS and SIMD kernels agree on every email");
  assert.equal(kernels.emails, EMAILS);
  for (const kernel of ["js", "wasm-simd", "copy"]) {
    assert.ok(
      kernels.cases.some((c) => c.kernel === kernel && c.gbPerS > 0),
      `${kernel} measured`,
    );
  }
  if (spawnSync("cc", ["--version"]).error) {
    assert.match(kernels.reference.skipped ?? "", /^cc not found/);
  } else {
    assert.equal(kernels.reference.available, true, `C reference: ${kernels.reference.skipped}`);
    assert.equal(kernels.reference.checked, true, "the C loop counted the bytes A..Z");
  }

  const md = fs.readFileSync(written.markdown, "utf8");
  for (const name of [
    ...STRATEGIES,
    "Python baseline: sequential list comprehension",
    "Pool(2).map",
  ]) {
    assert.ok(md.includes(name), `latest.md names ${name}`);
  }
  // Five report charts, the kernel chart and five section charts.
  assert.equal(written.charts.length, 11);
  for (const file of written.charts) {
    assert.ok(file.startsWith(plan.outDir), `${file} is written to the run's own folder`);
    assert.equal(parseXmlRoot(file), "{http://www.w3.org/2000/svg}svg");
  }
});
