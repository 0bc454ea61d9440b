import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestApp } from "../support/test-app";

test("GET /healthz answers 200 with the email count and corpus version", async (t) => {
  const { http } = await startTestApp(t);
  const res = await http.get("/healthz");
  assert.equal(res.status, 200);
  assert.equal(res.body.status, "ok");
  assert.equal(res.body.emails, 7);
  assert.equal(res.body.corpusVersion, 1);
});

test("GET /healthz on an empty database reports zero emails", async (t) => {
  const { http } = await startTestApp(t, { csv: null });
  const res = await http.get("/healthz");
  assert.equal(res.status, 200);
  assert.equal(res.body.emails, 0);
  assert.equal(res.body.corpusVersion, 0);
});
