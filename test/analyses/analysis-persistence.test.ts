import { ANONYMOUS, ApiTokens } from "../../src/auth/api-tokens";
import assert from "node:assert/strict";
import { test } from "node:test";
import pino from "pino";
import { Registry } from "prom-client";
import { RequestKeys } from "../../src/analyses/request-keys";
import { RetentionService } from "../../src/analyses/retention.service";
import { AnalysisService } from "../../src/analyses/analysis.service";
import { AnalysisStore } from "../../src/analyses/analysis.store";
import { AnalysisRunner } from "../../src/analyses/analysis-runner";
import { ANALYSIS_PROGRESS, RunFeed } from "../../src/analyses/run-feed";
import { RunStatus, type RunRecord } from "../../src/analyses/run-record";
import { EmailService } from "../../src/emails/email.service";
import { Engine, ExecutionStrategy } from "../../src/engine";
import { maskOf } from "../../src/metrics/metrics";
import { HeavyGate } from "../../src/pipeline/heavy-gate";
import { QueryPipeline } from "../../src/pipeline/query-pipeline";
import { FIXTURE } from "../support/fixture-corpus";
import { holdCorpus, startTestApp, type TestApp } from "../support/test-app";
import {
  allResults,
  assertNoLockActivity,
  generatedCsv,
  getLocks,
  gqlOk,
  HANG_MS,
  RESULT_FIELDS,
  startRun,
  waitForEnd,
} from "./analysis-test-support";

test("a COMPLETED run's per-email results page back in Id order, equal to the hand counts", async (t) => {
  const app = await startTestApp(t);
  const run = await startRun(app, { metrics: ["CHARACTERS", "CAPITALS"], strategy: "PROCESSES" });
  const done = await waitForEnd(app, run.id);
  assert.equal(done.status, "COMPLETED", done.error ?? "");
  assert.equal(
    done.totalCapitals,
    FIXTURE.reduce((s, e) => s + e.capitals, 0),
  );

  for (const pageSize of [1, 2, 3, 1000]) {
    const rows = await allResults(app, run.id, pageSize);
    assert.deepEqual(
      rows,
      FIXTURE.map((e) => ({
        ...Object.fromEntries(RESULT_FIELDS.map((f) => [f, null])),
        emailId: e.id,
        capitals: e.capitals,
        characters: e.characters,
      })),
      `page size ${pageSize}`,
    );
  }
  const page = await gqlOk<{
    analysisRun: {
      results: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } };
    };
  }>(
    app,
    `query($id: ID!) { analysisRun(id: $id) { results(first: 7) {
      totalCount pageInfo { hasNextPage hasPreviousPage } } } }`,
    { id: run.id },
  );
  assert.deepEqual(page.analysisRun.results, {
    totalCount: 7,
    pageInfo: { hasNextPage: false, hasPreviousPage: false },
  });
  const bad = await app.gql(
    `query($id: ID!) { analysisRun(id: $id) { results(after: "nope") { totalCount } } }`,
    {
      id: run.id,
    },
  );
  assert.equal(bad.errors?.[0].extensions?.code, "BAD_USER_INPUT");
});

test("analysisRuns pages newest first and filters by status", async (t) => {
  const app = await startTestApp(t);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await startRun(app, { strategy: "SEQUENTIAL" })).id);
  for (const id of ids) await waitForEnd(app, id);
  // One more that stays PENDING: the test holds the corpus exclusively until it is cancelled.
  const { release, held } = holdCorpus(app, "test");
  const pending = await startRun(app, {});

  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data: {
      analysisRuns: {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await gqlOk(
      app,
      `query($after: String) { analysisRuns(first: 2, after: $after) {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    assert.equal(data.analysisRuns.totalCount, 6);
    seen.push(...data.analysisRuns.edges.map((e) => e.node.id));
    if (!data.analysisRuns.pageInfo.hasNextPage) break;
    after = data.analysisRuns.pageInfo.endCursor;
  }
  assert.deepEqual(seen, [pending.id, ...ids.reverse()]);

  const byStatus = async (status: string) =>
    (
      await gqlOk<{ analysisRuns: { totalCount: number; edges: { node: { id: string } }[] } }>(
        app,
        `query($s: AnalysisStatus) { analysisRuns(status: $s) { totalCount edges { node { id } } } }`,
        { s: status },
      )
    ).analysisRuns;
  assert.deepEqual(await byStatus("PENDING"), {
    totalCount: 1,
    edges: [{ node: { id: pending.id } }],
  });
  assert.equal((await byStatus("COMPLETED")).totalCount, 5);
  // Not COMPLETED: no results are shown, not even an empty page.
  const r = await gqlOk<{ analysisRun: { results: unknown } }>(
    app,
    `query($id: ID!) { analysisRun(id: $id) { results { totalCount } } }`,
    { id: pending.id },
  );
  assert.equal(r.analysisRun.results, null);
  await app.gql(`mutation($id: ID!) { cancelAnalysis(id: $id) { id } }`, { id: pending.id });
  release();
  await held;
});

/** Fails its third result batch, after two batches have been committed. */
class FailingStore extends AnalysisStore {
  batches = 0;
  rowsAtFailure = -1;
  override insertResults(...args: Parameters<AnalysisStore["insertResults"]>): void {
    if (++this.batches === 3) {
      this.rowsAtFailure = this.countResults(args[0]);
      throw new Error("disk full (injected)");
    }
    super.insertResults(...args);
  }
  countResults(runId: number): number {
    return this.dbHandle
      .prepare(`SELECT count(*) FROM AnalysisResult WHERE runId = ?`)
      .pluck()
      .get(runId) as number;
  }
  constructor(readonly dbHandle: TestApp["app"]["db"]) {
    super(dbHandle);
  }
}

test(
  "a run that fails between result batches ends FAILED with none of its results kept",
  { timeout: HANG_MS },
  async (t) => {
    const app = await startTestApp(t, { csv: await generatedCsv(120, 3) });
    const { db, locks, corpus, executors } = app.app;
    const store = new FailingStore(db);
    const feed = new RunFeed((id) => store.get(id));
    const pipeline = new QueryPipeline({
      gate: new HeavyGate(1, 10),
      locks,
      emails: new EmailService(db),
      corpus,
      engine: new Engine(corpus, executors.byStrategy),
    });
    const runner = new AnalysisRunner(
      { store, pipeline, locks, feed, logger: pino({ level: "silent" }) },
      { lockTimeoutMs: 10_000, progressSteps: 4, resultBatch: 25 },
    );
    const service = new AnalysisService(
      store,
      locks,
      runner,
      executors.byStrategy,
      { maxActive: 10, lockTimeoutMs: 10_000 },
      new ApiTokens([]),
      new RequestKeys(db, store),
      new RetentionService(
        db,
        locks,
        { maxRuns: 0, maxDays: 0, lockTimeoutMs: 10_000 },
        pino({ level: "silent" }),
        new Registry(),
      ),
    );
    const spec = {
      mask: maskOf(["CAPITALS"]),
      strategy: ExecutionStrategy.THREADS,
      workers: null,
      chunkSize: null,
      filter: null,
    };
    const created = await service.start(spec, "test", ANONYMOUS);
    const states: (RunRecord | null)[] = [];
    for await (const s of feed.subscribe(ANALYSIS_PROGRESS, created.id)) states.push(s);

    assert.equal(store.rowsAtFailure, 50, "two batches of 25 were committed before the failure");
    const end = states.at(-1)!;
    assert.equal(end.status, RunStatus.FAILED);
    assert.equal(end.error, "Internal server error");
    assert.equal(store.countResults(created.id), 0);
    // The same row, seen through the API: FAILED, no totals, no results.
    const seen = await gqlOk<{
      analysisRun: { status: string; totals: unknown[]; results: unknown };
    }>(
      app,
      `query($id: ID!) { analysisRun(id: $id) { status totals { total } results { totalCount } } }`,
      { id: String(created.id) },
    );
    assert.deepEqual(seen.analysisRun, { status: "FAILED", totals: [], results: null });
    assertNoLockActivity(await getLocks(app));
  },
);
