import { Args, FieldResolver, Float, Resolver, Root } from "type-graphql";
import { ExecutionReportType } from "../../graphql/execution-report.type";
import { CapitalLetterStats } from "../capital-letter-stats.type";
import { TextStats } from "../text-stats.type";
import type { StatsResult } from "../stats.service";
import { pageGroups } from "./group-page";
import { GroupingService, type CountsSource } from "./grouping.service";
import { GroupsArgs, MetricGroupsArgs } from "./groups.args";
import { MetricsGroupConnection, StatsGroupConnection } from "./stats-group.type";

export function countsOf(result: StatsResult): CountsSource {
  return {
    emailIds: result.emailIds,
    counts: result.counts,
    corpusVersion: result.report.corpusVersion,
  };
}

@Resolver(() => CapitalLetterStats)
export class CapitalGroupsResolver {
  constructor(private readonly grouping: GroupingService) {}

  @FieldResolver(() => StatsGroupConnection, {
    description:
      "The same emails grouped by `by`, from the per-email counts of this answer (never counted again).",
  })
  groups(
    @Root() stats: CapitalLetterStats,
    @Args(() => GroupsArgs) args: GroupsArgs,
  ): StatsGroupConnection {
    const nodes = this.grouping.capitalGroups(countsOf(stats.result), args, stats.execution);
    return pageGroups(nodes, args.first, args.after);
  }
}

@Resolver(() => TextStats)
export class TextGroupsResolver {
  constructor(private readonly grouping: GroupingService) {}

  @FieldResolver(() => MetricsGroupConnection, {
    description: "The same emails grouped by `by`, with a summary of every metric per group.",
  })
  groups(
    @Root() stats: TextStats,
    @Args(() => MetricGroupsArgs) args: MetricGroupsArgs,
  ): MetricsGroupConnection {
    const nodes = this.grouping.metricGroups(
      countsOf(stats.result),
      stats.metrics,
      args,
      stats.execution,
    );
    return pageGroups(nodes, args.first, args.after);
  }
}

@Resolver(() => ExecutionReportType)
export class GroupMsResolver {
  constructor(private readonly grouping: GroupingService) {}

  @FieldResolver(() => Float, {
    description:
      "Grouping the per-email counts for this answer's groups fields (summed over them); 0 without groups.",
  })
  // Typed `object` so type-graphql hands over the report itself, not a converted copy: the
  // time is kept per report object.
  groupMs(@Root() report: object): Promise<number> {
    return this.grouping.groupMs(report);
  }
}
