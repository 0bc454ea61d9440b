import { ResponseTooLargeError } from "../errors/client-errors";

/** Longest the serializer runs before letting other requests have the event loop. */
const SLICE_MS = 5;
/** Values serialised between two looks at the clock. */
const CHECK_EVERY = 256;

/**
 * Apollo's `stringifyResult`, with two differences from JSON.stringify: it stops with
 * RESPONSE_TOO_LARGE as soon as the output passes `limitBytes` (counted in UTF-8), and it
 * yields to the event loop every few milliseconds, so a large answer does not stall every
 * other request while it is written. Same output as Apollo's JSON.stringify(value) + "\n".
 */
export function responseSerializer(limitBytes: number): (value: unknown) => Promise<string> {
  return async (value) => {
    const out = new Output(limitBytes);
    const walk = write(value, out);
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
  private bytes = 0;

  constructor(private readonly limitBytes: number) {}

  push(part: string): void {
    this.bytes += Buffer.byteLength(part, "utf8");
    if (this.bytes > this.limitBytes) {
      throw new ResponseTooLargeError(this.limitBytes, `the answer passed ${this.bytes} bytes`);
    }
    this.parts.push(part);
  }
}

/** JSON.stringify's rules, one value per step: a generator so the driver can pause it. */
function* write(value: unknown, out: Output): Generator<void> {
  const v =
    value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function"
      ? (value as { toJSON(): unknown }).toJSON()
      : value;
  if (Array.isArray(v)) {
    out.push("[");
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(",");
      const item = v[i] as unknown;
      if (item === undefined || typeof item === "function" || typeof item === "symbol")
        out.push("null");
      else yield* write(item, out);
    }
    out.push("]");
  } else if (v !== null && typeof v === "object") {
    out.push("{");
    let first = true;
    for (const key of Object.keys(v)) {
      const item = (v as Record<string, unknown>)[key];
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      out.push(`${first ? "" : ","}${JSON.stringify(key)}:`);
      first = false;
      yield* write(item, out);
    }
    out.push("}");
  } else {
    out.push(JSON.stringify(v) ?? "null");
  }
  yield;
}
