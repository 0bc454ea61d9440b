import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp, type TestAppOptions } from "../support/test-app";
import { testWorkers } from "../support/test-executors";

// Every worker task sleeps TASK_DELAY ms first (the test worker entry), so a heavy query
// is slow on purpose and the assertions below are about order, not speed.
const TASK_DELAY = "600";
const slowApp = (env: Record<string, string>): TestAppOptions => ({
  env,
  executors: testWorkers({ taskDelayMs: Number(TASK_DELAY) }),
});
const HEAVY = `{ capitalLetterStats(strategy: THREADS, fresh: true) { totalCapitals execution { queueMs } } }`;
type Heavy = { capitalLetterStats: { totalCapitals: number; execution: { queueMs: number } } };

test("past the bounded queue, a heavy query is refused with OVERLOADED at once", async (t) => {
  const { gql } = await startTestApp(
    t,
    slowApp({ MAX_CONCURRENT_HEAVY: "1", MAX_QUEUED_HEAVY: "0" }),
  );
  const [a, b] = await Promise.all([gql<Heavy>(HEAVY), gql<Heavy>(HEAVY)]);
  const overloaded = [a, b].filter((r) => r.errors?.[0].extensions?.code === "OVERLOADED");
  const served = [a, b].filter((r) => r.data?.capitalLetterStats.totalCapitals === 41);
  assert.equal(overloaded.length, 1, JSON.stringify([a, b]));
  assert.equal(served.length, 1);
  assert.match(
    overloaded[0].errors![0].message,
    /too many heavy queries: 1 running and 0 queued \(limits 1 and 0\)/,
  );
});

test("heavy queries within the queue limit wait their turn in order and all complete", async (t) => {
  const { gql } = await startTestApp(
    t,
    slowApp({ MAX_CONCURRENT_HEAVY: "1", MAX_QUEUED_HEAVY: "2" }),
  );
  const results = await Promise.all([gql<Heavy>(HEAVY), gql<Heavy>(HEAVY), gql<Heavy>(HEAVY)]);
  for (const r of results)
    assert.equal(r.data?.capitalLetterStats.totalCapitals, 41, JSON.stringify(r.errors));
  const waits = results
    .map((r) => r.data!.capitalLetterStats.execution.queueMs)
    .sort((x, y) => x - y);
  // one ran at once; the other two each waited for at least one full task delay
  assert.ok(waits[1] >= Number(TASK_DELAY) * 0.9 && waits[2] >= waits[1], String(waits));
});

test("small queries answer while a heavy query keeps every worker busy", async (t) => {
  const { gql, http } = await startTestApp(t, slowApp({}));
  let heavyDone = false;
  const heavy = gql<Heavy>(HEAVY).then((r) => {
    heavyDone = true;
    return r;
  });
  await new Promise((r) => setTimeout(r, 100)); // the heavy query is now inside the workers
  const small = await gql<{ email: { capitalLetters: number } }>(
    `{ email(id: 9) { capitalLetters } }`,
  );
  const health = await http.get("/healthz");
  assert.equal(heavyDone, false, "the small queries must not wait for the heavy one");
  assert.equal(small.data?.email.capitalLetters, 22);
  assert.equal(health.status, 200);
  assert.equal((await heavy).data?.capitalLetterStats.totalCapitals, 41);
});

test("a query past its timeout is cancelled with TIMEOUT and the pool keeps working", async (t) => {
  // 7 one-email tasks on 2 workers need 4 rounds of 600 ms: past the 1500 ms timeout.
  // Balanced chunks need one round: well inside it.
  const { gql } = await startTestApp(t, slowApp({ QUERY_TIMEOUT_MS: "1500" }));
  const slow = await gql(
    `{ capitalLetterStats(strategy: THREADS, chunkSize: 1, fresh: true) { totalCapitals } }`,
  );
  assert.equal(slow.errors?.[0].extensions?.code, "TIMEOUT", JSON.stringify(slow));
  assert.match(slow.errors![0].message, /exceeded its 1500 ms timeout; its tasks were cancelled/);
  for (const s of ["THREADS", "PROCESSES"]) {
    const ok = await gql<Heavy>(
      `{ capitalLetterStats(strategy: ${s}, fresh: true) { totalCapitals execution { queueMs } } }`,
    );
    assert.equal(ok.data?.capitalLetterStats.totalCapitals, 41, JSON.stringify(ok.errors));
  }
});
