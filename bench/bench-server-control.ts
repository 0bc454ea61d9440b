import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { gql, startServer } from "../test/support/server-process";

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
  /** POSTs an operation; GraphQL errors become a thrown Error naming them. */
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** GETs a path and returns the status; the body is read and discarded. */
  get(pathname: string): Promise<number>;
  /** Closes the server and returns its peak memory. */
  stop(): Promise<ServerMemory>;
}

const START_TIMEOUT_MS = 120_000;

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

/** Starts bench-server.js (a stock app on 127.0.0.1:0) in a child process. */
export async function startBenchServer(dbFile: string, poolSize?: number): Promise<BenchServer> {
  const server = await startServer({
    entry: path.join(__dirname, "bench-server.js"),
    args: poolSize === undefined ? [dbFile] : [dbFile, String(poolSize)],
    ipc: true,
    echo: true,
    startTimeoutMs: START_TIMEOUT_MS,
  });
  const url = server.url;
  return {
    url,
    async gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const body = await gql<T>(url, query, variables);
      if (body.errors?.length || !body.data) {
        const why = body.errors?.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`);
        throw new Error(`GraphQL request failed: ${why?.join("; ") ?? "no data"}`);
      }
      return body.data;
    },
    async get(pathname: string): Promise<number> {
      const res = await fetch(`${url}${pathname}`);
      await res.arrayBuffer();
      return res.status;
    },
    async stop(): Promise<ServerMemory> {
      const memory = stopped(server.child);
      server.child.send({ type: "stop" });
      const { mainMaxRssMb, processWorkersMaxRssMb } = await memory;
      await server.exited;
      return { mainMaxRssMb, processWorkersMaxRssMb };
    },
  };
}
