import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { formatSummary, progressReporter } from "../../src/corpus/load-progress";

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const pass = new PassThrough();
  let text = "";
  pass.on("data", (d) => (text += d));
  Object.assign(pass, {
    isTTY,
    columns: 120,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  return { stream: pass as unknown as NodeJS.WriteStream, text: () => text };
}

test("on a terminal the loader draws a progress bar with MB, rows and percentage", async () => {
  const { stream, text } = fakeStream(true);
  const bar = progressReporter(stream);
  bar.update({ bytesRead: 5_000_000, totalBytes: 20_000_000, rows: 100 });
  bar.update({ bytesRead: 20_000_000, totalBytes: 20_000_000, rows: 400 });
  bar.stop();
  await new Promise((r) => setImmediate(r));
  assert.match(text(), /loading .*100% \| 20\/20 MB \| 400 rows/);
});

test("off a terminal nothing is drawn, and the summary is one line", () => {
  const { stream, text } = fakeStream(false);
  const bar = progressReporter(stream);
  bar.update({ bytesRead: 1, totalBytes: 2, rows: 1 });
  bar.stop();
  assert.equal(text(), "");
  const line = formatSummary(
    {
      file: "E.csv",
      rows: 7945,
      bytes: 30_035_273,
      ms: 456,
      version: 3,
      emailCount: 7945,
      totalBytes: 1,
      source: "E.csv",
      loadedAt: "",
      companions: {},
    },
    "/db/c.db",
  );
  assert.equal(
    line,
    "loaded 7945 emails (30.0 MB) from E.csv into /db/c.db in 0.46 s; corpus version 3",
  );
});

test("the summary names the companion files loaded with the emails", () => {
  const line = formatSummary(
    {
      file: "d/Emails.csv",
      rows: 3,
      bytes: 2_000_000,
      ms: 1000,
      version: 1,
      emailCount: 3,
      totalBytes: 1,
      source: "d/Emails.csv",
      loadedAt: "",
      companions: {
        persons: { file: "d/Persons.csv", rows: 2 },
        emailReceivers: { file: "d/EmailReceivers.csv", rows: 4 },
      },
    },
    "c.db",
  );
  assert.equal(
    line,
    "loaded 3 emails (2.0 MB) from d/Emails.csv, with 2 persons (Persons.csv) and 4 email receivers (EmailReceivers.csv), into c.db in 1.00 s; corpus version 1",
  );
});
