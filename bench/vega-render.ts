import { pathToFileURL } from "node:url";

/** The little of vega and vega-lite the bench uses (both are ESM-only packages). */
interface VegaView {
  toSVG(): Promise<string>;
  finalize(): void;
}

interface VegaModules {
  vega: {
    parse(spec: unknown): unknown;
    View: new (runtime: unknown, options: { renderer: "none" }) => VegaView;
  };
  vegaLite: { compile(spec: unknown): { spec: unknown } };
}

/**
 * tsc compiles `import()` to `require()` under module commonjs, and require() cannot
 * load vega (its ESM graph uses top-level await). A Function body is not rewritten,
 * so this is a real dynamic import; resolving the path first keeps it independent
 * of the working directory.
 */
const importEsm = new Function("url", "return import(url)") as (url: string) => Promise<unknown>;

async function load(name: string): Promise<unknown> {
  return importEsm(pathToFileURL(require.resolve(name)).href);
}

/** Renders vega-lite specs to SVG strings headlessly (no canvas, no browser). */
export class VegaRenderer {
  private modules: Promise<VegaModules> | null = null;

  async svg(spec: object): Promise<string> {
    this.modules ??= Promise.all([load("vega"), load("vega-lite")]).then(
      ([vega, vegaLite]) => ({ vega, vegaLite }) as VegaModules,
    );
    const { vega, vegaLite } = await this.modules;
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  }
}
