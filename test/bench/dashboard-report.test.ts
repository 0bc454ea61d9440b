import assert from "node:assert/strict";
import { test } from "node:test";
import {
  dashboardTable,
  headline,
  type DashboardReport,
} from "../../bench/dashboard/dashboard-report";

function report(warmMs: number[], jsGzipBytes: number): DashboardReport {
  return {
    emails: 7945,
    cold: [{ renderedMs: 3000, summaryMs: 900 }],
    warm: warmMs.map((renderedMs) => ({ renderedMs, summaryMs: 100 })),
    js: { files: 1, bytes: 3 * jsGzipBytes, gzipBytes: jsGzipBytes },
    css: { files: 1, bytes: 9000, gzipBytes: 2700 },
    date: "2026-12-02T00:00:00.000Z",
    machine: { cpuModel: "cpu", cores: 2, node: "v20", loadAverage: [1, 1, 1] },
    command: "npm run bench:dashboard",
  };
}

test("the dashboard headline judges the goals from the medians: warm under 1 s, JavaScript under 300 KB gzip", () => {
  const ok = headline(report([900, 300, 400], 75 * 1024));
  assert.match(ok[0], /warm: 400 ms \(goal < 1000 ms: met\); cold: 3000 ms/);
  assert.match(ok[1], /75\.0 KB gzip \(225\.0 KB as served, 1 file; goal < 300 KB: met\)/);
  const slow = headline(report([1200, 1100, 900], 301 * 1024));
  assert.match(slow[0], /warm: 1100 ms \(goal < 1000 ms: NOT met\)/);
  assert.match(slow[1], /goal < 300 KB: NOT met/);
});

test("the dashboard table has a row per phase, with median, range and run count", () => {
  const md = dashboardTable(report([300, 400], 1), "markdown").split("\n");
  assert.deepEqual(md.slice(2), [
    "| cold: summary tiles shown | 900 | 900-900 | 1 |",
    "| cold: fully rendered | 3000 | 3000-3000 | 1 |",
    "| warm: summary tiles shown | 100 | 100-100 | 2 |",
    "| warm: fully rendered | 350 | 300-400 | 2 |",
  ]);
});
