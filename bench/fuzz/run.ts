import { parseArgs } from "node:util";
import { startLoadServer } from "../load/load-server";
import { committedSchema, fuzz } from "./fuzz-run";

/**
 * `npm run fuzz [-- --count N --seed S --concurrency C --database FILE]`: the schema fuzz of
 * test/graphql/schema-fuzz.test.ts, longer, against `dist/src/main.js` in production mode
 * (a temp database seeded with the default corpus). Exits 1 on any violation.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "20000" },
      seed: { type: "string", default: "20261202" },
      concurrency: { type: "string", default: "8" },
      database: { type: "string" },
    },
    strict: true,
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const concurrency = Number(values.concurrency);
  for (const [name, v] of [
    ["count", count],
    ["seed", seed],
    ["concurrency", concurrency],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  }
  const server = await startLoadServer(values.database ?? null);
  try {
    const started = performance.now();
    const figures = await fuzz(server.url, committedSchema(), seed, count, concurrency);
    const seconds = (performance.now() - started) / 1000;
    const errorLines = server.errorLogLines();
    console.log(
      JSON.stringify(
        { seed, seconds: Number(seconds.toFixed(1)), ...figures, errorLogLines: errorLines.length },
        null,
        2,
      ),
    );
    return figures.violations.length === 0 && errorLines.length === 0 ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
