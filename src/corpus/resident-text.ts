import { CorpusMemoryLimitError, createCorpusMemory, MAX_CORPUS_BYTES } from "../engine";
import type { ResidentText } from "./resident-corpus";

/** Room for the resident text, and the WebAssembly memory it lies in when it fits one. */
export interface ResidentTextMemory extends ResidentText {
  /** A corpus memory: every thread's SIMD kernel counts the text in place. */
  memory: WebAssembly.Memory | null;
  /** Why memory is null: the limit the corpus is past. */
  memoryUnavailable: string | null;
}

/**
 * A corpus memory for totalBytes of text, or, for a corpus past its limit (4 GiB less the
 * kernel's tables and scratch; maxMemoryBytes lowers it), a plain SharedArrayBuffer: the
 * kernels then copy the text per call, as they do for text read from SQLite.
 */
export function allocateResidentText(
  totalBytes: number,
  maxMemoryBytes = MAX_CORPUS_BYTES,
): ResidentTextMemory {
  try {
    const { memory, buffer, base } = createCorpusMemory(totalBytes, maxMemoryBytes);
    return { bytes: buffer, base, memory, memoryUnavailable: null };
  } catch (err) {
    if (!(err instanceof CorpusMemoryLimitError)) throw err;
    const bytes = new SharedArrayBuffer(Math.max(totalBytes, 1));
    return { bytes, base: 0, memory: null, memoryUnavailable: err.message };
  }
}
