import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "../support/test-app";

interface Report {
  requestedStrategy: string;
  strategy: string;
  cached: boolean;
  cachedFrom: string | null;
  computedAt: string;
  reason: string;
}

const QUERY = `query($s: ExecutionStrategy!, $w: Int, $fresh: Boolean) {
  capitalLetterStats(strategy: $s, workers: $w, fresh: $fresh) {
    totalCapitals execution { requestedStrategy strategy cached cachedFrom computedAt reason } } }`;

test("a cache hit checks the arguments, reports what was asked, and names the computation it reuses", async (t) => {
  const app = await startTestApp(t);
  const ask = async (requestId: string, variables: Record<string, unknown>) =>
    (
      await app.http
        .post("/graphql")
        .set("x-request-id", requestId)
        .send({ query: QUERY, variables })
    ).body as {
      data?: { capitalLetterStats: { totalCapitals: number; execution: Report } };
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
  const first = await ask("first-request", { s: "PROCESSES" });
  assert.equal(first.errors, undefined, JSON.stringify(first.errors));
  const computed = first.data!.capitalLetterStats.execution;
  assert.equal(computed.cached, false);
  assert.equal(computed.cachedFrom, null);
  assert.equal(computed.requestedStrategy, "PROCESSES");

  const hit = await ask("second-request", { s: "THREADS" });
  assert.equal(hit.errors, undefined, JSON.stringify(hit.errors));
  assert.equal(hit.data!.capitalLetterStats.totalCapitals, 41);
  const report = hit.data!.capitalLetterStats.execution;
  assert.equal(report.cached, true);
  assert.equal(report.requestedStrategy, "THREADS", "what this query asked");
  assert.equal(report.strategy, "PROCESSES", "what ran, back then");
  assert.equal(report.cachedFrom, "first-request");
  assert.equal(report.computedAt, computed.computedAt);
  assert.match(
    report.reason,
    new RegExp(
      `^cached: these numbers were computed at ${computed.computedAt} for request first-request`,
    ),
  );

  // The same arguments are refused whether or not the answer is cached.
  const max = app.app.executors.threads.maxWorkers;
  for (const fresh of [false, true]) {
    const bad = await ask("third", { s: "THREADS", w: max + 1, fresh });
    assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", `fresh: ${fresh}`);
    assert.match(
      bad.errors![0].message,
      new RegExp(`workers must be between 1 and ${max} for THREADS`),
    );
  }
});
