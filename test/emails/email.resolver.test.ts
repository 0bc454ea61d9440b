import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "../support/test-app";
import { FIXTURE } from "../support/fixture-corpus";

const EMAILS = `query($filter: EmailFilter, $first: Int, $after: String) {
  emails(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id metadataFrom } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface Page {
  emails: {
    totalCount: number;
    edges: { cursor: string; node: { id: number; metadataFrom: string | null } }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

test("emails pages through every email in Id order with Relay cursors", async (t) => {
  const { gql } = await startTestApp(t);
  const seen: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const res: { data?: Page } = await gql<Page>(EMAILS, { first: 3, after });
    const page: Page["emails"] = res.data!.emails;
    assert.equal(page.totalCount, 7);
    assert.equal(page.pageInfo.hasPreviousPage, after !== null);
    seen.push(...page.edges.map((e) => e.node.id));
    pages++;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  assert.equal(pages, 3);
  assert.deepEqual(seen, [1, 2, 3, 4, 5, 7, 9]);
});

test("EmailFilter fields select what they say", async (t) => {
  const { gql } = await startTestApp(t);
  const ids = async (filter: Record<string, unknown>): Promise<number[]> => {
    const res = await gql<Page>(EMAILS, { filter, first: 100 });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.equal(res.data!.emails.totalCount, res.data!.emails.edges.length);
    return res.data!.emails.edges.map((e) => e.node.id);
  };
  assert.deepEqual(await ids({ ids: [9, 2, 42] }), [2, 9]);
  assert.deepEqual(await ids({ idFrom: 3, idTo: 7 }), [3, 4, 5, 7]);
  // "Sullivan, Jacob J" and "sullivan, jake": case-insensitive substring
  assert.deepEqual(await ids({ sender: "SULLIVAN" }), [1, 3]);
  assert.deepEqual(await ids({ sender: "mills" }), [2, 7]);
  assert.deepEqual(await ids({ subjectContains: "libya" }), [2]);
  // sent dates: 2012-09-12 (1), 2011-03-03 (2), 2010-01-15 (3), none (4), 2009-06-01 (5), 2012-12-01 (7), 2013-01-31 (9)
  assert.deepEqual(await ids({ sentAfter: "2011-03-03T05:00:00Z" }), [1, 2, 7, 9]);
  assert.deepEqual(await ids({ sentBefore: "2011-03-03T05:00:00Z" }), [3, 5]);
  assert.deepEqual(
    await ids({
      sentAfter: "2010-01-01T00:00:00Z",
      sentBefore: "2012-01-01T00:00:00Z",
      sender: "s",
    }),
    [2, 3],
  );
});

test("email(id) returns the columns and capitalLetters by Python's isupper", async (t) => {
  const { gql } = await startTestApp(t);
  for (const e of FIXTURE) {
    const res = await gql<{
      email: { id: number; rawText: string; capitalLetters: number; metadataFrom: string | null };
    }>(`query($id: Int!) { email(id: $id) { id rawText capitalLetters metadataFrom } }`, {
      id: e.id,
    });
    assert.deepEqual(res.data!.email, {
      id: e.id,
      rawText: e.text,
      capitalLetters: e.capitals,
      metadataFrom: e.from === "" ? null : e.from,
    });
  }
  const missing = await gql(`{ email(id: 6) { id } }`);
  assert.deepEqual(missing.data, { email: null });
});

test("bad paging arguments are BAD_USER_INPUT naming the argument and range", async (t) => {
  const { gql } = await startTestApp(t);
  for (const first of [0, -1, 1001]) {
    const res = await gql(EMAILS, { first });
    assert.equal(res.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(res.errors?.[0].message, `first must be between 1 and 1000 (got ${first})`);
  }
  const bad = await gql(EMAILS, { after: "not-a-cursor" });
  assert.equal(bad.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  assert.equal(bad.errors?.[0].message, "after is not a valid cursor for this connection");
});
