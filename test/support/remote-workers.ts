import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Netns } from "./netns";
import type { Cleanup } from "./redis-server";

/** What `npm run worker` runs, from the same build as the tests. */
export const WORKER_MAIN_JS = path.resolve(__dirname, "../../src/worker-main.js");
/** The same worker with a pause before each count (`--task-delay-ms`), for fault tests. */
export const SLOW_WORKER_JS = path.resolve(__dirname, "slow-remote-worker.js");

export interface WorkerProcess {
  child: ChildProcess;
  /** "<host>:<pid>" as it appears in perWorker. */
  id: string;
  exited: Promise<number | string | null>;
  output(): string;
}

export interface WorkerSpawn {
  redisUrl: string;
  /** Arguments of the script (the slow worker's `--serve --task-delay-ms=N`). */
  args?: string[];
  env?: Record<string, string>;
  script?: string;
  /** Run inside this network namespace, with `hideDir` covered by an empty tmpfs. */
  netns?: Netns;
  hideDir?: string;
  /**
   * Run under nice(1) by this much (relative, like WORKER_NICE for the pools): a worker on the
   * API's own machine then leaves the event loop its core, as pool workers do.
   */
  nice?: number;
}

const READY_LIMIT_MS = 30_000;

/** Starts a worker process and resolves once it logged "worker ready"; killed when the test ends. */
export async function spawnWorker(t: Cleanup, opts: WorkerSpawn): Promise<WorkerProcess> {
  const script = opts.script ?? WORKER_MAIN_JS;
  const env = {
    ...process.env,
    REDIS_URL: opts.redisUrl,
    WORKER_CONCURRENCY: "1",
    LOG_LEVEL: "info",
    HIDE_DIR: opts.hideDir ?? "",
    ...opts.env,
  };
  const [cmd, args] = opts.netns
    ? [
        "ip",
        [
          "netns",
          "exec",
          opts.netns.name,
          "unshare",
          "--mount",
          "--propagation",
          "private",
          "--",
          "sh",
          "-c",
          // exec keeps one pid from ip to node, so a signal to the child reaches the worker.
          'if [ -n "$HIDE_DIR" ]; then mount -t tmpfs capstats-hidden "$HIDE_DIR" || exit 3; fi; exec "$@"',
          "sh",
          process.execPath,
          script,
          ...(opts.args ?? []),
        ],
      ]
    : opts.nice
      ? // nice execs node, so the child's pid is the worker's and a kill reaches it.
        ["nice", ["-n", String(opts.nice), process.execPath, script, ...(opts.args ?? [])]]
      : [process.execPath, [script, ...(opts.args ?? [])]];
  const child = spawn(cmd, args as string[], { env, stdio: ["ignore", "pipe", "pipe"], cwd: "/" });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(signal ?? code)),
  );
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
  });
  const id = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + READY_LIMIT_MS;
    const timer = setInterval(() => {
      const m = /"id":"([^"]+)"[^\n]*"msg":"worker ready"/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]);
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`worker did not get ready:\n${out}`));
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`worker exited (${code}) before it was ready:\n${out}`));
    });
  });
  return { child, id, exited, output: () => out };
}

/** Runs `cmd` inside the namespaces of process `pid` (what the worker itself can see). */
export function inNamespacesOf(pid: number, kinds: ("-m" | "-n")[], cmd: string[]): string {
  const r = spawnSync("nsenter", ["-t", String(pid), ...kinds, "--", ...cmd], { encoding: "utf8" });
  if (r.error || r.status !== 0) throw new Error(`nsenter failed: ${r.stderr || r.error}`);
  return r.stdout;
}
