import assert from "node:assert/strict";
import { test } from "node:test";
import { API_ENUMS } from "../../src/dashboard/shared/api-enums";
import { schemaEnum } from "./schema-enums";

test("every enum the web app offers has exactly the schema's values, in its order", () => {
  for (const [name, values] of Object.entries(API_ENUMS)) {
    assert.deepEqual([...values], schemaEnum(name), name);
  }
});
