import { ALL_METRICS_MASK } from "../../../metrics/metrics";

/**
 * What a chunk job carries and returns. Both cross the network as JSON, so each side checks
 * what it receives field by field: a malformed job fails with a message naming the field
 * instead of counting garbage.
 */
export interface CountJobData {
  /** SHA-256 of the staged chunk; its key is chunkKey(prefix, chunk). */
  chunk: string;
  /** Bytes of the staged blob, so a worker can budget its cache before downloading. */
  size: number;
  segments: number;
  mask: number;
  /** Which API host's corpus, and which version of it: a newer version retires older chunks. */
  corpus: string;
  version: number;
}

export interface CountJobResult {
  /** "<host>:<pid>" of the worker process. */
  worker: string;
  /** Key of the binary result (chunk-format encodeResult), read and deleted by the API host. */
  result: string;
  /** Processor start to return, on the worker: what the API host subtracts to get queue wait. */
  handledMs: number;
  fetchMs: number;
  computeMs: number;
  fetchedBytes: number;
  resultBytes: number;
  cached: boolean;
}

type Fields = Record<string, unknown>;

function record(value: unknown, what: string): Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${what} must be an object, got ${JSON.stringify(value)}`);
  }
  return value as Fields;
}

function natural(o: Fields, key: string, what: string): number {
  const v = o[key];
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
    throw new TypeError(`${what}.${key} must be a non-negative integer, got ${JSON.stringify(v)}`);
  }
  return v;
}

function finite(o: Fields, key: string, what: string): number {
  const v = o[key];
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    throw new TypeError(`${what}.${key} must be a non-negative number, got ${JSON.stringify(v)}`);
  }
  return v;
}

function text(o: Fields, key: string, what: string, pattern?: RegExp): string {
  const v = o[key];
  if (typeof v !== "string" || v.length === 0 || v.length > 512 || (pattern && !pattern.test(v))) {
    throw new TypeError(`${what}.${key} is not a valid value: ${JSON.stringify(v)}`);
  }
  return v;
}

export function parseCountJobData(value: unknown): CountJobData {
  const what = "job data";
  const o = record(value, what);
  const mask = natural(o, "mask", what);
  if (mask === 0 || (mask & ~ALL_METRICS_MASK) !== 0) {
    throw new TypeError(`${what}.mask ${mask} is not a metric set (1 to ${ALL_METRICS_MASK})`);
  }
  return {
    chunk: text(o, "chunk", what, /^[0-9a-f]{64}$/),
    size: natural(o, "size", what),
    segments: natural(o, "segments", what),
    mask,
    corpus: text(o, "corpus", what),
    version: natural(o, "version", what),
  };
}

export function parseCountJobResult(value: unknown): CountJobResult {
  const what = "job result";
  const o = record(typeof value === "string" ? (JSON.parse(value) as unknown) : value, what);
  if (typeof o.cached !== "boolean") throw new TypeError(`${what}.cached must be a boolean`);
  return {
    worker: text(o, "worker", what),
    result: text(o, "result", what),
    handledMs: finite(o, "handledMs", what),
    fetchMs: finite(o, "fetchMs", what),
    computeMs: finite(o, "computeMs", what),
    fetchedBytes: natural(o, "fetchedBytes", what),
    resultBytes: natural(o, "resultBytes", what),
    cached: o.cached,
  };
}
