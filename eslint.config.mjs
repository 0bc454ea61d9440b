import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const ONE_WAY = {
  group: ["**/seed", "**/seed/**", "**/bench", "**/bench/**", "**/test/**"],
  message: "src/ must not import seed/, bench/ or test/: they depend on src/.",
};
const ENGINE_INDEX_ONLY = {
  group: ["**/engine/*"],
  message: "import the engine from src/engine (its index.ts), not its internals.",
};
const ENGINE_STANDS_ALONE = {
  group: ["**/graphql", "**/graphql/*", "**/errors/*"],
  message:
    "the engine must not import src/graphql or src/errors; throw an error of engine/errors.ts.",
};

export default tseslint.config(
  { ignores: ["dist/", ".build/", "node_modules/", "src/generated/", "bench/results/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "no-console": "off",
    },
  },
  {
    // Plain Node scripts that run before anything is compiled (build, test preflight).
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    // Dependencies point one way: seed/, bench/ and test/ use src/, never the reverse; outside
    // the engine, src/ uses the engine through its index.ts only (tests and bench may reach in).
    files: ["src/**/*.ts"],
    ignores: ["src/engine/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [ONE_WAY, ENGINE_INDEX_ONLY] }] },
  },
  {
    // The engine is a library: it knows nothing of GraphQL and throws only its own errors.
    files: ["src/engine/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [ONE_WAY, ENGINE_STANDS_ALONE] }] },
  },
  // The dashboard's web app runs in the browser, and only there: no Node globals.
  {
    files: ["src/dashboard/web/**/*.ts", "src/dashboard/shared/**/*.ts"],
    languageOptions: { globals: globals.browser },
    rules: { "no-restricted-globals": ["error", "process", "require", "__dirname", "Buffer"] },
  },
);
