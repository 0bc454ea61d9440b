import { setTimeout as sleep } from "node:timers/promises";
import type { BenchPlan } from "./bench-plan";
import type { Log } from "./corpora";
import { eventLoopOf } from "./event-loop-scrape";
import { HEAVY_QUERY } from "./measure-http";
import type { CorpusInfo } from "./results.types";
import { median, quantiles } from "./sampling";
import type { ResponsivenessRun, ResponsivenessSection } from "./sections.types";
import { gqlOver, type BenchServer, type ServerMemory } from "./bench-server-control";
import { benchConfig } from "./bench-config";
import { startClusteredServer } from "./distributed/server-cluster";

const WARMUP_PROBES = 10;

/** The small queries a dashboard sends: the cheapest there is, and one email by id. */
export function probeQueries(firstId: number): string[] {
  return ["{ __typename }", `{ email(id: ${firstId}) { id capitalLetters } }`];
}

/** Heavy queries of `strategy` back to back on a client of their own until stopped. */
function heavyLoop(server: BenchServer, strategy: string) {
  const client = server.client();
  const times: number[] = [];
  let stop = false;
  let error: string | null = null;
  const done = (async () => {
    while (!stop) {
      const started = performance.now();
      try {
        await gqlOver(client, HEAVY_QUERY, { strategy, workers: null, chunkSize: null });
      } catch (err) {
        // A strategy this server does not offer: reported, not fatal to the bench.
        error = (err as Error).message;
        return;
      }
      times.push(performance.now() - started);
    }
  })();
  return {
    async stop(): Promise<{ times: number[]; error: string | null }> {
      stop = true;
      await done;
      client.close();
      return { times, error };
    },
  };
}

/** DISTRIBUTED's set-up on the server measured: its worker processes, or why there are none. */
export interface DistributedSetup {
  workers: number | null;
  unavailable: string | null;
}

/** A strategy the server could not be given: recorded with the reason, nothing measured. */
function notRun(strategy: string, error: string): ResponsivenessRun {
  return { strategy, heavyQueries: 0, heavyMedianMs: null, probes: [], eventLoop: null, error };
}

/**
 * Latency of small queries while heavy queries of each strategy run back to back with
 * default workers and balanced chunks, keeping every worker busy; and the server's own
 * event-loop delay over each window (its /metrics, which starts a new window when read).
 * SEQUENTIAL computes on the event loop: it is there to show what the pools are for.
 */
export async function measureResponsiveness(
  server: BenchServer,
  corpus: CorpusInfo,
  spec: BenchPlan["responsiveness"],
  workerNice: number,
  log: Log,
  distributed: DistributedSetup = { workers: null, unavailable: null },
): Promise<ResponsivenessSection> {
  const probes = probeQueries(corpus.firstId);
  log(
    `responsiveness ${corpus.label}: ${spec.windowMs} ms per strategy, ${spec.strategies.join(", ")}`,
  );
  for (let i = 0; i < WARMUP_PROBES; i++) for (const q of probes) await server.gql(q);
  // The first heavy query loads the corpus; warm each strategy once outside the windows.
  const skipped = (strategy: string): boolean =>
    strategy === "DISTRIBUTED" && distributed.unavailable !== null;
  const strategies = spec.strategies.filter((s) => !skipped(s));
  for (const strategy of strategies) await heavyLoop(server, strategy).stop();
  const runs: ResponsivenessRun[] = [];
  for (const strategy of ["idle", ...spec.strategies]) {
    if (skipped(strategy)) {
      runs.push(notRun(strategy, distributed.unavailable!));
      continue;
    }
    const heavy = strategy === "idle" ? null : heavyLoop(server, strategy);
    await server.text("/metrics");
    const samples = probes.map((): number[] => []);
    const until = performance.now() + spec.windowMs;
    for (let k = 0; performance.now() < until; k++) {
      const which = k % probes.length;
      const started = performance.now();
      await server.gql(probes[which]);
      samples[which].push(performance.now() - started);
      await sleep(spec.probeIntervalMs);
    }
    const eventLoop = eventLoopOf(await server.text("/metrics"));
    const { times, error } = heavy ? await heavy.stop() : { times: [], error: null };
    runs.push({
      strategy,
      heavyQueries: times.length,
      heavyMedianMs: times.length > 0 ? median(times) : null,
      probes: probes.map((query, i) => ({ query, latency: quantiles(samples[i]) })),
      eventLoop,
      error,
    });
  }
  return {
    corpus: corpus.label,
    emails: corpus.emails,
    windowMs: spec.windowMs,
    probeIntervalMs: spec.probeIntervalMs,
    workerNice,
    distributedWorkers: distributed.workers,
    runs,
  };
}

/**
 * The section on a server of its own, which offers DISTRIBUTED too when the plan lists it
 * (a private Redis and worker processes, stopped with the server); and that server's memory.
 */
export async function runResponsiveness(
  plan: Pick<BenchPlan, "responsiveness" | "poolSize" | "tools">,
  corpus: CorpusInfo,
  log: Log,
): Promise<{ section: ResponsivenessSection; memory: ServerMemory }> {
  const { responsiveness: spec, poolSize } = plan;
  const nice = benchConfig(corpus.dbFile, poolSize).workerNice;
  const redis = spec.strategies.includes("DISTRIBUTED") ? plan.tools.redisServer : null;
  const cluster = await startClusteredServer(corpus.dbFile, poolSize, redis, log);
  let section: ResponsivenessSection;
  try {
    section = await measureResponsiveness(cluster.server, corpus, spec, nice, log, cluster);
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return { section, memory: await cluster.stop() };
}
