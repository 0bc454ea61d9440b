import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_EMAILS } from "../../src/corpus/synthetic/corpus-options";
import { updateReadme } from "../readme-section";
import { repoRoot } from "../repo-root";
import { seedDefaultCorpus } from "./default-corpus";
import {
  DASHBOARD_README_MARKERS,
  dashboardMarkdown,
  dashboardTable,
  headline,
  withContext,
} from "./dashboard-report";
import { measureDashboard } from "./measure-dashboard";

const USAGE = `usage: npm run bench:dashboard [-- --cold N] [--warm N] [--update-readme]
  --cold N         cold runs, each on a new server and browser profile (default 3)
  --warm N         warm reloads after the last cold run (default 5)
  --update-readme  rewrite the README's dashboard numbers from this run`;

function count(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new Error(`${name} must be 1 to 50, got "${text}"\n${USAGE}`);
  return n;
}

/**
 * `npm run bench:dashboard`: time until the dashboard is fully rendered on the default
 * corpus, cold and warm, and the bytes of JavaScript it ships. Writes
 * bench/results/dashboard.json and dashboard.md.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cold: { type: "string" },
      warm: { type: "string" },
      "update-readme": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const root = repoRoot();
  const outDir = path.join(root, "bench/results");
  const log = (m: string): void => console.error(`[bench:dashboard] ${m}`);
  const corpus = await seedDefaultCorpus(log);
  let result;
  try {
    result = await measureDashboard({
      dbFile: corpus.dbFile,
      emails: DEFAULT_EMAILS,
      coldRuns: count(values.cold, 3, "--cold"),
      warmRuns: count(values.warm, 5, "--warm"),
      log,
    });
  } finally {
    corpus.remove();
  }
  const args = process.argv.slice(2).join(" ");
  const report = withContext(result, `npm run bench:dashboard${args ? ` -- ${args}` : ""}`);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "dashboard.json"), JSON.stringify(report, null, 2) + "\n");
  fs.writeFileSync(
    path.join(outDir, "dashboard.md"),
    `# Dashboard\n\n${dashboardMarkdown(report)}\n`,
  );
  console.log([...headline(report), "", dashboardTable(report, "text")].join("\n"));
  if (values["update-readme"]) {
    updateReadme(path.join(root, "README.md"), dashboardMarkdown(report), DASHBOARD_README_MARKERS);
    console.log("Updated the dashboard block of README.md.");
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
