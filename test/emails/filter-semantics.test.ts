import assert from "node:assert/strict";
import { test } from "node:test";
import { EMAIL_COLUMNS } from "../../src/corpus/columns";
import { startTestApp } from "../support/test-app";

/** Senders and subjects holding LIKE's wildcards, its usual escape, and non-ASCII case pairs. */
const ROWS: [id: number, from: string, subject: string][] = [
  [1, "Sullivan, Jacob J", "100% sure"],
  [2, "Mills_Cheryl", "under_score"],
  [3, "back\\slash", "C:\\path"],
  [4, "Straße, Jürgen", "GRÜSSE"],
  [5, "ΟΔΥΣΣΈΑΣ", "Οδυσσέας"],
  [6, "ÉCOLE Émile", "école"],
  [7, "plain", "plain"],
];

function csv(): string {
  const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [EMAIL_COLUMNS.join(",")];
  for (const [id, from, subject] of ROWS) {
    const v: Record<string, string> = {
      Id: String(id),
      MetadataFrom: from,
      MetadataSubject: subject,
      RawText: "Hi",
    };
    lines.push(EMAIL_COLUMNS.map((c) => q(v[c] ?? "")).join(","));
  }
  return lines.join("\n") + "\n";
}

/** [filter field, needles, ids each needle must select], worked out by hand from ROWS. */
const CASES: [string, string[], number[]][] = [
  ["sender", ["%", "%%", "s%n", "m_lls"], []],
  ["subjectContains", ["%"], [1]],
  ["sender", ["_"], [2]],
  ["subjectContains", ["_"], [2]],
  ["sender", ["\\"], [3]],
  ["subjectContains", ["\\"], [3]],
  ["sender", ["SULLIVAN"], [1]],
  ["sender", ["jürgen", "JÜRGEN", "STRASSE"], [4]],
  ["subjectContains", ["grüße"], [4]],
  ["sender", ["οδυσσέας"], [5]],
  ["subjectContains", ["ΟΔΥΣΣΈΑΣ", "σσέασ"], [5]],
  ["sender", ["école"], [6]],
  ["subjectContains", ["ÉCOLE"], [6]],
];

test("text filters match literally (no LIKE wildcards) and case-insensitively beyond ASCII", async (t) => {
  const app = await startTestApp(t, { csv: csv() });
  const failures: string[] = [];
  for (const [field, needles, want] of CASES) {
    for (const needle of needles) {
      const filter = { [field]: needle };
      const body = await app.gql<{
        emails: { edges: { node: { id: number } }[] };
        capitalLetterStats: { emailCount: number };
      }>(
        `query($f: EmailFilter) { emails(filter: $f, first: 100) { edges { node { id } } }
         capitalLetterStats(filter: $f, fresh: true) { emailCount } }`,
        { f: filter },
      );
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      const ids = body.data!.emails.edges.map((e) => e.node.id);
      const count = body.data!.capitalLetterStats.emailCount;
      if (JSON.stringify(ids) !== JSON.stringify(want) || count !== want.length) {
        failures.push(
          `${field} ${JSON.stringify(needle)}: emails ${JSON.stringify(ids)}, stats ${count}; want ${JSON.stringify(want)}`,
        );
      }
    }
  }
  assert.deepEqual(failures, []);
});
