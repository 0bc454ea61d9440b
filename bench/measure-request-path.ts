import { fork } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import type { BenchPlan } from "./bench-plan";
import type { Log } from "./corpora";
import { CACHED_QUERY } from "./measure-cached";
import { cpuMsOf } from "./proc-cpu";
import { median } from "./sampling";
import type { LoadRun, RequestPathSection } from "./sections.types";
import type { BenchServer } from "./bench-server-control";

const TYPENAME = "{ __typename }";
/** A cached capitalLetterStats with its totals: what should cost little more than the above. */
export const CACHED_TOTALS = "{ capitalLetterStats { emailCount totalCapitals medianPerEmail } }";
const WARMUP_S = 1;

interface Target {
  server: LoadRun["server"];
  url: string;
  pid: number;
}

/** The bare Apollo reference in a child process, as production runs it. */
async function startBare(): Promise<Target & { stop(): void }> {
  const child = fork(path.join(__dirname, "bare-apollo-server.js"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m: { url: string }) => resolve(m.url));
    child.once("exit", (code) => reject(new Error(`bare Apollo exited with code ${code}`)));
  });
  return { server: "bare Apollo", url, pid: child.pid ?? 0, stop: () => child.kill() };
}

async function cannon(
  target: Target,
  query: string,
  spec: BenchPlan["requestPath"],
): Promise<LoadRun> {
  const opts = {
    url: `${target.url}/graphql`,
    connections: spec.connections,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  };
  await autocannon({ ...opts, duration: WARMUP_S });
  const cpuBefore = cpuMsOf(target.pid);
  const r = await autocannon({ ...opts, duration: spec.durationS });
  const cpuAfter = cpuMsOf(target.pid);
  const requests = r.requests.total;
  return {
    server: target.server,
    query,
    requestsPerSecond: requests / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    cpuUsPerRequest:
      cpuBefore === null || cpuAfter === null || requests === 0
        ? null
        : ((cpuAfter - cpuBefore) * 1000) / requests,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** Medians over rounds of each (server, query) pair, in first-seen order. */
function medianRuns(all: LoadRun[]): LoadRun[] {
  const keys = [...new Set(all.map((r) => `${r.server}\n${r.query}`))];
  return keys.map((key) => {
    const same = all.filter((r) => `${r.server}\n${r.query}` === key);
    const cpu = same.map((r) => r.cpuUsPerRequest).filter((c): c is number => c !== null);
    return {
      ...same[0],
      requestsPerSecond: median(same.map((r) => r.requestsPerSecond)),
      p50Ms: median(same.map((r) => r.p50Ms)),
      p99Ms: median(same.map((r) => r.p99Ms)),
      cpuUsPerRequest: cpu.length === same.length ? median(cpu) : null,
      non2xx: same.reduce((s, r) => s + r.non2xx, 0),
      errors: same.reduce((s, r) => s + r.errors, 0),
    };
  });
}

/**
 * The request path: a bare Apollo Server against Capstats with every protection on, both
 * answering `{ __typename }` to autocannon in pairs of rounds, the first of a pair alternating
 * so neither server always runs on the machine the other just left; then cached
 * capitalLetterStats on Capstats: its totals, which should cost little more, and the
 * dashboard's query (a page of 100 emails), whose cost is graphql-js resolving ~450 fields.
 * The cached rounds come after every pair, so no `{ __typename }` round of Capstats pays for
 * collecting the dashboard's garbage, which bare Apollo never makes. The ratio is the median of
 * the pairs' ratios: a pair shares the machine's load of the moment, which medians of each
 * server's rounds taken apart would not.
 */
export async function measureRequestPath(
  capstats: BenchServer,
  spec: BenchPlan["requestPath"],
  log: Log,
): Promise<RequestPathSection> {
  log(`request path: bare Apollo vs Capstats, ${spec.rounds} x ${spec.durationS} s each`);
  const bare = await startBare();
  const ours: Target = { server: "Capstats", url: capstats.url, pid: capstats.pid };
  const all: LoadRun[] = [];
  const ratios: number[] = [];
  try {
    await capstats.gql(CACHED_QUERY);
    for (let round = 0; round < spec.rounds; round++) {
      const pair = round % 2 === 0 ? [bare, ours] : [ours, bare];
      const [first, second] = [
        await cannon(pair[0], TYPENAME, spec),
        await cannon(pair[1], TYPENAME, spec),
      ];
      const [b, c] = round % 2 === 0 ? [first, second] : [second, first];
      all.push(b, c);
      if (b.requestsPerSecond > 0) ratios.push(c.requestsPerSecond / b.requestsPerSecond);
    }
    for (let round = 0; round < spec.rounds; round++) {
      all.push(await cannon(ours, CACHED_TOTALS, spec));
      all.push(await cannon(ours, CACHED_QUERY, spec));
    }
  } finally {
    bare.stop();
  }
  return {
    connections: spec.connections,
    durationS: spec.durationS,
    rounds: spec.rounds,
    runs: medianRuns(all),
    ratio: ratios.length > 0 ? median(ratios) : null,
  };
}
