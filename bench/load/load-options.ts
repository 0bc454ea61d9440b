import { parseArgs } from "node:util";

export interface LoadOptions {
  /** Seconds of load, after a short warm-up. */
  durationS: number;
  /** Total connections, split between the workload's classes. */
  connections: number;
  /** Reuse this SQLite file (its corpus) instead of seeding a fresh temp database. */
  database: string | null;
  /** Write the full results as JSON here too. */
  jsonOut: string | null;
}

export const USAGE = `usage: npm run load [-- --duration S] [--connections N] [--database FILE] [--json FILE]
  --duration S     seconds of load (default 60)
  --connections N  concurrent connections in total (default 50, at least 4)
  --database FILE  serve this SQLite database instead of a fresh one seeded with the default corpus
  --json FILE      also write the results as JSON`;

export class LoadOptionError extends Error {
  override readonly name = "LoadOptionError";
}

function positiveInt(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new LoadOptionError(`--${name} must be an integer >= ${min} (got "${raw}")\n${USAGE}`);
  }
  return n;
}

export function parseLoadArgs(argv: string[]): LoadOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        duration: { type: "string" },
        connections: { type: "string" },
        database: { type: "string" },
        json: { type: "string" },
      },
      strict: true,
    }));
  } catch (err) {
    throw new LoadOptionError(`${(err as Error).message}\n${USAGE}`);
  }
  return {
    durationS: positiveInt("duration", values.duration, 60, 1),
    connections: positiveInt("connections", values.connections, 50, 4),
    database: values.database ?? null,
    jsonOut: values.json ?? null,
  };
}
