import assert from "node:assert/strict";
import { test } from "node:test";
import type { KernelName } from "../../src/engine";
import { startTestApp } from "../support/test-app";

// Astral capitals (4 bytes each) in a long email, so balanced plans cut next to one. Hand counts:
// email 1: 2000 x "𝐀" then " ab" -> 2000 capitals, 2003 characters
// email 2: "x𝐙\r\nY" -> 2 capitals (𝐙, Y), 5 characters
const CSV = `Id,RawText\n1,${"𝐀".repeat(2000)} ab\n2,"x𝐙\r\nY"\n`;
const HAND = [
  { emailId: 1, capitals: 2000, characters: 2003 },
  { emailId: 2, capitals: 2, characters: 5 },
];

const QUERY = `query($s: ExecutionStrategy, $w: Int) {
  capitalLetterStats(strategy: $s, workers: $w, fresh: true) {
    perEmail { edges { node { emailId capitals characters } } }
    execution { strategy dataPath kernel }
  }
}`;

interface Res {
  capitalLetterStats: {
    perEmail: { edges: { node: { emailId: number; capitals: number; characters: number } }[] };
    execution: { strategy: string; dataPath: string; kernel: string };
  };
}

const CASES: { kernel: KernelName | undefined; reported: string }[] = [
  { kernel: undefined, reported: "WASM_SIMD" },
  { kernel: "wasm-simd", reported: "WASM_SIMD" },
  { kernel: "js", reported: "JS" },
];

for (const { kernel, reported } of CASES) {
  test(`the report names the kernel that counted (createApp kernel: ${kernel ?? "default"})`, async (t) => {
    const { gql } = await startTestApp(t, { csv: CSV, app: { kernel } });
    for (const s of ["SEQUENTIAL", "THREADS", "PROCESSES"]) {
      const res = await gql<Res>(QUERY, { s, w: s === "SEQUENTIAL" ? 1 : 2 });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const stats = res.data!.capitalLetterStats;
      assert.deepEqual(
        stats.perEmail.edges.map((e) => e.node),
        HAND,
        s,
      );
      assert.equal(stats.execution.strategy, s);
      assert.equal(stats.execution.kernel, reported, s);
      assert.equal(stats.execution.dataPath, s === "PROCESSES" ? "sqlite" : "resident", s);
    }
  });
}
