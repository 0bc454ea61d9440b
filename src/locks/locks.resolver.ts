import { Query, Resolver } from "type-graphql";
import { LockManager } from "./lock-manager";
import { LockInfo, type LockModeValue } from "./lock-info.type";

@Resolver()
export class LocksResolver {
  constructor(private readonly manager: LockManager) {}

  @Query(() => [LockInfo], {
    description:
      "Every lock of the server: registered ones always, per-run ones while held or awaited.",
  })
  locks(): LockInfo[] {
    return this.manager.snapshot().map((l) => ({
      ...l,
      mode: l.mode as LockModeValue | null,
      waiters: l.waiters.map((w) => ({ ...w, mode: w.mode as LockModeValue })),
    }));
  }
}
