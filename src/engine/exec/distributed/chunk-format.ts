import { createHash } from "node:crypto";
import { METRIC_COUNT } from "../../../metrics/metrics";
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

/** A job's result: the kernel's counts (f64 LE, segments x METRIC_COUNT) then its edge flags. */
export function encodeResult(counts: Float64Array, edges: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(counts.byteLength + edges.byteLength);
  Buffer.from(counts.buffer, counts.byteOffset, counts.byteLength).copy(out, 0);
  Buffer.from(edges.buffer, edges.byteOffset, edges.byteLength).copy(out, counts.byteLength);
  return out;
}

export function decodeResult(
  buf: Buffer,
  segments: number,
): { counts: Float64Array; edges: Uint8Array } {
  const countBytes = segments * METRIC_COUNT * 8;
  if (buf.length !== countBytes + segments) {
    throw new RangeError(
      `a result for ${segments} segments has ${countBytes + segments} bytes, got ${buf.length}`,
    );
  }
  // Copies: a Buffer from the socket may sit at an offset a Float64Array cannot start at.
  const counts = new Float64Array(segments * METRIC_COUNT);
  new Uint8Array(counts.buffer).set(buf.subarray(0, countBytes));
  const edges = Uint8Array.from(buf.subarray(countBytes));
  return { counts, edges };
}
