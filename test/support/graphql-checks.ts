import assert from "node:assert/strict";
import type { App } from "../../src/app";
import type { StatsService } from "../../src/stats/stats.service";
import { FIXTURE } from "./fixture-corpus";
import type { TestApp } from "./test-app";

/** The fixture's hand-counted capitals: 2 + 5 + 5 + 3 + 0 + 4 + 22. */
export const FIXTURE_CAPITALS = 41;

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Counts calls into the only two ways GraphQL reaches the engine, still doing the work. */
export function spyOnEngine(app: App): { calls: () => number } {
  let calls = 0;
  const stats = app.stats as StatsService;
  const compute = stats.compute.bind(stats);
  const compare = stats.compare.bind(stats);
  stats.compute = (...args) => {
    calls++;
    return compute(...args);
  };
  stats.compare = (...args) => {
    calls++;
    return compare(...args);
  };
  return { calls: () => calls };
}

/** The server still answers a real heavy query correctly, and the database file is sound. */
export async function assertHealthy(t: TestApp): Promise<void> {
  const res = await t.gql<{ capitalLetterStats: { totalCapitals: number; emailCount: number } }>(
    "{ capitalLetterStats(fresh: true) { totalCapitals emailCount } }",
  );
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  assert.deepEqual(res.data?.capitalLetterStats, {
    totalCapitals: FIXTURE_CAPITALS,
    emailCount: FIXTURE.length,
  });
  assert.deepEqual(t.app.db.pragma("integrity_check"), [{ integrity_check: "ok" }]);
  assert.deepEqual(t.app.db.prepare("SELECT count(*) AS n FROM Email").get(), {
    n: FIXTURE.length,
  });
}

/** The single error of a refused request, with its code. */
export function onlyError(body: GraphQLBody): { message: string; code: unknown } {
  assert.equal(body.errors?.length, 1, JSON.stringify(body));
  const [e] = body.errors!;
  return { message: e.message, code: e.extensions?.code };
}

/** POSTs `query` to /graphql, checks the HTTP status, and returns the body and its single error. */
export async function postRefused(
  app: TestApp,
  query: string,
  status = 400,
): Promise<{ body: GraphQLBody; err: { message: string; code: unknown } }> {
  const res = await app.http.post("/graphql").send({ query });
  assert.equal(res.status, status, JSON.stringify(res.body));
  const body = res.body as GraphQLBody;
  return { body, err: onlyError(body) };
}

/** `{ a0: field, a1: field, ... }` with n aliases. */
export function aliased(n: number, field: string): string {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
}
