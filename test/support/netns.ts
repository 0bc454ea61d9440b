import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { TestContext } from "node:test";

/** A network namespace joined to this one by a veth pair: the worker's own little host. */
export interface Netns {
  name: string;
  /** This namespace's end of the pair: where the netns reaches Redis. */
  hostIp: string;
  nsIp: string;
}

function ip(args: string[]): { ok: boolean; err: string } {
  const r = spawnSync("ip", args, { encoding: "utf8" });
  return { ok: !r.error && r.status === 0, err: (r.stderr || String(r.error ?? "")).trim() };
}

/**
 * Creates a namespace with a /30 link to this one, or says why it cannot (not root, no
 * iproute2, no CAP_NET_ADMIN in a container). Removed when the test ends.
 */
export function createNetns(t: TestContext): Netns | { unavailable: string } {
  const tag = randomBytes(3).toString("hex");
  const name = `capstats-${tag}`;
  const [outside, inside] = [`csh${tag}`, `csn${tag}`];
  const used = spawnSync("ip", ["-4", "-o", "addr"], { encoding: "utf8" }).stdout ?? "";
  let subnet = "";
  for (let tries = 0; tries < 50 && !subnet; tries++) {
    const b = randomBytes(2);
    const candidate = `10.${200 + (b[0] % 50)}.${b[1]}`;
    if (!used.includes(`${candidate}.`)) subnet = candidate;
  }
  const hostIp = `${subnet}.1`;
  const nsIp = `${subnet}.2`;
  const steps: string[][] = [
    ["netns", "add", name],
    ["link", "add", outside, "type", "veth", "peer", "name", inside],
    ["link", "set", inside, "netns", name],
    ["addr", "add", `${hostIp}/30`, "dev", outside],
    ["link", "set", outside, "up"],
    ["netns", "exec", name, "ip", "addr", "add", `${nsIp}/30`, "dev", inside],
    ["netns", "exec", name, "ip", "link", "set", inside, "up"],
    ["netns", "exec", name, "ip", "link", "set", "lo", "up"],
  ];
  const cleanUp = (): void => {
    ip(["netns", "del", name]); // takes the inside end, and with it the pair
    ip(["link", "del", outside]);
  };
  for (const step of steps) {
    const r = ip(step);
    if (!r.ok) {
      cleanUp();
      return { unavailable: `\`ip ${step.join(" ")}\` failed: ${r.err}` };
    }
  }
  t.after(cleanUp);
  return { name, hostIp, nsIp };
}
