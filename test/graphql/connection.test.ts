import assert from "node:assert/strict";
import { test } from "node:test";
import { pageOfIds, pageRequest, toConnection } from "../../src/graphql/connection";
import { encodeCursor } from "../../src/graphql/cursor";

const IDS = Int32Array.from([2, 5, 9]);
const cursor = (id: number) => encodeCursor("email", id);

test("pageOfIds walks ascending ids by keyset cursors", () => {
  const page = (first: number, after: string | null) =>
    pageOfIds("email", IDS, first, after, (p) => `node@${p}`);

  assert.deepEqual(page(2, null), {
    totalCount: 3,
    edges: [
      { cursor: cursor(2), node: "node@0" },
      { cursor: cursor(5), node: "node@1" },
    ],
    pageInfo: {
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: cursor(2),
      endCursor: cursor(5),
    },
  });
  assert.deepEqual(page(2, cursor(5)), {
    totalCount: 3,
    edges: [{ cursor: cursor(9), node: "node@2" }],
    pageInfo: {
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: cursor(9),
      endCursor: cursor(9),
    },
  });
  // A key between ids starts after it; one below every id has nothing before it.
  assert.deepEqual(
    page(1, cursor(6)).edges.map((e) => e.node),
    ["node@2"],
  );
  assert.equal(page(3, cursor(1)).pageInfo.hasPreviousPage, false);
  assert.deepEqual(page(3, cursor(9)).pageInfo, {
    hasNextPage: false,
    hasPreviousPage: true,
    startCursor: null,
    endCursor: null,
  });
});

test("toConnection takes one row more than the page to tell whether another follows", () => {
  const req = pageRequest("analysis-run", 2, null);
  assert.equal(req.take, 3);
  const rows = [{ id: 30 }, { id: 20 }, { id: 10 }];
  const page = toConnection(
    req,
    rows,
    7,
    (r) => r.id,
    (r) => r.id,
  );
  assert.deepEqual(
    page.edges.map((e) => e.node),
    [30, 20],
  );
  assert.deepEqual(page.pageInfo.hasNextPage, true);
  assert.equal(page.totalCount, 7);
  assert.equal(
    toConnection(
      req,
      rows.slice(0, 2),
      2,
      (r) => r.id,
      (r) => r.id,
    ).pageInfo.hasNextPage,
    false,
  );
});

test("a bad page size or a cursor of another connection is a client error naming the argument", () => {
  assert.throws(
    () => pageRequest("email", 0, null),
    (err: Error & { extensions?: Record<string, unknown> }) => {
      assert.equal(err.message, "first must be between 1 and 1000 (got 0)");
      assert.equal(err.extensions?.argument, "first");
      return true;
    },
  );
  assert.throws(
    () => pageRequest("analysis-run", 10, cursor(5)),
    (err: Error & { extensions?: Record<string, unknown> }) => {
      assert.equal(err.extensions?.code, "BAD_USER_INPUT");
      assert.equal(err.extensions?.argument, "after");
      return true;
    },
  );
});
