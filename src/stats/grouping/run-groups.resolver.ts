import { Args, FieldResolver, Resolver, Root } from "type-graphql";
import { AnalysisRunType } from "../../analyses/analysis-run.type";
import { RunStatus } from "../../analyses/run-record";
import type { MetricMatrix } from "../../metrics/metric-matrix";
import { pageGroups } from "./group-page";
import { GroupingService } from "./grouping.service";
import { MetricGroupsArgs } from "./groups.args";
import { MetricsGroupConnection } from "./stats-group.type";

/** A finished run's stored per-email values, in email Id order. */
export interface RunResultsSource {
  allResults(runId: number): { emailIds: Int32Array; counts: MetricMatrix };
}

@Resolver(() => AnalysisRunType)
export class RunGroupsResolver {
  constructor(
    private readonly grouping: GroupingService,
    private readonly results: RunResultsSource,
  ) {}

  @FieldResolver(() => MetricsGroupConnection, {
    nullable: true,
    description:
      "The run's emails grouped by `by`, from its stored per-email values; null until COMPLETED. CORPUS_CHANGED once the corpus it counted has been reloaded and grouped since (the server keeps one version's email attributes).",
  })
  groups(
    @Root() run: AnalysisRunType,
    @Args(() => MetricGroupsArgs) args: MetricGroupsArgs,
  ): MetricsGroupConnection | null {
    const r = run.record;
    if (r.status !== RunStatus.COMPLETED || r.corpusVersion === null || !run.execution) return null;
    const source = { ...this.results.allResults(r.id), corpusVersion: r.corpusVersion };
    const nodes = this.grouping.metricGroups(source, run.metrics, args, run.execution);
    return pageGroups(nodes, args.first, args.after);
  }
}
