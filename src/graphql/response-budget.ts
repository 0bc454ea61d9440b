import { ResponseTooLargeError } from "../errors/client-errors";

/**
 * One request's share of MAX_RESPONSE_MB. Fields that return large text charge their bytes
 * before the text is read, so a request past the budget fails before the text is in memory;
 * once spent, every later charge fails too. The serializer (response-serializer.ts) counts
 * the actual bytes of everything else as the last line.
 */
export class ResponseBudget {
  private spent = 0;

  constructor(readonly limitBytes: number) {}

  /** Throws ResponseTooLargeError if `bytes` more would pass the limit. */
  charge(bytes: number, what: string): void {
    this.spent += bytes;
    if (this.spent > this.limitBytes) {
      throw new ResponseTooLargeError(
        this.limitBytes,
        `${what} would bring it to at least ${this.spent} bytes`,
      );
    }
  }

  get spentBytes(): number {
    return this.spent;
  }
}
