import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "./support/test-app";
import { launchChromium, runInPlayground } from "./support/playground-browser";
import { waitForEnd } from "./analyses/analysis-test-support";

test("a browser at /graphql shows Playground, served by the app itself, and runs capitalLetterStats", async (t) => {
  const { url, http } = await startTestApp(t);
  const page = await http.get("/graphql").set("accept", "text/html");
  assert.equal(page.status, 200);
  assert.match(page.headers["content-type"], /text\/html/);
  assert.doesNotMatch(page.text, /https?:\/\/(?!www\.w3\.org)/, "no external URL in the page");
  const browser = await launchChromium();
  t.after(() => browser.close());
  const run = await runInPlayground(
    browser,
    `${url}/graphql`,
    "{ capitalLetterStats { emailCount totalCapitals } }",
    '"totalCapitals": 41',
    "/tmp/capstats-playground.png",
  );
  assert.deepEqual(run.result, {
    data: { capitalLetterStats: { emailCount: 7, totalCapitals: 41 } },
  });
});

test("with PLAYGROUND=false the page and its assets are not served", async (t) => {
  const { http } = await startTestApp(t, { env: { PLAYGROUND: "false" } });
  const page = await http.get("/graphql").set("accept", "text/html");
  assert.doesNotMatch(page.text, /GraphQL Playground/);
  assert.equal((await http.get("/playground-assets/fonts/x.css")).status, 404);
});

test("a subscription typed into the bundled Playground runs over its legacy WebSocket protocol", async (t) => {
  const app = await startTestApp(t);
  const started = await app.gql<{ startAnalysis: { id: string } }>(
    "mutation { startAnalysis(input: { metrics: [WORDS] }) { id } }",
  );
  const id = started.data!.startAnalysis.id;
  await waitForEnd(app, id);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const run = await runInPlayground(
    browser,
    `${app.url}/graphql`,
    `subscription { analysisProgress(id: "${id}") { id status emailsDone } }`,
    '"status": "COMPLETED"',
    "/tmp/capstats-playground-subscription.png",
  );
  assert.deepEqual(run.result, {
    data: { analysisProgress: { id, status: "COMPLETED", emailsDone: 7 } },
  });
  // subscriptions-transport-ws: connection_init, then start (graphql-transport-ws says subscribe).
  assert.deepEqual(run.webSocketFrames.slice(0, 2), ["connection_init", "start"]);
});
