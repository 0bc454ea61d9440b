import pino from "pino";
import { loadConfig, type Config } from "../src/config";
import type { AppOptions } from "../src/app";

/**
 * The configuration of every app the bench starts: the given database, no seeding,
 * no Playground, defaults for everything else (pools sized from the core count),
 * so the numbers are those of a stock server. `settings` adds configuration variables by
 * name (REDIS_URL for DISTRIBUTED), never the bench's own environment: a REDIS_URL in the
 * shell must not point a measured server at someone else's Redis.
 */
export function benchConfig(
  dbFile: string,
  poolSize?: number,
  settings: Record<string, string> = {},
): Config {
  return loadConfig({
    DATABASE_URL: `file:${dbFile}`,
    SEED_ON_START: "false",
    PLAYGROUND: "false",
    INTROSPECTION: "false",
    PORT: "0",
    ...(poolSize === undefined ? {} : { POOL_SIZE: String(poolSize) }),
    ...settings,
  });
}

export function quietApp(): AppOptions {
  return { logger: pino({ level: "warn" }) };
}
