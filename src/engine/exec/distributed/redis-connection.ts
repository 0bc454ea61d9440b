import type { RedisOptions as BullRedisOptions } from "bullmq";
import { Redis } from "ioredis";

/**
 * Reconnect quickly and forever: a Redis restart should cost a query or two, not the 20 s
 * ceiling of BullMQ's default back-off.
 */
export const RECONNECT_MAX_MS = 1000;

export function retryStrategy(times: number): number {
  return Math.min(100 * times, RECONNECT_MAX_MS);
}

/**
 * Connection options for BullMQ's own connections (it creates the ioredis client). Blocking
 * connections (Worker, QueueEvents) must keep maxRetriesPerRequest null; BullMQ sets it.
 */
export function bullConnection(url: string): BullRedisOptions {
  return { url, retryStrategy };
}

/**
 * The API host's command connection. No offline queue: while Redis is down a command fails at
 * once instead of waiting for a reconnect, so DISTRIBUTED answers an error instead of hanging.
 */
export function commandConnection(url: string, name: string): Redis {
  return new Redis(url, {
    retryStrategy,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: name,
  });
}
