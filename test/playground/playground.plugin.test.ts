import { test } from "node:test";
import assert from "node:assert/strict";
import { buildPlaygroundAssetCatalog } from "../../src/playground/playground.assets";
import {
  playgroundLandingPage,
  renderOfflinePlaygroundHtml,
  type PlaygroundLandingPageOptions,
} from "../../src/playground/playground.plugin";

const catalog = buildPlaygroundAssetCatalog();

function render(opts: PlaygroundLandingPageOptions): string {
  return renderOfflinePlaygroundHtml(opts, catalog);
}

function config(html: string): Record<string, unknown> {
  const match = html.match(/<div id="playground-config"[^>]*>([^<]*)<\/div>/);
  assert.ok(match, "playground-config element missing");
  return JSON.parse(match[1]) as Record<string, unknown>;
}

test("playgroundLandingPage options: rejects an assets path that is a CDN URL, naming the option", () => {
  assert.throws(
    () =>
      playgroundLandingPage({ endpoint: "/graphql", assetsPath: "https://cdn.jsdelivr.net/npm" }),
    /assetsPath must be a path on this server/,
  );
});

test("playgroundLandingPage options: rejects protocol-relative, dot-segment and root paths", () => {
  const cases: Array<[PlaygroundLandingPageOptions, RegExp]> = [
    [{ endpoint: "//evil.example/graphql", assetsPath: "/a" }, /endpoint must be a path/],
    [{ endpoint: "/graphql", assetsPath: "/a/../b" }, /assetsPath must not contain/],
    [{ endpoint: "/graphql", assetsPath: "/" }, /dedicated path/],
    [{ endpoint: "", assetsPath: "/a" }, /endpoint must be a path/],
    [{ endpoint: "/graphql", assetsPath: '/a"><script>' }, /assetsPath must be a path/],
  ];
  for (const [opts, message] of cases) assert.throws(() => render(opts), message);
});

test("playgroundLandingPage options: accepts a ws:// subscription endpoint but not an http one", () => {
  const html = render({
    endpoint: "/graphql",
    assetsPath: "/pg",
    subscriptionEndpoint: "ws://127.0.0.1:4000/graphql",
  });
  assert.equal(config(html).subscriptionEndpoint, "ws://127.0.0.1:4000/graphql");
  assert.throws(
    () => render({ endpoint: "/graphql", assetsPath: "/pg", subscriptionEndpoint: "http://x/y" }),
    /subscriptionEndpoint must be a path/,
  );
});

test("playgroundLandingPage options: passes settings through to the Playground config", () => {
  const html = render({
    endpoint: "/api/graphql",
    assetsPath: "/pg",
    settings: { "editor.theme": "light", "schema.polling.enable": false },
  });
  const cfg = config(html);
  assert.equal(cfg.endpoint, "/api/graphql");
  assert.deepEqual(cfg.settings, { "editor.theme": "light", "schema.polling.enable": false });
});

test("playgroundLandingPage options: normalises a trailing slash on the assets path", () => {
  const html = render({ endpoint: "/graphql", assetsPath: "/pg/" });
  assert.match(html, /src="\/pg\/@apollographql\/graphql-playground-react@[^"]+\/middleware\.js"/);
  assert.doesNotMatch(html, /"\/pg\/\//);
});

test("playgroundLandingPage options: refuses to emit a page that would fetch from elsewhere", () => {
  assert.throws(
    () =>
      render({
        endpoint: "/graphql",
        assetsPath: "/pg",
        settings: { "editor.fontFamily": "url(https://fonts.example.com/x.woff2)" },
      }),
    /still references https:\/\/fonts\.example\.com/,
  );
});
