import assert from "node:assert/strict";
import { test } from "node:test";
import { committedSchema, fuzz } from "../../bench/fuzz/fuzz-run";
import { startTestApp } from "../support/test-app";
import { assertHealthy } from "../support/graphql-checks";

/** Fixed, so a failure reproduces; `npm run fuzz -- --seed S --count N` runs longer. */
const SEED = 20261202;
const COUNT = 1000;

test(
  "schema-driven fuzz: no 5xx but OVERLOADED, no INTERNAL_SERVER_ERROR, no hang",
  { timeout: 300_000 },
  async (t) => {
    const app = await startTestApp(t, { env: { MAX_QUEUED_HEAVY: "4" } });
    const figures = await fuzz(app.url, committedSchema(), SEED, COUNT);
    t.diagnostic(`schema fuzz (seed ${SEED}): ${JSON.stringify(figures)}`);
    assert.equal(figures.requests, COUNT);
    assert.deepEqual(figures.violations, []);
    // Most operations are valid: the run exercised resolvers, not only the parser.
    assert.ok((figures.codes.ok ?? 0) > COUNT / 5, JSON.stringify(figures.codes));
    await assertHealthy(app);
  },
);
