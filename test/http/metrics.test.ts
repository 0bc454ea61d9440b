import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { loadCsv } from "../../src/corpus/csv-loader";
import { MAX_OPERATION_LABELS } from "../../src/http/metrics";
import { fixtureCsv, FIXTURE } from "../support/fixture-corpus";
import { startTestApp, type TestApp } from "../support/test-app";
import { testWorkers } from "../support/test-executors";

/** Prometheus text format to { 'name{a="b"}': value }; label order as the server prints it. */
function parse(text: string): Map<string, number> {
  const series = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const cut = line.lastIndexOf(" ");
    series.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return series;
}

async function scrape(app: TestApp): Promise<Map<string, number>> {
  const res = await app.http.get("/metrics");
  assert.equal(res.status, 200);
  assert.equal(res.headers["content-type"], "text/plain; version=0.0.4; charset=utf-8");
  return parse(res.text);
}

/** Scrapes until `ready` holds (a hang guard, not a timing assertion). */
async function scrapeUntil(
  app: TestApp,
  ready: (m: Map<string, number>) => boolean,
  what: string,
): Promise<Map<string, number>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const m = await scrape(app);
    if (ready(m)) return m;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test("request counts and latencies by operation name and outcome", async (t) => {
  const app = await startTestApp(t);
  for (let i = 0; i < 3; i++) await app.gql("query CountEmails { emails { totalCount } }");
  await app.gql("query BadPage { emails(first: 0) { totalCount } }");
  await app.gql("{ capitalLetterStats { totalCapitals } }");
  await app.gql("{ nope }");
  await app.http.post("/graphql").set("content-type", "application/json").send("{broken");
  const m = await scrape(app);
  const req = (op: string, outcome: string) =>
    m.get(`capstats_graphql_requests_total{operation="${op}",outcome="${outcome}"}`);
  assert.equal(req("CountEmails", "ok"), 3);
  assert.equal(req("BadPage", "BAD_USER_INPUT"), 1);
  assert.equal(req("anonymous", "ok"), 1);
  assert.equal(req("anonymous", "GRAPHQL_VALIDATION_FAILED"), 1);
  assert.equal(
    m.get('capstats_graphql_request_duration_seconds_count{operation="CountEmails"}'),
    3,
  );
  assert.equal(
    m.get('capstats_graphql_request_duration_seconds_bucket{le="+Inf",operation="CountEmails"}'),
    3,
  );
  assert.ok(m.get('capstats_graphql_request_duration_seconds_sum{operation="CountEmails"}')! > 0);
  assert.equal(m.get('capstats_http_rejected_total{reason="malformed_json"}'), 1);
  // Pools as created with POOL_SIZE=2, idle now.
  for (const strategy of ["THREADS", "PROCESSES"]) {
    assert.equal(m.get(`capstats_pool_workers{strategy="${strategy}"}`), 2);
    assert.equal(m.get(`capstats_pool_busy_workers{strategy="${strategy}"}`), 0);
    assert.equal(m.get(`capstats_pool_queued_tasks{strategy="${strategy}"}`), 0);
  }
  assert.equal(m.get('capstats_gate_running{gate="heavy"}'), 0);
  assert.equal(m.get('capstats_gate_queued{gate="heavy"}'), 0);
  assert.ok(m.get("capstats_process_resident_memory_bytes")! > 10 * 1024 * 1024);
});

test("heavy gate and pool gauges show a running query, a queued one, and the busy worker", async (t) => {
  const app = await startTestApp(t, {
    env: { MAX_CONCURRENT_HEAVY: "1" },
    executors: testWorkers({ taskDelayMs: 1500 }),
  });
  const slow =
    "{ capitalLetterStats(strategy: THREADS, workers: 1, chunkSize: 1000, fresh: true) { totalCapitals } }";
  const both = Promise.all([app.gql(slow), app.gql(slow)]);
  const snapshot = await scrapeUntil(
    app,
    // The running query first loads the corpus (on a thread of its own), then takes a worker.
    (m) =>
      m.get('capstats_gate_running{gate="heavy"}') === 1 &&
      m.get('capstats_gate_queued{gate="heavy"}') === 1 &&
      m.get('capstats_pool_busy_workers{strategy="THREADS"}') === 1,
    "one heavy query running on a worker and one queued",
  );
  assert.equal(snapshot.get('capstats_pool_busy_workers{strategy="PROCESSES"}'), 0);
  const [a, b] = await both;
  assert.deepEqual(
    [a.data, b.data],
    [{ capitalLetterStats: { totalCapitals: 41 } }, { capitalLetterStats: { totalCapitals: 41 } }],
  );
  const after = await scrape(app);
  assert.equal(after.get('capstats_gate_running{gate="heavy"}'), 0);
  assert.equal(after.get('capstats_gate_queued{gate="heavy"}'), 0);
  assert.equal(after.get('capstats_pool_busy_workers{strategy="THREADS"}'), 0);
});

test("loader gauges follow a load's progress, and loads are counted by result", async (t) => {
  const app = await startTestApp(t);
  let release!: () => void;
  const paused = new Promise<void>((r) => (release = r));
  const fake = app.app.metrics.observeLoad(async (onProgress) => {
    onProgress({ rows: 1200, bytesRead: 50_000, totalBytes: 200_000 });
    await paused;
  });
  const during = await scrape(app);
  assert.equal(during.get("capstats_loader_in_progress"), 1);
  assert.equal(during.get("capstats_loader_rows"), 1200);
  assert.equal(during.get("capstats_loader_bytes_read"), 50_000);
  assert.equal(during.get("capstats_loader_bytes_total"), 200_000);
  release();
  await fake;

  const file = path.join(app.dir, "again.csv");
  fs.writeFileSync(file, fixtureCsv());
  await app.app.metrics.observeLoad((onProgress) =>
    loadCsv(app.app.db, file, { onProgress, batchSize: 2 }),
  );
  await assert.rejects(
    app.app.metrics.observeLoad((onProgress) =>
      loadCsv(app.app.db, path.join(app.dir, "missing.csv"), { onProgress }),
    ),
  );
  // A run that decides not to load (no progress) is not a load.
  await app.app.metrics.observeLoad(async () => undefined);
  const after = await scrape(app);
  assert.equal(after.get("capstats_loader_in_progress"), 0);
  assert.equal(after.get("capstats_loader_rows"), FIXTURE.length);
  assert.equal(after.get("capstats_loader_bytes_total"), fs.statSync(file).size);
  assert.equal(after.get("capstats_loader_bytes_read"), fs.statSync(file).size);
  assert.equal(after.get('capstats_corpus_loads_total{result="ok"}'), 2);
  assert.equal(after.get('capstats_corpus_loads_total{result="failed"}'), 1);
});

test("client-chosen operation names cannot grow the label set without bound", async (t) => {
  const app = await startTestApp(t);
  const extra = 7;
  for (let i = 0; i < MAX_OPERATION_LABELS + extra; i++)
    await app.gql(`query Op${i} { __typename }`);
  await app.gql(`query ${"L".repeat(65)} { __typename }`);
  const m = await scrape(app);
  const names = [...m.keys()]
    .filter((k) => k.startsWith("capstats_graphql_requests_total{"))
    .map((k) => /operation="([^"]*)"/.exec(k)![1]);
  assert.equal(names.length, MAX_OPERATION_LABELS + 1);
  assert.ok(names.includes("Op0") && names.includes(`Op${MAX_OPERATION_LABELS - 1}`));
  assert.equal(m.get('capstats_graphql_requests_total{operation="other",outcome="ok"}'), extra + 1);
});

test("each app has its own registry, and METRICS=false removes the route", async (t) => {
  const one = await startTestApp(t);
  await one.gql("query Mine { __typename }");
  const two = await startTestApp(t, { env: { METRICS: "false" } });
  assert.equal((await one.http.get("/metrics")).status, 200);
  assert.equal(two.app.metrics.registry === one.app.metrics.registry, false);
  assert.doesNotMatch(await two.app.metrics.render(), /operation="Mine"/);
  const res = await two.http.get("/metrics");
  assert.equal(res.status, 404);
  assert.equal(res.body.errors[0].extensions.code, "NOT_FOUND");
});

test("lock waits are timed per lock kind and mode: zero when free, the hold time when not", async (t) => {
  const app = await startTestApp(t);
  const fresh = "{ capitalLetterStats(fresh: true) { totalCapitals } }";
  for (let i = 0; i < 3; i++) await app.gql(fresh);
  const series = (m: Map<string, number>, suffix: string, lock: string, mode: string) =>
    m.get(`capstats_lock_wait_seconds_${suffix}{lock="${lock}",mode="${mode}"}`);
  const before = await scrape(app);
  assert.equal(series(before, "count", "corpus", "shared"), 3);
  assert.equal(
    before.get('capstats_lock_wait_seconds_bucket{le="0",lock="corpus",mode="shared"}'),
    3,
  );

  // Hold the corpus as a reload would; the next stats query must wait for it.
  const holdMs = 200;
  let pending!: Promise<unknown>;
  await app.app.locks.withLocks(
    "test-reload",
    [{ name: "corpus", mode: "exclusive" }],
    async () => {
      pending = app.gql(fresh);
      const deadline = Date.now() + 20_000;
      while (!app.app.locks.snapshot().some((l) => l.name === "corpus" && l.waiting.length > 0)) {
        assert.ok(Date.now() < deadline, "the query never queued for the corpus lock");
        await new Promise((r) => setTimeout(r, 5));
      }
      await new Promise((r) => setTimeout(r, holdMs));
    },
  );
  assert.deepEqual(await pending, { data: { capitalLetterStats: { totalCapitals: 41 } } });
  const after = await scrape(app);
  assert.equal(series(after, "count", "corpus", "shared"), 4);
  assert.equal(series(after, "count", "corpus", "exclusive"), 1);
  assert.equal(
    after.get('capstats_lock_wait_seconds_bucket{le="0",lock="corpus",mode="shared"}'),
    3,
  );
  // The waiter queued before the hold began, so it waited at least the hold (timers never
  // fire early by more than a millisecond).
  const waited =
    series(after, "sum", "corpus", "shared")! - series(before, "sum", "corpus", "shared")!;
  assert.ok(waited >= (holdMs - 2) / 1000, `waited ${waited} s`);
});

test("event-loop delay and utilization: a blocked loop shows in the window since the last scrape", async (t) => {
  const app = await startTestApp(t);
  const before = await scrape(app);
  for (const q of ["0.5", "0.9", "0.99", "1"]) {
    assert.ok(before.has(`capstats_event_loop_delay_seconds{quantile="${q}"}`), q);
  }
  // The scrape started a new window, whose first tick only sets the monitor's clock: let the
  // loop run a few of its 10 ms ticks first.
  const settled = performance.now() + 30;
  while (performance.now() < settled) await new Promise((r) => setTimeout(r, 5));
  // Hold the main thread for 80 ms: the monitor's timer fires at least 60 ms late (a lower
  // bound that holds however slow the machine is).
  const until = performance.now() + 80;
  while (performance.now() < until);
  await new Promise((r) => setTimeout(r, 30));
  const after = await scrape(app);
  assert.ok(after.get('capstats_event_loop_delay_seconds{quantile="1"}')! >= 0.06);
  const busy = after.get("capstats_event_loop_utilization")!;
  assert.ok(busy > 0 && busy <= 1, `utilization ${busy}`);
});
