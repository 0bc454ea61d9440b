import type { ApolloServerPlugin } from "@apollo/server";
import {
  renderPlaygroundPage,
  type RenderPageOptions,
} from "@apollographql/graphql-playground-html";
import { buildPlaygroundAssetCatalog, type PlaygroundAssetCatalog } from "./playground.assets";

export interface PlaygroundLandingPageOptions {
  /** Path of the GraphQL endpoint on this server, e.g. "/graphql". */
  endpoint: string;
  /** Path where playgroundAssetsRouter() is mounted, e.g. "/playground-assets". */
  assetsPath: string;
  /** "/path" on this server or a ws:// / wss:// URL. */
  subscriptionEndpoint?: string;
  /** Playground settings such as { "editor.theme": "light" }. */
  settings?: Record<string, unknown>;
}

const GOOGLE_FONTS_LINK = /<link href="https:\/\/fonts\.googleapis\.com\/[^"]*" rel="stylesheet">/;

/** XML namespace identifiers in the loading SVG: never fetched, so harmless offline. */
const INERT_URL_PREFIXES = ["http://www.w3.org/"];

const SAFE_PATH = /^\/(?!\/)[A-Za-z0-9._~\-/]*$/;

function checkPath(name: string, value: unknown): string {
  if (typeof value !== "string" || !SAFE_PATH.test(value)) {
    throw new Error(
      `playgroundLandingPage: ${name} must be a path on this server such as "/graphql" ` +
        `(leading "/", letters, digits, "._~-/"), got ${JSON.stringify(value)}`,
    );
  }
  if (value.split("/").some((segment) => segment === "." || segment === "..")) {
    throw new Error(`playgroundLandingPage: ${name} must not contain "." or ".." segments`);
  }
  return value.length > 1 ? value.replace(/\/+$/, "") : value;
}

function checkSubscriptionEndpoint(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && /^wss?:\/\/[^\s"'<>]+$/.test(value)) return value;
  return checkPath("subscriptionEndpoint", value);
}

/** Fails at startup rather than letting a browser discover a CDN or a missing asset. */
function assertSelfContained(html: string, assetsPath: string, catalog: PlaygroundAssetCatalog) {
  for (const [url] of html.matchAll(/https?:\/\/[^\s"'<>()\\]+/gi)) {
    if (!INERT_URL_PREFIXES.some((prefix) => url.startsWith(prefix))) {
      throw new Error(`playgroundLandingPage: rendered page still references ${url}`);
    }
  }
  for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) {
    const route = url.startsWith(`${assetsPath}/`) ? url.slice(assetsPath.length) : undefined;
    if (route === undefined || !catalog.assets.has(route)) {
      throw new Error(`playgroundLandingPage: page links ${url}, which the assets router lacks`);
    }
  }
}

/** Renders the Playground HTML with every asset pointed at the local assets router. */
export function renderOfflinePlaygroundHtml(
  opts: PlaygroundLandingPageOptions,
  catalog: PlaygroundAssetCatalog,
): string {
  const endpoint = checkPath("endpoint", opts.endpoint);
  const assetsPath = checkPath("assetsPath", opts.assetsPath);
  if (assetsPath === "/") {
    throw new Error('playgroundLandingPage: assetsPath must be a dedicated path, not "/"');
  }
  const subscriptionEndpoint = checkSubscriptionEndpoint(opts.subscriptionEndpoint);

  const template = renderPlaygroundPage({
    endpoint,
    subscriptionEndpoint,
    // Playground ignores keys it does not know; the typed shape is narrower than we accept.
    settings: opts.settings as RenderPageOptions["settings"],
    cdnUrl: assetsPath,
    version: catalog.reactVersion,
  });
  if (!GOOGLE_FONTS_LINK.test(template)) {
    throw new Error(
      "playgroundLandingPage: the Google Fonts link was not found in the Playground template; " +
        "the template changed, so review the offline rewrite",
    );
  }
  const html = template.replace(
    GOOGLE_FONTS_LINK,
    `<link href="${assetsPath}${catalog.fontCssRoute}" rel="stylesheet">`,
  );
  assertSelfContained(html, assetsPath, catalog);
  return html;
}

/**
 * Apollo Server 5 landing page that serves GraphQL Playground without any network access
 * beyond this server. Mount playgroundAssetsRouter() at `assetsPath`.
 */
export function playgroundLandingPage(opts: PlaygroundLandingPageOptions): ApolloServerPlugin {
  // Rendered once so a bad option or a changed template fails at construction, not per request.
  const html = renderOfflinePlaygroundHtml(opts, buildPlaygroundAssetCatalog());
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
