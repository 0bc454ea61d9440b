import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { ExecutionStrategy, type KernelName } from "../engine";
import { BytesField, MsField } from "./measure-fields";

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
    DISTRIBUTED: {
      description:
        "BullMQ jobs on Redis, run by `npm run worker` processes on any host; needs REDIS_URL.",
    },
  },
});

/** The engine's KernelName values under GraphQL enum names. */
enum Kernel {
  JS = "js",
  WASM_SIMD = "wasm-simd",
}

registerEnumType(Kernel, {
  name: "KernelName",
  description: "Which counting kernel ran (configured by KERNEL).",
  valuesConfig: {
    JS: { description: "The JavaScript loops: the fallback, and the second oracle." },
    WASM_SIMD: {
      description:
        "WebAssembly 128-bit SIMD; counts the resident corpus in place in a shared memory.",
    },
  },
});

/** A phase added after reports were first stored: null in an analysis run recorded earlier. */
function PhaseMsField(description: string): PropertyDecorator {
  return MsField(description, { nullable: true });
}

@ObjectType({ description: "Work done by one worker for one query.", simpleResolvers: true })
export class WorkerUsageType {
  @Field(() => String, {
    description: '"main", "thread:<threadId>", "process:<pid>", or "<host>:<pid>" (DISTRIBUTED).',
  })
  worker!: string;
  @Field(() => Int) tasks!: number;
  @MsField() busyMs!: number;
}

@ObjectType("DistributedExecution", {
  description: "What a DISTRIBUTED query cost through Redis, measured on the API host.",
})
export class DistributedExecutionType {
  @Field(() => Int, { description: "BullMQ jobs, one per chunk." })
  jobs!: number;
  @MsField(
    "Summed over jobs: round trip on the API host minus the worker's own time (waiting in the queue, Redis round trips).",
  )
  queueWaitMs!: number;
  @MsField("Packing, hashing and uploading chunks to Redis.") stagingMs!: number;
  @BytesField("Chunk bytes uploaded to Redis by this query.") bytesStaged!: number;
  @BytesField("Chunk bytes workers downloaded (cache misses).") bytesFetched!: number;
  @BytesField("Result bytes workers sent back.") bytesReturned!: number;
  @BytesField("bytesStaged + bytesFetched + bytesReturned.") bytesTransferred!: number;
  @Field(() => Int, { description: "Jobs whose chunk was in the worker's local cache." })
  chunksCached!: number;
  @Field(() => Int, { description: "Jobs re-run after their worker stopped renewing its lock." })
  stalledJobs!: number;
}

@ObjectType("ExecutionReport", {
  description: "What the chosen execution actually cost. Times are measured, in ms.",
  simpleResolvers: true,
})
export class ExecutionReportType {
  @Field(() => ExecutionStrategy, { description: "What this query asked for." })
  requestedStrategy!: ExecutionStrategy;
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
  @Field(() => Kernel, {
    nullable: true,
    description: "The kernel that counted; null in an analysis run recorded before it was.",
  })
  kernel!: KernelName | null;
  @Field(() => Int) corpusVersion!: number;
  @Field(() => Int) emails!: number;
  @BytesField() bytes!: number;
  @MsField(
    "Wall time of the query, the sum of its phases: queueMs + otherMs + loadMs + planMs + executeMs + mergeMs.",
  )
  wallMs!: number;
  @MsField("Phase: waiting for a heavy-query slot.") queueMs!: number;
  @PhaseMsField(
    "Phase: the rest (the corpus lock, selecting emails by filter, bookkeeping). Null in reports recorded before it was measured.",
  )
  otherMs!: number | null;
  @PhaseMsField(
    "Phase: checking the corpus version and, when it moved, loading the corpus (on a worker thread). Null in reports recorded before it was measured.",
  )
  loadMs!: number | null;
  @MsField("Phase: selecting emails and planning chunks.") planMs!: number;
  @PhaseMsField(
    "Phase: from the first task handed to the executor to its last result. Null in reports recorded before it was measured.",
  )
  executeMs!: number | null;
  @MsField("Phase: folding task results into per-email values.") mergeMs!: number;
  @MsField(
    "Work inside executeMs, summed over tasks: round trips minus work (message passing, pool queueing, wake-ups).",
  )
  dispatchMs!: number;
  @MsField("Work inside executeMs, summed over workers: reading text from SQLite.") readMs!: number;
  @MsField("Work inside executeMs: kernel time summed over workers.") computeMs!: number;
  @Field(() => [WorkerUsageType]) perWorker!: WorkerUsageType[];
  @Field(() => DistributedExecutionType, {
    nullable: true,
    description: "Queue, staging and transfer; only for DISTRIBUTED.",
  })
  distributed!: DistributedExecutionType | null;
  @Field(() => Date, { description: "When these numbers were counted." })
  computedAt!: Date;
  @Field(() => Boolean, {
    description:
      "Served from the result cache: the numbers, strategy, workers and times are those of an earlier computation (cachedFrom, computedAt); requestedStrategy is what this query asked.",
  })
  cached!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      "On a cache hit, the request id (X-Request-Id) of the query whose computation is reused; null when counted for this query.",
  })
  cachedFrom!: string | null;
}
