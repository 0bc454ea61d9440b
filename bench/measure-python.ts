import fs from "node:fs";
import path from "node:path";
import { openSqlite } from "../src/db/sqlite";
import { pythonOutput, pythonUnavailable as interpreterUnavailable } from "../test/support/python";
import type { Repetitions } from "./bench-options";
import { repoRoot } from "./repo-root";
import type { Log } from "./corpora";
import type {
  CorpusInfo,
  PythonBaseline,
  PythonCorpusResult,
  PythonMismatch,
  PythonVariant,
} from "./results.types";
import { spread } from "./sampling";

export const LESSON_SCRIPT = path.join(repoRoot(), "bench", "python", "lesson_baseline.py");

interface ScriptReport {
  python: string;
  unicode: string;
  emails: number;
  readMs: number;
  variants: { name: PythonVariant["name"]; label: string; samplesMs: number[]; total: number }[];
  counts: number[];
}

function runScript(python: string, args: string[], input?: string): string {
  return pythonOutput({ file: LESSON_SCRIPT }, { python, args, input });
}

/** Why Python cannot run, or null when it can. */
export function pythonUnavailable(python: string): string | null {
  const missing = interpreterUnavailable(python);
  if (missing) return missing;
  if (!fs.existsSync(LESSON_SCRIPT)) return `lesson script missing at ${LESSON_SCRIPT}`;
  return null;
}

/**
 * The characters behind a disagreement: every distinct non-ASCII code point of the
 * emails whose counts differ, where Python's isupper and \p{Uppercase} (what Capstats
 * implements, on Node's newer Unicode) disagree.
 */
function diagnose(
  python: string,
  corpus: CorpusInfo,
  pythonCounts: number[],
  capstats: Float64Array,
): PythonMismatch {
  const differing = pythonCounts.flatMap((n, i) => (n === capstats[i] ? [] : [i]));
  const db = openSqlite(corpus.dbFile, { readonly: true });
  const codePoints = new Set<number>();
  try {
    const at = db.prepare(`SELECT RawText AS t FROM Email ORDER BY Id LIMIT 1 OFFSET ?`);
    for (const i of differing.slice(0, 200)) {
      for (const ch of (at.get(i) as { t: string }).t) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp > 0x7f) codePoints.add(cp);
      }
    }
  } finally {
    db.close();
  }
  const list = [...codePoints].sort((a, b) => a - b);
  const isUpper = JSON.parse(runScript(python, ["--isupper"], JSON.stringify(list))) as boolean[];
  const characters = list.flatMap((cp, k) => {
    const char = String.fromCodePoint(cp);
    const capstatsUpper = /\p{Uppercase}/u.test(char);
    if (capstatsUpper === isUpper[k]) return [];
    const codePoint = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
    return [{ codePoint, char, pythonIsUpper: isUpper[k], capstatsUpper }];
  });
  return {
    emails: differing.length,
    pythonTotal: pythonCounts.reduce((s, n) => s + n, 0),
    capstatsTotal: capstats.reduce((s, n) => s + n, 0),
    characters,
  };
}

/**
 * The lesson's three Python programs on each corpus that has rounds in `rounds`,
 * their per-email counts checked against Capstats' (`capitals`, in Id order).
 */
export function measurePython(
  corpora: readonly CorpusInfo[],
  rounds: Readonly<Record<string, Repetitions>>,
  capitals: ReadonlyMap<string, Float64Array>,
  log: Log,
  python = "python3",
): PythonBaseline {
  const skipped = pythonUnavailable(python);
  if (skipped) {
    log(`python baseline skipped: ${skipped}`);
    return { available: false, skipped, version: null, unicodeVersion: null, corpora: [] };
  }
  let version: string | null = null;
  let unicodeVersion: string | null = null;
  const results: PythonCorpusResult[] = [];
  for (const corpus of corpora) {
    const r = rounds[corpus.label];
    const ours = capitals.get(corpus.label);
    if (!r || !ours) continue;
    log(`python ${corpus.label}: 3 variants x ${r.warmup}+${r.reps} rounds`);
    const args = [corpus.dbFile, "--warmup", String(r.warmup), "--reps", String(r.reps)];
    const report = JSON.parse(runScript(python, args)) as ScriptReport;
    version = report.python;
    unicodeVersion = report.unicode;
    const agrees =
      report.counts.length === ours.length && report.counts.every((n, i) => n === ours[i]);
    results.push({
      corpus: corpus.label,
      readMs: report.readMs,
      variants: report.variants.map((v) => ({
        name: v.name,
        label: v.label,
        wallMs: spread(v.samplesMs),
        totalCapitals: v.total,
      })),
      agrees,
      mismatch: agrees ? null : diagnose(python, corpus, report.counts, ours),
    });
  }
  return { available: true, skipped: null, version, unicodeVersion, corpora: results };
}
