import { test } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import {
  ENDPOINT,
  HELLO_ANSWER,
  startPlaygroundApp,
  type RunningApp,
} from "./playground-app.fixture";
import { launchChromium, runInPlayground } from "../support/playground-browser";

test("offline GraphQL Playground in headless Chromium", async (t) => {
  let running: RunningApp;
  let browser: Browser | undefined;

  t.before(async () => {
    running = await startPlaygroundApp();
  });
  t.after(async () => {
    await browser?.close();
    await running.close();
  });

  await t.test("renders from local assets only and runs { hello }", async () => {
    browser = await launchChromium();
    const run = await runInPlayground(
      browser,
      `${running.origin}${ENDPOINT}`,
      "{ hello }",
      HELLO_ANSWER,
      "/tmp/playground.png",
    );
    assert.deepEqual(run.result, { data: { hello: HELLO_ANSWER } });
  });
});
