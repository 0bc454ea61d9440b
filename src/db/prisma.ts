import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { DEFAULT_BUSY_TIMEOUT_MS } from "./sqlite";

export type { PrismaClient };

/** Prisma on the better-sqlite3 driver adapter: no native query engine is needed. */
export function createPrismaClient(file: string): PrismaClient {
  const adapter = new PrismaBetterSQLite3({
    url: `file:${file}`,
    timeout: DEFAULT_BUSY_TIMEOUT_MS,
  });
  return new PrismaClient({ adapter });
}
