import assert from "node:assert/strict";
import { test } from "node:test";
import type { GraphQLFormattedError } from "graphql";
import {
  BadUserInputError,
  CancelledError,
  CorpusChangedError,
  NotFoundError,
  NotImplementedError,
  OutOfRangeError,
  OverloadedError,
  QueryTooComplexError,
  TimeoutError,
  WorkerFailedError,
} from "../../src/errors/client-errors";
import { ErrorCode } from "../../src/errors/error-code";
import { formatError, isExpected, MASKED_MESSAGE } from "../../src/graphql/error-masking";
import { overloadStatusPlugin } from "../../src/graphql/overload-status.plugin";
import { engineErrorToClient } from "../../src/errors/engine-error.mapping";
import { toEngineError } from "../../src/engine/exec/pool/pool-error-translation";
import {
  PoolQueueFullError,
  TaskAbortedError,
  TaskTimeoutError,
  WorkerCrashedError,
} from "../../src/engine/exec/pool/pool-errors";
import { SequentialExecutor } from "../../src/engine/exec/sequential.executor";
import type { CountTask } from "../../src/engine";
import { startTestApp } from "../support/test-app";
import { testWorkers } from "../support/test-executors";
import { onlyError, type GraphQLBody } from "../support/graphql-checks";

const CODES = new Set<string>(Object.values(ErrorCode));

test("one enum, every client error coded", async (t) => {
  const errors: [string, Error & { extensions: Record<string, unknown> }, ErrorCode][] = [
    ["BadUserInputError", new BadUserInputError("x"), ErrorCode.BAD_USER_INPUT],
    ["OutOfRangeError", new OutOfRangeError("first", 0, 1, 1000), ErrorCode.BAD_USER_INPUT],
    ["NotFoundError", new NotFoundError("x"), ErrorCode.NOT_FOUND],
    ["NotImplementedError", new NotImplementedError("x"), ErrorCode.NOT_IMPLEMENTED],
    ["TimeoutError", new TimeoutError("x"), ErrorCode.TIMEOUT],
    ["OverloadedError", new OverloadedError("x"), ErrorCode.OVERLOADED],
    ["CancelledError", new CancelledError("x"), ErrorCode.CANCELLED],
    ["WorkerFailedError", new WorkerFailedError("x"), ErrorCode.WORKER_FAILED],
    ["CorpusChangedError", new CorpusChangedError("x"), ErrorCode.CORPUS_CHANGED],
    ["QueryTooComplexError", new QueryTooComplexError("x"), ErrorCode.QUERY_TOO_COMPLEX],
  ];
  for (const [name, err, code] of errors) {
    await t.test(
      `${name} carries ${code}, passes the mask with its message and without a stack`,
      () => {
        assert.equal(err.extensions.code, code);
        assert.ok(CODES.has(code));
        assert.ok(isExpected(err));
        const formatted = formatError(
          {
            message: err.message,
            extensions: { ...err.extensions, stacktrace: ["at x (y.js:1:1)"] },
          },
          err,
        );
        assert.equal(formatted.message, err.message);
        assert.equal(formatted.extensions?.code, code);
        assert.equal(formatted.extensions?.stacktrace, undefined);
      },
    );
  }

  await t.test("anything else is masked: no message, no stack, INTERNAL_SERVER_ERROR", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'secret')");
    assert.equal(isExpected(bug), false);
    const formatted = formatError(
      { message: bug.message, path: ["x"], extensions: { stacktrace: ["a"] } },
      bug,
    );
    assert.deepEqual(formatted, {
      message: MASKED_MESSAGE,
      path: ["x"],
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  });

  await t.test("pool failures become coded client errors naming the strategy", () => {
    const cases: [Error, ErrorCode, RegExp][] = [
      [
        new WorkerCrashedError("process", 2, new Error("boom")),
        ErrorCode.WORKER_FAILED,
        /^PROCESSES: a process worker died/,
      ],
      [
        new TaskTimeoutError(500, "query"),
        ErrorCode.TIMEOUT,
        /^PROCESSES: query exceeded its 500 ms timeout/,
      ],
      [
        new TaskAbortedError("client went away"),
        ErrorCode.CANCELLED,
        /^PROCESSES: task aborted: client went away/,
      ],
      [
        new PoolQueueFullError(8),
        ErrorCode.OVERLOADED,
        /^PROCESSES: worker pool queue is full .*retry later$/,
      ],
    ];
    for (const [poolError, code, message] of cases) {
      const mapped = engineErrorToClient(toEngineError(poolError, "PROCESSES")) as Error & {
        extensions: { code: string };
      };
      assert.equal(mapped.extensions.code, code);
      assert.match(mapped.message, message);
    }
  });

  await t.test("a SEQUENTIAL query past its timeout is TIMEOUT, not a masked bug", async () => {
    // Each task busy-waits 30 ms, so after two the 50 ms budget is spent, whatever the machine.
    const executor = new SequentialExecutor(() => {
      const until = performance.now() + 30;
      while (performance.now() < until);
      return {
        counts: new Float64Array(0),
        edges: new Uint8Array(0),
        worker: "main",
        readMs: 0,
        computeMs: 30,
      };
    });
    const tasks = Array.from({ length: 5 }, () => ({}) as CountTask);
    const run = executor.run(tasks, { concurrency: 1, timeoutMs: 50 });
    await assert.rejects(
      run.catch((e: unknown) => Promise.reject(engineErrorToClient(e))),
      (err: unknown) => {
        assert.ok(err instanceof TimeoutError);
        assert.equal(err.extensions.code, ErrorCode.TIMEOUT);
        assert.match(err.message, /^SEQUENTIAL: query exceeded its 50 ms timeout/);
        return true;
      },
    );
  });
});

test("OVERLOADED over HTTP: a heavy query past the gate's queue is a 503 with Retry-After and the OVERLOADED code", async (t) => {
  const app = await startTestApp(t, {
    env: { MAX_CONCURRENT_HEAVY: "1", MAX_QUEUED_HEAVY: "0" },
    executors: testWorkers({ taskDelayMs: 1000 }),
  });
  const heavy =
    "{ capitalLetterStats(strategy: THREADS, workers: 1, chunkSize: 1000, fresh: true) { totalCapitals } }";
  const first = app.http
    .post("/graphql")
    .send({ query: heavy })
    .then((r) => r);
  // Wait until the first query holds the only slot.
  const deadline = Date.now() + 20_000;
  while (
    !/^capstats_gate_running\{gate="heavy"\} 1$/m.test((await app.http.get("/metrics")).text)
  ) {
    assert.ok(Date.now() < deadline, "the first query never took the slot");
    await new Promise((r) => setTimeout(r, 10));
  }
  const second = await app.http.post("/graphql").send({ query: heavy });
  assert.equal(second.status, 503);
  assert.equal(second.headers["retry-after"], "1");
  const err = onlyError(second.body as GraphQLBody);
  assert.equal(err.code, "OVERLOADED");
  assert.match(
    err.message,
    /^too many heavy queries: 1 running and 0 queued \(limits 1 and 0\); retry later$/,
  );
  const ok = await first;
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body, { data: { capitalLetterStats: { totalCapitals: 41 } } });
});

test("OVERLOADED over HTTP: a query timeout is TIMEOUT naming the budget, and the next query works", async (t) => {
  const app = await startTestApp(t, {
    env: { QUERY_TIMEOUT_MS: "200" },
    executors: testWorkers({ taskDelayMs: 600 }),
  });
  const slow = await app.gql(
    "{ capitalLetterStats(strategy: PROCESSES, fresh: true) { totalCapitals } }",
  );
  const err = onlyError(slow);
  assert.equal(err.code, "TIMEOUT");
  assert.match(
    err.message,
    /^PROCESSES: query exceeded its 200 ms timeout; its tasks were cancelled$/,
  );
  const fast = await app.gql("{ emails { totalCount } }");
  assert.deepEqual(fast, { data: { emails: { totalCount: 7 } } });
});

test("OVERLOADED over HTTP: only an OVERLOADED answer without data becomes 503", async () => {
  const plugin = overloadStatusPlugin();
  const listener = await plugin.requestDidStart!({} as never);
  const send = async (data: unknown, errors: GraphQLFormattedError[]) => {
    const response = {
      body: { kind: "single", singleResult: { data, errors } },
      http: { status: undefined as number | undefined, headers: new Map<string, string>() },
    };
    await listener!.willSendResponse!({ response } as never);
    return { status: response.http.status, retryAfter: response.http.headers.get("retry-after") };
  };
  const overloaded = { message: "busy", extensions: { code: "OVERLOADED" } };
  assert.deepEqual(await send(null, [overloaded]), { status: 503, retryAfter: "1" });
  assert.deepEqual(await send({ emails: { totalCount: 7 } }, [overloaded]), {
    status: undefined,
    retryAfter: undefined,
  });
  assert.deepEqual(await send(null, [{ message: "bad", extensions: { code: "BAD_USER_INPUT" } }]), {
    status: undefined,
    retryAfter: undefined,
  });
});
