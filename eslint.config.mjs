import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
    // Dependencies point one way: seed/, bench/ and test/ use src/, never the reverse.
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/seed", "**/seed/**", "**/bench", "**/bench/**", "**/test/**"],
              message: "src/ must not import seed/, bench/ or test/: they depend on src/.",
            },
          ],
        },
      ],
    },
  },
);
