import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { WorkerPool, type WorkerType } from "../../../../src/engine/exec/pool/worker-pool";
import { childPids } from "./processes.fixture";

/** The nice value of a Linux task (process or thread) from /proc: field 19 of stat. */
function niceOf(statFile: string): number {
  const stat = fs.readFileSync(statFile, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

/** Nice values of this process's own threads (worker threads are threads of this process). */
function threadNices(): number[] {
  return fs.readdirSync("/proc/self/task").map((tid) => niceOf(`/proc/self/task/${tid}/stat`));
}

const NICE = 7;

for (const type of ["thread", "process"] as WorkerType[]) {
  test(`worker priority (${type})`, { skip: process.platform !== "linux" }, async (t) => {
    await t.test(
      `workers run ${NICE} nicer than the server, whose own thread keeps its priority`,
      async () => {
        const mainNice = niceOf(`/proc/self/task/${process.pid}/stat`);
        // Relative to the server's, as nice(1) is: a server run at -15 gets workers at -8.
        const expected = Math.min(mainNice + NICE, 19);
        const before = threadNices().filter((n) => n === expected).length;
        const pool = new WorkerPool({
          type,
          minWorkers: 2,
          maxWorkers: 2,
          maxOldGenerationMb: 64,
          nice: NICE,
        });
        try {
          const ids = await pool.warm();
          if (type === "process") {
            const pids = ids.map((id) => Number(id.split(":")[1]));
            for (const pid of pids) assert.ok(childPids().includes(pid), `${pid} is our child`);
            assert.deepEqual(
              pids.map((pid) => niceOf(`/proc/${pid}/stat`)),
              [expected, expected],
            );
          } else {
            assert.equal(threadNices().filter((n) => n === expected).length - before, 2);
          }
          assert.equal(
            niceOf(`/proc/self/task/${process.pid}/stat`),
            mainNice,
            "main thread untouched",
          );
        } finally {
          await pool.terminate();
        }
      },
    );
  });
}
