import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { fixtureCsv } from "../support/fixture-corpus";
import * as ui from "../support/dashboard-browser";
import { holdCorpus } from "../support/test-app";
import { openOnFixture, TEST_HOLDER } from "./dashboard-fixture";
import { pythonSummary } from "./dashboard-oracle";
import { pythonGroups, type OracleGroup } from "./groups-oracle";

/** Browser tests of the panels built on groups, persons, the person filters and tokens. */

declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
};
declare const location: { search: string };

/** The fixture with Persons.csv (names for its SenderPersonIds) and EmailReceivers.csv. */
function withPeople(dir: string): string {
  const csv = path.join(dir, "Emails.csv");
  fs.writeFileSync(csv, fixtureCsv());
  fs.writeFileSync(
    path.join(dir, "Persons.csv"),
    "Id,Name\n80,Hillary Clinton\n81,Jacob Sullivan\n82,Cheryl Mills\n83,Jake Sullivan\n" +
      "84,Huma Abedin\n87,Cheryl D. Mills\n89,H\n",
  );
  // Every email went to Hillary Clinton; #2 and #9 also to Cheryl Mills.
  const receivers = [1, 2, 3, 4, 5, 7, 9].map((id, i) => `${i + 1},${id},80`);
  receivers.push("8,2,82", "9,9,82");
  fs.writeFileSync(
    path.join(dir, "EmailReceivers.csv"),
    `Id,EmailId,PersonId\n${receivers.join("\n")}\n`,
  );
  return csv;
}

/** The top-N rows of a ranked panel: label and capitals, in order. */
async function ranked(page: Page, testId: string): Promise<[string, string][]> {
  return (await ui.tableRows(page, testId)).map((r) => [r[0], r[1]]);
}

function expectedRanked(groups: OracleGroup[], n = 10): [string, string][] {
  return groups.slice(0, n).map((g) => [g.label, g.totalCapitals.toLocaleString("en-US")]);
}

/** Opens a chart panel's table view (folded by default), where each row has its drill-down. */
async function openTableView(page: Page, title: string): Promise<void> {
  await page.locator("section.panel", { hasText: title }).getByText("Table view").click();
}

/** Opens email `id` from the table and checks the highlighted capitals against Python's. */
async function readerMatches(page: Page, csv: string, id: number): Promise<void> {
  const oracle = pythonSummary(csv).emails.find((e) => e.id === id)!;
  await page.getByRole("button", { name: `#${id}`, exact: true }).click();
  await ui.waitForText(page, "highlighted-capitals", String(oracle.capitals));
  const marks = await page.locator('[data-testid="email-text"] mark').allTextContents();
  assert.equal(marks.join(""), oracle.upper);
}

test("top senders are Python's MetadataFrom groups in order; a drill-down from one reaches its emails and Python's capitals", async (t) => {
  const { csv, page: d } = await openOnFixture(t);
  const { page } = d;
  const senders = pythonGroups(csv, "SENDER");
  assert.deepEqual(await ranked(page, "top-senders"), expectedRanked(senders));
  const mills = senders.find((g) => g.label === "Mills, Cheryl D")!;
  await openTableView(page, "Top senders");
  const row = page.getByTestId("top-senders").locator("tr", { hasText: mills.label });
  await row.getByRole("button", { name: "Show emails" }).click();
  await ui.waitForText(page, "drill-summary", `Emails whose From contains “${mills.label}”.`);
  await ui.settled(page);
  assert.deepEqual(
    (await ui.tableRows(page, "email-table")).map((r) => r[0]),
    mills.ids.map((id) => `#${id}`),
  );
  await readerMatches(page, csv, mills.ids[0]);
});

test("with Persons.csv, top senders are named persons; the drill-down selects by person id; recipients rank by EmailReceivers", async (t) => {
  const { csv, page: d } = await openOnFixture(t, { write: withPeople });
  const { page } = d;
  const senders = pythonGroups(csv, "SENDER_PERSON");
  assert.deepEqual(await ranked(page, "top-senders"), expectedRanked(senders));
  assert.deepEqual(
    await ranked(page, "top-recipients"),
    expectedRanked(pythonGroups(csv, "RECIPIENT")),
  );
  const cheryl = senders.find((g) => g.label === "Cheryl D. Mills")!;
  await openTableView(page, "Top senders");
  await page
    .getByTestId("top-senders")
    .locator("tr", { hasText: cheryl.label })
    .getByRole("button")
    .click();
  await ui.waitForText(page, "drill-summary", `Emails sent by ${cheryl.label}.`);
  await ui.settled(page);
  assert.deepEqual(
    (await ui.tableRows(page, "email-table")).map((r) => r[0]),
    cheryl.ids.map((id) => `#${id}`),
  );
  await readerMatches(page, csv, cheryl.ids[0]);
  // The reader loads its people line by a query of its own, after the text: wait for it.
  const people = page.locator(".people", { hasText: "Sender:" });
  await people.waitFor({ timeout: ui.UI_TIMEOUT_MS });
  assert.match(await people.innerText(), /Sender: Cheryl D\. Mills · Recipients: Hillary Clinton/);
});

test("the recipient filter picks a person by name and every panel follows it, in the URL", async (t) => {
  const { csv, page: d } = await openOnFixture(t, { write: withPeople });
  const { page } = d;
  await page.getByTestId("filter-recipient").fill("Cheryl M");
  await page.waitForFunction(() => document.querySelector("datalist option") !== null, undefined, {
    timeout: ui.UI_TIMEOUT_MS,
  });
  await page.getByTestId("filter-recipient").fill("Cheryl Mills");
  await page.getByTestId("apply-filters").click();
  const received = pythonGroups(csv, "RECIPIENT").find((g) => g.label === "Cheryl Mills")!;
  await ui.waitForText(page, "email-count", String(received.emailCount));
  await ui.settled(page);
  assert.equal(await ui.textOf(page, "total-capitals"), String(received.totalCapitals));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("to"), "82");
  assert.deepEqual(
    (await ui.tableRows(page, "email-table")).map((r) => r[0]),
    received.ids.map((id) => `#${id}`),
  );
});

test("without EmailReceivers.csv the top recipients panel says why it is empty", async (t) => {
  const { page: d } = await openOnFixture(t);
  const panel = d.page.locator("section.panel", { hasText: "Top recipients" });
  assert.equal(await panel.getAttribute("data-state"), "empty");
  assert.match((await panel.locator(".panel-status").textContent())!, /EmailReceivers\.csv/);
});

test("capitals over time are Python's UTC months with the gaps filled; a month opens its emails", async (t) => {
  const { csv, page: d } = await openOnFixture(t);
  const { page } = d;
  const months = pythonGroups(csv, "SENT:MONTH:fill", "KEY_ASC");
  const timeline = page.locator("section.panel", { hasText: "Capitals over time" });
  await timeline.getByText("Table view").click();
  const rows = (await timeline.locator("tbody tr").allInnerTexts()).map((r) =>
    r.split("\t").slice(0, 3),
  );
  assert.deepEqual(
    rows,
    months.map((g) => [g.label, String(g.emailCount), g.totalCapitals.toLocaleString("en-US")]),
  );
  const september = months.find((g) => g.key === "2012-09")!;
  await timeline.locator("tr", { hasText: "2012-09" }).getByRole("button").click();
  await ui.waitForText(page, "drill-summary", "Emails sent in 2012-09 (UTC).");
  await ui.settled(page);
  assert.deepEqual(
    (await ui.tableRows(page, "email-table")).map((r) => r[0]),
    september.ids.map((id) => `#${id}`),
  );
  await page.getByTestId("granularity").selectOption("YEAR");
  await page.waitForFunction(() => location.search.includes("granularity=YEAR"));
  await ui.settled(page);
  assert.ok((await timeline.locator("tbody tr").first().innerText()).startsWith("2009"));
});

test("a completed analysis shows its groups beside its totals", async (t) => {
  const { csv, page: d } = await openOnFixture(t);
  const { page } = d;
  await page.getByTestId("start-analysis").click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="analysis-groups"]') !== null,
    undefined,
    { timeout: ui.UI_TIMEOUT_MS },
  );
  const senders = pythonGroups(csv, "SENDER");
  const rows = (await ui.tableRows(page, "analysis-groups")).map((r) => [r[0], r[2]]);
  assert.deepEqual(rows, expectedRanked(senders));
});

test("with API_TOKENS, an analysis without a token shows UNAUTHENTICATED; with the token it runs to 100 %", async (t) => {
  const { page: d } = await openOnFixture(t, { env: { API_TOKENS: "alpha,beta" } });
  const { page } = d;
  await page.getByTestId("start-analysis").click();
  await page.waitForFunction(
    () => document.querySelector(".form-message .error-code")?.textContent === "UNAUTHENTICATED",
    undefined,
    {
      timeout: ui.UI_TIMEOUT_MS,
    },
  );
  assert.match(await page.locator(".form-message").innerText(), /needs an API token/);
  await page.getByTestId("token").fill("beta");
  await page.getByTestId("token").press("Enter");
  await page.getByTestId("start-analysis").click();
  await ui.waitForText(page, "analysis-progress-text", "100 %");
  assert.match(await ui.textOf(page, "analysis-status"), /COMPLETED/);
});

test("cancelling another token's run shows FORBIDDEN", async (t) => {
  const { app, page: d } = await openOnFixture(t, { env: { API_TOKENS: "alpha,beta" } });
  const { page } = d;
  // The run stays PENDING while the test holds the corpus, so there is time to cancel it.
  const corpus = holdCorpus(app, TEST_HOLDER);
  t.after(async () => {
    corpus.release();
    await corpus.held;
  });
  await page.getByTestId("token").fill("alpha");
  await page.getByTestId("token").press("Enter");
  await page.getByTestId("start-analysis").click();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="analysis-status"]')?.textContent?.includes("PENDING"),
    undefined,
    { timeout: ui.UI_TIMEOUT_MS },
  );
  await page.getByTestId("token").fill("beta");
  await page.getByTestId("token").press("Enter");
  await page.getByRole("button", { name: "Cancel run" }).click();
  await page.waitForFunction(
    () => document.querySelector(".form-message .error-code")?.textContent === "FORBIDDEN",
    undefined,
    {
      timeout: ui.UI_TIMEOUT_MS,
    },
  );
});
