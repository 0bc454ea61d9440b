import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The exact set of files the offline Playground needs, keyed by their route below the assets
 * mount path. Both the landing-page plugin (which links them) and the router (which serves
 * them) derive from this catalog, so the two cannot drift apart.
 */

export const PLAYGROUND_REACT_PACKAGE = "@apollographql/graphql-playground-react";

/** The files renderPlaygroundPage links for `env: undefined`; nothing else in build/ is served. */
const REACT_BUILD_FILES = [
  "build/static/js/middleware.js",
  "build/static/css/index.css",
  "build/favicon.png",
] as const;

/** The families and weights of the Google Fonts link that renderPlaygroundPage emits. */
const FONT_FACES = [
  { pkg: "@fontsource/open-sans", weights: [300, 400, 600, 700] },
  { pkg: "@fontsource/source-code-pro", weights: [400, 700] },
] as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

export type PlaygroundAsset =
  | { kind: "file"; file: string; contentType: string }
  | { kind: "inline"; body: Buffer; contentType: string };

export interface PlaygroundAssetCatalog {
  /** Version of the react bundle; renderPlaygroundPage puts it into every bundle URL. */
  reactVersion: string;
  /** Route of the generated @font-face stylesheet, relative to the assets mount path. */
  fontCssRoute: string;
  /** Route (relative to the mount path, leading "/") to asset. */
  assets: ReadonlyMap<string, PlaygroundAsset>;
}

export function contentTypeFor(file: string): string {
  const type = CONTENT_TYPES[path.extname(file)];
  if (type === undefined) {
    throw new Error(`playground assets: no content type known for "${file}"`);
  }
  return type;
}

function packageDir(pkg: string): string {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

function packageVersion(dir: string): string {
  const { version } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
    version?: unknown;
  };
  if (typeof version !== "string" || version === "") {
    throw new Error(`playground assets: ${dir}/package.json has no version`);
  }
  return version;
}

function fileAsset(file: string): PlaygroundAsset {
  if (!existsSync(file)) {
    throw new Error(`playground assets: expected file is missing: ${file}`);
  }
  return { kind: "file", file, contentType: contentTypeFor(file) };
}

/**
 * Rewrites one fontsource stylesheet so that each face points at a woff2 route next to the
 * generated stylesheet. The .woff fallback is dropped: every browser the Playground runs in
 * reads woff2, and serving fewer files keeps the allow-list small.
 */
function rewriteFontCss(css: string, urlDir: string, onFile: (name: string) => void): string {
  const srcLine = /src:\s*url\(\.\/files\/([A-Za-z0-9._-]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g;
  let faces = 0;
  const out = css.replace(srcLine, (_line, name: string) => {
    faces += 1;
    onFile(name);
    return `src: url(./${urlDir}/${name}) format('woff2');`;
  });
  if (faces === 0 || faces !== (css.match(/@font-face/g) ?? []).length) {
    throw new Error("playground assets: unexpected fontsource CSS layout (woff2 src not found)");
  }
  return out;
}

export function buildPlaygroundAssetCatalog(): PlaygroundAssetCatalog {
  const assets = new Map<string, PlaygroundAsset>();

  const reactDir = packageDir(PLAYGROUND_REACT_PACKAGE);
  const reactVersion = packageVersion(reactDir);
  for (const rel of REACT_BUILD_FILES) {
    assets.set(
      `/${PLAYGROUND_REACT_PACKAGE}@${reactVersion}/${rel}`,
      fileAsset(path.join(reactDir, rel)),
    );
  }

  const cssParts: string[] = [];
  for (const { pkg, weights } of FONT_FACES) {
    const dir = packageDir(pkg);
    // The version in the route makes the immutable cache header safe across upgrades.
    const urlDir = `${pkg.split("/")[1]}@${packageVersion(dir)}`;
    for (const weight of weights) {
      const css = readFileSync(path.join(dir, `${weight}.css`), "utf8");
      cssParts.push(
        rewriteFontCss(css, urlDir, (name) => {
          assets.set(`/fonts/${urlDir}/${name}`, fileAsset(path.join(dir, "files", name)));
        }),
      );
    }
  }
  const fontCss = Buffer.from(cssParts.join("\n"), "utf8");
  const hash = createHash("sha256").update(fontCss).digest("hex").slice(0, 12);
  const fontCssRoute = `/fonts/fonts.${hash}.css`;
  assets.set(fontCssRoute, {
    kind: "inline",
    body: fontCss,
    contentType: contentTypeFor(fontCssRoute),
  });

  return { reactVersion, fontCssRoute, assets };
}
