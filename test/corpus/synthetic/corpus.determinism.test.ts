import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { test } from "node:test";
import { writeCorpus, type CorpusOptions } from "../../../src/corpus/synthetic/corpus.generator";

const CLI = resolve(__dirname, "../../../seed/generate.js");

/** Hashes the stream as it goes, so the test holds no copy of the corpus. */
async function corpusHash(opts: CorpusOptions): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback();
    },
  });
  const summary = await writeCorpus(sink, opts);
  assert.equal(summary.bytes, bytes);
  return { sha256: hash.digest("hex"), bytes };
}

test("determinism", async (t) => {
  let dir: string;
  t.before(async () => {
    dir = await mkdtemp(join(tmpdir(), "corpus-determinism-"));
  });
  t.after(() => rm(dir, { recursive: true, force: true }));

  await t.test("gives identical bytes for the same seed and count", async () => {
    const first = await corpusHash({ emails: 1500, seed: 7 });
    const second = await corpusHash({ emails: 1500, seed: 7 });
    assert.deepEqual(first, second);
  });

  await t.test("gives different bytes for a different seed or count", async () => {
    const base = await corpusHash({ emails: 1500, seed: 7 });
    assert.notEqual((await corpusHash({ emails: 1500, seed: 8 })).sha256, base.sha256);
    assert.notEqual((await corpusHash({ emails: 1499, seed: 7 })).sha256, base.sha256);
  });

  await t.test("writes the same default file from the CLI as from the library", async () => {
    const path = join(dir, "Emails.csv");
    const run = spawnSync(process.execPath, [CLI, "--out", path], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^wrote 7,945 emails, [\d,]+ bytes/);
    const fromCli = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
    assert.equal(fromCli, (await corpusHash({})).sha256);
  });
});
