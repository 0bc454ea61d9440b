import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { startServer } from "../test/support/server-process";
import { HttpClient } from "./http-client";

/** What bench-server.js sends over IPC when asked to stop. */
export interface StoppedMessage {
  type: "stopped";
  mainMaxRssMb: number;
  processWorkersMaxRssMb: number[] | null;
}

export interface ServerMemory {
  mainMaxRssMb: number;
  processWorkersMaxRssMb: number[] | null;
}

export interface BenchServer {
  url: string;
  /** The server's process id (for its CPU time in /proc). */
  pid: number;
  /** POSTs an operation; GraphQL errors become a thrown Error naming them. */
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** GETs a path and returns the status; the body is read and discarded. */
  get(pathname: string): Promise<number>;
  /** GETs a path and returns its body (on a socket of its own, apart from gql's). */
  text(pathname: string): Promise<string>;
  /** Another client on its own socket, for a second stream of requests in parallel. */
  client(): HttpClient;
  /** Closes the server and returns its peak memory. */
  stop(): Promise<ServerMemory>;
}

const START_TIMEOUT_MS = 120_000;

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One GraphQL POST; errors in the answer become a thrown Error naming them. */
export async function gqlOver<T>(
  client: HttpClient,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await client.request("POST", "/graphql", JSON.stringify({ query, variables }));
  const body = JSON.parse(res.body) as GraphQLResponse<T>;
  if (body.errors?.length || !body.data) {
    const why = body.errors?.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`);
    throw new Error(`GraphQL request failed (HTTP ${res.status}): ${why?.join("; ") ?? "no data"}`);
  }
  return body.data;
}

function stopped(child: ChildProcess): Promise<StoppedMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error("bench server: shutdown timed out")), 120_000);
    const onMessage = (m: { type?: string }): void => {
      if (m.type !== "stopped") return;
      cleanup();
      resolve(m as StoppedMessage);
    };
    const onExit = (code: number | null, signal: string | null): void =>
      fail(new Error(`bench server exited during shutdown (code ${code}, signal ${signal})`));
    const fail = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/**
 * Starts bench-server.js (a stock app on 127.0.0.1:0) in a child process, deployed as in
 * production (NODE_ENV=production: graphql-js, for one, skips its development checks).
 * `settings` are configuration variables on top of the bench's (REDIS_URL, say).
 */
export async function startBenchServer(
  dbFile: string,
  poolSize?: number,
  settings: Record<string, string> = {},
): Promise<BenchServer> {
  const all = poolSize === undefined ? settings : { POOL_SIZE: String(poolSize), ...settings };
  const server = await startServer({
    entry: path.join(__dirname, "bench-server.js"),
    args: [dbFile, ...Object.entries(all).map(([name, value]) => `${name}=${value}`)],
    env: { NODE_ENV: "production" },
    ipc: true,
    echo: true,
    startTimeoutMs: START_TIMEOUT_MS,
  });
  const url = server.url;
  const main = new HttpClient(url);
  const side = new HttpClient(url);
  return {
    url,
    pid: server.pid,
    gql: <T>(query: string, variables?: Record<string, unknown>) =>
      gqlOver<T>(main, query, variables),
    async get(pathname: string): Promise<number> {
      return (await side.request("GET", pathname)).status;
    },
    async text(pathname: string): Promise<string> {
      return (await side.request("GET", pathname)).body;
    },
    client: () => new HttpClient(url),
    async stop(): Promise<ServerMemory> {
      main.close();
      side.close();
      const memory = stopped(server.child);
      server.child.send({ type: "stop" });
      const { mainMaxRssMb, processWorkersMaxRssMb } = await memory;
      await server.exited;
      return { mainMaxRssMb, processWorkersMaxRssMb };
    },
  };
}
