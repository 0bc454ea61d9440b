import "reflect-metadata";
import { buildSchema, type ContainerType } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { EmailResolver } from "../emails/email.resolver";
import { StatsResolver } from "../stats/stats.resolver";
import { TextStatsResolver } from "../stats/text-stats.resolver";
import { ComparisonResolver } from "../stats/comparison.resolver";
import { validateArgument } from "./validate";

/** Builds the schema; resolvers are taken from `container`, which createApp fills. */
export async function buildAppSchema(container: ContainerType): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [EmailResolver, StatsResolver, TextStatsResolver, ComparisonResolver],
    container,
    validateFn: (argValue) => validateArgument(argValue),
    emitSchemaFile: false,
  });
}
