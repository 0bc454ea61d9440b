import "reflect-metadata";
import { buildSchema, type ContainerType, type PubSub } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { EmailResolver } from "../emails/email.resolver";
import { StatsResolver } from "../stats/stats.resolver";
import { TextStatsResolver } from "../stats/text-stats.resolver";
import { ComparisonResolver } from "../stats/comparison.resolver";
import { validateArgument } from "./validate";
import { AnalysisResolver } from "../analyses/analysis.resolver";
import { LocksResolver } from "../locks/locks.resolver";
import {
  CapitalGroupsResolver,
  GroupMsResolver,
  TextGroupsResolver,
} from "../stats/grouping/groups.resolver";
import { RunGroupsResolver } from "../stats/grouping/run-groups.resolver";
import { EmailPeopleResolver, PersonsResolver } from "../persons/persons.resolver";
import { CorpusInfoResolver } from "../corpus/corpus-info.resolver";
import { IoResolver } from "../io/io.resolver";

/** For printing the SDL: subscriptions need a PubSub to build, never to print. */
const PRINT_ONLY_PUBSUB: PubSub = {
  publish: () => {
    throw new Error("this schema was built without a PubSub (printing only)");
  },
  subscribe: () => {
    throw new Error("this schema was built without a PubSub (printing only)");
  },
};

/** Builds the schema; resolvers are taken from `container`, which createApp fills. */
export async function buildAppSchema(
  container: ContainerType,
  pubSub: PubSub = PRINT_ONLY_PUBSUB,
): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      EmailResolver,
      StatsResolver,
      TextStatsResolver,
      ComparisonResolver,
      AnalysisResolver,
      LocksResolver,
      CapitalGroupsResolver,
      TextGroupsResolver,
      GroupMsResolver,
      RunGroupsResolver,
      PersonsResolver,
      EmailPeopleResolver,
      CorpusInfoResolver,
      IoResolver,
    ],
    pubSub,
    container,
    validateFn: (argValue) => validateArgument(argValue),
    emitSchemaFile: false,
  });
}
