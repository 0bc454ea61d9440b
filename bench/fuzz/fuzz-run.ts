import fs from "node:fs";
import path from "node:path";
import { buildSchema, type GraphQLSchema } from "graphql";
import { OperationGenerator } from "./operation-generator";

/** The committed SDL (a test keeps it equal to what the resolvers emit): works with introspection off. */
export function committedSchema(): GraphQLSchema {
  const file = path.resolve(__dirname, "../../../schema/schema.graphql");
  return buildSchema(fs.readFileSync(file, "utf8"));
}

/** Past this, a response is a hang, not slowness: the guard of the fuzz run. */
export const HANG_GUARD_MS = 10_000;

export interface FuzzFigures {
  requests: number;
  /** HTTP status -> count. */
  statuses: Record<string, number>;
  /** First error code of each answer ("ok" when none) -> count. */
  codes: Record<string, number>;
  /** By generator kind ("valid", "invalid-arg", ...) -> count. */
  kinds: Record<string, number>;
  slowestMs: number;
  /** What broke a rule: a 5xx other than OVERLOADED, INTERNAL_SERVER_ERROR, a hang. */
  violations: string[];
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

async function post(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(HANG_GUARD_MS * 3),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = { unparsable: text.slice(0, 200) };
  }
  return { status: res.status, json };
}

/**
 * Sends `count` generated operations (seeded) to the server at `url`, `concurrency` at a
 * time, and checks every answer against the rules of the hardening section.
 */
export async function fuzz(
  url: string,
  schema: GraphQLSchema,
  seed: number,
  count: number,
  concurrency = 4,
): Promise<FuzzFigures> {
  const generator = new OperationGenerator(schema, seed);
  const figures: FuzzFigures = {
    requests: 0,
    statuses: {},
    codes: {},
    kinds: {},
    slowestMs: 0,
    violations: [],
  };
  const requests = Array.from({ length: count }, () => generator.next());
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const req = requests[next++];
      const started = performance.now();
      let answer: { status: number; json: unknown };
      try {
        answer = await post(url, { query: req.query, variables: req.variables });
      } catch (err) {
        figures.violations.push(`${(err as Error).message}: ${req.query.slice(0, 200)}`);
        continue;
      }
      const ms = performance.now() - started;
      figures.requests++;
      figures.slowestMs = Math.max(figures.slowestMs, ms);
      bump(figures.statuses, String(answer.status));
      bump(figures.kinds, req.kind);
      const errors =
        (answer.json as { errors?: { extensions?: { code?: string } }[] })?.errors ?? [];
      const codes = errors.map((e) => e.extensions?.code ?? "NO_CODE");
      bump(figures.codes, codes[0] ?? "ok");
      const overloadOnly = codes.length > 0 && codes.every((c) => c === "OVERLOADED");
      if (answer.status >= 500 && !(answer.status === 503 && overloadOnly)) {
        figures.violations.push(
          `HTTP ${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}: ${req.query.slice(0, 300)}`,
        );
      }
      if (codes.includes("INTERNAL_SERVER_ERROR") || codes.includes("NO_CODE")) {
        figures.violations.push(
          `${JSON.stringify(errors).slice(0, 300)}: ${req.query.slice(0, 300)}`,
        );
      }
      if (ms > HANG_GUARD_MS)
        figures.violations.push(`${Math.round(ms)} ms: ${req.query.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return figures;
}
