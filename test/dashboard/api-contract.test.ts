import assert from "node:assert/strict";
import { test } from "node:test";
import {
  GRANULARITIES,
  GROUP_DIMENSIONS,
  GROUP_ORDERS,
  STRATEGIES,
  TEXT_METRICS,
} from "../../src/dashboard/shared/api-enums";
import { schemaEnum } from "./schema-enums";

test("the web app offers exactly the schema's strategies and metrics, in its order", () => {
  assert.deepEqual([...STRATEGIES], schemaEnum("ExecutionStrategy"));
  assert.deepEqual([...TEXT_METRICS], schemaEnum("TextMetric"));
});

test("the web app's group dimensions, orders and granularities are the schema's", () => {
  assert.deepEqual([...GROUP_DIMENSIONS], schemaEnum("GroupDimension"));
  assert.deepEqual([...GROUP_ORDERS], schemaEnum("GroupOrder"));
  assert.deepEqual([...GRANULARITIES], schemaEnum("TimeGranularity"));
});
