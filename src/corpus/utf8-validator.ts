import { isUtf8 } from "node:buffer";

/** Length of a UTF-8 sequence from its lead byte, or 0 for a byte that cannot lead. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Offset of the first byte of the first invalid sequence in buf, or -1. Slow path only. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const len = sequenceLength(buf[i]);
    if (len === 0 || i + len > buf.length || !isUtf8(buf.subarray(i, i + len))) return i;
    i += len;
  }
  return -1;
}

/**
 * Streaming UTF-8 check. Chunks can split a multi-byte character, so the incomplete
 * tail of each chunk is carried into the next. The common case is one native
 * (SIMD) isUtf8 call per chunk; the byte scan runs only to locate an error.
 */
export class Utf8Validator {
  private carry: Buffer = Buffer.alloc(0);
  private consumed = 0;

  /** Returns the absolute byte offset of an invalid sequence, or -1. */
  push(chunk: Buffer): number {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const base = this.consumed - this.carry.length;
    const cut = completePrefixLength(buf);
    const body = buf.subarray(0, cut);
    if (!isUtf8(body)) return base + firstInvalidUtf8(body);
    this.carry = Buffer.from(buf.subarray(cut));
    this.consumed += chunk.length;
    return -1;
  }

  /** At end of input a carried partial character is itself invalid. */
  end(): number {
    return this.carry.length > 0 ? this.consumed - this.carry.length : -1;
  }
}

/** Length of buf without a trailing, possibly incomplete, multi-byte sequence. */
function completePrefixLength(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back];
    if ((b & 0xc0) === 0x80) continue;
    const len = sequenceLength(b);
    return len > back ? n - back : n;
  }
  return n;
}
