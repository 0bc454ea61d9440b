import fs from "node:fs";
import path from "node:path";
import { printAppSchema } from "./graphql/print-schema";
import { commandLine, type CommandSpec } from "./cli/command-line";

/** `npm run schema`: writes schema/schema.graphql from the resolvers. */
export const SCHEMA_FILE = path.resolve(__dirname, "../../schema/schema.graphql");

const SCHEMA_COMMAND: CommandSpec = {
  command: "npm run schema --",
  summary: "Writes the GraphQL schema (SDL) built from the resolvers to schema/schema.graphql.",
  options: {},
  examples: ["npm run schema && git diff schema/schema.graphql"],
};

if (require.main === module) {
  commandLine(SCHEMA_COMMAND, process.argv.slice(2));
  printAppSchema().then(
    (sdl) => {
      fs.writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${SCHEMA_FILE}`);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
