import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import pino from "pino";
import { createApp } from "../src/app";
import { loadConfig } from "../src/config";
import { tempDir } from "./support/temp-dir";

/** Live (not yet reaped or exited) child processes of this process, from /proc. */
function liveChildren(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(ppid) === process.pid && state !== "Z") out.push(Number(entry));
    } catch {
      // the process ended while listed
    }
  }
  return out;
}

test("an app that fails to build closes what it had opened: no worker process outlives it", async (t) => {
  const dir = tempDir(t);
  const config = loadConfig({
    DATABASE_URL: `file:${path.join(dir, "test.db")}`,
    POOL_SIZE: "2",
    SEED_ON_START: "false",
  });
  const before = liveChildren();
  const failing = {
    // Apollo runs this while the HTTP server is built, after the pools have started.
    serverWillStart(): Promise<void> {
      return Promise.reject(new Error("plugin refused to start"));
    },
  };
  await assert.rejects(
    createApp(config, { logger: pino({ level: "silent" }), apolloPlugins: [failing] }),
    /plugin refused to start/,
  );
  // Terminated processes are reaped asynchronously; wait for that, not for a time.
  let left = liveChildren().filter((pid) => !before.includes(pid));
  for (let i = 0; left.length > 0 && i < 100; i++) {
    await sleep(50);
    left = liveChildren().filter((pid) => !before.includes(pid));
  }
  assert.deepEqual(left, [], "the PROCESSES pool's workers were stopped");
});
