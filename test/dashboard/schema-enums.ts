import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { buildSchema, type GraphQLEnumType } from "graphql";

const SCHEMA = path.resolve(__dirname, "../../../schema/schema.graphql");

/** The values of an enum of the committed schema (npm run schema writes it). */
export function schemaEnum(name: string): string[] {
  const schema = buildSchema(fs.readFileSync(SCHEMA, "utf8"));
  const type = schema.getType(name) as GraphQLEnumType | undefined;
  assert.ok(type, `schema/schema.graphql has no enum ${name}`);
  return type.getValues().map((v) => v.name);
}
