import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import { CorpusService } from "../../../src/corpus/corpus.service";
import { allocateResidentText } from "../../../src/corpus/resident-text";
import { openSqlite } from "../../../src/db/sqlite";
import type { CountTaskResult, ResidentTask } from "../../../src/engine/exec/worker/task.types";
import { jsKernel } from "../../../src/engine/kernels/kernel-selection";
import {
  CORPUS_AT,
  CorpusMemoryLimitError,
  createCorpusMemory,
  MAX_CORPUS_BYTES,
  slotLocks,
} from "../../../src/engine/kernels/simd/corpus-memory";
import { countSegments } from "../../../src/engine/kernels/text.kernel";
import { ALL_METRICS_MASK, maskOf, METRIC_COUNT, METRIC_INDEX } from "../../../src/metrics/metrics";
import { createCorpusDb, EXPECTED, MASK, segment } from "../exec/worker/corpus.fixture";
import { IN_PLACE_WORKER } from "./in-place.worker";
import { candidateGroups, randomInt, randomText, seededRandom } from "./random-text";

const WORKER_JS = path.join(__dirname, "in-place.worker.js");
const CAPS_CHARS = maskOf(["CAPITALS", "CHARACTERS"]);

/** Hand counts (checked against Python's str.isupper and len) of CAPITALS and CHARACTERS. */
const CORPUS_A = [
  { text: "Hello World", capitals: 2, characters: 11 },
  { text: "ÀÉ 𝐀𝐁 x", capitals: 4, characters: 7 }, // À É Lu; 𝐀 𝐁 astral Lu, 4 bytes each
  { text: "lower only", capitals: 0, characters: 10 },
  { text: "A\r\nB C𝐙", capitals: 4, characters: 7 },
];
const CORPUS_B = [
  { text: "ǅ is titlecase, Ⅻ is Other_Uppercase", capitals: 3, characters: 36 }, // Ⅻ O U
  { text: "𝐙𝐙𝐙", capitals: 3, characters: 3 },
];

interface Placed {
  memory: WebAssembly.Memory;
  bytes: SharedArrayBuffer;
  offsets: number[];
}

function place(texts: readonly string[]): Placed {
  const encoded = texts.map((t) => Buffer.from(t));
  const total = encoded.reduce((n, b) => n + b.length, 0);
  const { memory, buffer, base } = createCorpusMemory(total);
  const view = new Uint8Array(buffer);
  const offsets = [base];
  for (const b of encoded) {
    view.set(b, offsets[offsets.length - 1]);
    offsets.push(offsets[offsets.length - 1] + b.length);
  }
  return { memory, bytes: buffer, offsets };
}

function taskOf(c: Placed, emails: readonly number[], mask: number, version = 1): ResidentTask {
  return {
    kind: "resident",
    version,
    bytes: c.bytes,
    memory: c.memory,
    starts: Float64Array.from(emails, (i) => c.offsets[i]),
    ends: Float64Array.from(emails, (i) => c.offsets[i + 1]),
    mask,
    kernel: "wasm-simd",
  };
}

interface Answer {
  result: CountTaskResult;
  inPlace: boolean;
}

/** A worker thread answering one task at a time, in order. */
function startWorker(): { run(task: ResidentTask): Promise<Answer>; stop(): Promise<number> } {
  const worker = new Worker(WORKER_JS, { workerData: IN_PLACE_WORKER });
  const waiting: ((a: Answer) => void)[] = [];
  worker.on("message", (a: Answer) => waiting.shift()?.(a));
  return {
    run(task) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        worker.postMessage(task);
      });
    },
    stop: () => worker.terminate(),
  };
}

function capsAndChars(counts: Float64Array, i: number): { capitals: number; characters: number } {
  return {
    capitals: counts[i * METRIC_COUNT + METRIC_INDEX.CAPITALS],
    characters: counts[i * METRIC_COUNT + METRIC_INDEX.CHARACTERS],
  };
}

test("the resident corpus in a shared WebAssembly memory", async (t) => {
  const workers = [startWorker(), startWorker(), startWorker()];
  t.after(() => Promise.all(workers.map((w) => w.stop())));

  await t.test(
    "worker threads count it in place, agreeing with the hand counts and the JS kernel",
    async () => {
      const a = place(CORPUS_A.map((e) => e.text));
      const all = CORPUS_A.map((_, i) => i);
      const answers = await Promise.all(workers.map((w) => w.run(taskOf(a, all, CAPS_CHARS))));
      for (const { result, inPlace } of answers) {
        assert.equal(inPlace, true, `${result.worker} counted in place`);
        assert.deepEqual(
          all.map((i) => capsAndChars(result.counts, i)),
          CORPUS_A.map(({ capitals, characters }) => ({ capitals, characters })),
        );
      }
      const js = await workers[0].run({ ...taskOf(a, all, ALL_METRICS_MASK), kernel: "js" });
      const simd = await workers[1].run(taskOf(a, all, ALL_METRICS_MASK));
      assert.equal(js.inPlace, false, "the JS kernel reads the buffer's view");
      assert.deepEqual(simd.result.counts, js.result.counts);
      assert.deepEqual(simd.result.edges, js.result.edges);
    },
  );

  await t.test(
    "threads counting at once each take their own scratch slot, and free it",
    async () => {
      const random = seededRandom(13);
      const groups = candidateGroups();
      const texts = Array.from({ length: 600 }, (_, k) =>
        randomText(random, groups, randomInt(random, 900), k % 3 === 0 ? 0.6 : 0.99),
      );
      const c = place(texts);
      const emails = texts.map((_, i) => i);
      const lay = new Uint8Array(c.bytes);
      const expected = countSegments(
        lay,
        emails.map((i) => c.offsets[i]),
        emails.map((i) => c.offsets[i + 1]),
        ALL_METRICS_MASK,
        jsKernel(),
      );
      // Each thread gets every email, in its own order and split, many times over, all at once.
      const runs: Promise<void>[] = [];
      for (let round = 0; round < 8; round++) {
        workers.forEach((w, k) => {
          const order = emails.filter((i) => i % workers.length === (k + round) % workers.length);
          runs.push(
            w.run(taskOf(c, order, ALL_METRICS_MASK)).then(({ result, inPlace }) => {
              assert.equal(inPlace, true);
              order.forEach((i, j) => {
                const got = result.counts.subarray(j * METRIC_COUNT, (j + 1) * METRIC_COUNT);
                const want = expected.counts.subarray(i * METRIC_COUNT, (i + 1) * METRIC_COUNT);
                assert.deepEqual(got, want, `email ${i} on ${result.worker}`);
                assert.equal(result.edges[j], expected.edges[i], `email ${i} edges`);
              });
            }),
          );
        });
      }
      await Promise.all(runs);
      assert.deepEqual(Array.from(slotLocks(c.bytes)), new Array(32).fill(0), "every slot freed");
    },
  );

  await t.test(
    "a reload's new memory gives the new corpus's counts in the same threads",
    async () => {
      const a = place(CORPUS_A.map((e) => e.text));
      const b = place(CORPUS_B.map((e) => e.text));
      for (const [c, corpus, version] of [
        [a, CORPUS_A, 1],
        [b, CORPUS_B, 2],
        [a, CORPUS_A, 1],
      ] as const) {
        const emails = corpus.map((_, i) => i);
        for (const w of workers) {
          const { result, inPlace } = await w.run(taskOf(c, emails, CAPS_CHARS, version));
          assert.equal(inPlace, true);
          assert.deepEqual(
            emails.map((i) => capsAndChars(result.counts, i)),
            corpus.map(({ capitals, characters }) => ({ capitals, characters })),
            `version ${version}`,
          );
        }
      }
    },
  );
});

test("the corpus memory's limit: refuses a corpus past it with an error naming the limit in bytes and pages", () => {
  assert.throws(
    () => createCorpusMemory(MAX_CORPUS_BYTES + 1),
    (err: unknown) =>
      err instanceof CorpusMemoryLimitError &&
      err.message.includes(`at most ${MAX_CORPUS_BYTES} bytes (65536 pages of 64 KiB`),
  );
  assert.throws(() => createCorpusMemory(1000, 999), /at most 999 bytes/);
});

test("the corpus memory's limit: past it, the text stays in a plain SharedArrayBuffer, saying why", () => {
  const text = allocateResidentText(1000, 999);
  assert.equal(text.memory, null);
  assert.equal(text.base, 0);
  assert.equal(text.bytes.byteLength, 1000);
  assert.match(text.memoryUnavailable ?? "", /at most 999 bytes/);
});

for (const maxMemoryBytes of [undefined, 10]) {
  test(`the corpus memory's limit: the corpus service loads into ${maxMemoryBytes ? "a plain buffer past a 10-byte limit" : "a corpus memory"}, and it counts the same`, async (t) => {
    const corpusDb = createCorpusDb();
    t.after(() => corpusDb.cleanup());
    const db = openSqlite(corpusDb.file, { readonly: true });
    t.after(() => db.close());
    const view = await new CorpusService(db, corpusDb.file, 1 << 20, maxMemoryBytes).view();
    assert.equal(view.memory === null, maxMemoryBytes !== undefined);
    assert.equal(view.offsets[0], maxMemoryBytes ? 0 : CORPUS_AT);
    if (maxMemoryBytes) assert.match(view.memoryUnavailable ?? "", /at most 10 bytes/);
    else assert.ok(view.memory?.buffer === view.resident, "the text is the memory's buffer");
    const bytes = new Uint8Array(view.resident!);
    const counts = countSegments(
      bytes,
      view.offsets.subarray(0, 3),
      view.offsets.subarray(1),
      MASK,
    );
    assert.deepEqual(
      [0, 1, 2].map((i) => segment(counts.counts, i)),
      [EXPECTED.email1, EXPECTED.email2, EXPECTED.email3],
    );
  });
}
