import type { Browser, BrowserContext, Page } from "playwright-core";
import { leavesLoopback } from "./playground-browser";

/** The browser globals used in page callbacks; the project compiles without lib "dom". */
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
};

/** Long enough for a loaded 2-core machine; a wait for a state, never a timed assertion. */
export const UI_TIMEOUT_MS = 60_000;

export interface GraphQLPost {
  query: string;
  variables: Record<string, unknown>;
  authorization: string | undefined;
}

/** One browser context on the dashboard, with everything it did recorded. */
export interface DashboardPage {
  page: Page;
  context: BrowserContext;
  /** Every URL requested (HTTP and WebSocket). */
  requested: string[];
  /** Requests that went anywhere but 127.0.0.1. */
  external(): string[];
  consoleErrors: string[];
  /** Responses with status >= 400: URL, status and body. */
  failures: { url: string; status: number; body: string }[];
  /** Every GraphQL POST the page made. */
  posts: GraphQLPost[];
  /** WebSocket frames, as text, in both directions. */
  frames: { sent: string[]; received: string[] };
  close(): Promise<void>;
}

export async function openDashboard(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
): Promise<DashboardPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const recorded: DashboardPage = {
    page,
    context,
    requested: [],
    external: () => recorded.requested.filter(leavesLoopback),
    consoleErrors: [],
    failures: [],
    posts: [],
    frames: { sent: [], received: [] },
    close: () => context.close(),
  };
  context.on("request", (req) => {
    recorded.requested.push(req.url());
    if (req.method() === "POST" && new URL(req.url()).pathname === "/graphql") {
      const body = req.postDataJSON() as { query: string; variables?: Record<string, unknown> };
      recorded.posts.push({
        query: body.query,
        variables: body.variables ?? {},
        authorization: req.headers()["authorization"],
      });
    }
  });
  context.on("response", async (res) => {
    if (res.status() < 400) return;
    const body = await res.text().catch(() => "");
    recorded.failures.push({ url: res.url(), status: res.status(), body });
  });
  page.on("console", (m) => {
    if (m.type() === "error") recorded.consoleErrors.push(m.text());
  });
  page.on("pageerror", (err) => recorded.consoleErrors.push(`uncaught: ${err.message}`));
  page.on("websocket", (ws) => {
    recorded.requested.push(ws.url());
    ws.on("framesent", (f) => recorded.frames.sent.push(String(f.payload)));
    ws.on("framereceived", (f) => recorded.frames.received.push(String(f.payload)));
  });
  await page.goto(url);
  await settled(page);
  return recorded;
}

/** Waits until every load the page started has finished (the app mirrors them on <html>). */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('html[data-rendered="true"][data-busy="0"]', {
    state: "attached",
    timeout: UI_TIMEOUT_MS,
  });
}

/** Waits until the element with `testId` shows exactly `text`. */
export async function waitForText(page: Page, testId: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === want,
    [testId, text] as const,
    { timeout: UI_TIMEOUT_MS },
  );
}

export async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? "").trim();
}

/** The rows of a data table: each row's cells as text, header cell first. */
export async function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .first()
    .evaluate((table) =>
      [...table.querySelectorAll("tbody tr")].map((tr) =>
        [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim()),
      ),
    );
}
