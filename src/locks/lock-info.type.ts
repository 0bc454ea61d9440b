import { Field, Int, ObjectType } from "type-graphql";
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
  @Field(() => LockModeValue, { nullable: true, description: "Null when free." })
  mode!: LockModeValue | null;
  @Field(() => String, {
    nullable: true,
    description: "First holder (a run or request id); null when free.",
  })
  holder!: string | null;
  @Field(() => [String], { description: "Every holder; several when held SHARED." })
  holders!: string[];
  @Field(() => [String], { description: "Holders queued for the lock, in grant order." })
  waiting!: string[];
  @Field(() => [LockWaiter]) waiters!: LockWaiter[];
  @MsField("Time since the lock went from free to held; null when free.", { nullable: true })
  heldForMs!: number | null;
}
