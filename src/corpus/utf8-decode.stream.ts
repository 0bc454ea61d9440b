import { StringDecoder } from "node:string_decoder";
import { Transform, type TransformCallback } from "node:stream";
import { CsvLoadError } from "./load-error";
import { Utf8Validator } from "./utf8-validator";

/**
 * Bytes in, validated text out. Invalid UTF-8 stops the stream with an error naming
 * the physical line, instead of the silent U+FFFD a plain decoder would insert (which
 * would change the counts). Also drops a leading byte-order mark.
 */
export class Utf8DecodeStream extends Transform {
  private readonly validator = new Utf8Validator();
  private readonly decoder = new StringDecoder("utf8");
  private newlinesBefore = 0;
  private first = true;
  bytesRead = 0;

  constructor(private readonly file: string) {
    super({ decodeStrings: true, readableObjectMode: false, encoding: "utf8" });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const bad = this.validator.push(chunk);
    if (bad >= 0) return done(this.invalid(chunk, bad, ""));
    this.bytesRead += chunk.length;
    this.newlinesBefore += countNewlines(chunk, chunk.length);
    let text = this.decoder.write(chunk);
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    done(null, text);
  }

  override _flush(done: TransformCallback): void {
    const bad = this.validator.end();
    if (bad >= 0)
      return done(
        this.invalid(Buffer.alloc(0), bad, " (a character is cut off at the end of the file)"),
      );
    done(null, this.decoder.end());
  }

  private invalid(chunk: Buffer, offset: number, note: string): CsvLoadError {
    const within = offset - this.bytesRead;
    const line = this.newlinesBefore + (within > 0 ? countNewlines(chunk, within) : 0) + 1;
    return new CsvLoadError(this.file, line, `invalid UTF-8 at byte ${offset}${note}`);
  }
}

function countNewlines(buf: Buffer, end: number): number {
  let n = 0;
  let i = buf.indexOf(0x0a);
  while (i !== -1 && i < end) {
    n++;
    i = buf.indexOf(0x0a, i + 1);
  }
  return n;
}
