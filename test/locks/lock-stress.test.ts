import assert from "node:assert/strict";
import { test } from "node:test";
import { LockManager } from "../../src/locks/lock-manager";
import type { LockMode, LockRequest } from "../../src/locks/lock-types";
import { HANG_TIMEOUT_MS, prng, RANKS } from "./lock-test-helpers";

const NAMES = ["corpus", "analysis-runs", "db", "stdout", "run:1", "run:2"];
// The oracle's own statement of the global order (RANKS, then name).
const ORDER = ["corpus", "analysis-runs", "run:1", "run:2", "db", "stdout"];

interface Plan {
  holder: string;
  requests: LockRequest[];
  /** What the section must end up holding: exclusive if any request for the name is. */
  effective: Map<string, LockMode>;
  delays: number[];
  throwsBefore: boolean;
  throwsAfter: boolean;
}

function makePlans(seed: number, count: number): Plan[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const requests: LockRequest[] = [];
    const n = 1 + Math.floor(rnd() * 4);
    // Names may repeat, with different modes, to exercise the dedupe.
    for (let k = 0; k < n; k++)
      requests.push({ name: pick(NAMES), mode: pick(["shared", "exclusive"]) });
    const effective = new Map<string, LockMode>();
    for (const r of requests) {
      if (effective.get(r.name) !== "exclusive") effective.set(r.name, r.mode);
    }
    const fate = rnd();
    return {
      holder: `s${i}`,
      requests,
      effective,
      delays: Array.from({ length: 3 }, () => Math.floor(rnd() * 4)),
      throwsBefore: fate < 0.1,
      throwsAfter: fate >= 0.1 && fate < 0.2,
    };
  });
}

/** A real timer for some delays, a bare microtask for others, so interleavings vary. */
function pause(ms: number): Promise<void> {
  return ms === 0 ? Promise.resolve() : new Promise((r) => setTimeout(r, ms));
}

async function runStress(seed: number): Promise<void> {
  const acquiredOrder = new Map<string, string[]>();
  let waits = 0;
  let maxShared = 0;
  const mgr = new LockManager({
    ranks: RANKS,
    onAcquired: (name, mode, waitedMs, holder) => {
      if (waitedMs > 0) waits++;
      acquiredOrder.set(holder, [...(acquiredOrder.get(holder) ?? []), `${name} ${mode}`]);
    },
  });
  const plans = makePlans(seed, 50);
  const live = new Map(NAMES.map((n) => [n, { shared: 0, exclusive: 0 }]));
  const counters = new Map(NAMES.map((n) => [n, 0]));
  const violations: string[] = [];

  const section = (p: Plan) => async (): Promise<string> => {
    for (const [name, mode] of p.effective) {
      const c = live.get(name)!;
      if (c.exclusive > 0 || (mode === "exclusive" && c.shared > 0)) {
        violations.push(`${p.holder} entered ${name} (${mode}) next to ${JSON.stringify(c)}`);
      }
      c[mode]++;
      maxShared = Math.max(maxShared, c.shared);
    }
    try {
      await pause(p.delays[0]);
      if (p.throwsBefore) throw new Error(`boom ${p.holder}`);
      const writes = [...p.effective].filter(([, m]) => m === "exclusive").map(([n]) => n);
      // Read, yield, write: loses updates unless the exclusive lock really excludes.
      const read = writes.map((n) => counters.get(n)!);
      await pause(p.delays[1]);
      writes.forEach((n, i) => counters.set(n, read[i] + 1));
      await pause(p.delays[2]);
      if (p.throwsAfter) throw new Error(`boom ${p.holder}`);
      return p.holder;
    } finally {
      for (const [name, mode] of p.effective) live.get(name)![mode]--;
    }
  };

  const results = await Promise.allSettled(
    plans.map((p) => mgr.withLocks(p.holder, p.requests, section(p), { timeoutMs: 20_000 })),
  );

  // Guards against a vacuous run: there was contention and real shared concurrency.
  assert.ok(waits > 0 && maxShared >= 2, `waits ${waits}, max shared ${maxShared}`);
  assert.deepEqual(violations, []);
  results.forEach((r, i) => {
    const p = plans[i];
    if (p.throwsBefore || p.throwsAfter) {
      assert.equal(r.status, "rejected", p.holder);
      assert.equal((r as PromiseRejectedResult).reason.message, `boom ${p.holder}`);
    } else {
      assert.deepEqual(r, { status: "fulfilled", value: p.holder });
    }
    const expectedOrder = ORDER.filter((n) => p.effective.has(n)).map(
      (n) => `${n} ${p.effective.get(n)}`,
    );
    assert.deepEqual(acquiredOrder.get(p.holder), expectedOrder, `${p.holder} lock order`);
  });
  for (const name of NAMES) {
    const writers = plans.filter((p) => !p.throwsBefore && p.effective.get(name) === "exclusive");
    assert.equal(counters.get(name), writers.length, `lost update on ${name}`);
  }
  // No leaks: nothing held or queued, and the dynamic run:N locks are gone again.
  const snap = mgr.snapshot();
  assert.deepEqual(
    snap.map((l) => l.name),
    ["corpus", "analysis-runs", "email-results", "db", "stdout"],
  );
  for (const l of snap) {
    assert.deepEqual([l.mode, l.holders, l.waiting, l.heldForMs], [null, [], [], null], l.name);
  }
}

test("randomized stress", { timeout: HANG_TIMEOUT_MS }, async (t) => {
  for (const seed of [1, 2, 3, 42, 1234]) {
    await t.test(
      `seed ${seed}: 50 sections stay exclusive, lose no update, leak nothing`,
      async () => {
        await runStress(seed);
      },
    );
  }
});
