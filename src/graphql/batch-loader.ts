/**
 * Collects the keys asked for while one GraphQL answer resolves, and loads them with one
 * query: the N+1 fix for list fields (Email.sender on a page of emails). Keys requested in
 * the same turn of the event loop share a batch; nothing is cached beyond it, so no answer
 * ever sees another corpus version's rows.
 */
export class BatchLoader<K, V> {
  private pending: { keys: Set<K>; waiting: Promise<Map<K, V>> } | null = null;

  constructor(
    /** Loads many keys at once; keys missing from the map get `missing`. */
    private readonly loadMany: (keys: readonly K[]) => Map<K, V>,
    private readonly missing: V,
  ) {}

  async load(key: K): Promise<V> {
    if (!this.pending) {
      const keys = new Set<K>();
      const waiting = new Promise<Map<K, V>>((resolve, reject) => {
        // setImmediate, not a microtask: type-graphql resolves list items through promise
        // chains of different lengths, all of which settle before the next macrotask.
        setImmediate(() => {
          this.pending = null;
          try {
            resolve(this.loadMany([...keys]));
          } catch (err) {
            reject(err);
          }
        });
      });
      this.pending = { keys, waiting };
    }
    this.pending.keys.add(key);
    const found = await this.pending.waiting;
    return found.has(key) ? (found.get(key) as V) : this.missing;
  }
}
