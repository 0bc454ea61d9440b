import { serveCountWorker } from "./serve-worker";

/** The pools' worker entry: count tasks and nothing else (see serve-worker.ts). */
serveCountWorker();
