import { Args, FieldResolver, Float, Resolver, Root, type ClassType } from "type-graphql";
import type { Connection } from "../../graphql/connection";
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

/** What an answer type that carries per-email counts gives its `groups` field. */
interface CountedAnswer {
  result: StatsResult;
  execution: ExecutionReportType;
}

/**
 * The `groups` field of an answer type: its emails grouped from the answer's own per-email
 * counts (never counted again), one page at a time. Only the root, arguments, connection and
 * the grouping itself differ between answer types.
 */
function groupsResolver<R extends CountedAnswer, A extends GroupsArgs, N>(spec: {
  root: ClassType<R>;
  args: ClassType<A>;
  connection: ClassType<Connection<N>>;
  description: string;
  group: (grouping: GroupingService, source: CountsSource, answer: R, args: A) => N[];
}) {
  @Resolver(() => spec.root)
  class GroupsResolver {
    constructor(private readonly grouping: GroupingService) {}

    @FieldResolver(() => spec.connection, { description: spec.description })
    groups(@Root() answer: R, @Args(() => spec.args) args: A): Connection<N> {
      const nodes = spec.group(this.grouping, countsOf(answer.result), answer, args);
      return pageGroups(nodes, args.first, args.after);
    }
  }
  return GroupsResolver;
}

export const CapitalGroupsResolver = groupsResolver({
  root: CapitalLetterStats,
  args: GroupsArgs,
  connection: StatsGroupConnection,
  description:
    "The same emails grouped by `by`, from the per-email counts of this answer (never counted again).",
  group: (grouping, source, stats, args) => grouping.capitalGroups(source, args, stats.execution),
});

export const TextGroupsResolver = groupsResolver({
  root: TextStats,
  args: MetricGroupsArgs,
  connection: MetricsGroupConnection,
  description: "The same emails grouped by `by`, with a summary of every metric per group.",
  group: (grouping, source, stats, args) =>
    grouping.metricGroups(source, stats.metrics, args, stats.execution),
});

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
