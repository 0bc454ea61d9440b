import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { generatedCsv, HANG_MS } from "../analyses/analysis-test-support";
import { pythonJson } from "../support/python";
import { startTestApp, type TestApp } from "../support/test-app";

/** `npm run seed`, as a separate process that knows nothing of the server's locks. */
const LOAD_JS = path.resolve(__dirname, "../../seed/load.js");
const SENDER = "marsh";
const RELOADS = 12;
const A_EMAILS = 3000;
const B_EMAILS = 4000;
const CLIENTS = 3;
const STRATEGIES = ["PROCESSES", "SEQUENTIAL", "AUTO"] as const;

interface Answer {
  emailCount: number;
  totalCapitals: number;
}

/** Two filters: a narrow one (a sender, as the dashboard asks) and one selecting almost all. */
const FILTERS = [{ sender: SENDER }, { idFrom: 2 }] as const;

/**
 * Python over the CSV itself (csv module, str.isupper), per filter of FILTERS: the loader and
 * engine play no part.
 */
function pythonOracle(csvFile: string): Answer[] {
  const script = String.raw`
import csv, json, sys
csv.field_size_limit(sys.maxsize)
needle = sys.argv[2].casefold()
out = [{"emailCount": 0, "totalCapitals": 0}, {"emailCount": 0, "totalCapitals": 0}]
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        caps = sum(c.isupper() for c in row["RawText"])
        for k, hit in enumerate([needle in (row["MetadataFrom"] or "").casefold(), int(row["Id"]) >= 2]):
            if hit:
                out[k]["emailCount"] += 1
                out[k]["totalCapitals"] += caps
print(json.dumps(out))
`;
  return pythonJson<Answer[]>(script, { args: [csvFile, SENDER] });
}

function reloadFromAnotherProcess(dbFile: string, csvFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOAD_JS, "--csv", csvFile], {
      env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed: ${err}`))));
  });
}

/** An app on corpus a, and the CSVs of corpus a (version 1, 3, ...) and b (2, 4, ...). */
async function twoCorpora(t: TestContext): Promise<{ app: TestApp; corpora: string[] }> {
  const app = await startTestApp(t, { csv: await generatedCsv(A_EMAILS, 31) });
  const corpora = [path.join(app.dir, "a.csv"), path.join(app.dir, "b.csv")];
  fs.writeFileSync(corpora[0], await generatedCsv(A_EMAILS, 31));
  fs.writeFileSync(corpora[1], await generatedCsv(B_EMAILS, 32));
  return { app, corpora };
}

/** RELOADS loads from another process, alternating b and a; `running` until the last ends. */
function reloadRepeatedly(app: TestApp, corpora: string[]) {
  let running = true;
  const done = (async () => {
    try {
      for (let i = 1; i <= RELOADS; i++) {
        await reloadFromAnotherProcess(app.app.config.databaseFile, corpora[i % 2]);
      }
    } finally {
      running = false;
    }
  })();
  return { done, running: () => running };
}

interface Tally {
  answers: number;
  exact: number;
  corpusChanged: number;
  mixes: string[];
  unexpected: string[];
  versions: Set<number>;
}

async function query(app: TestApp, strategy: string, fresh: boolean, filter: number) {
  return app.gql<{
    capitalLetterStats: Answer & { execution: { corpusVersion: number; strategy: string } };
  }>(
    `query($s: ExecutionStrategy!, $f: Boolean!, $filter: EmailFilter!) {
      capitalLetterStats(strategy: $s, fresh: $f, filter: $filter) {
        emailCount totalCapitals execution { corpusVersion strategy } } }`,
    { s: strategy, f: fresh, filter: FILTERS[filter] },
  );
}

test(
  "while npm run seed replaces the corpus from another process, every stats answer is one corpus or CORPUS_CHANGED",
  { timeout: HANG_MS * 2 },
  async (t) => {
    const { app, corpora } = await twoCorpora(t);
    const oracle = corpora.map((f) => pythonOracle(f));
    assert.notDeepEqual(oracle[0], oracle[1], "the two corpora must answer differently");
    // Version 1 is corpus a (loaded before the app started); reload i gives version 1 + i.
    const expectedFor = (version: number, filter: number): Answer =>
      oracle[(version - 1) % 2][filter];

    const tally: Tally = {
      answers: 0,
      exact: 0,
      corpusChanged: 0,
      mixes: [],
      unexpected: [],
      versions: new Set(),
    };
    const reloads = reloadRepeatedly(app, corpora);
    const client = async (c: number) => {
      for (let i = c; reloads.running(); i++) {
        const strategy = STRATEGIES[i % STRATEGIES.length];
        const filter = Math.floor(i / STRATEGIES.length) % FILTERS.length;
        const res = await query(app, strategy, i % 4 === 0, filter);
        tally.answers++;
        const code = res.errors?.[0]?.extensions?.code;
        if (code === "CORPUS_CHANGED") {
          tally.corpusChanged++;
          continue;
        }
        if (res.errors || !res.data) {
          tally.unexpected.push(JSON.stringify(res.errors));
          continue;
        }
        const { emailCount, totalCapitals, execution } = res.data.capitalLetterStats;
        tally.versions.add(execution.corpusVersion);
        const want = expectedFor(execution.corpusVersion, filter);
        if (emailCount === want.emailCount && totalCapitals === want.totalCapitals) tally.exact++;
        else
          tally.mixes.push(
            `${strategy} ${JSON.stringify(FILTERS[filter])} v${execution.corpusVersion}: ${emailCount}/${totalCapitals}, want ${want.emailCount}/${want.totalCapitals}`,
          );
      }
    };
    await Promise.all([reloads.done, ...Array.from({ length: CLIENTS }, (_, c) => client(c))]);
    // After the last reload, the cache must not hand back anything computed on another version.
    const settled = await query(app, "AUTO", false, 0);
    const last = expectedFor(RELOADS + 1, 0);
    assert.deepEqual(
      {
        emailCount: settled.data?.capitalLetterStats.emailCount,
        totalCapitals: settled.data?.capitalLetterStats.totalCapitals,
      },
      last,
    );
    t.diagnostic(
      `reload-during-queries: ${RELOADS} reloads, ${tally.answers} answers, ${tally.exact} exact, ` +
        `${tally.corpusChanged} CORPUS_CHANGED, ${tally.mixes.length} mixes, ` +
        `${tally.unexpected.length} other errors, versions seen ${[...tally.versions].sort((a, b) => a - b).join(",")}`,
    );
    assert.deepEqual(tally.mixes, [], "answers from neither corpus");
    assert.deepEqual(tally.unexpected, []);
    assert.ok(tally.versions.size >= 2, "the queries ran across reloads");
  },
);

test(
  "an analysis run whose corpus is replaced by another process ends COMPLETED on one corpus or FAILED with CORPUS_CHANGED",
  { timeout: HANG_MS * 2 },
  async (t) => {
    const { app, corpora } = await twoCorpora(t);
    const oracle = corpora.map((f) => pythonOracle(f)[0]);
    const ids: string[] = [];
    const reloads = reloadRepeatedly(app, corpora);
    const starter = async (c: number) => {
      for (let i = c; reloads.running(); i++) {
        const res = await app.gql<{ startAnalysis: { id: string } }>(
          `mutation($input: StartAnalysisInput!) { startAnalysis(input: $input) { id } }`,
          {
            input: {
              strategy: STRATEGIES[i % STRATEGIES.length],
              filter: { sender: SENDER },
              chunkSize: 50,
            },
          },
        );
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
        ids.push(res.data!.startAnalysis.id);
        await waitEnded(app, res.data!.startAnalysis.id);
      }
    };
    await Promise.all([reloads.done, starter(0), starter(1)]);
    let completed = 0;
    let changed = 0;
    const wrong: string[] = [];
    for (const id of ids) {
      const run = await waitEnded(app, id);
      if (run.status === "COMPLETED") {
        const want = oracle[((run.corpusVersion ?? 0) - 1) % 2];
        if (run.emailCount === want.emailCount && run.totalCapitals === want.totalCapitals)
          completed++;
        else wrong.push(`run ${id} v${run.corpusVersion}: ${run.emailCount}/${run.totalCapitals}`);
      } else if (
        run.status === "FAILED" &&
        /CORPUS_CHANGED|corpus was (re)?loaded/i.test(run.error ?? "")
      ) {
        changed++;
      } else wrong.push(`run ${id}: ${run.status} ${run.error}`);
    }
    t.diagnostic(
      `analysis runs during reloads: ${ids.length} runs, ${completed} exact, ${changed} CORPUS_CHANGED, ${wrong.length} wrong`,
    );
    assert.deepEqual(wrong, []);
  },
);

interface RunState {
  status: string;
  error: string | null;
  corpusVersion: number | null;
  emailCount: number | null;
  totalCapitals: number | null;
}

async function waitEnded(app: TestApp, id: string): Promise<RunState> {
  for (;;) {
    const res = await app.gql<{ analysisRun: RunState }>(
      `query($id: ID!) { analysisRun(id: $id) { status error corpusVersion emailCount totalCapitals } }`,
      { id },
    );
    const run = res.data?.analysisRun;
    if (run && !["PENDING", "RUNNING"].includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 10));
  }
}
