/**
 * Array-backed FIFO with a moving head. Array.prototype.shift is O(n) on long arrays,
 * which made granting a lock to N queued waiters O(N²); here it is amortised O(1).
 */
export class FifoQueue<T> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.head++];
    // Compact once the dead prefix outweighs the live part, so granted waiters (and the
    // closures they hold) are not retained indefinitely.
    if (this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Position of `item` from the front, or -1. */
  indexOf(item: T): number {
    const i = this.items.indexOf(item, this.head);
    return i === -1 ? -1 : i - this.head;
  }

  /** O(n), which is fine: only cancellation (timeout, abort) removes from the middle. */
  removeAt(index: number): void {
    this.items.splice(this.head + index, 1);
  }

  toArray(): T[] {
    return this.items.slice(this.head);
  }
}
