import type { DecodedChunk } from "../chunk-format";

interface Entry {
  chunk: DecodedChunk;
  size: number;
  corpus: string;
  version: number;
}

/**
 * A worker's local copy of staged chunks, least recently used first, within `maxBytes`.
 * Chunks are content-addressed, so an entry can never be stale; it is retired only when its
 * corpus moves to a newer version (a reload on the API host), or to make room. Two jobs that
 * need the same missing chunk share one download.
 */
export class ChunkCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<DecodedChunk>>();
  private readonly latest = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
      throw new RangeError(`cache size must be a non-negative integer, got ${maxBytes}`);
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** Drops the chunks of older versions of `corpus` once a job of a newer one arrives. */
  retire(corpus: string, version: number): void {
    const known = this.latest.get(corpus);
    if (known !== undefined && version <= known) return;
    this.latest.set(corpus, version);
    for (const [digest, e] of this.entries) {
      if (e.corpus === corpus && e.version < version) this.drop(digest, e);
    }
  }

  /** The chunk, from the cache or from `load`; `cached` says which. */
  async get(
    digest: string,
    size: number,
    owner: { corpus: string; version: number },
    load: () => Promise<DecodedChunk>,
  ): Promise<{ chunk: DecodedChunk; cached: boolean }> {
    const hit = this.entries.get(digest);
    if (hit) {
      this.entries.delete(digest);
      this.entries.set(digest, { ...hit, ...owner });
      return { chunk: hit.chunk, cached: true };
    }
    let pending = this.loading.get(digest);
    const first = pending === undefined;
    if (!pending) {
      pending = load();
      this.loading.set(digest, pending);
    }
    try {
      const chunk = await pending;
      if (first) this.add(digest, { chunk, size, ...owner });
      return { chunk, cached: !first };
    } finally {
      if (first) this.loading.delete(digest);
    }
  }

  private add(digest: string, entry: Entry): void {
    if (entry.size > this.maxBytes || this.entries.has(digest)) return;
    for (const [d, e] of this.entries) {
      if (this.bytes + entry.size <= this.maxBytes) break;
      this.drop(d, e);
    }
    this.entries.set(digest, entry);
    this.bytes += entry.size;
  }

  private drop(digest: string, e: Entry): void {
    this.entries.delete(digest);
    this.bytes -= e.size;
  }
}
