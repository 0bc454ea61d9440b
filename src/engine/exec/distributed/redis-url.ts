/** The URL without its password, fit for messages and logs. */
export function maskRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return "(unparseable REDIS_URL)";
  }
}

/** Throws, naming the variable, unless `url` is a redis:// or rediss:// URL. */
export function checkRedisUrl(url: string, variable = "REDIS_URL"): void {
  let protocol = "";
  try {
    protocol = new URL(url).protocol;
  } catch {
    // reported below
  }
  if (protocol !== "redis:" && protocol !== "rediss:") {
    throw new Error(
      `${variable} must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 (got "${url}")`,
    );
  }
}
