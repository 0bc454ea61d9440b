import assert from "node:assert/strict";
import { test } from "node:test";
import type { Client } from "graphql-ws";
import { FIXTURE } from "../support/fixture-corpus";
import { holdCorpus, startTestApp } from "../support/test-app";
import { wsClient } from "../support/ws-client";
import { HANG_MS, RUN_FIELDS, startRun, waitFor, type RunView } from "./analysis-test-support";

interface Message {
  data?: { analysisProgress: RunView | null } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Collects every message of one subscription; `first` fires on the first one. */
function follow(client: Client, id: string, first?: () => void) {
  const messages: Message[] = [];
  const done = new Promise<Message[]>((resolve, reject) => {
    client.subscribe<Message["data"]>(
      {
        query: `subscription($id: ID!) { analysisProgress(id: $id) { ${RUN_FIELDS} } }`,
        variables: { id },
      },
      {
        next: (m) => {
          messages.push(m as Message);
          if (messages.length === 1) first?.();
        },
        error: reject,
        complete: () => resolve(messages),
      },
    );
  });
  return done;
}

test(
  "analysisProgress delivers the run's states over a real WebSocket: rising progress, then COMPLETED, then the end",
  { timeout: HANG_MS },
  async (t) => {
    const app = await startTestApp(t, { env: { ANALYSIS_PROGRESS_STEPS: "7" } });
    // Holding the corpus keeps the run PENDING until the subscription is in place, so every
    // state it goes through is seen, whatever the timing.
    const { release, held } = holdCorpus(app, "test");
    const run = await startRun(app, { strategy: "THREADS", metrics: ["CAPITALS", "CHARACTERS"] });
    const messages = await follow(wsClient(t, app), run.id, () => release());
    await held;

    assert.ok(
      messages.every((m) => m.errors === undefined),
      JSON.stringify(messages),
    );
    const states = messages.map((m) => m.data!.analysisProgress!);
    // 7 emails in 7 one-email tasks: each finished task moves the bar by one email.
    assert.deepEqual(
      states.map((s) => [s.status, s.emailsDone]),
      [
        ["PENDING", 0],
        ["RUNNING", 0],
        ...[1, 2, 3, 4, 5, 6, 7].map((n) => ["RUNNING", n]),
        ["COMPLETED", 7],
      ],
    );
    assert.deepEqual(
      states.map((s) => s.progress),
      [0, 0, 1 / 7, 2 / 7, 3 / 7, 4 / 7, 5 / 7, 6 / 7, 1, 1],
    );
    const final = states.at(-1)!;
    assert.equal(
      final.totalCapitals,
      FIXTURE.reduce((s, e) => s + e.capitals, 0),
    );
    assert.deepEqual(
      final.totals.map((x) => [x.metric, x.total]),
      [
        ["CAPITALS", FIXTURE.reduce((s, e) => s + e.capitals, 0)],
        ["CHARACTERS", FIXTURE.reduce((s, e) => s + e.characters, 0)],
      ],
    );
    await waitFor(
      "the server to drop the finished subscription",
      async () => app.app.analyses.feed.size === 0,
    );
  },
);

test("analysisProgress on an ended run sends its final state and ends; an unknown run sends null", async (t) => {
  const app = await startTestApp(t);
  const client = wsClient(t, app);
  const run = await startRun(app, { strategy: "SEQUENTIAL" });
  await waitFor(
    "the run to end",
    async () => app.app.analyses.store.get(Number(run.id))?.status === "COMPLETED",
  );
  const ended = await follow(client, run.id);
  assert.deepEqual(
    ended.map((m) => m.data?.analysisProgress?.status),
    ["COMPLETED"],
  );
  assert.deepEqual(await follow(client, "999999"), [{ data: { analysisProgress: null } }]);
  const bad = await follow(client, "x1");
  assert.equal(bad.length, 1);
  assert.equal(bad[0].errors?.[0].extensions?.code, "BAD_USER_INPUT");
});
