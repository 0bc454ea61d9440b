import path from "node:path";
import { SingleBar, Presets } from "cli-progress";
import type { LoadProgress, LoadSummary } from "./csv-loader";

export interface ProgressReporter {
  update(p: LoadProgress): void;
  stop(): void;
}

/** A progress bar on a terminal; nothing on a pipe or in CI, where a bar is noise. */
export function progressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      stream,
      format: "loading {bar} {percentage}% | {value}/{total} MB | {rows} rows | eta {eta}s",
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const mb = (n: number): number => Math.round(n / 1e5) / 10;
      if (!started) {
        bar.start(mb(p.totalBytes), 0, { rows: 0 });
        started = true;
      }
      bar.update(mb(p.bytesRead), { rows: p.rows });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

const COMPANION_WORDS = {
  persons: "persons",
  aliases: "aliases",
  emailReceivers: "email receivers",
};

export function formatSummary(s: LoadSummary, databaseFile: string): string {
  const mb = (s.bytes / 1e6).toFixed(1);
  const secs = (s.ms / 1000).toFixed(2);
  const parts = Object.entries(s.companions).map(
    ([kind, c]) =>
      `${c.rows} ${COMPANION_WORDS[kind as keyof typeof COMPANION_WORDS]} (${path.basename(c.file)})`,
  );
  const extra = parts.length === 0 ? "" : `, with ${parts.join(" and ")},`;
  return `loaded ${s.rows} emails (${mb} MB) from ${s.file}${extra} into ${databaseFile} in ${secs} s; corpus version ${s.version}`;
}
