import os from "node:os";
import type { Machine } from "./results.types";
import { sqlite3Version } from "./measure-load";
import { pythonVersion } from "../test/support/python";

/** What the numbers were measured on; load averages show whether something else was running. */
export function describeMachine(tools: { python: string; sqlite3: string }): Machine {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    totalMemGb: os.totalmem() / 2 ** 30,
    loadAverageStart: os.loadavg(),
    loadAverageEnd: [],
    interference: null,
    python: pythonVersion(tools.python),
    sqlite3: sqlite3Version(tools.sqlite3),
  };
}
