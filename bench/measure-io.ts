import type { BenchPlan } from "./bench-plan";
import type { Log } from "./corpora";
import type { CorpusInfo } from "./results.types";
import type { IoRunResult, IoSection } from "./sections.types";
import type { BenchServer } from "./bench-server-control";

const IO_QUERY = `query($readers: [Int!], $repetitions: Int) {
  compareIo(readers: $readers, repetitions: $repetitions) {
    file fileBytes repetitions threadpoolSize
    runs { via readers reads bytesRead wallMs megabytesPerSecond speedup }
  }
}`;

interface IoAnswer {
  compareIo: Omit<IoSection, "corpus" | "bytesCheck" | "cpuBound"> & { runs: IoRunResult[] };
}

/**
 * The lesson's I/O-bound half, as the API serves it: compareIo on a server of this corpus.
 * Every run's byte count is checked against the file size times its reads.
 */
export async function measureIo(
  server: BenchServer,
  corpus: CorpusInfo,
  spec: BenchPlan["io"],
  log: Log,
): Promise<IoSection> {
  log(`io ${corpus.label}: compareIo, ${spec.repetitions} reads per run`);
  const { compareIo } = await server.gql<IoAnswer>(IO_QUERY, {
    readers: spec.readers,
    repetitions: spec.repetitions,
  });
  const bytesCheck = compareIo.runs.every(
    (r) => r.bytesRead === compareIo.fileBytes * r.reads.reduce((a, b) => a + b, 0),
  );
  if (!bytesCheck) log(`io ${corpus.label}: byte counts DISAGREE with the file size`);
  return { corpus: corpus.label, ...compareIo, bytesCheck, cpuBound: null };
}
