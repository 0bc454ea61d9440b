import { CodePointClasses } from "./unicode-tables";

/**
 * Class bits of the multi-byte code point whose lead byte b sits at bytes[i]. The input is
 * valid UTF-8 (checked by the loader), so the lead byte alone gives the length.
 */
export function classOfLead(
  bytes: Uint8Array,
  i: number,
  b: number,
  classes: CodePointClasses,
): number {
  if (b < 0xe0) return classes.bmp[((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f)];
  if (b < 0xf0) {
    return classes.bmp[((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f)];
  }
  return classes.classOf(
    ((b & 0x07) << 18) |
      ((bytes[i + 1] & 0x3f) << 12) |
      ((bytes[i + 2] & 0x3f) << 6) |
      (bytes[i + 3] & 0x3f),
  );
}
