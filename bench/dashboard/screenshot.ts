import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "../../test/support/playground-browser";
import { seedDefaultCorpus } from "./default-corpus";
import { repoRoot } from "../repo-root";
import { startBenchServer } from "../bench-server-control";

/**
 * The README's pictures: the whole page at 1280 px, the top of it at 390 px (a phone), and an
 * email opened from the table, its capitals highlighted.
 */
const SHOTS = [
  { file: "dashboard-1280.png", width: 1280, height: 900, fullPage: true, search: "" },
  { file: "dashboard-390.png", width: 390, height: 844, fullPage: false, search: "" },
  { file: "dashboard-email.png", width: 1280, height: 800, fullPage: false, search: "?email=1" },
] as const;

/**
 * `npm run screenshot`: the dashboard on the corpus a fresh `npm start` seeds, served by a
 * stock server and
 * drawn by headless Chromium, written to docs/. Run it after changing the dashboard and
 * commit the pictures.
 */
async function main(): Promise<void> {
  const root = repoRoot();
  const log = (m: string): void => console.error(`[screenshot] ${m}`);
  const corpus = await seedDefaultCorpus(log);
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
      await page.goto(`${server.url}/${shot.search}`);
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
    corpus.remove();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
