import type { CorpusService } from "../corpus/corpus.service";
import { selectsAll } from "../emails/email-filter";
import type { EmailFilter } from "../emails/email-filter.input";
import type { EmailService } from "../emails/email.service";
import type { CountRequest, CountResult, Engine } from "../engine";
import { engineErrorToClient } from "../errors/engine-error.mapping";
import { CORPUS_SHARED } from "../locks/app-locks";
import { lockErrorToClient } from "../locks/lock-client-errors";
import type { LockManager } from "../locks/lock-manager";
import type { LockRequest } from "../locks/lock-types";
import type { HeavyGate } from "./heavy-gate";

export interface PipelineDeps {
  /** Admission: a slot is always taken before any lock (src/locks/app-locks.ts). */
  gate: HeavyGate;
  locks: LockManager;
  emails: EmailService;
  corpus: CorpusService;
  engine: Engine;
}

/** Who reads the corpus, with which filter, and how long it may wait for its locks. */
export interface PipelineQuery {
  /** Lock holder, as `locks` shows it: `query:<n>`, `run:<id>`. */
  holder: string;
  filter: EmailFilter | null | undefined;
  /** Locks the section needs besides `corpus` shared (a run's own), all declared at once. */
  locks?: readonly LockRequest[];
  /** A number, or asked once the slot is taken (a query's deadline: QueryDeadline). */
  lockTimeoutMs: number | (() => number);
  signal?: AbortSignal;
}

/** One count of the selection; the pipeline fills in the ids and the signal. */
export type CountSpec = Omit<CountRequest, "ids" | "signal">;

/**
 * What a section sees once admitted, locked and selected. Everything read through it comes
 * from one corpus version: a reload waits until the section ends.
 */
export interface CorpusRead {
  /** Selected ids, ascending; null for the whole corpus. */
  ids: Int32Array | null;
  emailCount: number;
  version: number;
  /** Time spent waiting for an admission slot. */
  queueMs: number;
  /** Time spent waiting for the slot and then the locks. */
  waitedMs: number;
  /** engine.count over the selection, its failures mapped to client errors. */
  count(spec: CountSpec): Promise<CountResult>;
}

/**
 * The one path from a query or an analysis run to the engine: admission (a slot of `gate`),
 * `corpus` shared plus the caller's own locks, selection (filter to ids), then the caller's
 * section, which counts through `CorpusRead.count`. Lock and engine errors are mapped to
 * client errors here and nowhere else.
 */
export class QueryPipeline {
  constructor(private readonly deps: PipelineDeps) {}

  /**
   * The engine's argument checks alone, mapped like a count's: a cache in front of the
   * pipeline calls this first, so a hit refuses what a count would.
   */
  validate(spec: Pick<CountSpec, "strategy" | "workers">): void {
    try {
      this.deps.engine.validate(spec);
    } catch (err) {
      throw engineErrorToClient(err);
    }
  }

  /** Resolves with the section's value; rejects with a client error or the section's own. */
  async run<T>(query: PipelineQuery, section: (read: CorpusRead) => Promise<T>): Promise<T> {
    const { gate, locks } = this.deps;
    const started = performance.now();
    const { value } = await gate.run(async () => {
      const queueMs = performance.now() - started;
      return locks
        .withLocks(
          query.holder,
          [CORPUS_SHARED, ...(query.locks ?? [])],
          async () => section(await this.select(query, queueMs, performance.now() - started)),
          {
            timeoutMs:
              typeof query.lockTimeoutMs === "function"
                ? query.lockTimeoutMs()
                : query.lockTimeoutMs,
            signal: query.signal,
          },
        )
        .catch((err: unknown) => {
          throw lockErrorToClient(err);
        });
    }, query.signal);
    return value;
  }

  /** Inside the corpus lock, so the selection, the version and the text are one corpus. */
  private async select(
    query: PipelineQuery,
    queueMs: number,
    waitedMs: number,
  ): Promise<CorpusRead> {
    const { corpus, emails, engine } = this.deps;
    const state = corpus.state();
    // The ids and their corpus version come from one read, and the engine counts only that
    // version's text: another process (npm run seed) may replace the corpus outside our locks.
    const selection = selectsAll(query.filter) ? null : emails.selectIds(query.filter);
    const ids = selection?.ids ?? null;
    return {
      ids,
      emailCount: ids ? ids.length : (state?.emailCount ?? 0),
      version: selection?.version ?? state?.version ?? 0,
      queueMs,
      waitedMs,
      count: (spec) =>
        engine
          .count({ ...spec, ids, idsVersion: selection?.version, signal: query.signal })
          .catch((err: unknown) => {
            throw engineErrorToClient(err);
          }),
    };
  }
}
