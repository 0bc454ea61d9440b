import assert from "node:assert/strict";
import { test } from "node:test";
import { BenchOptionError, parseBenchArgs, workerCountsFor } from "../../bench/bench-options";
import { casesFor } from "../../bench/cases";
import { perTaskOverheadUs } from "../../bench/derive";
import { README_END, README_START, replaceReadmeBlock } from "../../bench/readme-section";
import type { CaseResult } from "../../bench/results.types";
import { latency, spread } from "../../bench/sampling";

test("sampling: spread: median and quartiles by linear interpolation, as numpy.percentile", () => {
  // Sorted 1 2 3 4: the median sits halfway between 2 and 3; p25 at rank 0.75, p75 at 2.25.
  assert.deepEqual(spread([4, 1, 3, 2]), {
    n: 4,
    median: 2.5,
    min: 1,
    max: 4,
    p25: 1.75,
    p75: 3.25,
    mean: 2.5,
  });
});

test("sampling: latency: p95 of 1..21 is rank 19 (0-based), the value 20", () => {
  const samples = Array.from({ length: 21 }, (_, i) => 21 - i);
  assert.deepEqual(latency(samples), { n: 21, p50: 11, p95: 20, max: 21 });
});

test("sampling: refuses to summarize nothing", () => {
  assert.throws(() => spread([]), /no samples/);
});

test("bench options", async (t) => {
  const root = "/repo";

  await t.test("worker counts are 1, 2, the cores and twice the cores, without repeats", () => {
    assert.deepEqual(workerCountsFor(1), [1, 2]);
    assert.deepEqual(workerCountsFor(2), [1, 2, 4]);
    assert.deepEqual(workerCountsFor(4), [1, 2, 4, 8]);
  });

  await t.test("--quick keeps the 1x and 10x corpora; --full adds 100x", () => {
    const quick = parseBenchArgs(["--quick"], root).plan;
    assert.deepEqual(
      quick.corpora.map((c) => c.emails),
      [7945, 79450],
    );
    const full = parseBenchArgs(["--full"], root).plan;
    assert.deepEqual(
      full.corpora.map((c) => c.emails),
      [7945, 79450, 794500],
    );
  });

  await t.test("bad arguments are errors that name the problem", () => {
    assert.throws(
      () => parseBenchArgs(["--quick", "--full"], root),
      (e: Error) => e instanceof BenchOptionError && /cannot be combined/.test(e.message),
    );
    assert.throws(
      () => parseBenchArgs(["--reps", "0"], root),
      /--reps must be a whole number from 1 to 100, got "0"/,
    );
    assert.throws(() => parseBenchArgs(["--reps", "2x"], root), /--reps .* got "2x"/);
    assert.throws(() => parseBenchArgs(["--fast"], root), /--fast/);
  });

  await t.test(
    "--reps overrides the repetitions; the recorded command omits --update-readme",
    () => {
      const parsed = parseBenchArgs(["--reps", "5", "--update-readme"], root);
      assert.equal(parsed.plan.rounds.reps, 5);
      assert.equal(parsed.updateReadme, true);
      assert.equal(parsed.plan.command, "npm run bench -- --reps 5");
    },
  );

  await t.test(
    "--only names sections that run by themselves; a wrong name or a write option is an error",
    () => {
      assert.equal(parseBenchArgs([], root).only, null);
      assert.deepEqual(parseBenchArgs(["--only", "cached,request-path,cached"], root).only, [
        "cached",
        "request-path",
      ]);
      assert.deepEqual(parseBenchArgs(["--quick", "--only", "responsiveness"], root).only, [
        "responsiveness",
      ]);
      assert.deepEqual(parseBenchArgs(["--only", "scaling"], root).only, ["scaling"]);
      assert.throws(
        () => parseBenchArgs(["--only", "request-path,kernels"], root),
        /--only takes request-path, cached, responsiveness, scaling \(comma-separated\), got "kernels"/,
      );
      assert.throws(
        () => parseBenchArgs(["--only", "cached", "--update-readme"], root),
        /writes nothing/,
      );
    },
  );

  await t.test(
    "a plain run writes to the git-ignored bench/results/local; only committing runs write bench/results",
    () => {
      assert.equal(parseBenchArgs(["--quick"], root).plan.outDir, "/repo/bench/results/local");
      assert.equal(parseBenchArgs([], root).plan.outDir, "/repo/bench/results/local");
      for (const flag of ["--commit-results", "--update-readme"]) {
        const parsed = parseBenchArgs(["--quick", flag], root);
        assert.equal(parsed.plan.outDir, "/repo/bench/results", flag);
        assert.equal(parsed.plan.command, "npm run bench -- --quick", flag);
      }
      assert.equal(
        parseBenchArgs(["--out", "/tmp/x", "--commit-results"], root).plan.outDir,
        "/tmp/x",
      );
    },
  );
});

test("cases: SEQUENTIAL runs once, first; the others once per worker count; the chunk sweep covers all four", () => {
  const cases = casesFor([1, 2], [1, null], true);
  assert.deepEqual(cases[0], {
    sweep: "workers",
    strategy: "SEQUENTIAL",
    workers: null,
    chunkSize: null,
  });
  assert.equal(cases.filter((c) => c.sweep === "workers").length, 1 + 3 * 2);
  assert.equal(cases.filter((c) => c.sweep === "chunks").length, 4 * 2);
  assert.equal(casesFor([1, 2], [1, null], false).length, 7);
});

test("per-task overhead", async (t) => {
  function chunkCase(chunkSize: number | null, tasks: number, median: number): CaseResult {
    return {
      sweep: "chunks",
      strategy: "THREADS",
      workers: null,
      chunkSize,
      corpus: "1x",
      mode: "compute",
      ran: { strategy: "THREADS", workers: 2, tasks, dataPath: "resident", reason: "" },
      wallMs: { n: 1, median, min: median, max: median, p25: median, p75: median, mean: median },
      breakdown: {
        planMs: 0,
        queueMs: 0,
        otherMs: 0,
        loadMs: 0,
        executeMs: 0,
        dispatchMs: 0,
        readMs: 0,
        computeMs: 0,
        mergeMs: 0,
        engineWallMs: 0,
        outsideEngineMs: 0,
      },
      totalCapitals: 0,
      totalCharacters: 0,
      agrees: true,
      vsSequential: null,
      vsPythonSequential: null,
    };
  }

  await t.test("is the extra wall time over the extra tasks, in µs", () => {
    // 7,945 one-email tasks in 400 ms against 2 balanced tasks in 14 ms: 386 ms / 7,943 tasks.
    const cases = [chunkCase(1, 7945, 400), chunkCase(null, 2, 14)];
    const us = perTaskOverheadUs(cases, "1x", "THREADS");
    assert.ok(us !== null && Math.abs(us - 48.5962) < 1e-3, `got ${us}`);
  });

  await t.test("is null when either case is missing", () => {
    assert.equal(perTaskOverheadUs([chunkCase(1, 7945, 400)], "1x", "THREADS"), null);
    assert.equal(perTaskOverheadUs([chunkCase(1, 7945, 400)], "1x", "PROCESSES"), null);
  });
});

test("README block", async (t) => {
  const readme = `# Title\n\nbefore\n${README_START}\nold table\n${README_END}\nafter\n`;

  await t.test("replaces only the text between the markers", () => {
    assert.equal(
      replaceReadmeBlock(readme, "new table"),
      `# Title\n\nbefore\n${README_START}\nnew table\n${README_END}\nafter\n`,
    );
  });

  await t.test("refuses a README without the markers, naming them", () => {
    assert.throws(
      () => replaceReadmeBlock("# Title\n", "x"),
      (e: Error) => e.message.includes(README_START) && e.message.includes(README_END),
    );
  });
});
