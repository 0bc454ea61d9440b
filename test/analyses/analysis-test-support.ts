import assert from "node:assert/strict";
import { pythonJson } from "../support/python";
import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { writeCorpus } from "../../src/corpus/synthetic/corpus.generator";
import type { TestApp } from "../support/test-app";
import { METRICS, type MetricName } from "../../src/metrics/metrics";

export const METRIC_NAMES = METRICS;
export type Metric = MetricName;
export const RESULT_FIELDS = METRIC_NAMES.map((m) => m.toLowerCase());

/** Turns a hang into a failure; generous, never an assertion about speed. */
export const HANG_MS = 120_000;
/** How long waitFor polls before failing with what it waited for; below HANG_MS on purpose. */
const WAIT_MS = 60_000;

/** A generated corpus (src/corpus/synthetic) as CSV text. */
export async function generatedCsv(emails: number, seed: number): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeCorpus(sink, { emails, seed });
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The oracle: Python's own string methods over the RawText stored in the database, per email
 * id, in METRIC_NAMES order. Python missing is a failure, not a skip.
 */
export function pythonCounts(dbFile: string): Map<number, number[]> {
  const script = String.raw`
import json, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
out = {}
for id_, s in con.execute("SELECT Id, RawText FROM Email ORDER BY Id"):
    out[id_] = [sum(c.isupper() for c in s), sum(c.islower() for c in s),
                sum(c.isdecimal() for c in s), sum(c.isspace() for c in s),
                len(s.split()), len(s.splitlines()), len(s)]
print(json.dumps(out))
`;
  const parsed = pythonJson<Record<string, number[]>>(script, { args: [dbFile] });
  return new Map(Object.entries(parsed).map(([id, v]) => [Number(id), v]));
}

/** Sum of each metric over the ids in [from, to], per the oracle. */
export function oracleTotals(
  counts: Map<number, number[]>,
  from: number,
  to: number,
): Record<Metric, number> {
  const totals = Object.fromEntries(METRIC_NAMES.map((m) => [m, 0])) as Record<Metric, number>;
  for (const [id, values] of counts) {
    if (id < from || id > to) continue;
    METRIC_NAMES.forEach((m, i) => (totals[m] += values[i]));
  }
  return totals;
}

export const RUN_FIELDS = `id status metrics strategy progress emailsDone emailCount corpusVersion
  totalCapitals totals { metric total mean median max } error startedAt finishedAt
  execution { strategy tasks corpusVersion emails }`;

export interface RunView {
  id: string;
  status: string;
  metrics: Metric[];
  strategy: string;
  progress: number;
  emailsDone: number;
  emailCount: number | null;
  corpusVersion: number | null;
  totalCapitals: number | null;
  totals: { metric: Metric; total: number; mean: number; median: number; max: number }[];
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  execution: { strategy: string; tasks: number; corpusVersion: number; emails: number } | null;
}

export interface LockView {
  name: string;
  mode: string | null;
  holder: string | null;
  holders: string[];
  waiting: string[];
  heldForMs: number | null;
}

export const LOCKS_QUERY = `{ locks { name mode holder holders waiting heldForMs } }`;

export async function gqlOk<T>(
  app: TestApp,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await app.gql<T>(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data as T;
}

export async function startRun(app: TestApp, input: Record<string, unknown>): Promise<RunView> {
  const data = await gqlOk<{ startAnalysis: RunView }>(
    app,
    `mutation($input: StartAnalysisInput!) { startAnalysis(input: $input) { ${RUN_FIELDS} } }`,
    { input },
  );
  return data.startAnalysis;
}

export async function getRun(app: TestApp, id: string): Promise<RunView> {
  const data = await gqlOk<{ analysisRun: RunView }>(
    app,
    `query($id: ID!) { analysisRun(id: $id) { ${RUN_FIELDS} } }`,
    { id },
  );
  return data.analysisRun;
}

export async function getLocks(app: TestApp): Promise<LockView[]> {
  return (await gqlOk<{ locks: LockView[] }>(app, LOCKS_QUERY)).locks;
}

/** Polls until `check` returns a value; a hang detector with a description, not a timer test. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`gave up waiting for ${what}`);
    await sleep(10);
  }
}

const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED"]);

export async function waitForEnd(app: TestApp, id: string): Promise<RunView> {
  return waitFor(`run ${id} to end`, async () => {
    const run = await getRun(app, id);
    return TERMINAL.has(run.status) ? run : null;
  });
}

/** Every lock free and nobody queued. */
export function assertNoLockActivity(locks: LockView[]): void {
  for (const l of locks) {
    assert.deepEqual(
      { name: l.name, mode: l.mode, holder: l.holder, holders: l.holders, waiting: l.waiting },
      { name: l.name, mode: null, holder: null, holders: [], waiting: [] },
    );
  }
}

/** Every per-email row of a run, paged through the API. */
export async function allResults(
  app: TestApp,
  id: string,
  pageSize: number,
): Promise<Record<string, number | null>[]> {
  const rows: Record<string, number | null>[] = [];
  let after: string | null = null;
  for (;;) {
    const data: {
      analysisRun: {
        results: {
          totalCount: number;
          edges: { cursor: string; node: Record<string, number | null> }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        } | null;
      };
    } = await gqlOk(
      app,
      `query($id: ID!, $first: Int!, $after: String) { analysisRun(id: $id) {
        results(first: $first, after: $after) {
          totalCount edges { cursor node { emailId ${RESULT_FIELDS.join(" ")} } }
          pageInfo { hasNextPage endCursor }
        } } }`,
      { id, first: pageSize, after },
    );
    const page = data.analysisRun.results;
    assert.ok(page, `run ${id} has no results page`);
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

/** Waits until every run in `ids` has ended; one paged query per poll, whatever the count. */
export async function waitForAllEnded(app: TestApp, ids: string[]): Promise<Map<string, RunView>> {
  const wanted = new Set(ids);
  return waitFor(`runs ${ids.join(", ")} to end`, async () => {
    const data = await gqlOk<{ analysisRuns: { edges: { node: RunView }[] } }>(
      app,
      `{ analysisRuns(first: 1000) { edges { node { ${RUN_FIELDS} } } } }`,
    );
    const byId = new Map(
      data.analysisRuns.edges.filter((e) => wanted.has(e.node.id)).map((e) => [e.node.id, e.node]),
    );
    const done = [...byId.values()].every((r) => TERMINAL.has(r.status));
    return byId.size === wanted.size && done ? byId : null;
  });
}
