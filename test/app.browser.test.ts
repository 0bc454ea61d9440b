import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "./support/test-app";
import { launchChromium, runInPlayground } from "./support/playground-browser";

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
