import { randomFillSync } from "node:crypto";
import { RECORD_WORDS } from "./simd-records";
import { MAX_PAGES, memoryOf, OVERREAD, PAGE_BYTES, TABLES_END } from "./simd-instance";

/**
 * A corpus memory: a shared WebAssembly.Memory that holds the resident corpus, so that every
 * worker thread's SIMD instance imports it and counts the bytes where they lie. Layout:
 *
 *   [0, TABLES_END)       the class table and constants, written by every instance alike;
 *   [HEADER_AT, SLOTS_AT) header: a magic word, a random 96-bit stamp (which memory this is,
 *                         whatever wrapper a thread received it through), the corpus's place
 *                         and size, and one lock word per scratch slot;
 *   [SLOTS_AT, corpusAt)  SLOTS scratch slots of records: the instances share the memory, so a
 *                         call claims a free slot (a compare-and-swap) and frees it after;
 *   [corpusAt, +bytes)    the corpus, then OVERREAD bytes the kernels may read but never count.
 *
 * Sized exactly at load and never grown: a reload builds a new memory for the new version.
 */
export const SLOTS = 32;
/** Segments per kernel call in a slot: 40 KiB of records. */
export const SLOT_RECORDS = 1024;
const SLOT_BYTES = SLOT_RECORDS * RECORD_WORDS * 4;
const MAGIC = 0x43505331; // "CPS1"
const HEADER_AT = TABLES_END;
const STAMP_WORDS = 4; // magic + 3 random words
const CORPUS_AT_WORD = 4;
const CORPUS_BYTES_WORD = 5;
const LOCKS_WORD = 8;
const SLOTS_AT = align(HEADER_AT + (LOCKS_WORD + SLOTS) * 4);
/** Where the corpus starts in every corpus memory. */
export const CORPUS_AT = align(SLOTS_AT + SLOTS * SLOT_BYTES + OVERREAD);
/** Most corpus bytes one corpus memory holds: wasm32's 4 GiB less the layout above. */
export const MAX_CORPUS_BYTES = MAX_PAGES * PAGE_BYTES - CORPUS_AT - OVERREAD;

function align(at: number): number {
  return Math.ceil(at / 64) * 64;
}

/** The corpus does not fit one WebAssembly memory; the caller keeps a plain SharedArrayBuffer. */
export class CorpusMemoryLimitError extends RangeError {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    const pages = Math.floor((maxBytes + CORPUS_AT + OVERREAD) / PAGE_BYTES);
    super(
      `a corpus of ${bytes} bytes does not fit a WebAssembly memory: at most ${maxBytes} bytes ` +
        `(${pages} pages of 64 KiB, less ${CORPUS_AT + OVERREAD} bytes of kernel tables and ` +
        `scratch); it is kept in a SharedArrayBuffer and the SIMD kernel copies it per call`,
    );
    this.name = "CorpusMemoryLimitError";
  }
}

export interface CorpusMemory {
  memory: WebAssembly.Memory;
  /** memory.buffer: what tasks and the JS kernel index. */
  buffer: SharedArrayBuffer;
  /** The corpus's first byte in buffer. */
  base: number;
}

/**
 * A new corpus memory for `bytes` bytes of corpus, to be filled at [base, base + bytes).
 * maxBytes lowers the limit (tests); it cannot raise it past MAX_CORPUS_BYTES.
 */
export function createCorpusMemory(bytes: number, maxBytes = MAX_CORPUS_BYTES): CorpusMemory {
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new RangeError(`corpus bytes must be a natural number, got ${bytes}`);
  }
  const limit = Math.min(maxBytes, MAX_CORPUS_BYTES);
  if (bytes > limit) throw new CorpusMemoryLimitError(bytes, limit);
  const memory = memoryOf(CORPUS_AT + bytes + OVERREAD, true);
  const buffer = memory.buffer as unknown as SharedArrayBuffer;
  const header = new Int32Array(buffer, HEADER_AT, LOCKS_WORD);
  randomFillSync(header.subarray(1, STAMP_WORDS));
  header[CORPUS_AT_WORD] = CORPUS_AT;
  header[CORPUS_BYTES_WORD] = bytes; // as uint32: MAX_CORPUS_BYTES < 2^32
  header[0] = MAGIC;
  return { memory, buffer, base: CORPUS_AT };
}

/** What the header of a corpus memory's buffer says, or null when it is not one. */
export interface CorpusLayout {
  /** Identifies the memory across the wrappers each thread receives it through. */
  stamp: string;
  corpusAt: number;
  corpusBytes: number;
}

export function corpusLayoutOf(buffer: ArrayBufferLike): CorpusLayout | null {
  if (!(buffer instanceof SharedArrayBuffer) || buffer.byteLength < CORPUS_AT + OVERREAD) {
    return null;
  }
  const header = new Uint32Array(buffer, HEADER_AT, LOCKS_WORD);
  if (header[0] !== MAGIC) return null;
  const corpusAt = header[CORPUS_AT_WORD];
  const corpusBytes = header[CORPUS_BYTES_WORD];
  if (corpusAt + corpusBytes + OVERREAD > buffer.byteLength) return null;
  return { stamp: `${header[1]}.${header[2]}.${header[3]}`, corpusAt, corpusBytes };
}

/** The lock words of the scratch slots: 0 free, 1 taken. */
export function slotLocks(buffer: SharedArrayBuffer): Int32Array {
  return new Int32Array(buffer, HEADER_AT + LOCKS_WORD * 4, SLOTS);
}

/** A free slot, claimed, trying `from` first; -1 when every slot is taken. */
export function claimSlot(locks: Int32Array, from: number): number {
  for (let k = 0; k < SLOTS; k++) {
    const slot = (from + k) % SLOTS;
    if (Atomics.compareExchange(locks, slot, 0, 1) === 0) return slot;
  }
  return -1;
}

export function releaseSlot(locks: Int32Array, slot: number): void {
  Atomics.store(locks, slot, 0);
}

/** Byte address of a slot's records. */
export function slotAt(slot: number): number {
  return SLOTS_AT + slot * SLOT_BYTES;
}
