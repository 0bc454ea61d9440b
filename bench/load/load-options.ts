import { parseCommandLine, UsageError, type CommandSpec } from "../../src/cli/command-line";

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

export const LOAD_COMMAND: CommandSpec = {
  command: "npm run load --",
  usage: ["npm run load [-- --duration S] [--connections N] [--database FILE] [--json FILE]"],
  summary:
    "Starts dist/src/main.js in production mode on a fresh temp database (or --database) and\n" +
    "drives it over loopback with autocannon: small queries, heavy queries and analyses.",
  options: {
    duration: { type: "string", value: "S", help: "seconds of load (default 60)" },
    connections: {
      type: "string",
      value: "N",
      help: "concurrent connections in total (default 50, at least 4)",
    },
    database: {
      type: "string",
      value: "FILE",
      help: "serve this SQLite database instead of a fresh one seeded with the default corpus",
    },
    json: { type: "string", value: "FILE", help: "also write the results as JSON" },
  },
  examples: ["npm run load -- --duration 10 --connections 20"],
};

export class LoadOptionError extends UsageError {
  override readonly name = "LoadOptionError";
}

function positiveInt(name: string, raw: unknown, fallback: number, min: number): number {
  if (typeof raw !== "string") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new LoadOptionError(`--${name} must be an integer >= ${min} (got "${raw}")`);
  }
  return n;
}

export function parseLoadArgs(argv: string[]): LoadOptions | "help" {
  let values;
  try {
    values = parseCommandLine(LOAD_COMMAND, argv);
  } catch (err) {
    throw err instanceof UsageError ? new LoadOptionError(err.message) : err;
  }
  if (values === "help") return "help";
  return {
    durationS: positiveInt("duration", values.duration, 60, 1),
    connections: positiveInt("connections", values.connections, 50, 4),
    database: typeof values.database === "string" ? values.database : null,
    jsonOut: typeof values.json === "string" ? values.json : null,
  };
}
