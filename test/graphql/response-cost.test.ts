import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import pino from "pino";
import { EMAIL_COLUMNS } from "../../src/corpus/columns";
import { responseSerializer } from "../../src/graphql/response-serializer";
import { generatedCsv } from "../analyses/analysis-test-support";
import { startTestApp } from "../support/test-app";
import { aliased, assertHealthy, onlyError, type GraphQLBody } from "../support/graphql-checks";

/** `n` emails whose RawText and ExtractedBodyText are `kb` KiB each. */
function bigTextCsv(n: number, kb: number): string {
  const text = "Ab".repeat(kb * 512);
  const lines = [EMAIL_COLUMNS.join(",")];
  for (let id = 1; id <= n; id++) {
    const v: Record<string, string> = { Id: String(id), RawText: text, ExtractedBodyText: text };
    lines.push(EMAIL_COLUMNS.map((c) => v[c] ?? "").join(","));
  }
  return lines.join("\n") + "\n";
}

test("complexity counts list sizes and text fields, so aliased pages of text are refused before running", async (t) => {
  const app = await startTestApp(t);
  for (const query of [
    aliased(240, "emails(first: 1000) { edges { node { rawText } } }"),
    aliased(240, "emails(first: 1000) { edges { node { rawText extractedBodyText } } }"),
    aliased(
      10,
      "analysisRuns(first: 1000) { edges { node { results(first: 1000) { edges { node { capitals } } } } } }",
    ),
  ]) {
    const res = await app.http.post("/graphql").send({ query });
    assert.equal(res.status, 400, query.slice(0, 60));
    const err = onlyError(res.body as GraphQLBody);
    assert.equal(err.code, "QUERY_TOO_COMPLEX");
    assert.match(err.message, /exceeds the limit of 100000 \(MAX_QUERY_COMPLEXITY\)/);
  }
  // One full page of text is what the limit is sized for: it runs.
  const page = await app.gql<{ emails: { edges: { node: { rawText: string } }[] } }>(
    "{ emails(first: 1000) { edges { node { rawText } } } }",
  );
  assert.equal(page.errors, undefined, JSON.stringify(page.errors));
  assert.equal(page.data?.emails.edges[0].node.rawText, "Hello World");
  await assertHealthy(app);
});

test("past MAX_RESPONSE_MB the answer is one RESPONSE_TOO_LARGE error, whichever fields made it large", async (t) => {
  const app = await startTestApp(t, { csv: bigTextCsv(6, 300), env: { MAX_RESPONSE_MB: "1" } });
  const expectTooLarge = async (query: string) => {
    const res = await app.http.post("/graphql").send({ query });
    assert.equal(res.status, 400, query);
    assert.equal(res.body.data, null, query);
    const err = onlyError(res.body as GraphQLBody);
    assert.equal(err.code, "RESPONSE_TOO_LARGE", err.message);
    assert.match(err.message, /^the response would be larger than 1 MB \(MAX_RESPONSE_MB\)/);
  };
  // 6 x 300 KiB of RawText is 1.8 MB: charged before any text is read.
  await expectTooLarge("{ emails(first: 10) { edges { node { id rawText } } } }");
  await expectTooLarge("{ emails(first: 10) { edges { node { rawText extractedBodyText } } } }");
  await expectTooLarge(
    `{ ${[1, 2, 3, 4].map((id) => `e${id}: email(id: ${id}) { rawText }`).join(" ")} }`,
  );
  // Three are under the budget.
  const three = await app.gql<{ emails: { edges: { node: { rawText: string } }[] } }>(
    "{ emails(first: 3) { edges { node { rawText } } } }",
  );
  assert.equal(three.errors, undefined, JSON.stringify(three.errors));
  assert.equal(three.data?.emails.edges[2].node.rawText.length, 300 * 1024);
  // Counting capitals reads the text but sends none of it: no charge.
  const counted = await app.gql("{ emails(first: 10) { edges { node { capitalLetters } } } }");
  assert.equal(counted.errors, undefined, JSON.stringify(counted.errors));
});

test("past MAX_RESPONSE_MB through many small fields, the serializer refuses the answer", async (t) => {
  const app = await startTestApp(t, {
    csv: await generatedCsv(1000, 5),
    env: { MAX_RESPONSE_MB: "1" },
  });
  const fields =
    "id docNumber metadataSubject metadataTo metadataFrom metadataPdfLink metadataCaseNumber";
  const one = `emails(first: 1000) { edges { cursor node { ${fields} } } }`;
  const ok = await app.gql(`{ ${one} }`);
  assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
  const res = await app.http.post("/graphql").send({ query: aliased(8, one) });
  assert.equal(res.status, 400);
  const err = onlyError(res.body as GraphQLBody);
  assert.equal(err.code, "RESPONSE_TOO_LARGE");
  assert.match(err.message, /1 MB \(MAX_RESPONSE_MB\): the answer passed \d+ bytes/);
});

test("an unexpected error outside execution is a 500 with the requestId, logged under that id", async (t) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const app = await startTestApp(t, {
    app: {
      logger: pino({ level: "error" }, sink),
      apolloPlugins: [
        {
          async requestDidStart() {
            return {
              async willSendResponse() {
                throw new Error("plugin exploded");
              },
            };
          },
        },
      ],
    },
  });
  const res = await app.http
    .post("/graphql")
    .set("x-request-id", "req-500-test")
    .send({ query: "{ emails { totalCount } }" });
  assert.equal(res.status, 500);
  const err = onlyError(res.body as GraphQLBody);
  assert.equal(err.code, "INTERNAL_SERVER_ERROR");
  assert.equal(err.message, "Internal server error");
  assert.equal((res.body as GraphQLBody).errors![0].extensions?.requestId, "req-500-test");
  const logged = lines.map(
    (l) => JSON.parse(l) as { requestId?: string; err?: { message?: string } },
  );
  assert.ok(
    logged.some((l) => l.requestId === "req-500-test" && l.err?.message === "plugin exploded"),
    `logged: ${lines.join("")}`,
  );
});

test("the serializer writes what JSON.stringify writes, and yields to the event loop on a large answer", async () => {
  const value = {
    data: {
      rows: Array.from({ length: 20_000 }, (_, i) => ({
        id: i,
        s: `é"\\${i}`,
        n: null,
        u: undefined,
      })),
    },
    errors: [{ message: "m", extensions: { code: "X" } }],
  };
  // A callback that queues itself again at each turn of the loop: it runs once per yield.
  // A slice of 0 ms yields at every check, so the count does not depend on this machine's speed.
  let turns = 0;
  let serialising = true;
  const spin = (): void => {
    if (!serialising) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const text = await responseSerializer(64 * 1024 * 1024, 0)(value);
  serialising = false;
  assert.equal(text, JSON.stringify(value) + "\n");
  assert.ok(turns > 1, `other callbacks ran while the answer was serialised (${turns} turns)`);
  assert.equal(await responseSerializer(64 * 1024 * 1024)(value), text, "the default slice too");
  await assert.rejects(responseSerializer(1000)(value), /larger than .* MB \(MAX_RESPONSE_MB\)/);
});
