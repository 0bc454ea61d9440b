import type { ContainerType } from "type-graphql";
import type { Sqlite } from "../db/sqlite";
import type { Analyses } from "../analyses/analyses.factory";
import { CorpusInfoResolver } from "../corpus/corpus-info.resolver";
import { EmailResolver } from "../emails/email.resolver";
import type { EmailService } from "../emails/email.service";
import { IoResolver } from "../io/io.resolver";
import type { IoService } from "../io/io.service";
import type { LockManager } from "../locks/lock-manager";
import { LocksResolver } from "../locks/locks.resolver";
import type { PersonService } from "../persons/person.service";
import { EmailPeopleResolver, PersonsResolver } from "../persons/persons.resolver";
import { AnalysisResolver } from "../analyses/analysis.resolver";
import { ComparisonResolver } from "../stats/comparison.resolver";
import {
  CapitalGroupsResolver,
  GroupMsResolver,
  TextGroupsResolver,
} from "../stats/grouping/groups.resolver";
import type { GroupingService } from "../stats/grouping/grouping.service";
import { RunGroupsResolver } from "../stats/grouping/run-groups.resolver";
import { StatsResolver } from "../stats/stats.resolver";
import type { StatsService } from "../stats/stats.service";
import { TextStatsResolver } from "../stats/text-stats.resolver";

/** The services the resolvers are built from (createApp builds each once). */
export interface ResolverServices {
  db: Sqlite;
  emails: EmailService;
  stats: StatsService;
  analyses: Analyses;
  locks: LockManager;
  grouping: GroupingService;
  persons: PersonService;
  io: IoService;
}

/**
 * type-graphql's container: one instance of every resolver of schema.ts, built with its
 * dependencies passed in, so no resolver reaches for a module-level singleton.
 */
export function resolverContainer(s: ResolverServices): ContainerType {
  const instances = new Map<unknown, unknown>([
    [EmailResolver, new EmailResolver(s.emails)],
    [StatsResolver, new StatsResolver(s.stats)],
    [TextStatsResolver, new TextStatsResolver(s.stats)],
    [ComparisonResolver, new ComparisonResolver(s.stats)],
    [AnalysisResolver, s.analyses.resolver],
    [LocksResolver, new LocksResolver(s.locks)],
    [CapitalGroupsResolver, new CapitalGroupsResolver(s.grouping)],
    [TextGroupsResolver, new TextGroupsResolver(s.grouping)],
    [GroupMsResolver, new GroupMsResolver(s.grouping)],
    [RunGroupsResolver, new RunGroupsResolver(s.grouping, s.analyses.store)],
    [PersonsResolver, new PersonsResolver(s.persons)],
    [EmailPeopleResolver, new EmailPeopleResolver(s.persons)],
    [CorpusInfoResolver, new CorpusInfoResolver(s.db)],
    [IoResolver, new IoResolver(s.io)],
  ]);
  return {
    get: (cls) => {
      const instance = instances.get(cls);
      if (!instance)
        throw new Error(`no instance registered for ${String((cls as { name?: string }).name)}`);
      return instance;
    },
  };
}
