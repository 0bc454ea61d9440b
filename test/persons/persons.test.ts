import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { openSqlite } from "../../src/db/sqlite";
import { applyMigrations } from "../../src/db/migrate";
import { loadCsv } from "../../src/corpus/csv-loader";
import { PersonStore } from "../../src/persons/person.store";
import { PersonService } from "../../src/persons/person.service";
import { startTestApp } from "../support/test-app";
import { tempDir } from "../support/temp-dir";
import { writeRelease } from "../support/release-fixture";
import { personsOracle } from "./persons-oracle";

const FILTERS = [
  { senderPersonIds: [80] },
  { senderPersonIds: [32, 87, 999] },
  { recipientPersonIds: [32] },
  { recipientPersonIds: [80, 500] },
  { release: "RELEASE IN PART" },
  { release: " RELEASE IN FULL" },
  { senderPersonIds: [80], recipientPersonIds: [32, 412] },
];

async function releaseApp(t: Parameters<typeof startTestApp>[0]) {
  let emails = "";
  const app = await startTestApp(t, { write: (dir) => (emails = writeRelease(dir)) });
  return { ...app, oracle: personsOracle(emails, FILTERS) };
}

const PERSON = "id name sentCount receivedCount aliases";

test("persons lists Persons.csv with sent and received counts equal to Python's", async (t) => {
  const { gql, oracle } = await releaseApp(t);
  const all = await gql<{ persons: { totalCount: number; edges: { node: unknown }[] } }>(
    `{ persons(first: 1000) { totalCount edges { node { ${PERSON} } } } }`,
  );
  assert.equal(all.errors, undefined, JSON.stringify(all.errors));
  assert.equal(all.data!.persons.totalCount, oracle.persons.length);
  assert.deepEqual(
    all.data!.persons.edges.map((e) => e.node),
    oracle.persons,
  );
  // Two at a time, following the cursors, gives the same persons in the same order.
  const paged: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const res: {
      data?: {
        persons: {
          edges: { node: unknown }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    } = await gql(
      `query($after: String) { persons(first: 2, after: $after) { edges { node { ${PERSON} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    paged.push(...res.data!.persons.edges.map((e) => e.node));
    if (!res.data!.persons.pageInfo.hasNextPage) break;
    after = res.data!.persons.pageInfo.endCursor;
  }
  assert.deepEqual(paged, oracle.persons);
});

test("corpus says which of the release's files were loaded", async (t) => {
  const full = await releaseApp(t);
  const q = `{ corpus { version emailCount persons aliases emailReceivers } }`;
  assert.deepEqual((await full.gql(q)).data, {
    corpus: { version: 1, emailCount: 17, persons: 7, aliases: 6, emailReceivers: 20 },
  });
  const bare = await startTestApp(t, {
    write: (dir) => writeRelease(dir, { persons: null, aliases: null, receivers: null }),
  });
  assert.deepEqual((await bare.gql(q)).data, {
    corpus: { version: 1, emailCount: 17, persons: 0, aliases: 0, emailReceivers: 0 },
  });
});

test("nameContains matches names and aliases, case-insensitively beyond ASCII, with % and _ literal", async (t) => {
  const { gql } = await releaseApp(t);
  const ids = async (text: string): Promise<number[]> => {
    const res = await gql<{ persons: { edges: { node: { id: number } }[] } }>(
      `query($q: String) { persons(first: 100, nameContains: $q) { edges { node { id } } } }`,
      { q: text },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.persons.edges.map((e) => e.node.id);
  };
  assert.deepEqual(await ids("SULLIVAN"), [87]); // "Jake Sullivan", and two aliases
  assert.deepEqual(await ids("hrod17"), [80]); // an alias only
  // "Cheryl Mills", "Huma Abedin", and H through the alias hrod17@clintonemail.com.
  assert.deepEqual(await ids("m"), [32, 80, 81]);
  assert.deepEqual(await ids("%"), []);
  assert.deepEqual(await ids("_"), []);
  // Beyond ASCII, as the email filters: "Óscar Núñez" (412).
  assert.deepEqual(await ids("ÓSCAR NÚÑEZ"), [412]);
  assert.deepEqual(await ids("núñez"), [412]);
  const long = await gql(`{ persons(nameContains: "${"x".repeat(201)}") { totalCount } }`);
  assert.equal(long.errors?.[0]?.extensions?.argument, "nameContains");
  const big = await gql(`{ persons(first: 1001) { totalCount } }`);
  assert.equal(big.errors?.[0]?.message, "first must be between 1 and 1000 (got 1001)");
});

test("Email.sender and Email.recipients name the people Python finds in the CSVs", async (t) => {
  const { gql, oracle } = await releaseApp(t);
  const res = await gql<{ emails: { edges: { node: unknown }[] } }>(
    `{ emails(first: 1000) { edges { node { id sender { id name } recipients { id name } } } } }`,
  );
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  assert.deepEqual(
    res.data!.emails.edges.map((e) => e.node),
    oracle.emails,
  );
  const one = await gql<{ email: { sender: { sentCount: number; aliases: string[] } } }>(
    `{ email(id: 1) { sender { sentCount aliases } } }`,
  );
  const jake = oracle.persons.find((p) => p.id === 87)!;
  assert.deepEqual(one.data!.email.sender, { sentCount: jake.sentCount, aliases: jake.aliases });
});

test("senderPersonIds, recipientPersonIds and release select what Python selects, everywhere", async (t) => {
  const { gql, oracle } = await releaseApp(t);
  for (const [i, filter] of FILTERS.entries()) {
    const res = await gql<{
      emails: { edges: { node: { id: number } }[] };
      capitalLetterStats: { emailCount: number; totalCapitals: number };
    }>(
      `query($f: EmailFilter) {
        emails(first: 1000, filter: $f) { edges { node { id } } }
        capitalLetterStats(filter: $f, strategy: THREADS) { emailCount totalCapitals }
      }`,
      { f: filter },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const expected = oracle.selections[i];
    assert.deepEqual(
      res.data!.emails.edges.map((e) => e.node.id),
      expected.ids,
      JSON.stringify(filter),
    );
    assert.equal(res.data!.capitalLetterStats.emailCount, expected.ids.length);
    assert.equal(res.data!.capitalLetterStats.totalCapitals, expected.totalCapitals);
  }
  const empty = await gql(`{ emails(filter: { senderPersonIds: [] }) { totalCount } }`);
  assert.equal(empty.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  assert.equal(empty.errors?.[0]?.extensions?.argument, "filter.senderPersonIds");
  const many = await gql(
    `query($ids: [Int!]) { emails(filter: { recipientPersonIds: $ids }) { totalCount } }`,
    { ids: Array.from({ length: 1001 }, (_, i) => i) },
  );
  assert.match(many.errors?.[0]?.message ?? "", /filter.recipientPersonIds must list 1 to 1000/);
});

/** A real PersonStore on a real database that counts the queries it is asked to run. */
class CountingStore extends PersonStore {
  calls: Record<string, number> = {};
  private count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
  override names(ids: readonly number[]) {
    this.count("names");
    return super.names(ids);
  }
  override recipients(ids: readonly number[]) {
    this.count("recipients");
    return super.recipients(ids);
  }
  override sentCounts(ids: readonly number[]) {
    this.count("sentCounts");
    return super.sentCounts(ids);
  }
}

test("a page of emails loads all senders, recipients and counts in one query each", async (t) => {
  const dir = tempDir(t);
  const db = openSqlite(path.join(dir, "p.db"));
  t.after(() => db.close());
  applyMigrations(db);
  await loadCsv(db, writeRelease(dir));
  const store = new CountingStore(db);
  const service = new PersonService(store);
  const ids = [80, 81, 32, 87, 150, 412, 999];
  const [people, lists, sent] = await Promise.all([
    Promise.all(ids.map((id) => service.person(id))),
    Promise.all([1, 2, 4, 5, 6].map((id) => service.recipients(id))),
    Promise.all(ids.map((id) => service.sentCount(id))),
  ]);
  assert.deepEqual(store.calls, { names: 1, recipients: 1, sentCounts: 1 });
  assert.deepEqual(
    people.map((p) => p.name),
    ["H", "Huma Abedin", "Cheryl Mills", "Jake Sullivan", "", "Óscar Núñez", ""],
  );
  assert.deepEqual(
    lists.map((l) => l.map((p) => p.id)),
    [[80], [80, 87], [32, 80, 500], [], [32]],
  );
  assert.equal(sent[0], 5);
});
