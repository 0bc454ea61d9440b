/**
 * True when bytes[i] continues a multi-byte UTF-8 sequence (10xxxxxx), so a cut before it
 * would split a code point. The position just past the end is a boundary.
 */
export function isContinuationByte(bytes: Uint8Array, i: number): boolean {
  return i < bytes.length && (bytes[i] & 0xc0) === 0x80;
}
