import { setTimeout as sleep } from "node:timers/promises";
import type { Log } from "./corpora";
import { runHeavy } from "./measure-http";
import type { CorpusInfo, ResponsivenessResult } from "./results.types";
import { STRATEGIES } from "./results.types";
import { latency, median } from "./sampling";
import type { BenchServer } from "./bench-server-control";

const WARMUP_PROBES = 5;

function probeQuery(id: number): string {
  return `{ email(id: ${id}) { id capitalLetters } }`;
}

/** Sends the small query every `intervalMs` for `windowMs`; returns each round trip's ms. */
async function probe(
  server: BenchServer,
  query: string,
  windowMs: number,
  intervalMs: number,
): Promise<number[]> {
  const samples: number[] = [];
  const until = performance.now() + windowMs;
  while (performance.now() < until) {
    const started = performance.now();
    await server.gql(query);
    samples.push(performance.now() - started);
    await sleep(intervalMs);
  }
  return samples;
}

/**
 * Latency of a small query (one email with its capital count) while a heavy query of
 * each strategy runs back to back with default workers and balanced chunks, keeping
 * every worker busy. SEQUENTIAL computes on the server's event loop, so it shows
 * what the pools are for.
 */
export async function measureResponsiveness(
  server: BenchServer,
  corpus: CorpusInfo,
  windowMs: number,
  intervalMs: number,
  log: Log,
): Promise<ResponsivenessResult> {
  const query = probeQuery(corpus.firstId);
  log(`responsiveness ${corpus.label}: ${windowMs} ms per strategy`);
  for (let i = 0; i < WARMUP_PROBES; i++) await server.gql(query);
  const idle = latency(await probe(server, query, Math.max(200, windowMs / 2), intervalMs));
  const perStrategy: ResponsivenessResult["perStrategy"] = [];
  for (const strategy of STRATEGIES) {
    let stop = false;
    const heavy: number[] = [];
    const loop = (async () => {
      while (!stop)
        heavy.push((await runHeavy(server, { strategy, workers: null, chunkSize: null })).ms);
    })();
    const samples = await probe(server, query, windowMs, intervalMs);
    stop = true;
    await loop;
    perStrategy.push({
      strategy,
      heavyQueries: heavy.length,
      heavyMedianMs: median(heavy),
      latency: latency(samples),
    });
  }
  return { corpus: corpus.label, probe: query, windowMs, idle, perStrategy };
}
