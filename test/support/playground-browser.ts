import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { parse, print } from "graphql";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
/** Flags that stop Chromium's own background traffic, so every recorded request is the page's. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const UI_TIMEOUT_MS = 60_000;

/** The browser-side globals used in page callbacks; the project compiles without lib "dom". */
interface BrowserElement {
  textContent: string | null;
  CodeMirror?: { getValue(): string; getOption(name: string): unknown };
}
declare const document: {
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): Iterable<BrowserElement>;
};

/** data:/blob:/about: URLs are resolved inside the browser and never touch the network. */
export function leavesLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return false;
  return hostname !== "127.0.0.1";
}

/** The result viewer is the only read-only CodeMirror in the Playground. */
function resultPanelText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const panels = [...document.querySelectorAll(".playground .CodeMirror")]
      .map((el) => el.CodeMirror)
      .filter((cm) => cm !== undefined && Boolean(cm.getOption("readOnly")));
    return panels.length === 1 ? panels[0]?.getValue() : undefined;
  });
}

export async function launchChromium(): Promise<Browser> {
  assert.ok(
    existsSync(CHROMIUM),
    `${CHROMIUM} not found: the browser test needs Debian's chromium package ` +
      "(apt-get install chromium). It fails instead of skipping so CI cannot pass without it.",
  );
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface PlaygroundRun {
  /** The result panel's JSON, parsed. */
  result: unknown;
  /** Every query the page POSTed to the endpoint, or sent over its WebSockets. */
  sentQueries: unknown[];
  /** The `type` of every WebSocket frame the page sent ("start" is the legacy protocol's). */
  webSocketFrames: string[];
}

/**
 * Opens Playground at `url` like a person would: types `query` into the editor, clicks
 * Execute, waits until `expectText` shows, and returns the result panel. Fails if any
 * request leaves 127.0.0.1 or any request fails.
 */
export async function runInPlayground(
  browser: Browser,
  url: string,
  query: string,
  expectText: string,
  screenshot?: string,
): Promise<PlaygroundRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const requested: string[] = [];
  const failures: string[] = [];
  const executed: unknown[] = [];
  const frames: string[] = [];
  context.on("request", (req) => {
    requested.push(req.url());
    if (req.method() === "POST") executed.push(req.postDataJSON());
  });
  context.on("requestfailed", (req) => failures.push(`${req.url()}: ${req.failure()?.errorText}`));
  context.on("response", (res) => {
    if (res.status() >= 400) failures.push(`${res.url()}: HTTP ${res.status()}`);
  });
  page.on("websocket", (ws) => {
    requested.push(ws.url());
    // A subscription travels as a frame: { type: "start", payload: { query } } (legacy).
    ws.on("framesent", ({ payload }) => {
      try {
        const frame = JSON.parse(String(payload)) as { type?: unknown; payload?: unknown };
        frames.push(String(frame.type));
        executed.push(frame.payload);
      } catch {
        // not JSON: nothing to record
      }
    });
  });

  await page.goto(url);
  const queryEditor = page.locator(".playground .CodeMirror").first();
  await queryEditor.waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
  await queryEditor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(query);
  const typed = await page.evaluate(() =>
    document.querySelector(".playground .CodeMirror")?.CodeMirror?.getValue(),
  );
  assert.equal(typed, query);

  await page.getByTitle("Execute Query (Ctrl-Enter)").click();
  await page.waitForFunction(
    (answer) => document.querySelector(".playground")?.textContent?.includes(answer),
    expectText,
    { timeout: UI_TIMEOUT_MS },
  );
  if (screenshot) await page.screenshot({ path: screenshot });
  const shown = await resultPanelText(page);
  assert.ok(shown !== undefined, "exactly one read-only result panel expected");
  const visibleAnswer = page.locator(".playground .CodeMirror", { hasText: expectText });
  assert.equal(await visibleAnswer.count(), 1);
  assert.ok(await visibleAnswer.isVisible());
  // Playground reformats the document before sending it, so compare canonical prints.
  const sentQueries = executed.map((body) => (body as { query?: unknown } | null)?.query);
  assert.ok(
    sentQueries.some((q) => typeof q === "string" && print(parse(q)) === print(parse(query))),
    `the typed query was never sent to the endpoint: ${JSON.stringify(sentQueries)}`,
  );
  assert.ok(requested.length > 0);
  assert.deepEqual(requested.filter(leavesLoopback), [], "requests left 127.0.0.1");
  assert.deepEqual(failures, [], "every request must succeed");
  await context.close();
  return { result: JSON.parse(shown), sentQueries, webSocketFrames: frames };
}
