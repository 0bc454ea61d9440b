import assert from "node:assert/strict";
import { test } from "node:test";
import { LockAbortedError, LockTimeoutError, NestedLockError } from "../../src/locks/lock-errors";
import { LockManager } from "../../src/locks/lock-manager";
import type { LockInfo, LockMode } from "../../src/locks/lock-types";
import {
  HANG_TIMEOUT_MS,
  deferred,
  manualClock,
  RANKS,
  settlesWithin,
  tick,
} from "./lock-test-helpers";

const X = (name: string) => ({ name, mode: "exclusive" as const });
const S = (name: string) => ({ name, mode: "shared" as const });

function lockInfo(mgr: LockManager, name: string): LockInfo {
  const l = mgr.snapshot().find((i) => i.name === name);
  assert.ok(l, `no lock ${name} in snapshot`);
  return l;
}

/** Starts a section that holds its locks until `release()` is called. */
function hold(mgr: LockManager, holder: string, requests: { name: string; mode: LockMode }[]) {
  const entered = deferred();
  const gate = deferred();
  const done = mgr.withLocks(holder, requests, async () => {
    entered.resolve();
    await gate.promise;
    return holder;
  });
  return { entered: entered.promise, release: () => gate.resolve(), done };
}

function assertAllFree(mgr: LockManager): void {
  for (const l of mgr.snapshot()) {
    assert.deepEqual([l.mode, l.holders, l.waiting, l.heldForMs], [null, [], [], null], l.name);
  }
}

/** Another holder takes `lock` at once (a failed request left nothing on it); then `held`
 * ends and every lock is free. */
async function takenAtOnceThenFree(
  mgr: LockManager,
  lock: string,
  held: ReturnType<typeof hold>,
): Promise<void> {
  assert.equal(await mgr.withLocks("other", [X(lock)], async () => "got it"), "got it");
  held.release();
  await held.done;
  assertAllFree(mgr);
}

test("readers-writer modes", { timeout: HANG_TIMEOUT_MS }, async (t) => {
  await t.test("lets two shared holders in at once", async () => {
    const mgr = new LockManager({ ranks: RANKS });
    const bothIn = deferred();
    let inside = 0;
    const reader = (me: string) =>
      mgr.withLocks(me, [S("corpus")], async () => {
        if (++inside === 2) bothIn.resolve();
        await bothIn.promise; // only resolves if the other reader is inside too
        return lockInfo(mgr, "corpus").holders;
      });
    const both = Promise.all([reader("r1"), reader("r2")]);
    assert.equal(await settlesWithin(both, 2000), true, "second reader was kept out");
    assert.deepEqual(await both, [
      ["r1", "r2"],
      ["r1", "r2"],
    ]);
    assertAllFree(mgr);
  });

  await t.test(
    "queues a shared request behind a waiting exclusive one (no writer starvation)",
    async () => {
      const mgr = new LockManager({ ranks: RANKS });
      const order: string[] = [];
      const reader = hold(mgr, "r1", [S("corpus")]);
      await reader.entered;
      const writer = mgr.withLocks("w", [X("corpus")], async () => {
        order.push("w");
        await tick();
      });
      const late = mgr.withLocks("r2", [S("corpus")], async () => {
        order.push("r2");
      });
      await tick();
      const l = lockInfo(mgr, "corpus");
      assert.deepEqual([l.mode, l.holders, l.waiting], ["shared", ["r1"], ["w", "r2"]]);
      assert.deepEqual(
        l.waiters.map((w) => w.mode),
        ["exclusive", "shared"],
      );
      assert.deepEqual(order, []);
      reader.release();
      await Promise.all([reader.done, writer, late]);
      assert.deepEqual(order, ["w", "r2"]);
      assertAllFree(mgr);
    },
  );

  await t.test(
    "lets shared waiters in once the exclusive waiter ahead of them gives up",
    async () => {
      const mgr = new LockManager({ ranks: RANKS });
      const reader = hold(mgr, "r1", [S("corpus")]);
      await reader.entered;
      const ac = new AbortController();
      const writer = mgr.withLocks("w", [X("corpus")], async () => "w", { signal: ac.signal });
      const late = hold(mgr, "r2", [S("corpus")]);
      await tick();
      assert.deepEqual(lockInfo(mgr, "corpus").waiting, ["w", "r2"]);
      ac.abort();
      await assert.rejects(writer, { name: "AbortError" });
      assert.equal(await settlesWithin(late.entered, 2000), true, "r2 still blocked");
      assert.deepEqual(lockInfo(mgr, "corpus").holders, ["r1", "r2"]);
      reader.release();
      late.release();
      await Promise.all([reader.done, late.done]);
      assertAllFree(mgr);
    },
  );

  await t.test(
    "dedupes a name requested twice: exclusive if any request is, else shared",
    async () => {
      const mgr = new LockManager({ ranks: RANKS });
      const h = hold(mgr, "a", [S("db"), X("db"), S("db"), S("stdout"), S("stdout")]);
      await h.entered;
      const db = lockInfo(mgr, "db");
      const stdout = lockInfo(mgr, "stdout");
      assert.deepEqual([db.mode, db.holders], ["exclusive", ["a"]]);
      assert.deepEqual([stdout.mode, stdout.holders], ["shared", ["a"]]);
      h.release();
      await h.done;
    },
  );
});

test("release on every path", { timeout: HANG_TIMEOUT_MS }, async (t) => {
  await t.test("returns fn's value and rethrows fn's error, releasing in both cases", async () => {
    const mgr = new LockManager({ ranks: RANKS });
    assert.equal(await mgr.withLocks("a", [X("db")], async () => 7), 7);
    const boom = new Error("boom");
    await assert.rejects(
      mgr.withLocks("a", [X("db"), S("corpus")], async () => {
        throw boom;
      }),
      (e) => e === boom,
    );
    // A synchronous throw from a non-async fn too.
    await assert.rejects(
      mgr.withLocks("a", [X("db")], () => {
        throw boom;
      }),
      (e) => e === boom,
    );
    assertAllFree(mgr);
  });

  await t.test(
    "times out with the lock, its holders and the budget, releasing what it held",
    async () => {
      const clock = manualClock();
      const mgr = new LockManager({ ranks: RANKS, clock: clock.now });
      const reader = hold(mgr, "run:12", [S("db")]);
      await reader.entered;
      // corpus (rank 0) is free and taken at once; db (rank 50) is where it waits.
      const p = mgr.withLocks("loader", [X("db"), X("corpus")], async () => "never", {
        timeoutMs: 50,
      });
      assert.deepEqual(lockInfo(mgr, "corpus").holders, ["loader"]);
      assert.deepEqual(lockInfo(mgr, "db").waiting, ["loader"]);
      clock.advance(57);
      const err = await p.then(
        () => assert.fail("expected a timeout"),
        (e: unknown) => e,
      );
      assert.ok(err instanceof LockTimeoutError);
      assert.equal(
        err.message,
        'timed out after 50 ms waiting for lock "db" (exclusive), held by run:12 (shared)',
      );
      assert.deepEqual(
        [err.lock, err.mode, err.holder, err.holders, err.heldMode, err.waitedMs, err.timeoutMs],
        ["db", "exclusive", "loader", ["run:12"], "shared", 57, 50],
      );
      assert.equal(err.code, "LOCK_TIMEOUT");
      const corpus = lockInfo(mgr, "corpus");
      assert.deepEqual([corpus.mode, corpus.holders, corpus.heldForMs], [null, [], null]);
      const db = lockInfo(mgr, "db");
      assert.deepEqual([db.holders, db.waiting], [["run:12"], []]);
      // Someone else can take the released lock straight away.
      await takenAtOnceThenFree(mgr, "corpus", reader);
    },
  );

  await t.test("names the waiters ahead when writer fairness is what blocks", async () => {
    const mgr = new LockManager({ ranks: RANKS });
    const reader = hold(mgr, "r1", [S("db")]);
    await reader.entered;
    const writer = hold(mgr, "w", [X("db")]);
    await assert.rejects(
      mgr.withLocks("r2", [S("db")], async () => 0, { timeoutMs: 20 }),
      {
        name: "LockTimeoutError",
        message:
          'timed out after 20 ms waiting for lock "db" (shared), held by r1 (shared); ' +
          "queued behind w (exclusive)",
      },
    );
    reader.release();
    await writer.entered;
    writer.release();
    await Promise.all([reader.done, writer.done]);
    assertAllFree(mgr);
  });

  await t.test("cancels on abort while waiting, releasing what it held", async () => {
    const mgr = new LockManager({ ranks: RANKS });
    const writer = hold(mgr, "w", [X("stdout")]);
    await writer.entered;
    const ac = new AbortController();
    let ran = false;
    const p = mgr.withLocks("run:7", [X("stdout"), X("db")], async () => (ran = true), {
      signal: ac.signal,
    });
    assert.deepEqual(lockInfo(mgr, "db").holders, ["run:7"]);
    assert.deepEqual(lockInfo(mgr, "stdout").waiting, ["run:7"]);
    const reason = new Error("user pressed cancel");
    ac.abort(reason);
    await assert.rejects(p, (e: unknown) => {
      assert.ok(e instanceof LockAbortedError);
      assert.equal(e.name, "AbortError");
      assert.equal(e.message, 'run:7: cancelled while waiting for lock "stdout" (exclusive)');
      assert.deepEqual(
        [e.lock, e.mode, e.holder, e.cause],
        ["stdout", "exclusive", "run:7", reason],
      );
      return true;
    });
    assert.equal(ran, false);
    assert.deepEqual([lockInfo(mgr, "db").holders, lockInfo(mgr, "stdout").waiting], [[], []]);
    await takenAtOnceThenFree(mgr, "db", writer);
  });

  await t.test("rejects an already-aborted signal without taking anything", async () => {
    const mgr = new LockManager({ ranks: RANKS });
    let ran = false;
    await assert.rejects(
      mgr.withLocks("a", [X("db")], async () => (ran = true), { signal: AbortSignal.abort() }),
      { name: "AbortError", message: "a: cancelled before acquiring any lock" },
    );
    assert.equal(ran, false);
    assertAllFree(mgr);
  });

  await t.test("hands the signal to fn and keeps the locks until fn settles", async () => {
    const mgr = new LockManager({ ranks: RANKS });
    const ac = new AbortController();
    const aborted = deferred();
    const p = mgr.withLocks(
      "a",
      [X("db")],
      async (signal) => {
        signal.addEventListener("abort", () => aborted.resolve());
        await aborted.promise;
        // Releasing here, while fn may still touch the resource, would break exclusivity.
        assert.deepEqual(lockInfo(mgr, "db").holders, ["a"]);
        return signal.aborted;
      },
      { signal: ac.signal },
    );
    await tick();
    ac.abort();
    assert.equal(await p, true);
    assertAllFree(mgr);
  });
});

test("nesting", { timeout: HANG_TIMEOUT_MS }, async (t) => {
  await t.test(
    "rejects withLocks inside a critical section, for the same or another holder",
    async () => {
      const mgr = new LockManager({ ranks: RANKS });
      const inner = await mgr.withLocks("run:1", [X("db"), S("corpus")], async () => {
        const same = await mgr.withLocks("run:1", [X("stdout")], async () => 1).catch((e) => e);
        const other = await mgr.withLocks("run:2", [X("stdout")], async () => 1).catch((e) => e);
        return [same, other];
      });
      assert.ok(inner[0] instanceof NestedLockError);
      assert.equal(
        inner[0].message,
        'withLocks("run:1") called inside the critical section of run:1 (holding corpus, db): ' +
          "nested lock acquisition is not allowed; declare every lock the section needs in a " +
          "single withLocks call",
      );
      assert.ok(inner[1] instanceof NestedLockError);
      assert.equal(inner[1].outerHolder, "run:1");
      assertAllFree(mgr);
    },
  );

  await t.test(
    "still detects nesting after every section has ended, and in a section that outlives another",
    async () => {
      const mgr = new LockManager({ ranks: RANKS });
      const nested = (holder: string): Promise<unknown> =>
        mgr.withLocks(holder, [X("stdout")], async () => 1).catch((e) => e);
      // Between these two sections no section is active.
      await mgr.withLocks("a", [S("db")], async () => 1);
      assert.ok(
        (await mgr.withLocks("b", [S("db")], () => nested("b"))) instanceof NestedLockError,
      );
      // "long" is still inside its section after "short" has ended.
      const shortOver = deferred();
      const long = mgr.withLocks("long", [S("corpus")], async () => {
        await shortOver.promise;
        return nested("long");
      });
      await mgr.withLocks("short", [S("db")], async () => 1);
      shortOver.resolve();
      assert.ok((await long) instanceof NestedLockError);
      assertAllFree(mgr);
    },
  );

  await t.test(
    "allows a task started in a section to lock after the section has ended",
    async () => {
      const mgr = new LockManager({ ranks: RANKS });
      const sectionOver = deferred();
      let later!: Promise<string>;
      await mgr.withLocks("a", [X("db")], async () => {
        later = sectionOver.promise.then(() => mgr.withLocks("a", [X("db")], async () => "ok"));
      });
      sectionOver.resolve();
      assert.equal(await later, "ok");
    },
  );

  await t.test(
    "allows independent concurrent sections (not nested) for one holder id",
    async () => {
      const mgr = new LockManager({ ranks: RANKS });
      const both = await Promise.all([
        mgr.withLocks("a", [S("db")], async () => lockInfo(mgr, "db").holders.length),
        mgr.withLocks("a", [S("db")], async () => lockInfo(mgr, "db").holders.length),
      ]);
      assert.deepEqual(both, [2, 2]);
      assertAllFree(mgr);
    },
  );
});
