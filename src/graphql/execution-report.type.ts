import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { ExecutionStrategy } from "../engine";

registerEnumType(ExecutionStrategy, {
  name: "ExecutionStrategy",
  description: "Where a query's counting runs.",
  valuesConfig: {
    AUTO: { description: "Chosen from the size of the work; see execution.reason." },
    SEQUENTIAL: {
      description:
        "Main thread, time-sliced. A large slice blocks the event loop for its duration.",
    },
    THREADS: { description: "Pool of worker_threads reading the shared resident corpus." },
    PROCESSES: {
      description: "Pool of child processes; no shared memory, each reads SQLite itself.",
    },
  },
});

@ObjectType({ description: "Work done by one worker for one query." })
export class WorkerUsageType {
  @Field(() => String, { description: '"main", "thread:<threadId>" or "process:<pid>".' })
  worker!: string;
  @Field(() => Int) tasks!: number;
  @Field(() => Float) busyMs!: number;
}

@ObjectType("ExecutionReport", {
  description: "What the chosen execution actually cost. Times are measured, in ms.",
})
export class ExecutionReportType {
  @Field(() => ExecutionStrategy) requestedStrategy!: ExecutionStrategy;
  @Field(() => ExecutionStrategy, { description: "The strategy that actually ran." })
  strategy!: ExecutionStrategy;
  @Field(() => String, { description: "Why this strategy and granularity." })
  reason!: string;
  @Field(() => Int, { description: "Workers this query could keep busy at once." })
  workers!: number;
  @Field(() => Int) tasks!: number;
  @Field(() => Int, {
    nullable: true,
    description: "Emails per task; null when chunks were balanced by bytes.",
  })
  chunkSize!: number | null;
  @Field(() => String, {
    description: '"resident" (shared memory) or "sqlite" (workers read the database).',
  })
  dataPath!: string;
  @Field(() => Int) corpusVersion!: number;
  @Field(() => Int) emails!: number;
  @Field(() => Float) bytes!: number;
  @Field(() => Float, { description: "End to end inside the engine." })
  wallMs!: number;
  @Field(() => Float, { description: "Waiting for a heavy-query slot." })
  queueMs!: number;
  @Field(() => Float, { description: "Selecting emails and planning chunks." })
  planMs!: number;
  @Field(() => Float, {
    description: "Round trips minus work: message passing, pool queueing, wake-ups.",
  })
  dispatchMs!: number;
  @Field(() => Float, { description: "Reading text (resident load, worker SQLite reads)." })
  readMs!: number;
  @Field(() => Float, { description: "Kernel time summed over workers." })
  computeMs!: number;
  @Field(() => Float, { description: "Folding task results into per-email values." })
  mergeMs!: number;
  @Field(() => [WorkerUsageType]) perWorker!: WorkerUsageType[];
  @Field(() => Boolean, {
    description: "Served from the result cache; times are those of the original run.",
  })
  cached!: boolean;
}
