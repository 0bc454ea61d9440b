import assert from "node:assert/strict";
import { test } from "node:test";
import { drillFilterInput, filterInput } from "../../src/dashboard/shared/email-filter";
import {
  defaultView,
  parseView,
  serializeView,
  type ViewState,
} from "../../src/dashboard/shared/view-state";

test("every part of a view survives the URL: serialize then parse gives the same view", () => {
  const view: ViewState = {
    filters: {
      sender: "Mills, Cheryl & co",
      recipientId: 82,
      recipientName: "Cheryl Mills",
      from: "2011-01-01",
      until: "2012-12-31",
      subject: "Libya?",
      release: "RELEASE IN PART",
    },
    exec: { strategy: "PROCESSES", workers: 4, chunkSize: 100, fresh: true },
    granularity: "WEEK",
    drill: { kind: "person", id: 87, label: "Cheryl D. Mills" },
    sort: "capitals-asc",
    email: 42,
  };
  assert.deepEqual(parseView(serializeView(view)), view);
  for (const drill of [
    { kind: "sender", key: "H: a, b", label: "H: a, b" },
    { kind: "recipient", id: 80, label: "Hillary Clinton" },
    { kind: "sent", key: "2012-W37" },
    { kind: "capitals", from: 10, to: 20 },
  ] as const) {
    const v = { ...defaultView(), drill };
    assert.deepEqual(parseView(serializeView(v)), v);
  }
});

test("the default view is the bare URL, and only what differs from it is written", () => {
  assert.equal(serializeView(defaultView()), "");
  assert.deepEqual(parseView(""), defaultView());
  assert.equal(
    serializeView({ ...defaultView(), exec: { ...defaultView().exec, strategy: "THREADS" } }),
    "?strategy=THREADS",
  );
});

test("a hand-edited or old link still opens: malformed values fall back to the defaults", () => {
  const v = parseView(
    "?strategy=GPU&workers=0&chunk=-3&granularity=HOUR&from=2012-13&until=yesterday" +
      "&drill=capitals:9-3&sort=random&email=abc&to=x&toName=Eve&sender=" +
      "x".repeat(300),
  );
  const d = defaultView();
  assert.deepEqual(v.exec, d.exec);
  assert.equal(v.granularity, "MONTH");
  assert.equal(v.filters.from, "");
  assert.equal(v.filters.until, "");
  assert.equal(v.drill, null);
  assert.equal(v.sort, "id");
  assert.equal(v.email, null);
  assert.equal(v.filters.recipientId, null);
  assert.equal(v.filters.recipientName, "", "a name without an id is dropped");
  assert.equal(v.filters.sender.length, 200, "filter text is capped as the API caps it");
});

test("filters become an EmailFilter with only the fields set; dates are whole UTC days, until inclusive", () => {
  const f = {
    ...defaultView().filters,
    sender: "  mills ",
    from: "2011-01-01",
    until: "2012-12-31",
  };
  assert.deepEqual(filterInput(f), {
    sender: "mills",
    sentAfter: "2011-01-01T00:00:00.000Z",
    sentBefore: "2013-01-01T00:00:00.000Z",
  });
  assert.deepEqual(filterInput(defaultView().filters), {});
  // A month drill-down inside a date filter selects their intersection.
  assert.deepEqual(drillFilterInput(f, { kind: "sent", key: "2012-12" }), {
    sender: "mills",
    sentAfter: "2012-12-01T00:00:00.000Z",
    sentBefore: "2013-01-01T00:00:00.000Z",
  });
  assert.deepEqual(drillFilterInput(f, { kind: "person", id: 7, label: "x" }), {
    ...filterInput(f),
    senderPersonIds: [7],
  });
  // A histogram bucket is not an EmailFilter field: the table selects those ids itself.
  assert.deepEqual(drillFilterInput(f, { kind: "capitals", from: 0, to: 5 }), filterInput(f));
});
