import path from "node:path";
import { BENCH_COMMAND, BenchOptionError, parseBenchArgs } from "./bench-options";
import { helpText, usageErrorLine } from "../src/cli/command-line";
import { readmeBlock, consoleReport } from "./report";
import { updateReadme } from "./readme-section";
import { repoRoot } from "./repo-root";
import { runSuite, writeOutputs } from "./suite";
import { runOnly } from "./only-sections";

/** `npm run bench [-- --quick | --full]`: measures everything, prints a table, writes bench/results/. */
async function main(): Promise<number> {
  const root = repoRoot();
  let parsed;
  try {
    parsed = parseBenchArgs(process.argv.slice(2), root);
  } catch (err) {
    if (!(err instanceof BenchOptionError)) throw err;
    console.error(usageErrorLine(BENCH_COMMAND, err.message));
    return 2;
  }
  if (parsed.help) {
    console.log(helpText(BENCH_COMMAND));
    return 0;
  }
  const started = performance.now();
  const log = (message: string): void => {
    const s = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
    console.error(`[bench ${s}s] ${message}`);
  };
  if (parsed.only) {
    console.log(await runOnly(parsed.plan, parsed.only, log));
    return 0;
  }
  const results = await runSuite(parsed.plan, log);
  const written = await writeOutputs(results, parsed.plan.outDir);
  console.log(consoleReport(results));
  console.log(
    `Wrote ${path.relative(process.cwd(), written.json)}, ${path.relative(process.cwd(), written.markdown)} and ${written.charts.length} charts.`,
  );
  if (parsed.updateReadme) {
    const chartDir = path.relative(root, parsed.plan.outDir).split(path.sep).join("/");
    updateReadme(path.join(root, "README.md"), readmeBlock(results, chartDir));
    console.log("Updated the Performance block of README.md.");
  }
  // A Python mismatch explained by Unicode versions is reported, not a failure; one with
  // no differing character behind it would be a counting bug.
  const unexplained = results.python.corpora.some((p) => p.mismatch?.characters.length === 0);
  const kernelsOk = !results.kernels || results.kernels.kernelsAgree;
  return results.headline.allStrategiesAgree && kernelsOk && !unexplained ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
