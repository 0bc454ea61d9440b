import assert from "node:assert/strict";
import { test } from "node:test";
import { LockManager } from "../../src/locks/lock-manager";
import type { LockMode } from "../../src/locks/lock-types";
import { HANG_TIMEOUT_MS, deferred, manualClock, RANKS, tick } from "./lock-test-helpers";

const free = (name: string, rank: number) => ({
  name,
  rank,
  mode: null,
  holders: [],
  holder: null,
  waiting: [],
  waiters: [],
  heldForMs: null,
});

test("snapshot and describe", { timeout: HANG_TIMEOUT_MS }, async (t) => {
  await t.test("report holders, queue order, wait and hold times, and free locks", async () => {
    const clock = manualClock(1000);
    const acquired: [string, LockMode, number, string][] = [];
    const mgr = new LockManager({
      ranks: RANKS,
      clock: clock.now,
      onAcquired: (...args) => acquired.push(args),
    });
    const gates = new Map<string, () => void>();
    const sections: Promise<unknown>[] = [];
    const start = (holder: string, requests: { name: string; mode: LockMode }[]) => {
      const gate = deferred();
      gates.set(holder, () => gate.resolve());
      sections.push(mgr.withLocks(holder, requests, () => gate.promise));
    };

    assert.deepEqual(mgr.snapshot(), [
      free("corpus", 0),
      free("analysis-runs", 10),
      free("email-results", 20),
      free("db", 50),
      free("stdout", 90),
    ]);

    start("A", [
      { name: "db", mode: "exclusive" },
      { name: "corpus", mode: "shared" },
    ]);
    clock.advance(100); // t = 1100
    start("B", [{ name: "corpus", mode: "shared" }]);
    start("C", [{ name: "corpus", mode: "exclusive" }]);
    clock.advance(20); // t = 1120
    start("D", [{ name: "corpus", mode: "shared" }]);
    clock.advance(5); // t = 1125
    start("E", [{ name: "run:42", mode: "exclusive" }]);
    clock.advance(75); // t = 1200
    await tick();

    assert.deepEqual(mgr.snapshot(), [
      {
        name: "corpus",
        rank: 0,
        mode: "shared",
        holders: ["A", "B"],
        holder: "A",
        waiting: ["C", "D"],
        waiters: [
          { holder: "C", mode: "exclusive", waitedMs: 100 },
          { holder: "D", mode: "shared", waitedMs: 80 },
        ],
        heldForMs: 200,
      },
      free("analysis-runs", 10),
      free("email-results", 20),
      {
        name: "run:42",
        rank: 30,
        mode: "exclusive",
        holders: ["E"],
        holder: "E",
        waiting: [],
        waiters: [],
        heldForMs: 75,
      },
      {
        name: "db",
        rank: 50,
        mode: "exclusive",
        holders: ["A"],
        holder: "A",
        waiting: [],
        waiters: [],
        heldForMs: 200,
      },
      free("stdout", 90),
    ]);
    assert.equal(
      mgr.describe(),
      [
        "corpus [rank 0]: shared by A, B for 200 ms; waiting: C (exclusive, 100 ms), D (shared, 80 ms)",
        "analysis-runs [rank 10]: free",
        "email-results [rank 20]: free",
        "run:42 [rank 30]: exclusive by E for 75 ms",
        "db [rank 50]: exclusive by A for 200 ms",
        "stdout [rank 90]: free",
      ].join("\n"),
    );

    // corpus stays continuously held while B remains, so its hold time keeps counting.
    gates.get("A")!();
    gates.get("E")!();
    await tick();
    clock.advance(50); // t = 1250
    let corpus = mgr.snapshot()[0];
    assert.deepEqual([corpus.holders, corpus.heldForMs], [["B"], 250]);
    assert.equal(
      mgr.snapshot().some((l) => l.name === "run:42"),
      false,
      "an idle dynamic lock is forgotten",
    );

    gates.get("B")!();
    await tick();
    clock.advance(10); // t = 1260; C got corpus at 1250
    corpus = mgr.snapshot()[0];
    assert.deepEqual(
      [corpus.mode, corpus.holders, corpus.waiting, corpus.heldForMs],
      ["exclusive", ["C"], ["D"], 10],
    );

    gates.get("C")!();
    await tick();
    gates.get("D")!();
    await Promise.all(sections);
    assert.deepEqual(acquired, [
      ["corpus", "shared", 0, "A"],
      ["db", "exclusive", 0, "A"],
      ["corpus", "shared", 0, "B"],
      ["run:42", "exclusive", 0, "E"],
      ["corpus", "exclusive", 150, "C"],
      ["corpus", "shared", 140, "D"],
    ]);
    assert.equal(
      mgr.describe(),
      [
        "corpus [rank 0]: free",
        "analysis-runs [rank 10]: free",
        "email-results [rank 20]: free",
        "db [rank 50]: free",
        "stdout [rank 90]: free",
      ].join("\n"),
    );
  });
});
