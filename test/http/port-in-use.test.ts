import assert from "node:assert/strict";
import net from "node:net";
import path from "node:path";
import { test } from "node:test";
import { spawnServer } from "../support/server-process";
import { tempDir } from "../support/temp-dir";

test(
  "npm start on a port already taken exits non-zero with one line naming the port",
  { timeout: 120_000 },
  async (t) => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    t.after(() => blocker.close());
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = tempDir(t);
    const server = spawnServer({
      env: {
        PORT: String(port),
        DATABASE_URL: `file:${path.join(dir, "capstats.db")}`,
        SEED_ON_START: "false",
        LOG_LEVEL: "warn",
      },
    });
    t.after(() => server.child.kill("SIGKILL"));
    const code = await server.exited;
    assert.equal(code, 1, server.output());
    const lines = server.output().trim().split("\n");
    assert.deepEqual(lines, [
      `Capstats cannot start: port ${port} on 127.0.0.1 is already in use (PORT, HOST)`,
    ]);
  },
);
