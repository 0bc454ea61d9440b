import { Field, Float, Int, ObjectType } from "type-graphql";
import { registerDescribedEnum } from "../graphql/described-enum";
import { MsField } from "../graphql/measure-fields";

/** GraphQL mirror of LockMode; the values are the manager's own strings. */
export enum LockModeValue {
  SHARED = "shared",
  EXCLUSIVE = "exclusive",
}

registerDescribedEnum(
  LockModeValue,
  "LockMode",
  "SHARED holders may overlap; an EXCLUSIVE holder is alone.",
);

/** A field of a held lock: null while the lock is free. */
function WhileHeld(
  type: NonNullable<Parameters<typeof Field>[0]>,
  what?: string,
): PropertyDecorator {
  const description = what ? `${what}; null when free.` : "Null when free.";
  return Field(type, { nullable: true, description });
}

@ObjectType({ description: "A request queued for a lock, in grant order." })
export class LockWaiter {
  @Field(() => String, { description: "Run, request or task id." })
  holder!: string;
  @Field(() => LockModeValue) mode!: LockModeValue;
  @MsField("Time spent in the queue so far.") waitedMs!: number;
}

@ObjectType({
  description:
    "State of one named lock: who holds it and who waits, in the global order (rank, then name). What to look at when something seems stuck.",
})
export class LockInfo {
  @Field(() => String) name!: string;
  @Field(() => Int, { description: "Position in the global acquisition order." })
  rank!: number;
  @WhileHeld(() => LockModeValue) mode!: LockModeValue | null;
  @WhileHeld(() => String, "First holder (a run or request id)") holder!: string | null;
  @Field(() => [String], { description: "Every holder; several when held SHARED." })
  holders!: string[];
  @Field(() => [String], { description: "Holders queued for the lock, in grant order." })
  waiting!: string[];
  @Field(() => [LockWaiter]) waiters!: LockWaiter[];
  @WhileHeld(() => Float, "Time since the lock went from free to held") heldForMs!: number | null;
}
