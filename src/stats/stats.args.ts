import { ArgsType, Field, Int } from "type-graphql";
import { EmailFilter } from "../emails/email-filter.input";
import { ExecutionStrategy } from "../engine";
import { LIMITS } from "../graphql/limits";
import { ChunkSizeField, validateCountOptions, WorkersField } from "../graphql/count-options";
import type { Validatable } from "../graphql/validate";

/** What to count and how finely to split it; shared by every stats query, compareStrategies included. */
@ArgsType()
export class CountArgs implements Validatable {
  @WorkersField("this query")
  workers?: number | null;

  @ChunkSizeField("; 1 is Pool.map one item at a time. Default: chunks balanced by bytes.")
  chunkSize?: number | null;

  @Field(() => EmailFilter, { nullable: true })
  filter?: EmailFilter | null;

  validate(): void {
    validateCountOptions(this);
  }
}

/** One count under one strategy, maybe from the cache: capitalLetterStats and textStats. */
@ArgsType()
export class ExecutionArgs extends CountArgs {
  @Field(() => ExecutionStrategy, { defaultValue: ExecutionStrategy.AUTO })
  strategy: ExecutionStrategy = ExecutionStrategy.AUTO;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Recompute from the text instead of the cache.",
  })
  fresh: boolean = false;
}

/** A page of a computed result's per-email values (`perEmail`); `first` is checked when paging. */
@ArgsType()
export class PerEmailArgs {
  // Declared after-first so the SDL keeps the order the former @Arg parameters printed in.
  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { defaultValue: LIMITS.perEmailFirst.default })
  first: number = LIMITS.perEmailFirst.default;
}
