import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export type ServerMessage =
  | { type: "ready"; url: string }
  | { type: "stopped"; mainMaxRssMb: number; processWorkersMaxRssMb: number[] | null };

export interface ServerMemory {
  mainMaxRssMb: number;
  processWorkersMaxRssMb: number[] | null;
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
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

function nextMessage<T extends ServerMessage["type"]>(
  child: ChildProcess,
  type: T,
  what: string,
): Promise<Extract<ServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`bench server: ${what} timed out`)),
      START_TIMEOUT_MS,
    );
    const onMessage = (m: ServerMessage): void => {
      if (m.type !== type) return;
      cleanup();
      resolve(m as Extract<ServerMessage, { type: T }>);
    };
    const onExit = (code: number | null, signal: string | null): void =>
      fail(new Error(`bench server exited during ${what} (code ${code}, signal ${signal})`));
    const fail = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      child.off("error", fail);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.once("error", fail);
  });
}

/** Starts bench-server.js (a stock app on 127.0.0.1:0) in a child process. */
export async function startBenchServer(dbFile: string, poolSize?: number): Promise<BenchServer> {
  const args = poolSize === undefined ? [dbFile] : [dbFile, String(poolSize)];
  const child = fork(path.join(__dirname, "bench-server.js"), args, {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let ready;
  try {
    ready = await nextMessage(child, "ready", "start-up");
  } catch (err) {
    child.kill();
    throw err;
  }
  const url = ready.url;
  return {
    url,
    async gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphQLResponse<T>;
      if (body.errors?.length || !body.data) {
        const why = body.errors?.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`);
        throw new Error(
          `GraphQL request failed (HTTP ${res.status}): ${why?.join("; ") ?? "no data"}`,
        );
      }
      return body.data;
    },
    async get(pathname: string): Promise<number> {
      const res = await fetch(`${url}${pathname}`);
      await res.arrayBuffer();
      return res.status;
    },
    async stop(): Promise<ServerMemory> {
      const stopped = nextMessage(child, "stopped", "shutdown");
      child.send({ type: "stop" });
      const { mainMaxRssMb, processWorkersMaxRssMb } = await stopped;
      await new Promise((resolve) =>
        child.exitCode === null ? child.once("exit", resolve) : resolve(null),
      );
      return { mainMaxRssMb, processWorkersMaxRssMb };
    },
  };
}
