/**
 * Lane order inside a word read through an Int32Array. Counting bytes is order-free, but the
 * word-boundary arithmetic shifts lanes towards the next byte in memory, which is only right
 * on little-endian hosts; big-endian ones (s390x) take the byte-at-a-time path instead.
 */
export const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** An aligned Int32 view of the memory under bytes: words[w] covers bytes[lead + 4w, +4). */
export interface AlignedWords {
  words: Int32Array;
  lead: number;
}

/**
 * Int32Array views need a 4-aligned byte offset, while bytes may start anywhere in its buffer
 * (a Buffer from Node's pool, a SharedArrayBuffer slice); lead skips to the first aligned byte.
 */
export function alignedWords(bytes: Uint8Array): AlignedWords {
  const lead = (4 - (bytes.byteOffset & 3)) & 3;
  const n = bytes.length > lead ? (bytes.length - lead) >>> 2 : 0;
  const words =
    n > 0 ? new Int32Array(bytes.buffer, bytes.byteOffset + lead, n) : new Int32Array(0);
  return { words, lead };
}
