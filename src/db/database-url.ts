import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/capstats.db";

/**
 * Resolves a Prisma-style SQLite URL (`file:./x.db`, `file:/abs/x.db`) to an absolute
 * path. Relative paths resolve against the working directory, as Prisma's CLI does
 * when prisma.config.ts sits at the repository root.
 */
export function sqlitePathFromUrl(url: string, cwd = process.cwd()): string {
  if (!url.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a SQLite file URL such as "file:./data/capstats.db", got "${url}"`,
    );
  }
  const raw = url.slice("file:".length).split("?")[0];
  if (raw === "" || raw === ":memory:") {
    throw new Error(
      `DATABASE_URL must name a file; in-memory databases cannot be shared with workers`,
    );
  }
  return path.resolve(cwd, raw);
}
