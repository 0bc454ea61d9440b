import assert from "node:assert/strict";
import { test } from "node:test";
import { holdCorpus, startTestApp } from "../support/test-app";
import { getRun, RUN_FIELDS, startRun, waitForAllEnded } from "./analysis-test-support";

const START = `mutation($input: StartAnalysisInput!) { startAnalysis(input: $input) { ${RUN_FIELDS} } }`;

test("startAnalysis rejects bad input with BAD_USER_INPUT naming the argument, and creates no run", async (t) => {
  const app = await startTestApp(t);
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ metrics: [] }, /^input\.metrics must name at least one TextMetric$/],
    [{ workers: 0 }, /^input\.workers must be between 1 and 64 \(got 0\)$/],
    // POOL_SIZE 2 in tests: a pool may grow to twice the core count, 4 here at most.
    [{ strategy: "THREADS", workers: 9 }, /^input\.workers must be between 1 and \d \(got 9\)$/],
    [{ chunkSize: 0 }, /^input\.chunkSize must be between 1 and 1000000 \(got 0\)$/],
    [{ filter: { sender: "x".repeat(201) } }, /filter\.sender may be at most 200 characters/],
  ];
  for (const [input, message] of cases) {
    const res = await app.gql(START, { input });
    assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT", JSON.stringify(input));
    assert.match(res.errors![0].message, message);
  }
  const runs = await app.gql<{ analysisRuns: { totalCount: number } }>(
    `{ analysisRuns { totalCount } }`,
  );
  assert.equal(runs.data?.analysisRuns.totalCount, 0);
  const missing = await app.gql(`query { analysisRun(id: "123") { id } }`);
  assert.deepEqual(missing, { data: { analysisRun: null } });
  const malformed = await app.gql(`query { analysisRun(id: "1e3") { id } }`);
  assert.equal(malformed.errors?.[0].extensions?.code, "BAD_USER_INPUT");
});

test("startAnalysis defaults to CAPITALS on AUTO over every email", async (t) => {
  const app = await startTestApp(t);
  const run = await startRun(app, {});
  assert.deepEqual([run.status, run.metrics, run.strategy], ["PENDING", ["CAPITALS"], "AUTO"]);
  const done = (await waitForAllEnded(app, [run.id])).get(run.id)!;
  assert.equal(done.status, "COMPLETED");
  assert.equal(done.emailCount, 7);
  assert.deepEqual(
    done.totals.map((x) => x.metric),
    ["CAPITALS"],
  );
});

test("past MAX_CONCURRENT_ANALYSES + MAX_QUEUED_ANALYSES, startAnalysis is OVERLOADED", async (t) => {
  const app = await startTestApp(t, {
    env: { MAX_CONCURRENT_ANALYSES: "1", MAX_QUEUED_ANALYSES: "1" },
  });
  const { release, held } = holdCorpus(app, "test");
  const admitted = [await startRun(app, {}), await startRun(app, {})];
  const refused = await app.gql(START, { input: {} });
  assert.equal(refused.errors?.[0].extensions?.code, "OVERLOADED");
  assert.match(refused.errors![0].message, /too many analyses: 2 running or queued \(limit 2\)/);
  release();
  await held;
  const ended = await waitForAllEnded(
    app,
    admitted.map((r) => r.id),
  );
  for (const r of admitted) assert.equal(ended.get(r.id)?.status, "COMPLETED");
  // Capacity is back once they end.
  const again = await startRun(app, {});
  assert.equal((await getRun(app, again.id)).id, again.id);
});
