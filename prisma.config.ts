import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The JS schema engine runs migrations through the driver adapter, so the CLI
// never needs the native schema-engine binary (which cannot be downloaded offline).
const url = process.env.DATABASE_URL ?? "file:./data/capstats.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
