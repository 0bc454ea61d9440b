import fs from "node:fs";

/** Pids of this process's live children (Linux /proc); zombies are already dead. */
export function childPids(): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // Fields after the parenthesised command: state, ppid, ...
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(ppid) === process.pid && state !== "Z") pids.push(Number(name));
  }
  return pids;
}

/** Polls until check() returns a value, or fails after limitMs (a hang guard, not a timing test). */
export async function waitFor<T>(
  check: () => T | undefined,
  what: string,
  limitMs = 10000,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function pidOf(workerId: string): number {
  const m = /^process:(\d+)$/.exec(workerId);
  if (!m) throw new Error(`not a process worker id: ${workerId}`);
  return Number(m[1]);
}
