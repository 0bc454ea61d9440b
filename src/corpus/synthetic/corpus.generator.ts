import type { Writable } from "node:stream";
import {
  DEFAULT_EMAILS,
  DEFAULT_SEED,
  checkEmailCount,
  checkSeed,
  CorpusOptionError,
} from "./corpus-options";
import { formatRecord } from "./csv-format";
import { EMAIL_COLUMNS } from "./email-columns";
import { EmailGenerator, recordValues } from "./email.generator";
import { LengthPlan } from "./length-plan";
import { RECEIVERS_HEADER } from "./release-files";

export interface CorpusOptions {
  /** Number of emails (rows after the header), 1..1,000,000. Default 7,945. */
  emails?: number;
  /** 32-bit unsigned seed. Same seed and count, same bytes. */
  seed?: number;
  /** Called after each chunk is handed to the stream, and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Also stream EmailReceivers.csv (Id,EmailId,PersonId) here, consistent with the emails. */
  receivers?: Writable;
}

/** What was written, measured on the output itself. */
export interface CorpusSummary {
  emails: number;
  seed: number;
  /** UTF-8 bytes handed to the stream, header included. */
  bytes: number;
  /** Code points of RawText over all emails (Python's len, not UTF-16 units). */
  rawTextChars: number;
}

/** Rows are joined into chunks of about this many UTF-16 units before encoding. */
const CHUNK_UNITS = 1 << 19;

export function countCodePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate starts a pair; the pair is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff) count--;
  }
  return count;
}

function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error): void => {
      out.off("drain", onDrain);
      out.off("error", onError);
      out.off("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => settle();
    const onError = (error: Error): void => settle(error);
    // Without this, a stream destroyed while we wait would leave the promise pending forever.
    const onClose = (): void =>
      settle(new Error("output stream closed before the corpus was written"));
    out.on("drain", onDrain);
    out.on("error", onError);
    out.on("close", onClose);
  });
}

/**
 * Streams the corpus as CSV into `out`, honouring backpressure: memory stays at about one
 * chunk plus the longest email whatever the count. Does not end `out`; the caller owns it.
 */
export async function writeCorpus(out: Writable, opts: CorpusOptions = {}): Promise<CorpusSummary> {
  const emails = checkEmailCount(opts.emails ?? DEFAULT_EMAILS);
  const seed = checkSeed(opts.seed ?? DEFAULT_SEED);
  const onProgress = opts.onProgress;
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new CorpusOptionError("onProgress must be a function");
  }
  const plan = new LengthPlan(emails, seed);
  const generator = new EmailGenerator(seed);
  let bytes = 0;
  let rawTextChars = 0;
  let pending: string[] = [formatRecord(EMAIL_COLUMNS)];
  let pendingUnits = 0;
  const receivers = opts.receivers;
  let pendingReceivers: string[] = [RECEIVERS_HEADER];
  let receiverRows = 0;

  const flush = async (done: number): Promise<void> => {
    if (out.destroyed || receivers?.destroyed) {
      throw new Error("output stream was destroyed before the corpus was written");
    }
    if (pending.length === 0) return;
    const chunk = Buffer.from(pending.join(""), "utf8");
    pending = [];
    pendingUnits = 0;
    bytes += chunk.length;
    if (!out.write(chunk)) await waitForDrain(out);
    if (receivers && !receivers.write(pendingReceivers.join(""))) await waitForDrain(receivers);
    pendingReceivers = [];
    onProgress?.(done, emails);
  };

  for (let index = 0; index < emails; index++) {
    const { record, recipients } = generator.buildWithRecipients(index + 1, plan.targetFor(index));
    if (receivers) {
      for (const person of recipients) {
        pendingReceivers.push(`${++receiverRows},${record.Id},${person}\n`);
      }
    }
    rawTextChars += countCodePoints(record.RawText);
    const line = formatRecord(recordValues(record));
    pending.push(line);
    pendingUnits += line.length;
    if (pendingUnits >= CHUNK_UNITS) await flush(index + 1);
  }
  await flush(emails);
  return { emails, seed, bytes, rawTextChars };
}
