import { Field, Int } from "type-graphql";
import { LIMITS } from "./limits";
import { checkRange, type Validatable } from "./validate";

/**
 * The `workers` and `chunkSize` knobs that stats queries (CountArgs) and analysis runs
 * (StartAnalysisInput) both pass to the engine. Only their descriptions differ, so each
 * field takes the words that differ.
 */
export function WorkersField(who: string): PropertyDecorator {
  return Field(() => Int, {
    nullable: true,
    description: `Most workers ${who} keeps busy at once (${LIMITS.workers.min} to the pool's maximum). Default: one per core.`,
  });
}

/** `rest` finishes the description after the range: what the default is. */
export function ChunkSizeField(rest: string): PropertyDecorator {
  return Field(() => Int, {
    nullable: true,
    description: `Emails per task (${LIMITS.chunkSize.min} to ${LIMITS.chunkSize.max})${rest}`,
  });
}

export interface CountOptions {
  workers?: number | null;
  chunkSize?: number | null;
  filter?: Validatable | null;
}

/** Checks workers, chunkSize and the filter; `prefix` is how errors name the arguments' parent. */
export function validateCountOptions(options: CountOptions, prefix = ""): void {
  checkRange(`${prefix}workers`, options.workers, LIMITS.workers);
  checkRange(`${prefix}chunkSize`, options.chunkSize, LIMITS.chunkSize);
  options.filter?.validate();
}
