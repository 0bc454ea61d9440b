import { ResponseTooLargeError } from "../errors/client-errors";

/** Longest the serializer runs before letting other requests have the event loop. */
const SLICE_MS = 5;
/** Pieces written between two looks at the clock, on a walk. */
const CHECK_EVERY = 64;
/** A value within an allowance is written by one native JSON.stringify call. */
interface Allowance {
  /** Values in all, nested or not. */
  members: number;
  /** Characters of its strings and keys. */
  chars: number;
}

/**
 * The whole answer is written in one call when it is at most this big: every usual answer is,
 * and one call costs half of a walk. About 2 ms of work at most, so the event loop is not held
 * long, and a string of at most a few MB is built before it is counted against the limit.
 */
const WHOLE: Allowance = { members: 10_000, chars: 1024 * 1024 };
/**
 * Otherwise the answer is walked, and any piece of it this small (a row of a page, a histogram
 * bucket) is written in one call, so no call runs long or builds a string far past the limit.
 */
const PIECE: Allowance = { members: 64, chars: 16 * 1024 };

/**
 * Apollo's `stringifyResult`, with two differences from JSON.stringify: it stops with
 * RESPONSE_TOO_LARGE as soon as the output passes `limitBytes` (counted in UTF-8), and it
 * yields to the event loop every few milliseconds, so a large answer does not stall every
 * other request while it is written. Same output as Apollo's JSON.stringify(value) + "\n".
 * One pass: the length is counted as the pieces are written, and small answers and pieces
 * are written by JSON.stringify itself, which keeps a small answer nearly as cheap as Apollo's.
 */
export function responseSerializer(
  limitBytes: number,
  sliceMs = SLICE_MS,
): (value: unknown) => Promise<string> {
  return async (value) => {
    const v = resolved(value);
    if (within(v, { ...WHOLE })) {
      // The usual answer: one string, counted (past the limit, push throws) only if it could pass.
      const text = `${JSON.stringify(v) ?? "null"}\n`;
      if (text.length * 3 > limitBytes) new Output(limitBytes).push(text);
      return text;
    }
    const out = new Output(limitBytes);
    const walk = write(v, out);
    let slice = performance.now();
    let steps = 0;
    while (!walk.next().done) {
      if (++steps % CHECK_EVERY !== 0 || performance.now() - slice < sliceMs) continue;
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    out.push("\n");
    return out.parts.join("");
  };
}

class Output {
  readonly parts: string[] = [];
  /** UTF-16 units so far: a UTF-8 byte count is at most three times that. */
  private units = 0;
  /** Exact UTF-8 bytes, counted only once the units alone can no longer rule out the limit. */
  private bytes: number | null = null;

  constructor(private readonly limitBytes: number) {}

  push(part: string): void {
    this.parts.push(part);
    this.units += part.length;
    if (this.bytes === null) {
      if (this.units * 3 <= this.limitBytes) return;
      this.bytes = this.parts.reduce((n, p) => n + Buffer.byteLength(p, "utf8"), 0);
    } else {
      this.bytes += Buffer.byteLength(part, "utf8");
    }
    if (this.bytes > this.limitBytes) {
      throw new ResponseTooLargeError(this.limitBytes, `the answer passed ${this.bytes} bytes`);
    }
  }
}

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== "object" && typeof v !== "function");
}

/**
 * Whether `v` fits what is left of the allowance, which it uses up. Keys are counted with
 * for-in, inherited ones too: that can only overcount, and for-in is the fastest way over
 * graphql-js's null-prototype result objects. Objects with toJSON are walked instead.
 */
function within(v: unknown, left: Allowance): boolean {
  if (--left.members < 0) return false;
  if (typeof v === "string") return (left.chars -= v.length) >= 0;
  if (v === null || typeof v !== "object") return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!within(v[i], left)) return false;
    return true;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  for (const key in v) {
    left.chars -= key.length;
    if (!within((v as Record<string, unknown>)[key], left)) return false;
  }
  return true;
}

function resolved(value: unknown): unknown {
  return typeof value === "object" &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
    ? (value as { toJSON(): unknown }).toJSON()
    : value;
}

/** Writes `v` in one piece if it is small; says whether it did. */
function wroteSmall(v: unknown, out: Output): boolean {
  if (!isPrimitive(v) && !within(v, { ...PIECE })) return false;
  out.push(JSON.stringify(v) ?? "null");
  return true;
}

/**
 * JSON.stringify's rules, a piece per step: a generator so the driver can pause it. `v` has
 * been through toJSON already (JSON.stringify calls it once per value).
 */
function* write(v: unknown, out: Output): Generator<void> {
  if (wroteSmall(v, out)) return;
  if (Array.isArray(v)) {
    out.push("[");
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(",");
      const item = resolved(v[i]);
      if (item === undefined || typeof item === "function" || typeof item === "symbol")
        out.push("null");
      else if (!wroteSmall(item, out)) yield* write(item, out);
      yield;
    }
    out.push("]");
  } else {
    out.push("{");
    let first = true;
    for (const key of Object.keys(v as object)) {
      const item = resolved((v as Record<string, unknown>)[key]);
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      out.push(`${first ? "" : ","}${JSON.stringify(key)}:`);
      first = false;
      if (!wroteSmall(item, out)) yield* write(item, out);
      yield;
    }
    out.push("}");
  }
}
