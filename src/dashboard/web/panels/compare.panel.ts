import type { GraphQLClient } from "../api/graphql-client";
import type { AppContext } from "../app/context";
import { formatDateTime } from "../../shared/format";
import { filterInput, isEmptyFilter, type EmailFilterInput } from "../../shared/email-filter";
import type { Strategy, ViewState } from "../../shared/view-state";
import { ChartPanel } from "../ui/chart-panel";
import type { SavedSweep, SweepCache } from "./compare-cache";
import { comparisonTable, workersLabel } from "./compare-table";
import { h } from "../ui/dom";
import { KeyedLoad } from "../ui/keyed-load";

const COMPARED: readonly Strategy[] = ["SEQUENTIAL", "THREADS", "PROCESSES"];
/** SEQUENTIAL is the main thread: the API accepts only workers 1 (or the default) for it. */
const POOLED: readonly Strategy[] = ["THREADS", "PROCESSES"];
const REPETITIONS = 3;

const COMPARE_QUERY = `query DashboardCompare($filter: EmailFilter, $workers: Int, $repetitions: Int!,
  $strategies: [ExecutionStrategy!]!) {
  compareStrategies(filter: $filter, workers: $workers, repetitions: $repetitions,
    strategies: $strategies) {
    emailCount allAgree
    strategies { strategy medianWallMs minWallMs medianComputeMs speedupVsSequential agrees
      runs { workers } }
  }
}`;

export interface StrategyRow {
  strategy: Strategy;
  medianWallMs: number;
  minWallMs: number;
  medianComputeMs: number;
  speedupVsSequential: number | null;
  agrees: boolean;
  runs: { workers: number }[];
}

export interface Comparison {
  workers: number;
  allAgree: boolean;
  strategies: StrategyRow[];
}

async function compare(
  api: GraphQLClient,
  filter: EmailFilterInput,
  workers: number | undefined,
  strategies: readonly Strategy[],
  signal: AbortSignal,
): Promise<Comparison> {
  const data = await api.request<{
    compareStrategies: { allAgree: boolean; strategies: StrategyRow[] };
  }>(
    COMPARE_QUERY,
    {
      filter: isEmptyFilter(filter) ? undefined : filter,
      workers,
      repetitions: REPETITIONS,
      strategies,
    },
    { signal },
  );
  const report = data.compareStrategies;
  const used = Math.max(1, ...report.strategies.flatMap((s) => s.runs.map((r) => r.workers)));
  return { workers: workers ?? used, allAgree: report.allAgree, strategies: report.strategies };
}

/**
 * The threads-vs-processes lesson as one picture: SEQUENTIAL (the main thread, so 1 worker)
 * and the pools at 1 worker, at one per core (the server's default, learnt from its report)
 * and at twice that, past the core count. The runs go one after another, never side by
 * side, so they do not slow each other down.
 */
async function sweep(
  api: GraphQLClient,
  filter: EmailFilterInput,
  signal: AbortSignal,
): Promise<{ cores: number; rows: Comparison[] }> {
  const perCore = await compare(api, filter, undefined, POOLED, signal);
  const cores = perCore.workers;
  const one = await compare(api, filter, 1, cores === 1 ? ["SEQUENTIAL"] : COMPARED, signal);
  const twice = await compare(api, filter, cores * 2, POOLED, signal);
  if (cores > 1) return { cores, rows: [one, perCore, twice] };
  const merged: Comparison = {
    workers: 1,
    allAgree: one.allAgree && perCore.allAgree,
    strategies: [...one.strategies, ...perCore.strategies],
  };
  return { cores, rows: [merged, twice] };
}

/**
 * Each comparison is 24 fresh runs, so one is kept per corpus version and filters for the
 * tab (SweepCache): reloads and back/forward show it with its time, "Run again" measures anew.
 */
export class ComparePanel {
  private readonly load: KeyedLoad;
  private readonly view: ChartPanel;
  private readonly measured = h("span", { class: "muted", "data-testid": "compare-measured" });
  private version: number | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly cache: SweepCache,
  ) {
    this.load = new KeyedLoad(ctx.activity);
    this.view = new ChartPanel("Compare strategies", {
      className: "span-half",
      description: `Median wall time of ${REPETITIONS} fresh runs per strategy and worker count, on the filtered emails.`,
      actions: [
        this.measured,
        h("button", { type: "button", onclick: () => this.rerun() }, "Run again"),
      ],
    });
  }

  get el(): HTMLElement {
    return this.view.el;
  }

  update(view: ViewState, corpusVersion: number | null, remeasure = false): Promise<void> {
    this.version = corpusVersion;
    const filter = filterInput(view.filters);
    // Without a version (the summary failed) nothing is reused: it could be another corpus.
    const key = corpusVersion === null ? null : JSON.stringify({ corpusVersion, filter });
    if (remeasure) this.load.invalidate();
    return this.load.start(
      key ?? JSON.stringify({ filter }),
      async (signal): Promise<SavedSweep> => {
        const saved = key === null || remeasure ? null : this.cache.get(key);
        if (saved) return saved;
        this.view.panel.loading();
        const fresh = {
          ...(await sweep(this.ctx.api, filter, signal)),
          measuredAt: new Date().toISOString(),
        };
        if (key !== null) this.cache.set(key, fresh);
        return fresh;
      },
      (result) => {
        this.measured.textContent = `measured ${formatDateTime(result.measuredAt)}`;
        this.render(result.cores, result.rows);
      },
      (err) => this.view.panel.error(err, () => this.rerun()),
    );
  }

  private rerun(): void {
    void this.update(this.ctx.view(), this.version, true);
  }

  private render(cores: number, rows: Comparison[]): void {
    const label = workersLabel(cores);
    const disagree = rows.some((c) => !c.allAgree);
    this.view.show(
      {
        labels: rows.map((c) => label(c.workers).split(" · ")),
        series: COMPARED.map((s) => ({
          label: s,
          data: rows.map((c) => c.strategies.find((r) => r.strategy === s)?.medianWallMs ?? null),
        })),
        valueTitle: "median wall ms",
        categoryTitle: "workers",
        describe: `Median wall time of ${COMPARED.join(", ")} at ${rows.map((c) => c.workers).join(", ")} workers.`,
      },
      comparisonTable(rows, label),
      disagree
        ? h(
            "strong",
            { class: "warning" },
            "The strategies disagree on some per-email counts: this is a bug.",
          )
        : `Every run counted the same capitals in every email. SEQUENTIAL always runs on the ` +
            `main thread, so it is timed at 1 worker only. Default: ${cores} worker${cores === 1 ? "" : "s"}, one per core.`,
    );
  }
}
