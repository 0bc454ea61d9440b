import { createHash } from "node:crypto";
import { columnsOf, MetricMatrix } from "../../../metrics/metric-matrix";
import { packRanges } from "../pool/ipc-packing";

/**
 * A staged chunk, as stored in Redis: "CSC1", the segment count (u32 LE), each segment's
 * byte length (u32 LE), then the segments' UTF-8 bytes end to end. Its key is the SHA-256 of
 * these bytes, so equal text is staged once whatever query or version asks for it, and a
 * worker can verify what it downloaded.
 */
const MAGIC = 0x31435343; // "CSC1" read as u32 LE

export interface EncodedChunk {
  blob: Buffer;
  digest: string;
  segments: number;
}

export interface DecodedChunk {
  /** Shared, so the worker's threads count it without a copy. */
  bytes: SharedArrayBuffer;
  starts: Float64Array;
  ends: Float64Array;
}

/** Packs [starts[i], ends[i]) of `source` into a chunk blob. */
export function encodeChunk(
  source: Uint8Array,
  starts: Float64Array,
  ends: Float64Array,
): EncodedChunk {
  const n = starts.length;
  const header = 8 + 4 * n;
  const packed = packRanges(source, starts, ends, header);
  const blob = Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset, packed.bytes.byteLength);
  blob.writeUInt32LE(MAGIC, 0);
  blob.writeUInt32LE(n, 4);
  for (let i = 0; i < n; i++) blob.writeUInt32LE(packed.ends[i] - packed.starts[i], 8 + 4 * i);
  return { blob, digest: digestOf(blob), segments: n };
}

export function digestOf(blob: Uint8Array): string {
  return createHash("sha256").update(blob).digest("hex");
}

/** Parses a chunk blob, refusing anything that is not exactly one. */
export function decodeChunk(blob: Buffer): DecodedChunk {
  if (blob.length < 8 || blob.readUInt32LE(0) !== MAGIC) {
    throw new TypeError(`not a Capstats chunk (${blob.length} bytes, bad header)`);
  }
  const n = blob.readUInt32LE(4);
  const header = 8 + 4 * n;
  if (header > blob.length) throw new RangeError(`chunk header names ${n} segments, too many`);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = at;
    at += blob.readUInt32LE(8 + 4 * i);
    ends[i] = at;
  }
  if (header + at !== blob.length) {
    throw new RangeError(
      `chunk segments add up to ${at} bytes, the blob holds ${blob.length - header}`,
    );
  }
  const bytes = new SharedArrayBuffer(at);
  new Uint8Array(bytes).set(blob.subarray(header));
  return { bytes, starts, ends };
}

/**
 * A job's result: "CSR2", the metric mask (u32 LE), then only the mask's columns of the
 * kernel's counts (f64 LE, segments x columns, row-major, METRICS order), then its edge flags.
 * With all seven columns a 10x query moved 4.4 MB through Redis where the flagship asks for 2.
 * The header makes a worker of another version fail the job by name, not count it wrong.
 */
const RESULT_MAGIC = 0x32525343; // "CSR2" read as u32 LE
const RESULT_HEADER = 8;

export function encodeResult(counts: Float64Array, edges: Uint8Array, mask: number): Buffer {
  const packed = new MetricMatrix(counts).packColumns(mask);
  const out = Buffer.allocUnsafe(RESULT_HEADER + packed.byteLength + edges.byteLength);
  out.writeUInt32LE(RESULT_MAGIC, 0);
  out.writeUInt32LE(mask, 4);
  Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).copy(out, RESULT_HEADER);
  Buffer.from(edges.buffer, edges.byteOffset, edges.byteLength).copy(
    out,
    RESULT_HEADER + packed.byteLength,
  );
  return out;
}

/** The counts as sent, holding the mask's columns (MetricMatrix's packed layout), and the edge flags. */
export function decodeResult(
  buf: Buffer,
  segments: number,
  mask: number,
): { counts: Float64Array; edges: Uint8Array; holds: number } {
  if (buf.length < RESULT_HEADER || buf.readUInt32LE(0) !== RESULT_MAGIC) {
    throw new TypeError(
      `not a Capstats job result (${buf.length} bytes, bad header): is a worker of another version running?`,
    );
  }
  if (buf.readUInt32LE(4) !== mask) {
    throw new RangeError(`a job result holds metric mask ${buf.readUInt32LE(4)}, not ${mask}`);
  }
  const countBytes = segments * columnsOf(mask).length * 8;
  const expected = RESULT_HEADER + countBytes + segments;
  if (buf.length !== expected) {
    throw new RangeError(
      `a result for ${segments} segments has ${expected} bytes, got ${buf.length}`,
    );
  }
  // Copies: a Buffer from the socket may sit at an offset a Float64Array cannot start at.
  const counts = new Float64Array(countBytes / 8);
  new Uint8Array(counts.buffer).set(buf.subarray(RESULT_HEADER, RESULT_HEADER + countBytes));
  const edges = Uint8Array.from(buf.subarray(RESULT_HEADER + countBytes));
  return { counts, edges, holds: mask };
}
