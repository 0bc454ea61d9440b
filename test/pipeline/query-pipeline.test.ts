import assert from "node:assert/strict";
import { test } from "node:test";
import type { EmailFilter } from "../../src/emails/email-filter.input";
import { EmailService } from "../../src/emails/email.service";
import { Engine, ExecutionStrategy } from "../../src/engine";
import { maskOf } from "../../src/metrics/metrics";
import { CORPUS_EXCLUSIVE, oneRunLocks } from "../../src/locks/app-locks";
import { HeavyGate } from "../../src/pipeline/heavy-gate";
import { QueryPipeline, type PipelineQuery } from "../../src/pipeline/query-pipeline";
import { deferred, tick } from "../locks/lock-test-helpers";
import { FIXTURE } from "../support/fixture-corpus";
import { startTestApp, type TestApp } from "../support/test-app";

function pipelineOf(t: TestApp, gate = new HeavyGate(1, 1)): QueryPipeline {
  const { locks, corpus, db, executors } = t.app;
  return new QueryPipeline({
    gate,
    locks,
    emails: new EmailService(db),
    corpus,
    engine: new Engine(corpus, executors.byStrategy),
  });
}

function query(holder: string, extra: Partial<PipelineQuery> = {}): PipelineQuery {
  return { holder, filter: null, lockTimeoutMs: 10_000, ...extra };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await tick();
}

/** Lock name -> holders, for the locks that are held. */
function held(t: TestApp): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of t.app.locks.snapshot()) if (l.holders.length > 0) out[l.name] = l.holders;
  return out;
}

test("a section sees the filter's ids at one corpus version, holding every lock it declared", async (t) => {
  const app = await startTestApp(t);
  const pipeline = pipelineOf(app);
  const version = app.app.corpus.state()!.version;
  const seen = await pipeline.run(
    query("run:7", {
      filter: { idFrom: 2, idTo: 4 } as EmailFilter,
      locks: oneRunLocks(7),
    }),
    async (read) => {
      const locks = held(app);
      const result = await read.count({
        mask: maskOf(["CAPITALS"]),
        strategy: ExecutionStrategy.SEQUENTIAL,
      });
      const capitals = Array.from(result.counts.column("CAPITALS"));
      return { ids: read.ids, emailCount: read.emailCount, version: read.version, locks, capitals };
    },
  );
  assert.deepEqual(seen, {
    ids: Int32Array.from([2, 3, 4]),
    emailCount: 3,
    version,
    locks: { corpus: ["run:7"], "analysis-runs": ["run:7"], "run:7": ["run:7"] },
    capitals: FIXTURE.filter((e) => e.id >= 2 && e.id <= 4).map((e) => e.capitals),
  });
  assert.deepEqual(held(app), {}, "every lock is released when the section ends");

  const whole = await pipeline.run(query("query:1"), async (read) => read);
  assert.equal(whole.ids, null, "no filter selects the whole corpus without a query");
  assert.equal(whole.emailCount, FIXTURE.length);
});

test("admission comes before the locks: a query waiting for a slot holds none", async (t) => {
  const app = await startTestApp(t);
  const gate = new HeavyGate(1, 1);
  const pipeline = pipelineOf(app, gate);
  const release = deferred();
  const first = pipeline.run(query("query:1"), () => release.promise);
  await until(() => held(app).corpus !== undefined);
  const second = pipeline.run(query("query:2"), async (read) => read.queueMs);
  assert.deepEqual(gate.stats(), { running: 1, waiting: 1 });
  assert.deepEqual(held(app), { corpus: ["query:1"] });

  await assert.rejects(
    pipeline.run(query("query:3"), async () => undefined),
    (err: Error & { extensions?: { code?: string } }) => err.extensions?.code === "OVERLOADED",
  );
  release.resolve();
  await first;
  assert.ok((await second) >= 0);
  assert.deepEqual(held(app), {});
});

test("a lock wait past its budget reaches the caller as LOCK_TIMEOUT, naming the lock", async (t) => {
  const app = await startTestApp(t);
  const pipeline = pipelineOf(app);
  const release = deferred();
  const reload = app.app.locks.withLocks("reload:1", [CORPUS_EXCLUSIVE], () => release.promise);
  await assert.rejects(
    pipeline.run(query("query:1", { lockTimeoutMs: 50 }), async () => "never"),
    (err: Error & { extensions?: Record<string, unknown> }) => {
      assert.equal(err.extensions?.code, "LOCK_TIMEOUT");
      assert.equal(err.extensions?.lock, "corpus");
      assert.deepEqual(err.extensions?.holders, ["reload:1"]);
      return true;
    },
  );
  release.resolve();
  await reload;
});
