import fs from "node:fs";
import os from "node:os";

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every common architecture. */
const TICKS_PER_SECOND = 100;

interface Reading {
  busyTicks: number;
  ownTicks: number;
  at: number;
}

export interface Interference {
  /** CPU seconds the rest of the machine used during the run (other processes, hypervisor steal). */
  othersCpuSeconds: number;
  /** That, as a share of all the machine's cores over the run's wall time. */
  othersShareOfMachine: number;
}

function read(): Reading | null {
  try {
    // cpu  user nice system idle iowait irq softirq steal ...
    const cpu = fs
      .readFileSync("/proc/stat", "utf8")
      .split("\n")[0]
      .trim()
      .split(/\s+/)
      .map(Number);
    const busyTicks = cpu[1] + cpu[2] + cpu[3] + cpu[6] + cpu[7] + cpu[8];
    // utime stime cutime cstime: this process plus every child it has reaped, which by the
    // end of a run is every server, Python and sqlite3 process it started (and theirs).
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    const ownTicks =
      Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { busyTicks, ownTicks, at: performance.now() };
  } catch {
    return null;
  }
}

/**
 * How much CPU the rest of the machine took while the bench ran: total busy time minus
 * the bench's own process tree. Load averages cannot tell the two apart, and on a
 * shared 2-core machine this is what makes a median trustworthy or not. Linux only.
 */
export class InterferenceMeter {
  private readonly start = read();

  /** Call after every child process has exited, or their time counts as interference. */
  stop(): Interference | null {
    const end = read();
    if (!this.start || !end) return null;
    const busy = (end.busyTicks - this.start.busyTicks) / TICKS_PER_SECOND;
    const own = (end.ownTicks - this.start.ownTicks) / TICKS_PER_SECOND;
    const others = Math.max(0, busy - own);
    const capacity = ((end.at - this.start.at) / 1000) * os.availableParallelism();
    return { othersCpuSeconds: others, othersShareOfMachine: capacity > 0 ? others / capacity : 0 };
  }
}
