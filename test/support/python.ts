import { spawnSync } from "node:child_process";

/**
 * The one way tests and the bench run Python, the independent oracle. Python being absent is
 * a failure, not a skip: without it the tests that use it would prove nothing (the bench
 * checks `pythonUnavailable` first and reports the skip instead).
 */

/** Inline code (`python3 -c`), or a script file. */
export type PythonScript = string | { file: string };

export interface PythonOptions {
  args?: readonly string[];
  /** Written to the interpreter's stdin. */
  input?: string;
  /** The interpreter's command; python3 unless a caller measures another one. */
  python?: string;
}

export interface PythonRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const PYTHON = "python3";

/** Runs the script; throws only when the interpreter cannot start. The caller judges the exit. */
export function runPython(script: PythonScript, opts: PythonOptions = {}): PythonRun {
  const python = opts.python ?? PYTHON;
  const head = typeof script === "string" ? ["-c", script] : [script.file];
  const r = spawnSync(python, [...head, ...(opts.args ?? [])], {
    encoding: "utf8",
    input: opts.input,
    maxBuffer: 1 << 30,
  });
  if (r.error) {
    throw new Error(
      `${python} is required as the oracle and could not run: ${r.error.message} ` +
        "(apt-get install python3)",
    );
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The script's stdout; a non-zero exit is an error carrying its stderr. */
export function pythonOutput(script: PythonScript, opts: PythonOptions = {}): string {
  const r = runPython(script, opts);
  if (r.status !== 0) {
    const what = typeof script === "string" ? "oracle" : script.file;
    throw new Error(`${opts.python ?? PYTHON} ${what} failed (exit ${r.status}):\n${r.stderr}`);
  }
  return r.stdout;
}

/** The script's stdout, parsed as JSON. */
export function pythonJson<T>(script: PythonScript, opts: PythonOptions = {}): T {
  return JSON.parse(pythonOutput(script, opts)) as T;
}

/** Why `python` cannot run, or null when it can. */
export function pythonUnavailable(python: string = PYTHON): string | null {
  const r = spawnSync(python, ["--version"], { encoding: "utf8" });
  if (r.error) {
    return `${python} not found (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`;
  }
  if (r.status !== 0) return `${python} --version failed: ${r.stderr.trim()}`;
  return null;
}

/** "3.11.7", or null when `python` cannot run. */
export function pythonVersion(python: string = PYTHON): string | null {
  const r = spawnSync(python, ["--version"], { encoding: "utf8" });
  return r.error || r.status !== 0 ? null : r.stdout.trim().replace(/^Python /, "");
}
