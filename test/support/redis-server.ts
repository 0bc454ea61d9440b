import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";

/** What tears the process down afterwards: a test context, or the bench's own list. */
export interface Cleanup {
  after(fn: () => unknown): void;
}

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGKILL: as abrupt as a crash); everything in it is lost. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

export interface RedisServerOptions {
  /** Addresses to listen on besides 127.0.0.1 (a veth end, for a worker in another netns). */
  alsoBind?: string[];
  /** The program to run; default Debian's `redis-server` on PATH. */
  command?: string;
}

const READY_LIMIT_MS = 15_000;

/**
 * A private redis-server (Debian's package) on a free loopback port, for one test file:
 * the shared Redis on 6379 belongs to everyone else on the machine, and fault tests stop
 * theirs. Nothing is persisted. Stopped when the test ends.
 */
export async function startRedis(t: Cleanup, opts: RedisServerOptions = {}): Promise<RedisServer> {
  const command = opts.command ?? "redis-server";
  const found = spawnSync(command, ["--version"], { encoding: "utf8" });
  if (found.error || found.status !== 0) {
    throw new Error(
      `${command} is not installed; the DISTRIBUTED tests start their own: ` +
        "apt-get install redis-server (.ci/run does it when it is missing)",
    );
  }
  const port = await freePort();
  const binds = ["127.0.0.1", ...(opts.alsoBind ?? [])];
  let child: ChildProcess | null = null;
  let log = "";
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      log = "";
      const args = ["--port", String(port), "--bind", ...binds, "--save", "", "--appendonly", "no"];
      // A non-loopback address (the veth end) is refused in protected mode; it is private here.
      if (binds.length > 1) args.push("--protected-mode", "no");
      const c = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
      child = c;
      c.stdout!.on("data", (d) => (log += d));
      c.stderr!.on("data", (d) => (log += d));
      await untilPong(port, c, () => log);
    },
    async stop() {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((resolve) => c.once("exit", resolve));
      c.kill("SIGKILL");
      await exited;
    },
  };
  await server.start();
  t.after(() => server.stop());
  return server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function untilPong(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_LIMIT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited:\n${log()}`);
    if (await pong(port)) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let reply = "";
    socket.setTimeout(1000, () => socket.destroy());
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (d) => {
      reply += d;
      if (reply.includes("\r\n")) socket.end();
    });
    socket.on("close", () => resolve(reply.startsWith("+PONG")));
    socket.on("error", () => resolve(false));
  });
}
