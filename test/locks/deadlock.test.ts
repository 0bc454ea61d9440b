import assert from "node:assert/strict";
import { test } from "node:test";
import { LockManager } from "../../src/locks/lock-manager";
import { RwLock, type LockTicket } from "../../src/locks/rw-lock";
import { HANG_TIMEOUT_MS, RANKS, settlesWithin, tick } from "./lock-test-helpers";

// The seed's bug: one thread takes db then stdout, the other stdout then db.
test("the seed's db/stdout deadlock", { timeout: HANG_TIMEOUT_MS }, async (t) => {
  await t.test(
    "really deadlocks with a bare per-lock primitive taken in opposite orders",
    async () => {
      const db = new RwLock("db");
      const stdout = new RwLock("stdout");
      const secondWait: Record<string, LockTicket> = {};
      const outcome: string[] = [];
      const task = async (me: string, first: RwLock, second: RwLock): Promise<void> => {
        const h1 = await first.acquire(me, "exclusive");
        await tick(); // the yield that lets the other task take its first lock
        try {
          secondWait[me] = second.enqueue(me, "exclusive");
          const h2 = await secondWait[me].granted;
          second.release(h2);
          outcome.push(`${me} finished`);
        } catch {
          outcome.push(`${me} gave up`);
        } finally {
          first.release(h1);
        }
      };
      const both = Promise.all([task("A", db, stdout), task("B", stdout, db)]);

      assert.equal(await settlesWithin(both, 200), false, "expected a hang");
      assert.deepEqual(outcome, []);
      assert.deepEqual(db.holderIds, ["A"]);
      assert.deepEqual(stdout.holderIds, ["B"]);
      assert.deepEqual(
        db.waiters().map((w) => w.holder),
        ["B"],
      );
      assert.deepEqual(
        stdout.waiters().map((w) => w.holder),
        ["A"],
      );

      // Only breaking the cycle (what a timeout does) lets anyone proceed.
      assert.equal(secondWait.A.cancel(new Error("A times out")), true);
      assert.equal(await settlesWithin(both, 2000), true);
      assert.deepEqual(outcome, ["A gave up", "B finished"]);
      assert.equal(db.idle && stdout.idle, true);
    },
  );

  await t.test(
    "cannot deadlock through withLocks, whatever order the locks are declared in",
    async () => {
      const acquired: Record<string, string[]> = { A: [], B: [] };
      const mgr = new LockManager({
        ranks: RANKS,
        onAcquired: (name, _mode, _waited, holder) => acquired[holder].push(name),
      });
      const inside: string[] = [];
      let concurrent = 0;
      const section = (me: string) => async (): Promise<string> => {
        concurrent++;
        assert.equal(concurrent, 1, "both sections need db exclusively");
        inside.push(me);
        await tick();
        concurrent--;
        return me;
      };
      const a = mgr.withLocks(
        "A",
        [
          { name: "db", mode: "exclusive" },
          { name: "stdout", mode: "exclusive" },
        ],
        section("A"),
      );
      const b = mgr.withLocks(
        "B",
        [
          { name: "stdout", mode: "exclusive" },
          { name: "db", mode: "exclusive" },
        ],
        section("B"),
      );
      const both = Promise.all([a, b]);

      assert.equal(await settlesWithin(both, 2000), true, "withLocks must not hang");
      assert.deepEqual(await both, ["A", "B"]);
      assert.deepEqual(inside, ["A", "B"]);
      // db (rank 50) before stdout (rank 90) for both, regardless of declaration order.
      assert.deepEqual(acquired, { A: ["db", "stdout"], B: ["db", "stdout"] });
      for (const l of mgr.snapshot())
        assert.deepEqual([l.name, l.holders, l.waiting], [l.name, [], []]);
    },
  );
});
