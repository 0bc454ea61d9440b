/**
 * Counts loads in flight and mirrors the count on <html data-busy>, so tests, the bench
 * and uptime checks can tell when the page has settled. The first time it settles,
 * `performance.mark("capstats:rendered")` records when the dashboard was fully rendered.
 */
export class Activity {
  private pending = 0;
  private rendered = false;

  constructor(private readonly root: HTMLElement) {
    root.dataset.busy = "0";
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending += 1;
    this.root.dataset.busy = String(this.pending);
    const done = (): void => {
      // One macrotask later: a load that chains another (stats, then groups) must not
      // look settled in between.
      setTimeout(() => this.finish(), 0);
    };
    work.then(done, done);
    return work;
  }

  private finish(): void {
    this.pending -= 1;
    this.root.dataset.busy = String(this.pending);
    if (this.pending === 0 && !this.rendered) {
      this.rendered = true;
      // After the frame that paints the last panel, not before it.
      requestAnimationFrame(() => {
        performance.mark("capstats:rendered");
        this.root.dataset.rendered = "true";
      });
    }
  }
}
