import type { Logger } from "pino";

/**
 * A reconnecting client reports the same failure many times a second; log the first one and
 * then at most one line per source every `everyMs`, with how many were left out.
 */
export function throttledWarning(
  logger: Logger,
  msg: string,
  everyMs = 10_000,
): (source: string, err: Error) => void {
  const last = new Map<string, { at: number; skipped: number }>();
  return (source, err) => {
    const now = Date.now();
    const seen = last.get(source);
    if (seen && now - seen.at < everyMs) {
      seen.skipped++;
      return;
    }
    logger.warn({ source, err: err.message, skipped: seen?.skipped ?? 0 }, msg);
    last.set(source, { at: now, skipped: 0 });
  };
}
