import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fixtureCsv } from "../../../support/fixture-corpus";
import { createNetns } from "../../../support/netns";
import { inNamespacesOf } from "../../../support/remote-workers";
import { startTestApp } from "../../../support/test-app";
import { generatedCsv } from "../../../analyses/analysis-test-support";
import {
  HAND,
  HANG_GUARD,
  perEmail,
  startCluster,
  startClusterWith,
  statsOn,
  untilWorkers,
  type StatsData,
} from "./distributed.fixture";

test(
  "DISTRIBUTED on two worker processes, one in its own network namespace: the exact counts, from both",
  HANG_GUARD,
  async (t) => {
    const ns = createNetns(t);
    const isolated = !("unavailable" in ns);
    if (!isolated) t.diagnostic(`second worker shares this network namespace: ${ns.unavailable}`);
    const csv = await generatedCsv(600, 12);
    const cluster = await startCluster(t, { csv, alsoBind: isolated ? [ns.hostIp] : [] });
    const { app } = cluster;
    const a = await cluster.spawn();
    const b = isolated
      ? await cluster.spawn({
          redisUrl: `redis://${ns.hostIp}:${cluster.redis.port}`,
          netns: ns,
          hideDir: app.dir,
        })
      : await cluster.spawn();
    if (isolated) {
      // What the second worker can see: no database file, and only its own end of the link.
      const dbFile = path.basename(app.app.config.databaseFile);
      assert.ok(fs.existsSync(app.app.config.databaseFile));
      assert.deepEqual(inNamespacesOf(b.child.pid!, ["-m"], ["ls", "-A", app.dir]).trim(), "");
      assert.ok(!inNamespacesOf(b.child.pid!, ["-m"], ["ls", "-A", app.dir]).includes(dbFile));
      const addrs = inNamespacesOf(b.child.pid!, ["-n"], ["ip", "-4", "-o", "addr"]);
      assert.match(addrs, new RegExp(`inet ${ns.nsIp.replace(/\./g, "\\.")}/30`));
    }
    await untilWorkers(app, 2);

    const sequential = await statsOn(app, "SEQUENTIAL");
    assert.equal(sequential.errors, undefined, JSON.stringify(sequential.errors));

    const runs: StatsData[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await statsOn(app, "DISTRIBUTED", { chunkSize: 25 });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      runs.push(res.data!);
    }
    const [first] = runs;
    const ex = first.capitalLetterStats.execution;
    assert.equal(ex.strategy, "DISTRIBUTED");
    assert.equal(ex.tasks, 24); // 600 emails / 25
    for (const run of runs) {
      assert.deepEqual(
        perEmail(run),
        perEmail(sequential.data!),
        "per-email counts equal SEQUENTIAL",
      );
      const e = run.capitalLetterStats.execution;
      assert.equal(
        e.perWorker.reduce((n, w) => n + w.tasks, 0),
        e.tasks,
        "each chunk counted once",
      );
      assert.equal(e.distributed!.jobs, e.tasks);
      assert.equal(e.distributed!.stalledJobs, 0);
    }
    const seen = new Set(
      runs.flatMap((r) => r.capitalLetterStats.execution.perWorker.map((w) => w.worker)),
    );
    assert.deepEqual([...seen].sort(), [a.id, b.id].sort(), "both workers, by host:pid");

    // Staged once per corpus version; each worker downloads a chunk at most once.
    const usage = runs.map((r) => r.capitalLetterStats.execution.distributed!);
    assert.ok(usage[0].bytesStaged > 0);
    assert.equal(usage[1].bytesStaged, 0);
    assert.equal(usage[2].bytesStaged, 0);
    const fetched = usage.reduce((n, u) => n + u.bytesFetched, 0);
    assert.ok(fetched <= 2 * usage[0].bytesStaged, `fetched ${fetched} of ${usage[0].bytesStaged}`);
    assert.ok(usage[2].chunksCached + usage[1].chunksCached > 0, "later queries hit the caches");
    for (const u of usage) {
      assert.equal(u.bytesTransferred, u.bytesStaged + u.bytesFetched + u.bytesReturned);
    }

    // A reload (same text, new version) retires every cached chunk: the next query refetches.
    const file = path.join(app.dir, "again.csv");
    fs.writeFileSync(file, csv);
    await app.app.reload.reload(file);
    const after = await statsOn(app, "DISTRIBUTED", { chunkSize: 25 });
    assert.equal(after.errors, undefined, JSON.stringify(after.errors));
    const ax = after.data!.capitalLetterStats.execution;
    assert.equal(ax.corpusVersion, ex.corpusVersion + 1);
    assert.deepEqual(perEmail(after.data!), perEmail(sequential.data!));
    assert.equal(ax.distributed!.chunksCached, 0, "a new version misses every worker cache");
    assert.equal(ax.distributed!.bytesFetched, usage[0].bytesStaged, "each chunk fetched once");
    assert.equal(
      ax.distributed!.bytesStaged,
      0,
      "same bytes, same content addresses: nothing re-sent",
    );
  },
);

test(
  "DISTRIBUTED equals the hand counts, whole emails and emails split across chunks",
  HANG_GUARD,
  async (t) => {
    const { app } = await startClusterWith(t, [{}, {}], { csv: fixtureCsv() });
    for (const args of [{ chunkSize: 1 }, { chunkSize: 3 }, { workers: 5 }, {}]) {
      const res = await statsOn(app, "DISTRIBUTED", args);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const s = res.data!.capitalLetterStats;
      assert.equal(s.totalCapitals, 41, JSON.stringify(args));
      assert.equal(s.totalCharacters, 137);
      assert.deepEqual(perEmail(res.data!), HAND, JSON.stringify(args));
    }
    // Balanced by default: one chunk per job slot of the connected workers (2 x concurrency 1).
    const dflt = await statsOn(app, "DISTRIBUTED");
    assert.equal(dflt.data!.capitalLetterStats.execution.tasks, 2);
    assert.equal(dflt.data!.capitalLetterStats.execution.workers, 2);
  },
);

test(
  "AUTO never picks DISTRIBUTED without a configured crossover, and says so",
  HANG_GUARD,
  async (t) => {
    const app = await startTestApp(t, { csv: await generatedCsv(400, 3) });
    const res = await statsOn(app, "AUTO");
    const reason = res.data!.capitalLetterStats.execution.reason;
    assert.notEqual(res.data!.capitalLetterStats.execution.strategy, "DISTRIBUTED");
    assert.match(reason, /not DISTRIBUTED: REDIS_URL is not set/);
  },
);
