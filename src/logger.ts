import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

export type LogFormat = "pretty" | "json";

/** Readable lines on a terminal; JSON lines everywhere else (files, pipes, log collectors). */
export function logFormatFor(stdout: { isTTY?: boolean }): LogFormat {
  return stdout.isTTY ? "pretty" : "json";
}

/** The server's logger, writing to stdout in the format `logFormatFor` picks. */
export function createLogger(level: string, stdout: { isTTY?: boolean } = process.stdout): Logger {
  if (logFormatFor(stdout) === "json") return pino({ level });
  // Synchronous, like pino's own destination: nothing is lost when the process exits.
  return pino(
    { level },
    pretty({ destination: 1, sync: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" }),
  );
}
