import type { TestContext } from "node:test";

export type Case = () => Promise<void>;
export type AddCase = (name: string, fn: Case) => void;

/**
 * Named groups of cases that run later as subtests of one test, so that they share what that
 * test sets up (one server, one finished run) instead of each starting its own.
 */
export class CaseGroups {
  private readonly groups: { name: string; cases: [string, Case][] }[] = [];

  add(name: string, body: (check: AddCase) => void): void {
    const cases: [string, Case][] = [];
    body((caseName, fn) => cases.push([caseName, fn]));
    this.groups.push({ name, cases });
  }

  async run(t: TestContext): Promise<void> {
    for (const { name, cases } of this.groups) {
      await t.test(name, async (group) => {
        for (const [caseName, fn] of cases) await group.test(caseName, fn);
      });
    }
  }
}
