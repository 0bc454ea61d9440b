import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "../support/test-app";

const TIMEOUT_MS = 100;

test("compareStrategies obeys QUERY_TIMEOUT_MS for the whole query, not per pass", async (t) => {
  const app = await startTestApp(t, { env: { QUERY_TIMEOUT_MS: String(TIMEOUT_MS) } });
  // One pass over the 7 fixture emails is a few ms, far under the timeout (it used to be the
  // budget of each pass); 120 passes of 7 process round trips each are not.
  const six = "[PROCESSES, PROCESSES, PROCESSES, PROCESSES, PROCESSES, PROCESSES]";
  const res = await app.gql(
    `{ compareStrategies(strategies: ${six}, repetitions: 20, chunkSize: 1) { allAgree } }`,
  );
  assert.equal(res.data, null, "no answer after the budget is spent");
  assert.equal(res.errors?.length, 1, JSON.stringify(res.errors));
  assert.equal(res.errors![0].extensions?.code, "TIMEOUT");
  assert.match(
    res.errors![0].message,
    new RegExp(
      `^compareStrategies exceeded its ${TIMEOUT_MS} ms timeout \\(QUERY_TIMEOUT_MS, for the whole query\\) after \\d+ of 120 runs`,
    ),
  );
  // The server is free again at once: nothing of the comparison keeps running.
  const after = await app.gql<{ capitalLetterStats: { totalCapitals: number } }>(
    "{ capitalLetterStats(fresh: true) { totalCapitals } }",
  );
  assert.deepEqual(after.data, { capitalLetterStats: { totalCapitals: 41 } });
});
