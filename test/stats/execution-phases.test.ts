import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "../support/test-app";

const PHASES = ["queueMs", "otherMs", "loadMs", "planMs", "executeMs", "mergeMs"] as const;
const REPORT = `wallMs ${PHASES.join(" ")} cached strategy`;

type Report = Record<(typeof PHASES)[number] | "wallMs", number> & {
  cached: boolean;
  strategy: string;
};

/** The report's phases are contiguous intervals of one clock: they add up to wallMs. */
function assertPhasesAddUp(r: Report, what: string): void {
  let sum = 0;
  for (const phase of PHASES) {
    assert.equal(typeof r[phase], "number", `${what}: ${phase} is measured`);
    // otherMs is a difference of two clock readings; allow for float rounding only.
    assert.ok(r[phase] >= -1e-9, `${what}: ${phase} = ${r[phase]} is not negative`);
    sum += r[phase];
  }
  const rounding = 1e-9 * Math.max(1, r.wallMs);
  assert.ok(
    Math.abs(sum - r.wallMs) <= rounding,
    `${what}: phases add up to ${sum}, wallMs is ${r.wallMs}`,
  );
}

test("every strategy's report splits wallMs into phases that add up to it", async (t) => {
  const app = await startTestApp(t);
  const cases = [
    "strategy: SEQUENTIAL, fresh: true",
    "strategy: THREADS, fresh: true",
    "strategy: PROCESSES, fresh: true",
    "strategy: AUTO, fresh: true",
    "strategy: THREADS, chunkSize: 1, fresh: true",
    'strategy: THREADS, fresh: true, filter: { subjectContains: "e" }',
    "strategy: THREADS",
  ];
  for (const args of cases) {
    const body = await app.gql<{ capitalLetterStats: { execution: Report } }>(
      `{ capitalLetterStats(${args}) { totalCapitals execution { ${REPORT} } } }`,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assertPhasesAddUp(body.data!.capitalLetterStats.execution, args);
  }
  // The last case is a cache hit, whose report is the original run's.
  const again = await app.gql<{ capitalLetterStats: { execution: Report } }>(
    `{ capitalLetterStats { execution { ${REPORT} } } }`,
  );
  assert.equal(again.data!.capitalLetterStats.execution.cached, true);
  assertPhasesAddUp(again.data!.capitalLetterStats.execution, "cached");

  const compared = await app.gql<{ compareStrategies: { strategies: { runs: Report[] }[] } }>(
    `{ compareStrategies(repetitions: 2) { strategies { runs { ${REPORT} } } } }`,
  );
  assert.equal(compared.errors, undefined, JSON.stringify(compared.errors));
  const runs = compared.data!.compareStrategies.strategies.flatMap((s) => s.runs);
  assert.ok(runs.length >= 6);
  for (const r of runs) assertPhasesAddUp(r, `compareStrategies ${r.strategy}`);
});
