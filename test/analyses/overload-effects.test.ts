import assert from "node:assert/strict";
import { test } from "node:test";
import { holdCorpus, startTestApp, type TestApp } from "../support/test-app";
import { waitForEnd } from "../analyses/analysis-test-support";

function runIds(app: TestApp): number[] {
  return app.app.db.prepare("SELECT id FROM AnalysisRun ORDER BY id").pluck().all() as number[];
}

test("a 503 means nothing happened: of two aliased startAnalysis past a full queue, the created run is answered with 200", async (t) => {
  const app = await startTestApp(t, {
    env: { MAX_CONCURRENT_ANALYSES: "1", MAX_QUEUED_ANALYSES: "0" },
  });
  // Holding the corpus keeps admitted runs active (PENDING): the analysis queue stays full.
  const corpus = holdCorpus(app, "test");
  const res = await app.http.post("/graphql").send({
    query: "mutation { a: startAnalysis(input: {}) { id } b: startAnalysis(input: {}) { id } }",
  });
  assert.equal(res.status, 200, "something was created, so this is not shed load");
  const ids = runIds(app);
  assert.equal(ids.length, 1);
  assert.deepEqual(res.body.data, { a: { id: String(ids[0]) }, b: null });
  assert.equal(res.body.errors.length, 1);
  assert.equal(res.body.errors[0].extensions.code, "OVERLOADED");
  assert.deepEqual(res.body.errors[0].path, ["b"]);

  // Nothing admitted: 503 with Retry-After, and really nothing created.
  const shed = await app.http
    .post("/graphql")
    .send({ query: "mutation { startAnalysis(input: {}) { id } }" });
  assert.equal(shed.status, 503);
  assert.equal(shed.headers["retry-after"], "1");
  assert.deepEqual(shed.body.data, { startAnalysis: null });
  assert.equal(shed.body.errors[0].extensions.code, "OVERLOADED");
  assert.deepEqual(runIds(app), ids);
  corpus.release();
  await corpus.held;
  assert.equal((await waitForEnd(app, String(ids[0]))).status, "COMPLETED");
});

test("input.requestKey: the same key returns the same run, even when the queue is full; other input under it is refused", async (t) => {
  const app = await startTestApp(t, {
    env: { MAX_CONCURRENT_ANALYSES: "1", MAX_QUEUED_ANALYSES: "0" },
  });
  // Holding the corpus keeps admitted runs active (PENDING): the analysis queue stays full.
  const corpus = holdCorpus(app, "test");
  const start = (input: string) =>
    app.gql<{ startAnalysis: { id: string } | null }>(
      `mutation { startAnalysis(input: ${input}) { id } }`,
    );
  const first = await start(`{ requestKey: "k-1", metrics: [WORDS] }`);
  assert.equal(first.errors, undefined, JSON.stringify(first.errors));
  const id = first.data!.startAnalysis!.id;
  // The queue is full now, yet the retry is answered: it asks for no new work.
  const retry = await start(`{ requestKey: "k-1", metrics: [WORDS] }`);
  assert.deepEqual(retry, { data: { startAnalysis: { id } } });
  // Two at once with one new key: still one run between them.
  const both = await app.gql<{ a: { id: string }; b: { id: string } }>(
    `mutation { a: startAnalysis(input: { requestKey: "k-1", metrics: [WORDS] }) { id }
                b: startAnalysis(input: { requestKey: "k-1", metrics: [WORDS] }) { id } }`,
  );
  assert.deepEqual(both.data, { a: { id }, b: { id } });
  const other = await start(`{ requestKey: "k-1", metrics: [CAPITALS] }`);
  assert.equal(other.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  assert.match(
    other.errors![0].message,
    new RegExp(`input.requestKey "k-1" was used for analysis run ${id}`),
  );
  const empty = await start(`{ requestKey: "" }`);
  assert.match(empty.errors![0].message, /input.requestKey must be 1 to 200 characters/);
  assert.deepEqual(runIds(app), [Number(id)]);
  corpus.release();
  await corpus.held;
  assert.equal((await waitForEnd(app, id)).status, "COMPLETED");
  // After it ended, the key still names that run.
  assert.deepEqual(await start(`{ requestKey: "k-1", metrics: [WORDS] }`), {
    data: { startAnalysis: { id } },
  });
  assert.deepEqual(runIds(app), [Number(id)]);
});
