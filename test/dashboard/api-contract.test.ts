import assert from "node:assert/strict";
import { test } from "node:test";
import { STRATEGIES, TEXT_METRICS } from "../../src/dashboard/web/lib/api-enums";
import { schemaEnum } from "./schema-enums";

test("the web app offers exactly the schema's strategies and metrics, in its order", () => {
  assert.deepEqual([...STRATEGIES], schemaEnum("ExecutionStrategy"));
  assert.deepEqual([...TEXT_METRICS], schemaEnum("TextMetric"));
});
