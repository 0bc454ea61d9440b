import type { Log } from "./corpora";
import type { CorpusInfo } from "./results.types";
import { quantiles } from "./sampling";
import type { CachedAnswersRow } from "./sections.types";
import type { BenchServer } from "./bench-server-control";

/** What a dashboard asks of one cached result: totals, the top ten, a histogram, a page. */
export const CACHED_QUERY = `{
  capitalLetterStats {
    emailCount totalCapitals medianPerEmail maxPerEmail
    top(n: 10) { emailId capitals }
    histogram(buckets: 20) { from to count }
    perEmail(first: 100) { edges { node { emailId capitals characters } } }
    execution { cached }
  }
}`;

const WARMUP = 20;

/** Latency of the cached dashboard query, one request after another, after one computes it. */
export async function measureCached(
  server: BenchServer,
  corpus: CorpusInfo,
  requests: number,
  log: Log,
): Promise<CachedAnswersRow> {
  log(`cached answers ${corpus.label}: ${requests} requests`);
  type Answer = { capitalLetterStats: { execution: { cached: boolean } } };
  for (let i = 0; i < WARMUP; i++) await server.gql<Answer>(CACHED_QUERY);
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const answer = await server.gql<Answer>(CACHED_QUERY);
    samples.push(performance.now() - started);
    if (!answer.capitalLetterStats.execution.cached) {
      throw new Error("the cached dashboard query was not answered from the cache");
    }
  }
  return { corpus: corpus.label, emails: corpus.emails, requests, latency: quantiles(samples) };
}
