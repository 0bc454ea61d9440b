import assert from "node:assert/strict";
import { test } from "node:test";
import { RwLock } from "../../src/locks/rw-lock";

test("RwLock: refuses a second release of the same holding", () => {
  const lock = new RwLock("db");
  const h = lock.tryAcquire("a", "exclusive");
  assert.ok(h);
  lock.release(h);
  assert.throws(() => lock.release(h), {
    message: 'a released lock "db" through a holding it does not hold (released twice?)',
  });
});

test("RwLock: keeps two holdings of one holder id apart", () => {
  const lock = new RwLock("db");
  const first = lock.tryAcquire("a", "shared")!;
  const second = lock.tryAcquire("a", "shared")!;
  lock.release(first);
  assert.deepEqual([lock.mode, lock.holderIds], ["shared", ["a"]]);
  lock.release(second);
  assert.deepEqual([lock.mode, lock.holderIds, lock.idle], [null, [], true]);
});

test("RwLock: cannot cancel a request that was already granted", async () => {
  const lock = new RwLock("db");
  const h = lock.tryAcquire("a", "exclusive")!;
  const ticket = lock.enqueue("b", "exclusive");
  assert.deepEqual(
    ticket.ahead().map((w) => w.holder),
    [],
  );
  lock.release(h);
  assert.equal(ticket.cancel(new Error("too late")), false);
  const granted = await ticket.granted;
  assert.deepEqual([granted.holder, lock.holderIds], ["b", ["b"]]);
});
