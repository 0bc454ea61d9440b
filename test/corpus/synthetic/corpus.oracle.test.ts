import assert from "node:assert/strict";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { writeCorpusFile } from "../../../src/corpus/synthetic/corpus-file";
import type { CorpusSummary } from "../../../src/corpus/synthetic/corpus.generator";
import { EMAIL_COLUMNS } from "../../../src/corpus/synthetic/email-columns";
import { pythonJson } from "../../support/python";
import { CORPUS_ORACLE } from "./csv-oracles";

interface OracleReport {
  header: string[];
  rows: number;
  widths: number[];
  idsInOrder: boolean;
  bytes: number;
  reserialisedIdentical: boolean;
  rawTextChars: number;
  median: number;
  mean: number;
  max: number;
  fieldsWith: { quote: number; comma: number; crlf: number };
  subjectsWithQuoteAndComma: number;
  familyEmails: Record<string, number>;
  upperShare: number;
  crlfEmails: number;
  mixedEolEmails: number;
  benghaziEmails: number;
  acronyms: Record<string, number>;
  problems: unknown[];
  problemCount: number;
}

// The header of the State Department's file, copied from the release, not from our code.
const RELEASED_HEADER =
  "Id,DocNumber,MetadataSubject,MetadataTo,MetadataFrom,SenderPersonId,MetadataDateSent," +
  "MetadataDateReleased,MetadataPdfLink,MetadataCaseNumber,MetadataDocumentClass," +
  "ExtractedSubject,ExtractedTo,ExtractedFrom,ExtractedCc,ExtractedDateSent," +
  "ExtractedCaseNumber,ExtractedDocNumber,ExtractedDateReleased," +
  "ExtractedReleaseInPartOrFull,ExtractedBodyText,RawText";

test("default corpus, read back by Python's csv module", async (t) => {
  let dir: string;
  let summary: CorpusSummary;
  let report: OracleReport;
  let fileBytes: number;

  t.before(async () => {
    dir = await mkdtemp(join(tmpdir(), "corpus-oracle-"));
    const path = join(dir, "Emails.csv");
    summary = await writeCorpusFile(path);
    fileBytes = (await stat(path)).size;
    report = pythonJson<OracleReport>(CORPUS_ORACLE, { args: [path] });
  });
  t.after(() => rm(dir, { recursive: true, force: true }));

  await t.test("has the released header and 7,945 rows of 22 fields with Ids 1..N", () => {
    assert.equal(report.header.join(","), RELEASED_HEADER);
    assert.deepEqual([...EMAIL_COLUMNS], RELEASED_HEADER.split(","));
    assert.equal(report.rows, 7945);
    assert.deepEqual(report.widths, [22]);
    assert.equal(report.idsInOrder, true);
  });

  await t.test(
    "is byte for byte what Python's writer produces (QUOTE_MINIMAL, \\n records)",
    () => {
      assert.equal(report.reserialisedIdentical, true);
    },
  );

  await t.test("reports the bytes and RawText code points it actually wrote", () => {
    assert.equal(summary.emails, 7945);
    assert.equal(summary.bytes, fileBytes);
    assert.equal(report.bytes, fileBytes);
    assert.equal(summary.rawTextChars, report.rawTextChars);
  });

  await t.test("has about 15 M characters of RawText in a heavy-tailed spread", () => {
    assert.ok(report.rawTextChars >= 14_500_000, `total ${report.rawTextChars}`);
    assert.ok(report.rawTextChars <= 16_000_000, `total ${report.rawTextChars}`);
    assert.ok(report.max > 20 * report.median, `max ${report.max}, median ${report.median}`);
    assert.ok(report.median < report.mean, `median ${report.median}, mean ${report.mean}`);
    assert.ok(report.max >= 100_000 && report.max < 1_000_000, `max ${report.max}`);
    assert.ok(report.median >= 300 && report.median <= 2_000, `median ${report.median}`);
  });

  await t.test("contains the CSV traps: quotes, commas and CRLF inside fields", () => {
    assert.ok(report.fieldsWith.quote > 0);
    assert.ok(report.fieldsWith.comma > 0);
    assert.ok(report.fieldsWith.crlf > 0);
    assert.ok(report.subjectsWithQuoteAndComma > 0);
    assert.ok(report.crlfEmails > 0);
    assert.equal(report.mixedEolEmails, 0, "an email uses one line ending throughout");
  });

  await t.test("contains every family of non-ASCII capitals, lowercase and digits", () => {
    for (const family of [
      "latin",
      "greek",
      "cyrillic",
      "otherUppercase",
      "astral",
      "nonAsciiLower",
      "nonAsciiDigit",
    ]) {
      assert.ok(report.familyEmails[family] > 0, `no email with ${family}`);
    }
  });

  await t.test("reads like English mail: some capitals, acronyms, but mostly lowercase", () => {
    assert.ok(report.upperShare > 0.03 && report.upperShare < 0.25, `share ${report.upperShare}`);
    for (const [acronym, count] of Object.entries(report.acronyms)) {
      assert.ok(count > 0, `${acronym} never appears`);
    }
  });

  await t.test(
    "starts every RawText with the State Department stamp that matches its columns",
    () => {
      assert.equal(report.problemCount, 0, JSON.stringify(report.problems));
      assert.ok(report.benghaziEmails > 0);
    },
  );
});
