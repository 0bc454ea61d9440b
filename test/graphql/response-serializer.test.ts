import assert from "node:assert/strict";
import { test } from "node:test";
import { responseSerializer } from "../../src/graphql/response-serializer";

const UNLIMITED = Number.MAX_SAFE_INTEGER;

test("the serializer writes what JSON.stringify writes, small pieces and large alike", async () => {
  const big = "x".repeat(20_000);
  const nullProto = Object.assign(Object.create(null) as object, { a: 1, b: "two" });
  const values: unknown[] = [
    { data: { __typename: "Query" }, errors: undefined, extensions: undefined },
    { data: null, errors: [{ message: 'say "hi" é \u2028', path: ["a", 0] }] },
    { when: new Date(Date.UTC(2026, 0, 2)), nested: { deeper: { deepest: [1, [2, [3]]] } } },
    { list: [undefined, () => 1, Symbol("s"), null, Number.NaN, -0, 1e21] },
    { f: () => 1, s: Symbol("s"), u: undefined, kept: true },
    { rows: Array.from({ length: 300 }, (_, i) => ({ id: i, node: { emailId: i, c: [i] } })) },
    { wide: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, i])) },
    { big, also: [big, big] },
    nullProto,
    [{ toJSON: () => ({ replaced: { by: "toJSON" } }) }],
    "just a string",
    42,
    null,
  ];
  const serialize = responseSerializer(UNLIMITED);
  for (const value of values) {
    assert.equal(await serialize(value), `${JSON.stringify(value)}\n`);
  }
});

test("the limit counts UTF-8 bytes exactly, newline included", async () => {
  // "é" is two bytes in UTF-8 and one UTF-16 unit: 2,000 of them are 4,000 bytes.
  const value = { s: "é".repeat(2000) };
  const bytes = Buffer.byteLength(`${JSON.stringify(value)}\n`, "utf8");
  assert.equal(bytes, 4009);
  assert.equal(await responseSerializer(bytes)(value), `${JSON.stringify(value)}\n`);
  await assert.rejects(
    responseSerializer(bytes - 1)(value),
    (err: Error & { extensions?: { code?: string } }) =>
      err.extensions?.code === "RESPONSE_TOO_LARGE" && /passed 4009 bytes/.test(err.message),
  );
});

test("a long answer stops at the limit instead of being written whole", async () => {
  const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `row ${i}` }));
  await assert.rejects(
    responseSerializer(10_000)({ data: { rows } }),
    (err: Error) => /the answer passed (\d+) bytes/.test(err.message) && passedBytes(err) < 20_000,
  );
});

function passedBytes(err: Error): number {
  return Number(/passed (\d+) bytes/.exec(err.message)?.[1]);
}
