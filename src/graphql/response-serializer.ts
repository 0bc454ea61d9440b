import { ResponseTooLargeError } from "../errors/client-errors";

/** Longest the serializer runs before letting other requests have the event loop. */
const SLICE_MS = 5;
/** Pieces written between two looks at the clock. */
const CHECK_EVERY = 64;
/**
 * A value of at most this many members in all, nested or not, is written by one native
 * JSON.stringify call: a small answer, a row of a page, a histogram bucket. Bigger ones are
 * walked member by member, so no single call runs long or builds a string far past the limit
 * before it is counted.
 */
const SMALL_MEMBERS = 64;
/** ... and only when its strings and keys add up to at most this many characters. */
const SMALL_CHARS = 16 * 1024;

/**
 * Apollo's `stringifyResult`, with two differences from JSON.stringify: it stops with
 * RESPONSE_TOO_LARGE as soon as the output passes `limitBytes` (counted in UTF-8), and it
 * yields to the event loop every few milliseconds, so a large answer does not stall every
 * other request while it is written. Same output as Apollo's JSON.stringify(value) + "\n".
 * One pass: the length is counted as the pieces are written, and small rows are written by
 * JSON.stringify itself, which is what keeps a small answer nearly as cheap as Apollo's.
 */
export function responseSerializer(limitBytes: number): (value: unknown) => Promise<string> {
  return async (value) => {
    const out = new Output(limitBytes);
    const walk = write(resolved(value), out);
    let slice = performance.now();
    let steps = 0;
    while (!walk.next().done) {
      if (++steps % CHECK_EVERY !== 0 || performance.now() - slice < SLICE_MS) continue;
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

/** What is left of SMALL_MEMBERS and SMALL_CHARS while a value is looked over. */
interface Allowance {
  members: number;
  chars: number;
}

/** Whether `v` fits the allowance (see SMALL_MEMBERS); objects with toJSON are walked instead. */
function fits(v: unknown, left: Allowance): boolean {
  if (--left.members < 0) return false;
  if (typeof v === "string") return (left.chars -= v.length) >= 0;
  if (isPrimitive(v)) return true;
  if (typeof v === "function") return true;
  if (Array.isArray(v)) {
    for (const item of v) if (!fits(item, left)) return false;
    return true;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  for (const key in v as object) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
    left.chars -= key.length;
    if (!fits((v as Record<string, unknown>)[key], left)) return false;
  }
  return true;
}

function isSmall(v: unknown): boolean {
  return fits(v, { members: SMALL_MEMBERS, chars: SMALL_CHARS });
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
  if (!isPrimitive(v) && !isSmall(v)) return false;
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
