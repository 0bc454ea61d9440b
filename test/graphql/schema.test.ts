import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { printAppSchema } from "../../src/graphql/print-schema";
import { SCHEMA_FILE } from "../../src/emit-schema";

test("schema/schema.graphql is what the resolvers emit (run `npm run schema` after changing them)", async () => {
  const committed = fs.readFileSync(SCHEMA_FILE, "utf8");
  assert.equal(committed, await printAppSchema());
});
