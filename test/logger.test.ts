import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { logFormatFor } from "../src/logger";

const LOGGER_JS = path.resolve(__dirname, "../src/logger.js");
/** A process that logs one line through the server's logger, exactly as main.js creates it. */
const LOG_ONCE = `require(${JSON.stringify(LOGGER_JS)}).createLogger("info").info({ rows: 7 }, "loaded");`;

test("the format follows stdout: pretty on a terminal, JSON on anything else", () => {
  assert.equal(logFormatFor({ isTTY: true }), "pretty");
  assert.equal(logFormatFor({ isTTY: false }), "json");
  assert.equal(logFormatFor({}), "json");
});

test("into a pipe, every line is pino JSON", () => {
  const r = spawnSync(process.execPath, ["-e", LOG_ONCE], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.equal(lines.length, 1);
  const line = JSON.parse(lines[0]) as Record<string, unknown>;
  assert.equal(line.level, 30);
  assert.equal(line.msg, "loaded");
  assert.equal(line.rows, 7);
});

test("on a terminal (a pseudo-TTY from script(1)), lines are readable, not JSON", () => {
  const command = `${JSON.stringify(process.execPath)} -e ${shellQuote(LOG_ONCE)}`;
  const r = spawnSync("script", ["-qec", command, "/dev/null"], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  assert.equal(r.error, undefined, "script(1) from util-linux runs the logger on a pseudo-TTY");
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const text = r.stdout.replace(/\r/g, "").trim();
  assert.match(text, /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: loaded\n {4}rows: 7$/);
});

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
