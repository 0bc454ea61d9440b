import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { CountTask, SqliteTask } from "../worker/task.types";
import type { LaidOut } from "../worker/count.task";
import { encodeChunk, type EncodedChunk } from "./chunk-format";
import { StagingBudgetError } from "./distributed-errors";
import { chunkKey } from "./keys";

export interface StagedChunk {
  digest: string;
  size: number;
  segments: number;
}

export interface Staging {
  /** One per task, in task order. */
  chunks: StagedChunk[];
  stagingMs: number;
  bytesStaged: number;
  /** Unpins the chunks once the query is over, so later queries may evict them. */
  release(): void;
}

export interface StagerOptions {
  prefix: string;
  /** Most chunk bytes this host keeps in Redis; least recently used ones are deleted first. */
  budgetBytes: number;
  /** Every staged key expires this long after its last use, whatever happens to this host. */
  ttlMs: number;
  /** Reads a SQLite task's text (corpora above the resident budget). */
  readSqlite(task: SqliteTask): LaidOut;
}

/** Plans remembered per corpus version; beyond this many, the oldest are forgotten. */
const MEMO_ENTRIES = 100_000;

/**
 * Puts each task's text in Redis once per corpus version, under the SHA-256 of its bytes.
 * A later query with the same chunks sends nothing but one PEXPIRE per chunk (which also
 * tells whether Redis still holds it). Memory in Redis stays within `budgetBytes` per API
 * host, plus the chunks that running queries pin; TTLs clean up after a host that died.
 */
export class ChunkStager {
  /** digest -> bytes of every chunk this host put in Redis, least recently used first. */
  private readonly inRedis = new Map<string, number>();
  private inRedisBytes = 0;
  private readonly pins = new Map<string, number>();
  private memo = new Map<string, StagedChunk>();
  private memoVersion = -1;

  constructor(
    private readonly redis: Redis,
    private readonly opts: StagerOptions,
  ) {}

  get stagedBytes(): number {
    return this.inRedisBytes;
  }

  async stage(tasks: readonly CountTask[]): Promise<Staging> {
    const started = performance.now();
    const chunks: StagedChunk[] = [];
    const blobs = new Map<string, Buffer>();
    const firstTask = new Map<string, number>();
    for (const [i, task] of tasks.entries()) {
      if (task.version !== this.memoVersion) {
        this.memo = new Map();
        this.memoVersion = task.version;
      }
      const key = memoKey(task);
      let chunk = this.memo.get(key);
      if (!chunk) {
        const encoded = this.encode(task);
        chunk = { digest: encoded.digest, size: encoded.blob.length, segments: encoded.segments };
        blobs.set(chunk.digest, encoded.blob);
        if (this.memo.size >= MEMO_ENTRIES) this.memo.delete(this.memo.keys().next().value!);
        this.memo.set(key, chunk);
      }
      if (!firstTask.has(chunk.digest)) firstTask.set(chunk.digest, i);
      chunks.push(chunk);
    }
    const digests = [...firstTask.keys()];
    const sizes = digests.map((d) => chunks[firstTask.get(d)!].size);
    const needed = sizes.reduce((a, b) => a + b, 0);
    if (needed > this.opts.budgetBytes) throw new StagingBudgetError(needed, this.opts.budgetBytes);

    for (const d of digests) this.pins.set(d, (this.pins.get(d) ?? 0) + 1);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      for (const d of digests) {
        const n = (this.pins.get(d) ?? 1) - 1;
        if (n === 0) this.pins.delete(d);
        else this.pins.set(d, n);
      }
    };
    try {
      const alive = await this.refresh(digests);
      const missing = digests.filter((_, k) => !alive[k]);
      const write = this.redis.pipeline();
      let bytesStaged = 0;
      for (const d of missing) {
        const blob = blobs.get(d) ?? this.encode(tasks[firstTask.get(d)!]).blob;
        write.set(chunkKey(this.opts.prefix, d), blob, "PX", this.opts.ttlMs);
        bytesStaged += blob.length;
      }
      if (missing.length > 0) check(await write.exec());
      digests.forEach((d, k) => this.remember(d, sizes[k]));
      await this.evict();
      return { chunks, stagingMs: performance.now() - started, bytesStaged, release };
    } catch (err) {
      release();
      throw err;
    }
  }

  private encode(task: CountTask): EncodedChunk {
    if (task.kind === "resident") {
      return encodeChunk(new Uint8Array(task.bytes), task.starts, task.ends);
    }
    const laid = this.opts.readSqlite(task);
    return encodeChunk(laid.bytes, laid.starts, laid.ends);
  }

  /** Extends every chunk's TTL; false where Redis no longer has it (expired, evicted, flushed). */
  private async refresh(digests: string[]): Promise<boolean[]> {
    if (digests.length === 0) return [];
    const p = this.redis.pipeline();
    for (const d of digests) p.pexpire(chunkKey(this.opts.prefix, d), this.opts.ttlMs);
    return check(await p.exec()).map((r) => r === 1);
  }

  private remember(digest: string, size: number): void {
    const had = this.inRedis.get(digest);
    if (had !== undefined) {
      this.inRedis.delete(digest);
      this.inRedisBytes -= had;
    }
    this.inRedis.set(digest, size);
    this.inRedisBytes += size;
  }

  /** Deletes least recently used, unpinned chunks until this host is within its budget. */
  private async evict(): Promise<void> {
    const victims: string[] = [];
    for (const [d, size] of this.inRedis) {
      if (this.inRedisBytes <= this.opts.budgetBytes) break;
      if (this.pins.has(d)) continue;
      victims.push(d);
      this.inRedis.delete(d);
      this.inRedisBytes -= size;
    }
    if (victims.length > 0)
      await this.redis.del(...victims.map((d) => chunkKey(this.opts.prefix, d)));
  }
}

/** Identifies a task's text within one corpus version: its segment ranges (and ids). */
function memoKey(task: CountTask): string {
  const h = createHash("sha1");
  h.update(task.kind);
  h.update(new Uint8Array(task.starts.buffer, task.starts.byteOffset, task.starts.byteLength));
  h.update(new Uint8Array(task.ends.buffer, task.ends.byteOffset, task.ends.byteLength));
  if (task.kind === "sqlite") {
    h.update(task.dbFile);
    h.update(new Uint8Array(task.ids.buffer, task.ids.byteOffset, task.ids.byteLength));
  }
  return h.digest("base64");
}

type PipelineReplies = [Error | null, unknown][] | null;

function check(replies: PipelineReplies): unknown[] {
  if (replies === null) throw new Error("Redis pipeline was discarded");
  return replies.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}
