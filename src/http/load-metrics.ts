import { Counter, Gauge, type Registry } from "prom-client";
import type { LoadProgress } from "../corpus/csv-loader";

/** Corpus loads counted by result, and the progress of the current or last one. */
export class LoadMetrics {
  private readonly loads: Counter<"result">;
  private readonly loader: Record<"rows" | "bytesRead" | "bytesTotal" | "inProgress", Gauge>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.loads = new Counter({
      name: "capstats_corpus_loads_total",
      help: "Corpus loads run by this server, by result",
      labelNames: ["result"],
      registers,
    });
    const gauge = (name: string, help: string): Gauge => new Gauge({ name, help, registers });
    this.loader = {
      rows: gauge("capstats_loader_rows", "Rows inserted by the current or last corpus load"),
      bytesRead: gauge("capstats_loader_bytes_read", "CSV bytes read by the current or last load"),
      bytesTotal: gauge(
        "capstats_loader_bytes_total",
        "Size of the CSV of the current or last load",
      ),
      inProgress: gauge("capstats_loader_in_progress", "1 while a corpus load runs"),
    };
  }

  /**
   * Runs a load, feeding its progress to the loader gauges. `run` may decide not to load
   * (a database that already holds a corpus): only a load that reported progress or
   * failed is counted.
   */
  async observe<T>(run: (onProgress: (p: LoadProgress) => void) => Promise<T>): Promise<T> {
    let started = false;
    const onProgress = (p: LoadProgress): void => {
      started = true;
      this.loader.inProgress.set(1);
      this.loader.rows.set(p.rows);
      this.loader.bytesRead.set(p.bytesRead);
      this.loader.bytesTotal.set(p.totalBytes);
    };
    try {
      const value = await run(onProgress);
      if (started) this.loads.inc({ result: "ok" });
      return value;
    } catch (err) {
      this.loads.inc({ result: "failed" });
      throw err;
    } finally {
      this.loader.inProgress.set(0);
    }
  }
}
