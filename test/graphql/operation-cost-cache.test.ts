import assert from "node:assert/strict";
import { test } from "node:test";
import { parse, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { OperationCostCache, type OperationCost } from "../../src/graphql/operation-cost-cache";

function operations(doc: DocumentNode): OperationDefinitionNode[] {
  return doc.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
  );
}

/** A measure that counts its calls and returns a cost naming the call. */
function counting(): { measure: () => OperationCost; calls: () => number } {
  let calls = 0;
  return { measure: () => ({ depth: ++calls, complexity: calls }), calls: () => calls };
}

test("an operation is measured once per document, operation name and variables", () => {
  const cache = new OperationCostCache();
  const doc = parse("query A($n: Int) { a(n: $n) } query B { b }");
  const [a, b] = operations(doc);
  const m = counting();
  assert.deepEqual(cache.costOf(doc, a, { n: 1 }, m.measure), { depth: 1, complexity: 1 });
  assert.deepEqual(cache.costOf(doc, a, { n: 1 }, m.measure), { depth: 1, complexity: 1 });
  assert.equal(m.calls(), 1);
  assert.equal(cache.costOf(doc, a, { n: 2 }, m.measure).depth, 2, "new variables: measured");
  assert.equal(cache.costOf(doc, b, undefined, m.measure).depth, 3, "another operation");
  // B declares no variables, so whatever a client sends cannot change its cost.
  assert.equal(cache.costOf(doc, b, { junk: true }, m.measure).depth, 3);
  const again = parse("query A($n: Int) { a(n: $n) } query B { b }");
  assert.equal(cache.costOf(again, operations(again)[0], { n: 1 }, m.measure).depth, 4);
  assert.equal(m.calls(), 4, "a separately parsed document is a new key");
});

test("variable sets per document are bounded, and huge ones are never kept", () => {
  const cache = new OperationCostCache();
  const doc = parse("query($n: Int) { a(n: $n) }");
  const [op] = operations(doc);
  const m = counting();
  for (let n = 0; n < 40; n++) cache.costOf(doc, op, { n }, m.measure);
  assert.equal(m.calls(), 40);
  // The newest sets are kept, the oldest were dropped.
  cache.costOf(doc, op, { n: 39 }, m.measure);
  cache.costOf(doc, op, { n: 0 }, m.measure);
  assert.equal(m.calls(), 41);
  const ids = Array.from({ length: 5000 }, (_, i) => i);
  cache.costOf(doc, op, { n: ids }, m.measure);
  cache.costOf(doc, op, { n: ids }, m.measure);
  assert.equal(m.calls(), 43);
});
