import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import { writeCorpus } from "../../../src/corpus/synthetic/corpus.generator";
import { CorpusOptionError } from "../../../src/corpus/synthetic/corpus-options";

/** A slow sink with a tiny buffer that records any write made while it asked to wait. */
class StrictSink extends Writable {
  bytes = 0;
  violations = 0;
  private waiting = false;

  constructor() {
    super({ highWaterMark: 1024 });
    this.on("drain", () => (this.waiting = false));
  }

  override write(chunk: Buffer): boolean {
    if (this.waiting) this.violations++;
    const ok = super.write(chunk);
    if (!ok) this.waiting = true;
    return ok;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.bytes += chunk.length;
    setImmediate(callback);
  }
}

test("writeCorpus streaming: waits for 'drain' whenever write() says the buffer is full", async () => {
  const sink = new StrictSink();
  const progress: number[] = [];
  const summary = await writeCorpus(sink, {
    emails: 600,
    seed: 1,
    onProgress: (done, total) => {
      assert.equal(total, 600);
      progress.push(done);
    },
  });
  await new Promise<void>((done) => sink.end(done));
  assert.equal(sink.violations, 0);
  assert.equal(sink.bytes, summary.bytes);
  assert.ok(progress.length >= 2, "several chunks were written");
  assert.deepEqual(
    progress,
    [...progress].sort((a, b) => a - b),
  );
  assert.equal(progress.at(-1), 600);
});

test("writeCorpus streaming: rejects, rather than hangs, when the stream fails", async () => {
  const failing = new Writable({
    highWaterMark: 16,
    write(_chunk, _encoding, callback) {
      callback(new Error("disk full"));
    },
  });
  failing.on("error", () => undefined);
  await assert.rejects(writeCorpus(failing, { emails: 2000 }), /disk full|destroyed/);
});

test("writeCorpus streaming: rejects when the stream is destroyed while it waits for drain", async () => {
  const stalled = new Writable({ highWaterMark: 16, write: () => undefined });
  setImmediate(() => stalled.destroy());
  await assert.rejects(writeCorpus(stalled, { emails: 50 }), /closed|destroyed/);
});

for (const emails of [0, -1, 1.5, 1_000_001, Number.NaN]) {
  test(`writeCorpus streaming: rejects emails: ${emails} with the option name and range`, async () => {
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    await assert.rejects(
      writeCorpus(sink, { emails }),
      (error: Error) =>
        error instanceof CorpusOptionError &&
        /^emails must be a whole number from 1 to 1000000/.test(error.message),
    );
  });
}

test("writeCorpus streaming: rejects a seed outside 0..2^32-1", async () => {
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  await assert.rejects(writeCorpus(sink, { seed: -1 }), /seed must be a whole number/);
  await assert.rejects(writeCorpus(sink, { seed: 2 ** 32 }), /seed must be a whole number/);
});
