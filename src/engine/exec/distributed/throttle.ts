/**
 * A reconnecting client reports the same failure several times a second: let the first one
 * through, then at most one per source every `everyMs`, with how many were held back.
 */
export function throttled(
  report: (source: string, err: Error, skipped: number) => void,
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
    report(source, err, seen?.skipped ?? 0);
    last.set(source, { at: now, skipped: 0 });
  };
}
