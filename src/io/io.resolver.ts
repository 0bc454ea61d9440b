import { Args, Query, Resolver } from "type-graphql";
import { HEAVY_FIELD_COMPLEXITY } from "../graphql/complexity";
import { IoArgs, IoComparisonType } from "./io.types";
import { IoService } from "./io.service";

@Resolver()
export class IoResolver {
  constructor(private readonly io: IoService) {}

  @Query(() => IoComparisonType, {
    complexity: HEAVY_FIELD_COMPLEXITY,
    description:
      "Reads the corpus file `repetitions` times with one reader, then shares the same reads among concurrent readers, and reports each run's speed-up. Heavy: it takes a heavy-query slot.",
  })
  compareIo(@Args(() => IoArgs) args: IoArgs): Promise<IoComparisonType> {
    return this.io.compare(args);
  }
}
