import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import request from "supertest";
import {
  ASSETS_PATH,
  ENDPOINT,
  startPlaygroundApp,
  type RunningApp,
} from "./playground-app.fixture";

const EXPECTED_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".woff2": "font/woff2",
};
const ONE_YEAR_IMMUTABLE =
  /\bmax-age=31536000\b.*\bimmutable\b|\bimmutable\b.*\bmax-age=31536000\b/;

/** Text found in package.json, source maps, /etc/passwd, build/index.html and build/_headers. */
const LEAK_MARKERS =
  /"(dependencies|version|license|mappings)"\s*:|root:x:0:0|<title>GraphQL|Content-Type:/;

const reactDir = path.dirname(
  require.resolve("@apollographql/graphql-playground-react/package.json"),
);
const fontDirs = ["@fontsource/open-sans", "@fontsource/source-code-pro"].map((pkg) =>
  path.dirname(require.resolve(`${pkg}/package.json`)),
);

function attributeUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
}

function externalUrls(text: string): string[] {
  const absolute = [...text.matchAll(/https?:\/\/[^\s"'<>()\\]+/gi)].map((m) => m[0]);
  const protocolRelative = [...text.matchAll(/(?:src|href)="(\/\/[^"]*)"|url\((\/\/[^)]*)\)/g)];
  return [
    ...absolute.filter((url) => !url.startsWith("http://www.w3.org/")),
    ...protocolRelative.map((m) => m[1] ?? m[2]),
  ];
}

/** Fetches through supertest with the body kept as raw bytes whatever the content type. */
function getBytes(app: RunningApp["app"], url: string) {
  return request(app)
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });
}

/** Sends the path byte for byte: supertest's URL parsing would normalise "/../" away. */
function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: rawPath }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
  });
}

test("offline GraphQL Playground over HTTP", async (t) => {
  let running: RunningApp;
  let html: string;

  t.before(async () => {
    running = await startPlaygroundApp();
    const res = await request(running.app).get(ENDPOINT).set("Accept", "text/html");
    assert.equal(res.status, 200);
    assert.match(res.headers["content-type"], /^text\/html/);
    html = res.text;
  });
  t.after(() => running.close());

  await t.test("serves the Playground page pointed at the endpoint", () => {
    assert.match(html, /GraphQLPlayground\.init\(/);
    const config = html.match(/<div id="playground-config"[^>]*>([^<]*)<\/div>/);
    assert.ok(config, "playground-config element missing");
    assert.equal((JSON.parse(config[1]) as { endpoint?: unknown }).endpoint, ENDPOINT);
  });

  await t.test("references no external URL and no Google Fonts", () => {
    assert.deepEqual(externalUrls(html), []);
    assert.doesNotMatch(html, /googleapis|gstatic|jsdelivr|unpkg/i);
  });

  await t.test(
    "links exactly the bundle script, its stylesheet, the favicon and the font stylesheet",
    () => {
      const urls = attributeUrls(html);
      for (const url of urls)
        assert.ok(url.startsWith(`${ASSETS_PATH}/`), `non-local asset ${url}`);
      const names = urls.map((u) =>
        path.posix.basename(u).replace(/^fonts\.[0-9a-f]+\./, "fonts.#."),
      );
      assert.deepEqual(names.sort(), ["favicon.png", "fonts.#.css", "index.css", "middleware.js"]);
    },
  );

  await t.test(
    "answers every linked asset with 200, its content type, long caching and the package bytes",
    async () => {
      for (const url of attributeUrls(html).filter((u) => !/\/fonts\./.test(u))) {
        const res = await getBytes(running.app, url);
        assert.equal(res.status, 200, url);
        assert.equal(res.headers["content-type"], EXPECTED_TYPES[path.posix.extname(url)], url);
        assert.match(res.headers["cache-control"], ONE_YEAR_IMMUTABLE, url);
        const inBuild = url.slice(url.indexOf("/build/") + 1);
        assert.ok(Buffer.from(res.body).equals(readFileSync(path.join(reactDir, inBuild))), url);
      }
    },
  );

  await t.test(
    "serves local fonts for every family and weight the Google Fonts link asked for",
    async () => {
      const cssUrl = attributeUrls(html).find((u) => /\/fonts\.[0-9a-f]+\.css$/.test(u));
      assert.ok(cssUrl);
      const cssRes = await request(running.app).get(cssUrl);
      assert.equal(cssRes.status, 200);
      assert.equal(cssRes.headers["content-type"], EXPECTED_TYPES[".css"]);
      assert.match(cssRes.headers["cache-control"], ONE_YEAR_IMMUTABLE);
      const css = cssRes.text;
      assert.deepEqual(externalUrls(css), []);

      const latinFaces = new Set(
        [
          ...css.matchAll(
            /font-family: '([^']+)';[^}]*font-weight: (\d+);[^}]*latin-\d+-normal\.woff2/g,
          ),
        ].map((m) => `${m[1]} ${m[2]}`),
      );
      const wanted = ["Open Sans 300", "Open Sans 400", "Open Sans 600", "Open Sans 700"];
      wanted.push("Source Code Pro 400", "Source Code Pro 700");
      for (const face of wanted) assert.ok(latinFaces.has(face), `missing latin face ${face}`);

      const fontUrls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]);
      assert.ok(fontUrls.length >= wanted.length);
      for (const rel of fontUrls) {
        const pathname: string = new URL(rel, `${running.origin}${cssUrl}`).pathname;
        assert.ok(pathname.startsWith(`${ASSETS_PATH}/fonts/`), pathname);
        const res = await getBytes(running.app, pathname);
        assert.equal(res.status, 200, pathname);
        assert.equal(res.headers["content-type"], EXPECTED_TYPES[".woff2"], pathname);
        assert.match(res.headers["cache-control"], ONE_YEAR_IMMUTABLE, pathname);
        const body = Buffer.from(res.body);
        assert.equal(body.subarray(0, 4).toString("latin1"), "wOF2", pathname);
        const name = path.posix.basename(pathname);
        const onDisk = fontDirs
          .map((d) => path.join(d, "files", name))
          .find((f) => {
            try {
              return readFileSync(f).equals(body);
            } catch {
              return false;
            }
          });
        assert.ok(onDisk, `${pathname} is not the fontsource file ${name}`);
      }
    },
  );

  await t.test("does not leak files through path traversal or unlisted files", async () => {
    const script = attributeUrls(html).find((u) => u.endsWith("/middleware.js"));
    assert.ok(script);
    const build = script.slice(0, script.indexOf("/build/") + "/build".length);
    const control = await rawGet(running.port, script);
    assert.equal(control.status, 200, "the raw client must reach a real asset");

    const guarded = ["package.json", "build/index.html", "build/_headers"];
    guarded.push("build/static/js/middleware.js.map");
    for (const file of guarded) {
      const text = readFileSync(path.join(reactDir, file), "utf8");
      assert.match(text, LEAK_MARKERS, `the leak check must be able to recognise ${file}`);
    }
    assert.match(readFileSync("/etc/passwd", "utf8"), LEAK_MARKERS);

    const attempts = [
      `${ASSETS_PATH}/../package.json`,
      `${ASSETS_PATH}/..%2fpackage.json`,
      `${ASSETS_PATH}/%2e%2e/package.json`,
      `${ASSETS_PATH}/%2e%2e%2fpackage.json`,
      `${ASSETS_PATH}/%252e%252e%252fpackage.json`,
      `${ASSETS_PATH}/..%5cpackage.json`,
      `${ASSETS_PATH}/package.json`,
      `${build}/../package.json`,
      `${build}/%2e%2e/package.json`,
      `${build}/%2E%2E%2Fpackage.json`,
      `${build}/static/js/../../../package.json`,
      `${build}/index.html`,
      `${build}/static/js/middleware.js.map`,
      `${build}/_headers`,
      `${ASSETS_PATH}/fonts/../../package.json`,
      `${ASSETS_PATH}/fonts/%2e%2e/%2e%2e/package.json`,
      `${ASSETS_PATH}/fonts/open-sans@x/%2e%2e/package.json`,
      `${ASSETS_PATH}/%2fetc%2fpasswd`,
      `${ASSETS_PATH}//etc/passwd`,
    ];
    for (const attempt of attempts) {
      const res = await rawGet(running.port, attempt);
      assert.equal(res.status, 404, attempt);
      assert.doesNotMatch(res.body, LEAK_MARKERS, attempt);
    }
  });
});
