import os from "node:os";
import { DEFAULT_DATABASE_URL, sqlitePathFromUrl } from "./db/database-url";
import { checkRedisUrl, DEFAULT_PREFIX, type RemoteWorkerOptions } from "./engine";
import type { KernelName } from "./engine";

/** Every tunable of the server, read once from the environment; see the README's Configuration table. */
export interface Config {
  databaseUrl: string;
  databaseFile: string;
  port: number;
  host: string;
  /** Worker count of each pool; defaults to os.availableParallelism(). */
  poolSize: number;
  /** Above this many bytes of RawText the engine streams from SQLite instead of keeping the corpus resident. */
  residentBudgetBytes: number;
  /** KERNEL: the counting kernel, "wasm-simd" (falls back to "js" where it cannot load) or "js". */
  kernel: KernelName;
  /** Heap limit of each worker thread, in MB. */
  workerMaxOldGenerationMb: number;
  /** How much nicer than the server (0 to 19) pool workers run, so the event loop gets a core first. */
  workerNice: number;
  /** Per-query compute timeout. */
  queryTimeoutMs: number;
  /** Heavy (engine) queries running at once, and waiting in the queue. */
  maxConcurrentHeavy: number;
  maxQueuedHeavy: number;
  /** Largest accepted request body. */
  maxBodyBytes: number;
  /** Deepest field nesting a query may have (root fields are depth 1). */
  maxQueryDepth: number;
  /** Highest query cost (graphql-query-complexity) accepted; a heavy field costs HEAVY_FIELD_COMPLEXITY. */
  maxQueryComplexity: number;
  /** Largest response body; past it the answer is RESPONSE_TOO_LARGE and nothing else. */
  maxResponseBytes: number;
  /** Origins whose pages may open the WebSocket; empty: the server's own; ["*"]: any. */
  allowedOrigins: string[];
  /** Open WebSockets per client address, and operations per WebSocket. */
  maxWsConnectionsPerClient: number;
  maxWsSubscriptionsPerConnection: number;
  /** Parser token budget: bounds the CPU a single query text can cost before validation. */
  maxQueryTokens: number;
  /** Serve GET /metrics (Prometheus text format). */
  metrics: boolean;
  /** Playground and introspection; switch off in production. */
  playground: boolean;
  introspection: boolean;
  /** Seed the default corpus when the database holds none. */
  seedOnStart: boolean;
  /** Budget for acquiring locks (analysis runs, corpus reloads); stats queries use queryTimeoutMs. */
  lockTimeoutMs: number;
  /** Analysis runs executing at once, and waiting for a slot; past both, startAnalysis is OVERLOADED. */
  maxConcurrentAnalyses: number;
  maxQueuedAnalyses: number;
  /** Tasks an analysis is cut into when it names no chunkSize: the progress bar's steps. */
  analysisProgressSteps: number;
  /** Per-email result rows written per transaction. */
  analysisResultBatch: number;
  /** API_TOKENS: bearer tokens that may start and cancel analyses; empty = no authentication. */
  apiTokens: string[];
  /** DISTRIBUTED: the Redis its queue lives on; null (REDIS_URL unset) answers NOT_CONFIGURED. */
  redisUrl: string | null;
  /** Prefix of every Redis key of the queue and the staged chunks. */
  distributedPrefix: string;
  /** Wait for a first worker, and tolerance for none mid-query, before NO_WORKERS. */
  distributedNoWorkersMs: number;
  /** Most chunk bytes this server keeps staged in Redis. */
  distributedStageBytes: number;
  /** A staged chunk expires this long after its last use. */
  distributedStageTtlMs: number;
  /** AUTO picks DISTRIBUTED at or above this much text (when workers are connected); 0 never. */
  distributedAutoMinBytes: number;
  /** Ended runs kept (newest first), and days an ended run is kept; 0 = no limit. */
  analysisRetentionRuns: number;
  analysisRetentionDays: number;
}

/** `npm run worker`: one process taking DISTRIBUTED jobs from Redis. */
export type WorkerConfig = Required<Omit<RemoteWorkerOptions, "id">> & {
  maxOldGenerationMb: number;
};

function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new Error(`${name} must be true or false (got "${raw}")`);
}

/** Comma-separated tokens of visible ASCII (RFC 6750 allows no spaces); set but empty is a mistake. */
function tokens(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw === "") return [];
  const list = raw
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  if (list.length === 0)
    throw new Error(`${name} is set but lists no token (unset it to switch tokens off)`);
  for (const t of list) {
    if (!/^[\x21-\x7e]+$/.test(t)) {
      throw new Error(`${name}: tokens are comma-separated runs of visible ASCII characters`);
    }
  }
  return list;
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const production = env.NODE_ENV === "production";
  return {
    databaseUrl,
    databaseFile: sqlitePathFromUrl(databaseUrl),
    port: int(env, "PORT", 4000, 0, 65535),
    host: env.HOST || "127.0.0.1",
    poolSize: int(env, "POOL_SIZE", os.availableParallelism(), 1, 64),
    residentBudgetBytes: int(env, "RESIDENT_BUDGET_MB", 512, 0, 16384) * 1024 * 1024,
    kernel: kernelName(env),
    workerMaxOldGenerationMb: int(env, "WORKER_MAX_OLD_GENERATION_MB", 256, 16, 16384),
    workerNice: int(env, "WORKER_NICE", 10, 0, 19),
    queryTimeoutMs: int(env, "QUERY_TIMEOUT_MS", 60_000, 100, 3_600_000),
    maxConcurrentHeavy: int(env, "MAX_CONCURRENT_HEAVY", 2, 1, 64),
    maxQueuedHeavy: int(env, "MAX_QUEUED_HEAVY", 16, 0, 10_000),
    maxBodyBytes: int(env, "MAX_BODY_KB", 1024, 1, 1024 * 1024) * 1024,
    maxQueryDepth: int(env, "MAX_QUERY_DEPTH", 20, 1, 1000),
    maxQueryComplexity: int(env, "MAX_QUERY_COMPLEXITY", 100_000, 1, 1_000_000_000),
    maxQueryTokens: int(env, "MAX_QUERY_TOKENS", 10_000, 100, 10_000_000),
    maxResponseBytes: int(env, "MAX_RESPONSE_MB", 32, 1, 4096) * 1024 * 1024,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter((o) => o !== ""),
    maxWsConnectionsPerClient: int(env, "MAX_WS_CONNECTIONS_PER_CLIENT", 32, 1, 100_000),
    maxWsSubscriptionsPerConnection: int(
      env,
      "MAX_WS_SUBSCRIPTIONS_PER_CONNECTION",
      100,
      1,
      100_000,
    ),
    metrics: bool(env, "METRICS", true),
    playground: bool(env, "PLAYGROUND", !production),
    introspection: bool(env, "INTROSPECTION", !production),
    seedOnStart: bool(env, "SEED_ON_START", true),
    lockTimeoutMs: int(env, "LOCK_TIMEOUT_MS", 120_000, 1, 2_147_483_647),
    maxConcurrentAnalyses: int(env, "MAX_CONCURRENT_ANALYSES", 2, 1, 64),
    maxQueuedAnalyses: int(env, "MAX_QUEUED_ANALYSES", 1000, 0, 100_000),
    analysisProgressSteps: int(env, "ANALYSIS_PROGRESS_STEPS", 20, 1, 10_000),
    analysisResultBatch: int(env, "ANALYSIS_RESULT_BATCH", 1000, 1, 100_000),
    apiTokens: tokens(env, "API_TOKENS"),
    analysisRetentionRuns: int(env, "ANALYSIS_RETENTION_RUNS", 500, 0, 100_000_000),
    analysisRetentionDays: int(env, "ANALYSIS_RETENTION_DAYS", 0, 0, 100_000),
    redisUrl: redisUrl(env, false),
    distributedPrefix: prefix(env),
    distributedNoWorkersMs: int(env, "DISTRIBUTED_NO_WORKERS_MS", 3000, 100, 600_000),
    distributedStageBytes: int(env, "DISTRIBUTED_STAGE_MB", 512, 1, 65_536) * 1024 * 1024,
    distributedStageTtlMs: int(env, "DISTRIBUTED_STAGE_TTL_S", 3600, 10, 604_800) * 1000,
    distributedAutoMinBytes: int(env, "DISTRIBUTED_AUTO_MIN_MB", 0, 0, 1_048_576) * 1024 * 1024,
  };
}

function kernelName(env: NodeJS.ProcessEnv): KernelName {
  const raw = env.KERNEL || "wasm-simd";
  if (raw !== "wasm-simd" && raw !== "js") {
    throw new Error(`KERNEL must be "wasm-simd" or "js" (got "${raw}")`);
  }
  return raw;
}

function redisUrl(env: NodeJS.ProcessEnv, required: true): string;
function redisUrl(env: NodeJS.ProcessEnv, required: false): string | null;
function redisUrl(env: NodeJS.ProcessEnv, required: boolean): string | null {
  const url = env.REDIS_URL;
  if (url === undefined || url === "") {
    if (!required) return null;
    throw new Error(
      "REDIS_URL is not set: a worker takes its jobs from Redis, e.g. REDIS_URL=redis://api-host:6379",
    );
  }
  checkRedisUrl(url);
  return url;
}

function prefix(env: NodeJS.ProcessEnv): string {
  const p = env.DISTRIBUTED_PREFIX || DEFAULT_PREFIX;
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(p)) {
    throw new Error(`DISTRIBUTED_PREFIX must be 1 to 64 of A-Z a-z 0-9 _ . - (got "${p}")`);
  }
  return p;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  return {
    redisUrl: redisUrl(env, true),
    prefix: prefix(env),
    concurrency: int(env, "WORKER_CONCURRENCY", os.availableParallelism(), 1, 256),
    cacheBytes: int(env, "WORKER_CACHE_MB", 1024, 0, 1_048_576) * 1024 * 1024,
    lockDurationMs: int(env, "WORKER_LOCK_MS", 5000, 200, 600_000),
    stalledIntervalMs: int(env, "WORKER_STALLED_INTERVAL_MS", 2500, 100, 600_000),
    maxStalledCount: int(env, "WORKER_MAX_STALLED", 2, 0, 100),
    resultTtlMs: int(env, "WORKER_RESULT_TTL_S", 600, 1, 86_400) * 1000,
    maxOldGenerationMb: int(env, "WORKER_MAX_OLD_GENERATION_MB", 256, 16, 16384),
  };
}
