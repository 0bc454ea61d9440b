import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLSafeInt } from "graphql-scalars";
import { BadUserInputError } from "../errors/client-errors";
import { LIMITS } from "../graphql/limits";
import { checkRange, type Validatable } from "../graphql/validate";
import { IoVia } from "./io.service";

registerEnumType(IoVia, {
  name: "IoVia",
  description: "Where concurrent file readers run.",
  valuesConfig: {
    THREADPOOL: {
      description:
        "fs.promises reads on libuv's threadpool (UV_THREADPOOL_SIZE threads, 4 by default).",
    },
    WORKER_THREADS: { description: "One worker thread per reader, each making blocking reads." },
  },
});

const { ioReaders, ioRepetitions } = LIMITS;
// type-graphql compares a list default with its property initializer by identity.
const DEFAULT_READERS = [2, 4];
const DEFAULT_VIA = [IoVia.THREADPOOL, IoVia.WORKER_THREADS];

@ArgsType()
export class IoArgs implements Validatable {
  @Field(() => [Int], {
    defaultValue: DEFAULT_READERS,
    description: `Concurrent reader counts to compare with one reader (each ${ioReaders.min} to ${ioReaders.max}, at most ${ioReaders.maxEntries} of them); the one-reader run always comes first.`,
  })
  readers: number[] = DEFAULT_READERS;

  @Field(() => Int, {
    defaultValue: ioRepetitions.default,
    description: `Reads of the whole file per run (${ioRepetitions.min} to ${ioRepetitions.max}), shared out among the run's readers.`,
  })
  repetitions: number = ioRepetitions.default;

  @Field(() => [IoVia], { defaultValue: DEFAULT_VIA })
  via: IoVia[] = DEFAULT_VIA;

  validate(): void {
    checkRange("repetitions", this.repetitions, ioRepetitions);
    if (this.readers.length > ioReaders.maxEntries) {
      throw new BadUserInputError(
        `readers lists at most ${ioReaders.maxEntries} reader counts (got ${this.readers.length})`,
        { argument: "readers" },
      );
    }
    for (const r of this.readers) {
      checkRange("readers", r, ioReaders);
      if (r > this.repetitions) {
        throw new BadUserInputError(
          `readers (${r}) must not exceed repetitions (${this.repetitions}): a reader with no read to do would idle`,
          { argument: "readers" },
        );
      }
    }
    if (this.via.length === 0) {
      throw new BadUserInputError("via must name at least one IoVia", { argument: "via" });
    }
  }
}

@ObjectType("IoRun", {
  description: "One run: the file read `reads` times, by `readers` readers at once.",
})
export class IoRunType {
  @Field(() => IoVia) via!: IoVia;
  @Field(() => Int) readers!: number;
  @Field(() => [Int], { description: "Reads done by each reader." })
  reads!: number[];
  @Field(() => GraphQLSafeInt, {
    description: "fileBytes times the run's reads, when nothing failed.",
  })
  bytesRead!: number;
  @Field(() => Float) wallMs!: number;
  @Field(() => Float) megabytesPerSecond!: number;
  @Field(() => Float, { description: "The one-reader run's wall time (same via) over this run's." })
  speedup!: number;
}

@ObjectType("IoComparison", {
  description:
    "Reading the corpus file one reader at a time, then with concurrent readers: the lesson's I/O-bound half.",
})
export class IoComparisonType {
  @Field(() => String, { description: "Name of the file read (the corpus database)." })
  file!: string;
  @Field(() => GraphQLSafeInt, { description: "Bytes read per read of the file." })
  fileBytes!: number;
  @Field(() => Int) repetitions!: number;
  @Field(() => Int, { description: "libuv threadpool threads: the most THREADPOOL reads at once." })
  threadpoolSize!: number;
  @Field(() => [IoRunType]) runs!: IoRunType[];
}
