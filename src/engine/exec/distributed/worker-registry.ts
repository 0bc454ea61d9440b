import type { Queue } from "bullmq";
import { parseWorkerName } from "./keys";

export interface ConnectedWorker {
  /** "<host>:<pid>". */
  id: string;
  concurrency: number;
}

/**
 * Who is consuming the chunk queue right now, from Redis's own client list: BullMQ names each
 * worker connection, and a killed worker's connection is closed by its kernel, so it drops
 * out at once. The last answer is kept for the synchronous `slots` the planner reads.
 */
export class WorkerRegistry {
  private last: ConnectedWorker[] = [];

  constructor(private readonly queue: Queue) {}

  async list(): Promise<ConnectedWorker[]> {
    const clients = (await this.queue.getWorkers()) as { rawname?: string }[];
    const byId = new Map<string, ConnectedWorker>();
    for (const c of clients) {
      const name = c.rawname?.split(":w:")[1];
      const parsed = name ? parseWorkerName(name) : null;
      if (parsed) byId.set(parsed.id, parsed);
    }
    this.last = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
    return this.last;
  }

  /** Workers seen by the last `list`. */
  get known(): readonly ConnectedWorker[] {
    return this.last;
  }

  /** Jobs the workers seen last can run at once. */
  get slots(): number {
    return this.last.reduce((n, w) => n + w.concurrency, 0);
  }

  forget(): void {
    this.last = [];
  }
}
