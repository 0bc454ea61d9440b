import assert from "node:assert/strict";
import { test } from "node:test";
import { UnknownLockError } from "../../src/locks/lock-errors";
import { LockManager } from "../../src/locks/lock-manager";
import { compareRanked, LockRegistry } from "../../src/locks/lock-ranks";
import type { LockRequest } from "../../src/locks/lock-types";
import { RANKS } from "./lock-test-helpers";

test("rank registry: resolves exact names before prefixes, and the longest prefix first", () => {
  const r = new LockRegistry({ "run:*": 30, "run:gpu:*": 5, "run:special": 1, "*": 100 });
  assert.deepEqual(
    ["run:7", "run:gpu:1", "run:special", "anything"].map((n) => r.rankOf(n)),
    [30, 5, 1, 100],
  );
  assert.deepEqual(r.exactNames, ["run:special"]);
});

test("rank registry: rejects unknown names, naming the lock and what is known", () => {
  const r = new LockRegistry(RANKS);
  assert.throws(() => r.rankOf("coprus"), {
    name: "UnknownLockError",
    message:
      'unknown lock "coprus": add it to the rank registry ' +
      "(known: corpus, analysis-runs, email-results, db, stdout, run:*)",
  });
  // A prefix needs something after it.
  assert.throws(() => r.rankOf("run:"), UnknownLockError);
  assert.throws(() => r.rankOf("a*"), {
    message: 'lock name "a*" must not contain "*" (reserved for rank prefixes)',
  });
  assert.throws(() => r.rankOf(""), { message: 'lock name must be a non-empty string (got "")' });
});

test("rank registry: rejects malformed registries", () => {
  assert.throws(() => new LockRegistry({ db: NaN }), {
    message: 'rank of lock "db" must be a finite number (got NaN)',
  });
  assert.throws(() => new LockRegistry({ "a*b": 1 }), {
    message: 'lock rank key "a*b": "*" is only allowed at the end',
  });
  assert.throws(() => new LockRegistry({ "": 1 }), TypeError);
});

test("rank registry: orders by rank, then by name in code-unit order", () => {
  const names = [
    { name: "b", rank: 1 },
    { name: "a", rank: 2 },
    { name: "a", rank: 1 },
    { name: "Z", rank: 1 },
  ];
  assert.deepEqual(
    names.sort(compareRanked).map((n) => `${n.rank}${n.name}`),
    ["1Z", "1a", "1b", "2a"],
  );
});

test("withLocks input checks", async (t) => {
  const mgr = new LockManager({ ranks: RANKS });
  const ok = async () => 1;
  const cases: [string, () => Promise<unknown>, RegExp][] = [
    ["empty holder", () => mgr.withLocks("", [], ok), /holder must be a non-empty string/],
    [
      "requests not an array",
      () => mgr.withLocks("a", "db" as unknown as LockRequest[], ok),
      /lock requests must be an array/,
    ],
    [
      "bad mode",
      () =>
        mgr.withLocks(
          "a",
          [
            { name: "corpus", mode: "shared" },
            { name: "db", mode: "write" as "shared" },
          ],
          ok,
        ),
      /^lock request #1 \("db"\): mode must be "shared" or "exclusive" \(got "write"\)$/,
    ],
    [
      "unknown lock",
      () => mgr.withLocks("a", [{ name: "dbb", mode: "shared" }], ok),
      /unknown lock "dbb"/,
    ],
    [
      "negative timeout",
      () => mgr.withLocks("a", [], ok, { timeoutMs: -1 }),
      /timeoutMs must be a number of milliseconds from 0 to 2147483647, or Infinity \(got -1\)/,
    ],
    ["NaN timeout", () => mgr.withLocks("a", [], ok, { timeoutMs: NaN }), /got NaN/],
    ["timer overflow", () => mgr.withLocks("a", [], ok, { timeoutMs: 2 ** 31 }), /got 2147483648/],
    [
      "fn not a function",
      () => mgr.withLocks("a", [], 1 as unknown as () => Promise<number>),
      /fn must be a function/,
    ],
  ];
  for (const [what, call, message] of cases) {
    await t.test(`rejects ${what}`, async () => {
      await assert.rejects(call(), { message });
      assert.ok(mgr.snapshot().every((l) => l.holders.length === 0));
    });
  }

  await t.test("accepts Infinity and an empty lock list", async () => {
    assert.equal(await mgr.withLocks("a", [], ok, { timeoutMs: Infinity }), 1);
  });

  await t.test("rejects a bad defaultTimeoutMs at construction", () => {
    assert.throws(() => new LockManager({ ranks: RANKS, defaultTimeoutMs: -5 }), {
      message: /defaultTimeoutMs must be/,
    });
  });
});
