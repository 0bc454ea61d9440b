import type { Request } from "autocannon";

export type LoadClass = "small" | "heavy" | "analysis";

/** What came back for one class: successes, deliberate OVERLOADED answers, and everything else. */
export class Outcomes {
  ok = 0;
  overloaded = 0;
  /** 5xx answers that were not OVERLOADED: must stay 0. */
  other5xx = 0;
  /** GraphQL error codes other than OVERLOADED, in any status (INTERNAL_SERVER_ERROR, TIMEOUT...). */
  readonly errorCodes = new Map<string, number>();

  record(status: number, body: string): void {
    let codes: string[];
    try {
      const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
      codes = (parsed.errors ?? []).map((e) => String(e.extensions?.code ?? "NO_CODE"));
    } catch {
      codes = [`UNPARSABLE_${status}`];
    }
    const overloaded = codes.length > 0 && codes.every((c) => c === "OVERLOADED");
    if (status >= 500 && !overloaded) this.other5xx++;
    if (codes.length === 0 && status === 200) this.ok++;
    else if (overloaded) this.overloaded++;
    else for (const c of codes) this.errorCodes.set(c, (this.errorCodes.get(c) ?? 0) + 1);
  }

  unexpectedErrors(): number {
    let n = 0;
    for (const count of this.errorCodes.values()) n += count;
    return n;
  }
}

function op(query: string, outcomes: Outcomes): Request {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
    onResponse: (status, body) => outcomes.record(status, body),
  };
}

/** Paging and single lookups: what a dashboard sends most, and what must stay fast. */
export function smallRequests(outcomes: Outcomes, emailIds: readonly number[]): Request[] {
  const lookups = emailIds.map((id) =>
    op(`query EmailById { email(id: ${id}) { id metadataSubject capitalLetters } }`, outcomes),
  );
  return [
    op(
      "query EmailsPage { emails(first: 20) { totalCount edges { cursor node { id metadataFrom } } } }",
      outcomes,
    ),
    ...lookups,
  ];
}

/** Full passes over the corpus, recomputed every time (fresh), across every strategy. */
export function heavyRequests(outcomes: Outcomes): Request[] {
  const strategies = ["SEQUENTIAL", "THREADS", "PROCESSES", "AUTO"];
  return [
    ...strategies.map((s) =>
      op(
        `query HeavyCapitals { capitalLetterStats(strategy: ${s}, fresh: true) { totalCapitals execution { strategy wallMs } } }`,
        outcomes,
      ),
    ),
    op(
      "query HeavyText { textStats(metrics: [WORDS, LINES, CAPITALS], strategy: THREADS, fresh: true) { totals { metric total } } }",
      outcomes,
    ),
  ];
}

export const START_ANALYSIS =
  "mutation StartRun { startAnalysis(input: { metrics: [CAPITALS, WORDS], strategy: AUTO }) { id status } }";

export function analysisRequests(outcomes: Outcomes): Request[] {
  return [op(START_ANALYSIS, outcomes)];
}

/**
 * Connections per class: most to small queries, 40 % to heavy ones (20 of 50 is more than the
 * heavy gate's 2 running + 16 queued, so OVERLOADED is exercised), and one connection starting
 * an analysis a second: about what the analysis gate completes under this load, so its queue
 * stays bounded instead of growing for the whole run.
 */
export function splitConnections(total: number, withAnalyses: boolean): Record<LoadClass, number> {
  const analysis = withAnalyses ? 1 : 0;
  const heavy = Math.max(1, Math.round(total * 0.4));
  return { small: total - heavy - analysis, heavy, analysis };
}
