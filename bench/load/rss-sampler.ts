import fs from "node:fs";

export interface RssSample {
  /** Seconds since sampling began. */
  t: number;
  /** The server process alone, MB. */
  mainMb: number;
  /** The server and all its children (the PROCESSES pool), MB. */
  totalMb: number;
}

function rssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // exited between listing and reading
  }
}

function childrenOf(pid: number): number[] {
  try {
    const tasks = fs.readdirSync(`/proc/${pid}/task`);
    return tasks.flatMap((tid) =>
      fs
        .readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8")
        .split(" ")
        .filter((s) => s !== "")
        .map(Number),
    );
  } catch {
    return [];
  }
}

/** Samples the server's RSS once a second from /proc (Linux), without touching the server. */
export class RssSampler {
  readonly samples: RssSample[] = [];
  private readonly started = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 1000,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): RssSample[] {
    clearInterval(this.timer);
    this.sample();
    return this.samples;
  }

  private sample(): void {
    const main = rssKb(this.pid);
    const total = childrenOf(this.pid).reduce((sum, pid) => sum + rssKb(pid), main);
    this.samples.push({
      t: (performance.now() - this.started) / 1000,
      mainMb: main / 1024,
      totalMb: total / 1024,
    });
  }
}

export interface Trend {
  minMb: number;
  maxMb: number;
  /** Least-squares slope, MB per minute. */
  slopeMbPerMin: number;
}

export function trend(samples: readonly RssSample[], pick: (s: RssSample) => number): Trend {
  const n = samples.length;
  const xs = samples.map((s) => s.t);
  const ys = samples.map(pick);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return {
    minMb: Math.min(...ys),
    maxMb: Math.max(...ys),
    slopeMbPerMin: den === 0 ? 0 : (num / den) * 60,
  };
}
