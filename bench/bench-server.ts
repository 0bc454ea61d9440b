import fs from "node:fs";
import { createApp } from "../src/app";
import { benchConfig, quietApp } from "./bench-config";
import pino from "pino";
import type { StoppedMessage } from "./bench-server-control";

/**
 * Peak resident memory (VmHWM) of this process's children, in MB: the PROCESSES pool's
 * workers, whose memory process.resourceUsage() does not include. Linux only (null elsewhere).
 */
function childrenPeakRssMb(): number[] | null {
  try {
    const pids = fs
      .readdirSync("/proc/self/task")
      .flatMap((tid) => fs.readFileSync(`/proc/self/task/${tid}/children`, "utf8").split(/\s+/))
      .filter((pid) => pid !== "");
    return pids.flatMap((pid) => {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = /^VmHWM:\s+(\d+) kB/m.exec(status);
      return kb ? [Number(kb[1]) / 1024] : [];
    });
  } catch {
    return null;
  }
}

/**
 * Child-process entry of the bench: one stock Capstats server on 127.0.0.1:0, so the
 * HTTP measurements cross a real process boundary and its peak memory is its own.
 * Args: <database file> [NAME=value ...], configuration variables on top of benchConfig's
 * (POOL_SIZE, REDIS_URL). Logs that it serves as main.js does; reports its memory over the
 * IPC channel when asked to stop.
 */
async function main(): Promise<void> {
  const [dbFile, ...pairs] = process.argv.slice(2);
  if (!dbFile || !process.send || pairs.some((p) => !p.includes("=")))
    throw new Error("usage: fork bench-server.js <db file> [NAME=value ...]");
  const settings = Object.fromEntries(
    pairs.map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]),
  );
  const app = await createApp(benchConfig(dbFile, undefined, settings), quietApp());
  await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server has no TCP address");
  let stopping = false;
  // If the bench dies, do not linger holding two pools of workers.
  process.on("disconnect", () => process.exit(stopping ? 0 : 1));
  process.on("message", (m: { type?: string }) => {
    if (m.type !== "stop" || stopping) return;
    stopping = true;
    const processWorkersMaxRssMb = childrenPeakRssMb();
    const mainMaxRssMb = process.resourceUsage().maxRSS / 1024;
    void app.close().then(() => {
      const stopped: StoppedMessage = { type: "stopped", mainMaxRssMb, processWorkersMaxRssMb };
      process.send?.(stopped);
      process.disconnect();
    });
  });
  const url = `http://127.0.0.1:${address.port}/graphql`;
  pino().info({ url }, "bench server is serving");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
