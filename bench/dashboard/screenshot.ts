import fs from "node:fs";
import path from "node:path";
import { DEFAULT_EMAILS, DEFAULT_SEED } from "../../src/corpus/synthetic/corpus-options";
import { launchChromium } from "../../test/support/playground-browser";
import { ensureCorpus } from "../corpora";
import { repoRoot } from "../repo-root";
import { startBenchServer } from "../bench-server-control";

/** The README's pictures: the whole page at 1280 px, and the top of it at 390 px (a phone). */
const SHOTS = [
  { file: "dashboard-1280.png", width: 1280, height: 900, fullPage: true },
  { file: "dashboard-390.png", width: 390, height: 844, fullPage: false },
] as const;

/**
 * `npm run screenshot`: the dashboard on the default corpus, served by a stock server and
 * drawn by headless Chromium, written to docs/. Run it after changing the dashboard and
 * commit the pictures.
 */
async function main(): Promise<void> {
  const root = repoRoot();
  const log = (m: string): void => console.error(`[screenshot] ${m}`);
  const corpus = await ensureCorpus(
    { label: "1x", scale: 1, emails: DEFAULT_EMAILS },
    path.join(root, "bench/results/tmp"),
    DEFAULT_SEED,
    log,
  );
  const outDir = path.join(root, "docs");
  fs.mkdirSync(outDir, { recursive: true });
  const server = await startBenchServer(corpus.dbFile);
  const browser = await launchChromium();
  try {
    for (const shot of SHOTS) {
      const context = await browser.newContext({
        viewport: { width: shot.width, height: shot.height },
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.waitForSelector('html[data-rendered="true"][data-busy="0"]', {
        state: "attached",
        timeout: 120_000,
      });
      const file = path.join(outDir, shot.file);
      await page.screenshot({ path: file, fullPage: shot.fullPage });
      log(`wrote ${path.relative(root, file)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
