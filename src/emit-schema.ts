import fs from "node:fs";
import path from "node:path";
import { printAppSchema } from "./graphql/print-schema";

/** `npm run schema`: writes schema/schema.graphql from the resolvers. */
export const SCHEMA_FILE = path.resolve(__dirname, "../../schema/schema.graphql");

if (require.main === module) {
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
