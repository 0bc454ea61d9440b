import type { CountResult } from "../engine";

/**
 * Results per (corpus version, selection, metrics), least recently used first out.
 * The version is part of the key, so a reload makes every old entry unreachable;
 * `evictOlderThan` frees them eagerly.
 */
export class ResultCache<T extends CountResult = CountResult> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  static key(version: number, selection: string, mask: number): string {
    return `${version}|${mask}|${selection}`;
  }

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  evictOlderThan(version: number): void {
    for (const key of this.entries.keys()) {
      if (Number(key.slice(0, key.indexOf("|"))) < version) this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
