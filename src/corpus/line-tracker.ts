/**
 * Maps absolute byte offsets of a stream to 1-based physical line numbers, counting
 * every "\n" (so "\r\n" is one line break and a quoted multi-line field spans
 * several lines, as an editor shows them). Offsets must be queried in increasing
 * order; chunks before the last query are dropped, so memory stays bounded.
 */
export class LineTracker {
  private readonly chunks: Buffer[] = [];
  private chunkStart = 0; // absolute offset of chunks[0]
  private position = 0; // absolute offset up to which newlines are counted
  private newlines = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  /** Line number of the byte at absolute offset `offset`. */
  lineAt(offset: number): number {
    while (this.position < offset && this.chunks.length > 0) {
      const chunk = this.chunks[0];
      const from = this.position - this.chunkStart;
      const to = Math.min(chunk.length, offset - this.chunkStart);
      let i = chunk.indexOf(0x0a, from);
      while (i !== -1 && i < to) {
        this.newlines++;
        i = chunk.indexOf(0x0a, i + 1);
      }
      this.position = this.chunkStart + to;
      if (to === chunk.length) {
        this.chunks.shift();
        this.chunkStart += chunk.length;
      }
    }
    return this.newlines + 1;
  }
}
