import { Args, Resolver } from "type-graphql";
import { HeavyQuery } from "../graphql/heavy-query";
import { IoArgs, IoComparisonType } from "./io.types";
import { IoService } from "./io.service";

@Resolver()
export class IoResolver {
  constructor(private readonly io: IoService) {}

  @HeavyQuery(
    () => IoComparisonType,
    "Reads the corpus file `repetitions` times with one reader, then shares the same reads among concurrent readers, and reports each run's speed-up. Heavy: it takes a heavy-query slot.",
  )
  compareIo(@Args(() => IoArgs) args: IoArgs): Promise<IoComparisonType> {
    return this.io.compare(args);
  }
}
