import "reflect-metadata";
import { printSchema } from "graphql";
import { buildAppSchema } from "./schema";

/** The SDL as committed in schema/schema.graphql. Resolvers are never called while printing. */
export async function printAppSchema(): Promise<string> {
  const schema = await buildAppSchema({
    get: () => {
      throw new Error("printing the schema must not instantiate resolvers");
    },
  });
  return `${printSchema(schema)}\n`;
}
