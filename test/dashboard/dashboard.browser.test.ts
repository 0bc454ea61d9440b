import assert from "node:assert/strict";
import { test } from "node:test";
import {
  openDashboard,
  settled,
  tableRows,
  textOf,
  UI_TIMEOUT_MS,
  waitForText,
} from "../support/dashboard-browser";
import { holdCorpus } from "../support/test-app";
import { openOnFixture, sharedBrowser, TEST_HOLDER } from "./dashboard-fixture";
import { pythonSummary, type OracleSummary } from "./dashboard-oracle";

/** The browser globals used in page callbacks; the project compiles without lib "dom". */
interface BrowserElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
}
declare const document: {
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): Iterable<BrowserElement>;
  documentElement: { scrollWidth: number; clientWidth: number };
};
declare const location: { search: string; href: string };

/** Reads the tiles the way a person would, and each tile's exact value. */
async function tiles(page: import("playwright-core").Page) {
  const value = async (id: string) => Number(await page.getByTestId(id).getAttribute("data-value"));
  return {
    emails: await textOf(page, "email-count"),
    capitals: await textOf(page, "total-capitals"),
    median: await textOf(page, "median-per-email"),
    ratio: await value("capital-ratio"),
  };
}

function expectedTiles(o: OracleSummary) {
  return {
    emails: o.emailCount.toLocaleString("en-US"),
    capitals: o.totalCapitals.toLocaleString("en-US"),
    median: String(o.medianPerEmail),
    ratio: o.totalCapitals / o.totalCharacters,
  };
}

test("the dashboard at / comes from this server only, with no console error, and its tiles equal Python's counts", async (t) => {
  const { app, csv, page: d } = await openOnFixture(t);
  const o = pythonSummary(csv);
  assert.deepEqual(await tiles(d.page), expectedTiles(o));
  assert.deepEqual(d.external(), [], "requests left 127.0.0.1");
  assert.ok(
    d.requested.some((u) => u.startsWith(`${app.url}/dashboard-assets/`) && u.endsWith(".js")),
    "the app's script is served by the app itself",
  );
  assert.deepEqual(d.consoleErrors, [], "no console error");
  assert.deepEqual(d.failures, [], "no failed request");
  assert.equal(await d.page.locator(".panel[data-state=error]").count(), 0, "no panel in error");
  // The execution report names what ran; a tiny corpus runs on the main thread under AUTO.
  assert.equal(await textOf(d.page, "execution-strategy"), "SEQUENTIAL");
  // KERNEL defaults to wasm-simd, which Node 20 loads on every platform it ships for.
  assert.equal(await textOf(d.page, "execution-kernel"), "WebAssembly SIMD");
});

test("switching the strategy recomputes with it, and the report shows the strategy that ran", async (t) => {
  const { page: d } = await openOnFixture(t);
  const { page } = d;
  // AUTO ran SEQUENTIAL on this tiny corpus, so every step below changes the report.
  for (const strategy of ["THREADS", "PROCESSES", "SEQUENTIAL", "THREADS"]) {
    await page.getByTestId("strategy").selectOption(strategy);
    await waitForText(page, "execution-strategy", strategy);
    await settled(page);
    assert.equal(await textOf(page, "execution-cached"), "no, computed now");
    const sent = d.posts.filter((p) => p.query.includes("DashboardStats")).at(-1);
    assert.equal(sent?.variables.strategy, strategy);
    assert.equal(sent?.variables.fresh, true, "a changed strategy is never served from the cache");
    assert.equal(await textOf(page, "total-capitals"), "41");
  }
  assert.equal(new URL(page.url()).searchParams.get("strategy"), "THREADS");
  // One email per task: the fixture's 7 emails become 7 tasks.
  await page.getByTestId("chunk-size").fill("1");
  await page.getByTestId("chunk-size").press("Enter");
  await waitForText(page, "execution-tasks", "7");
  assert.equal(await textOf(page, "execution-strategy"), "THREADS");
});

test("a URL with filters restores the same view, and back and forward move between views", async (t) => {
  const search =
    "?sender=mills&from=2011-01-01&until=2012-12-31&strategy=THREADS&sort=capitals-desc";
  const { app, csv, page: d } = await openOnFixture(t, { search });
  const { page } = d;
  const mills = pythonSummary(csv, { sender: "mills", from: "2011-01-01", until: "2012-12-31" });
  const check = async (o: OracleSummary, sender: string): Promise<void> => {
    assert.deepEqual(await tiles(page), expectedTiles(o));
    assert.equal(await page.getByTestId("filter-sender").inputValue(), sender);
    assert.equal(await page.getByTestId("filter-from").inputValue(), "2011-01-01");
    assert.equal(await page.getByTestId("filter-until").inputValue(), "2012-12-31");
    assert.equal(await page.getByTestId("strategy").inputValue(), "THREADS");
    assert.equal(await textOf(page, "execution-strategy"), "THREADS");
    const byCapitals = [...o.emails].sort((a, b) => b.capitals - a.capitals || a.id - b.id);
    const rows = await tableRows(page, "email-table");
    assert.deepEqual(
      rows.map((r) => r[0]),
      byCapitals.map((e) => `#${e.id}`),
    );
  };
  await check(mills, "mills");

  await page.getByTestId("filter-sender").fill("sullivan");
  await page.getByTestId("apply-filters").click();
  const sullivan = pythonSummary(csv, {
    sender: "sullivan",
    from: "2011-01-01",
    until: "2012-12-31",
  });
  await waitForText(page, "email-count", String(sullivan.emailCount));
  await settled(page);
  await check(sullivan, "sullivan");
  assert.equal(new URL(page.url()).searchParams.get("sender"), "sullivan");

  await page.goBack();
  await waitForText(page, "email-count", String(mills.emailCount));
  await settled(page);
  await check(mills, "mills");
  await page.goForward();
  await waitForText(page, "email-count", String(sullivan.emailCount));
  await settled(page);
  await check(sullivan, "sullivan");

  // A copied link, opened elsewhere, shows the same view.
  const copy = await openDashboard(await sharedBrowser(), page.url());
  t.after(() => copy.close());
  assert.deepEqual(await tiles(copy.page), expectedTiles(sullivan));
  assert.equal(await copy.page.getByTestId("filter-sender").inputValue(), "sullivan");
  assert.ok(copy.page.url().startsWith(app.url));
});

test("a histogram bucket drills down to its emails, and the reader highlights exactly Python's capitals", async (t) => {
  const { csv, page: d } = await openOnFixture(t);
  const { page } = d;
  const o = pythonSummary(csv);
  const histogram = page.locator("section.panel", { hasText: "Capitals per email" });
  await histogram.getByText("Table view").click();
  // The bucket holding 5 capitals, by the bounds the page shows ("4–5" is [4, 6)).
  const rows = histogram.locator("tbody tr");
  let bucket: { from: number; to: number } | undefined;
  for (let i = 0; i < (await rows.count()); i++) {
    const label = (await rows.nth(i).locator("th").textContent())!.trim();
    const [from, last] = label.split("–").map(Number);
    const to = (last ?? from) + 1;
    if (from <= 5 && 5 < to) {
      bucket = { from, to };
      await rows.nth(i).getByRole("button", { name: "Show emails" }).click();
      break;
    }
  }
  assert.ok(bucket, "a bucket holds 5 capitals");
  const inBucket = o.emails.filter((e) => e.capitals >= bucket!.from && e.capitals < bucket!.to);
  await waitForText(
    page,
    "drill-summary",
    `Emails with ${bucket.from} to ${bucket.to - 1} capitals.`,
  );
  await settled(page);
  assert.deepEqual(
    (await tableRows(page, "email-table")).map((r) => r[0]),
    inBucket.map((e) => `#${e.id}`),
  );
  assert.equal(
    new URL(page.url()).searchParams.get("drill"),
    `capitals:${bucket.from}-${bucket.to}`,
  );

  const first = inBucket[0];
  await page.getByRole("button", { name: `#${first.id}`, exact: true }).click();
  await waitForText(page, "highlighted-capitals", String(first.capitals));
  const marks = await page.locator('[data-testid="email-text"] mark').allTextContents();
  assert.equal(marks.join(""), first.upper);
  assert.equal(new URL(page.url()).searchParams.get("email"), String(first.id));
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !new URL(location.href).searchParams.has("email"));
  assert.equal(await page.getByTestId("email-reader").isVisible(), false);

  // Other_Uppercase (Ⅻ, Ⓐ) and a capital outside the BMP (𝐀) count; titlecase ǅ does not.
  const symbols = o.emails.find((e) => e.id === 4)!;
  const reader = await openDashboard(
    await sharedBrowser(),
    `${new URL(page.url()).origin}/?email=4`,
  );
  t.after(() => reader.close());
  await waitForText(reader.page, "highlighted-capitals", String(symbols.capitals));
  const symbolMarks = await reader.page
    .locator('[data-testid="email-text"] mark')
    .allTextContents();
  assert.equal(symbolMarks.join(""), symbols.upper);
});

test("sorting the email table by capitals orders it as Python's counts do, both ways", async (t) => {
  const { csv, page: d } = await openOnFixture(t);
  const { page } = d;
  const o = pythonSummary(csv);
  const ids = async () => (await tableRows(page, "email-table")).map((r) => r[0]);
  const order = (sign: number) =>
    [...o.emails]
      .sort((a, b) => sign * (a.capitals - b.capitals) || a.id - b.id)
      .map((e) => `#${e.id}`);
  assert.deepEqual(
    await ids(),
    o.emails.map((e) => `#${e.id}`),
  );
  await page.getByTestId("sort-capitals").click();
  await page.waitForFunction(() => location.search.includes("sort=capitals-desc"));
  await settled(page);
  assert.deepEqual(await ids(), order(-1));
  await page.getByTestId("sort-capitals").click();
  await page.waitForFunction(() => location.search.includes("sort=capitals-asc"));
  await settled(page);
  assert.deepEqual(await ids(), order(1));
  const capitals = (await tableRows(page, "email-table")).map((r) => Number(r[4]));
  assert.deepEqual(
    capitals,
    [...o.emails].map((e) => e.capitals).sort((a, b) => a - b),
  );
});

test(
  "starting an analysis moves the progress bar to 100 % through the analysisProgress subscription, with the locks live beside it",
  { timeout: 180_000 },
  async (t) => {
    const { app, csv, page: d } = await openOnFixture(t, { env: { ANALYSIS_PROGRESS_STEPS: "7" } });
    const { page } = d;
    // Holding the corpus keeps the run PENDING until the page has subscribed and the locks
    // panel has shown it waiting, so every state is seen whatever the timing.
    const corpus = holdCorpus(app, TEST_HOLDER);
    await page.getByTestId("analysis-strategy").selectOption("THREADS");
    await page.getByTestId("start-analysis").click();
    await page.waitForFunction(
      (holder) =>
        [...document.querySelectorAll('[data-testid="locks"] tbody tr')].some(
          (tr) => tr.textContent!.includes(holder) && tr.textContent!.includes("run:"),
        ),
      TEST_HOLDER,
      { timeout: UI_TIMEOUT_MS },
    );
    assert.equal(await textOf(page, "locks-live"), "updating live");
    await page.waitForFunction(() => document.querySelector("progress") !== null);
    while (app.app.analyses.feed.size === 0) await new Promise((r) => setTimeout(r, 20));
    corpus.release();
    await corpus.held;

    await waitForText(page, "analysis-progress-text", "100 %");
    assert.equal(
      await page
        .getByTestId("analysis-progress")
        .evaluate((el) => (el as unknown as { value: number }).value),
      100,
    );
    assert.match(await textOf(page, "analysis-status"), /COMPLETED · 7 of 7 emails/);
    // The bar moved on the subscription's messages: every state, in order, over the socket.
    const progress = d.frames.received
      .map(
        (f) =>
          JSON.parse(f) as {
            type: string;
            payload?: { data?: { analysisProgress?: { progress: number; status: string } } };
          },
      )
      .filter((m) => m.type === "next")
      .map((m) => m.payload!.data!.analysisProgress!);
    assert.deepEqual(
      progress.map((p) => p.progress),
      [0, 0, 1 / 7, 2 / 7, 3 / 7, 4 / 7, 5 / 7, 6 / 7, 1, 1],
    );
    assert.equal(progress.at(-1)!.status, "COMPLETED");
    assert.ok(
      d.frames.sent.some((f) => f.includes('"type":"subscribe"') && f.includes("analysisProgress")),
    );

    const o = pythonSummary(csv);
    const totals = await tableRows(page, "analysis-totals");
    assert.deepEqual(
      totals.map((r) => [r[0], r[1]]),
      [["CAPITALS", String(o.totalCapitals)]],
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="past-runs"] tbody tr')
          ?.textContent?.includes("COMPLETED"),
      undefined,
      { timeout: UI_TIMEOUT_MS },
    );
    // Once nothing runs, the locks stop updating and are all free again.
    await waitForText(page, "locks-live", "");
    const locks = await tableRows(page, "locks");
    assert.ok(
      locks.every((r) => r[2] === "free"),
      JSON.stringify(locks),
    );
  },
);

test("a token entered in the page is sent as Bearer on the mutations and in the WebSocket's connection params, never on queries", async (t) => {
  const { page: d } = await openOnFixture(t);
  const { page } = d;
  await page.getByTestId("token").fill("tok-123");
  await page.getByTestId("token").press("Enter");
  await waitForText(
    page,
    "token-state",
    "A token is set for this tab: it is sent when you start or cancel an analysis.",
  );
  await page.getByTestId("start-analysis").click();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="analysis-run"]')?.getAttribute("data-status") ===
      "COMPLETED",
    undefined,
    { timeout: UI_TIMEOUT_MS },
  );
  const start = d.posts.find((p) => p.query.includes("startAnalysis"));
  assert.equal(start?.authorization, "Bearer tok-123");
  assert.ok(
    d.posts.filter((p) => p.query.startsWith("query")).every((p) => p.authorization === undefined),
  );
  const init = d.frames.sent
    .map((f) => JSON.parse(f) as { type: string; payload?: unknown })
    .find((m) => m.type === "connection_init");
  assert.deepEqual(init?.payload, { authorization: "Bearer tok-123" });
  assert.equal(
    new URL(page.url()).search.includes("tok-123"),
    false,
    "a token never goes into the URL",
  );
});

test("a server error is shown in its panel with the server's code and message; OVERLOADED says to retry, and Retry works", async (t) => {
  const { app, page: d } = await openOnFixture(t, {
    search: "?workers=999",
    env: { MAX_CONCURRENT_HEAVY: "1", MAX_QUEUED_HEAVY: "0" },
  });
  const direct = await app.gql(`{ capitalLetterStats(workers: 999) { emailCount } }`);
  const tilesPanel = d.page.locator("section.panel", { hasText: "Summary" });
  const shown = (await tilesPanel.locator(".error").textContent())!;
  assert.ok(shown.includes(`BAD_USER_INPUT ${direct.errors![0].message}`), shown);

  // The one heavy slot is taken by a query that waits for the corpus the test holds.
  const corpus = holdCorpus(app, TEST_HOLDER);
  const blocker = app.gql(`{ capitalLetterStats(fresh: true) { emailCount } }`);
  for (;;) {
    const metrics = (await app.http.get("/metrics")).text;
    if (/^capstats_gate_running\{gate="heavy"\} 1$/m.test(metrics)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  // Fresh, so it must compute (a cached answer needs no slot).
  await d.page.getByTestId("workers").fill("");
  await d.page.getByTestId("fresh").check();
  await tilesPanel
    .locator(".error-code", { hasText: "OVERLOADED" })
    .waitFor({ timeout: UI_TIMEOUT_MS });
  const overloaded = (await tilesPanel.locator(".error").textContent())!;
  assert.match(overloaded, /OVERLOADED .*Retry in a moment/);
  corpus.release();
  await corpus.held;
  assert.deepEqual((await blocker).data, { capitalLetterStats: { emailCount: 7 } });
  await tilesPanel.getByRole("button", { name: "Retry" }).click();
  await waitForText(d.page, "total-capitals", "41");
});

test("at 390 px wide and at 1280 px nothing scrolls sideways, the reader included", async (t) => {
  for (const width of [390, 1280]) {
    const { page: d } = await openOnFixture(t, { width, height: 844, search: "?email=9" });
    const { page } = d;
    await waitForText(page, "highlighted-capitals", "22");
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    assert.equal(await overflow(), 0, `reader open at ${width} px`);
    await page.screenshot({ path: `/tmp/capstats-dashboard-reader-${width}.png` });
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !location.search.includes("email="));
    await settled(page);
    for (const details of await page.locator("details.table-view").all())
      await details.locator("summary").click();
    assert.equal(await overflow(), 0, `every table view open at ${width} px`);
    await page.screenshot({ path: `/tmp/capstats-dashboard-${width}.png`, fullPage: true });
  }
});
