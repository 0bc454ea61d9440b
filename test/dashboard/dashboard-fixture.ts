import path from "node:path";
import { after, type TestContext } from "node:test";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/playground-browser";
import { startTestApp, type TestApp } from "../support/test-app";
import { openDashboard, type DashboardPage } from "../support/dashboard-browser";

let browser: Promise<Browser> | undefined;
after(async () => {
  await (await browser)?.close();
});

/** One Chromium for every test of the file (a context each), closed when the file ends. */
export function sharedBrowser(): Promise<Browser> {
  browser ??= launchChromium();
  return browser;
}

export interface Dashboard {
  app: TestApp;
  /** The CSV the server loaded: what the Python oracle reads. */
  csv: string;
  page: DashboardPage;
}

/** A real app on the hand-counted fixture, and the dashboard open at `search` in Chromium. */
export async function openOnFixture(
  t: TestContext,
  opts: {
    search?: string;
    env?: Record<string, string>;
    width?: number;
    height?: number;
    /** Writes the corpus files (Emails.csv and companions) instead of the plain fixture. */
    write?: (dir: string) => string;
  } = {},
): Promise<Dashboard> {
  let csv: string | undefined;
  const write = opts.write && ((dir: string) => (csv = opts.write!(dir)));
  const app = await startTestApp(t, { env: opts.env, write });
  const page = await openDashboard(await sharedBrowser(), `${app.url}/${opts.search ?? ""}`, {
    width: opts.width ?? 1280,
    height: opts.height ?? 900,
  });
  t.after(() => page.close());
  return { app, csv: csv ?? path.join(app.dir, "Emails.csv"), page };
}

/** The holder name the page's locks table shows while a test holds the corpus (holdCorpus). */
export const TEST_HOLDER = "test-holds-corpus";
