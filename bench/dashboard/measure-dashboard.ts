import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../test/support/playground-browser";
import { startBenchServer } from "../bench-server-control";
import type { Log } from "../corpora";

export interface RenderTiming {
  /** From navigation start to the first paint after every panel's load settled. */
  renderedMs: number;
  /** From navigation start to the summary tiles showing numbers. */
  summaryMs: number;
}

export interface DashboardBenchResult {
  emails: number;
  /** A new server (empty result cache, corpus not yet resident) and a new browser profile. */
  cold: RenderTiming[];
  /** The same server and browser profile again: result cache and HTTP cache warm. */
  warm: RenderTiming[];
  /** The JavaScript and CSS the page loaded: bytes as served, and gzip -9 of each file. */
  js: { files: number; bytes: number; gzipBytes: number };
  css: { files: number; bytes: number; gzipBytes: number };
}

export interface DashboardBenchOptions {
  dbFile: string;
  emails: number;
  coldRuns: number;
  warmRuns: number;
  poolSize?: number;
  log: Log;
}

const RENDER_TIMEOUT_MS = 120_000;

/** The page's own marks (src/dashboard/web/ui/activity.ts), relative to navigation start. */
async function timing(page: Page): Promise<RenderTiming> {
  await page.waitForSelector('html[data-rendered="true"]', {
    state: "attached",
    timeout: RENDER_TIMEOUT_MS,
  });
  const [renderedMs, summaryMs] = await page.evaluate(() =>
    ["capstats:rendered", "capstats:summary"].map(
      (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN,
    ),
  );
  return { renderedMs, summaryMs };
}

type Sizes = DashboardBenchResult["js"];

function add(sizes: Sizes, body: Buffer): void {
  sizes.files += 1;
  sizes.bytes += body.length;
  sizes.gzipBytes += gzipSync(body, { level: 9 }).length;
}

async function coldRun(
  browser: Browser,
  opts: DashboardBenchOptions,
  sizes?: { js: Sizes; css: Sizes },
) {
  const server = await startBenchServer(opts.dbFile, opts.poolSize);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const bodies: Promise<void>[] = [];
    if (sizes) {
      page.on("response", (res) => {
        const type = res.headers()["content-type"] ?? "";
        const into = type.includes("javascript")
          ? sizes.js
          : type.includes("text/css")
            ? sizes.css
            : null;
        if (into) bodies.push(res.body().then((b) => add(into, b)));
      });
    }
    await page.goto(`${server.url}/`);
    const cold = await timing(page);
    await Promise.all(bodies);
    return { cold, page, server, context };
  } catch (err) {
    await context.close();
    await server.stop();
    throw err;
  }
}

/**
 * Time until the dashboard is fully rendered (every panel loaded, compare strategies
 * included, and painted), cold and warm, in headless Chromium against a stock server in
 * another process; and the bytes of script and style the page loaded.
 */
export async function measureDashboard(opts: DashboardBenchOptions): Promise<DashboardBenchResult> {
  const browser = await launchChromium();
  const result: DashboardBenchResult = {
    emails: opts.emails,
    cold: [],
    warm: [],
    js: { files: 0, bytes: 0, gzipBytes: 0 },
    css: { files: 0, bytes: 0, gzipBytes: 0 },
  };
  try {
    for (let i = 0; i < opts.coldRuns; i++) {
      const last = i === opts.coldRuns - 1;
      const run = await coldRun(browser, opts, i === 0 ? result : undefined);
      result.cold.push(run.cold);
      opts.log(`dashboard: cold run ${i + 1}: rendered in ${run.cold.renderedMs.toFixed(0)} ms`);
      try {
        // Warm: the same server and profile, reloaded (the last cold run's server stays up).
        for (let w = 0; last && w < opts.warmRuns; w++) {
          await run.page.reload();
          result.warm.push(await timing(run.page));
        }
      } finally {
        await run.context.close();
        await run.server.stop();
      }
    }
    if (result.warm.length) {
      opts.log(
        `dashboard: ${result.warm.length} warm runs, last ${result.warm.at(-1)!.renderedMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
  }
  return result;
}
