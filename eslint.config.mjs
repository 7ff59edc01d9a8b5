import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";

const config = [
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "playwright-report/**", "test-results/**", "tmp/**", "bench/floor/.next/**", "bench/results/**"],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    // import/no-cycle follows imports through every module it can parse, packages too: zod, jose
    // and @auth alone were most of its time (lint 78 s → 41 s on two cores). No cycle of ours can
    // pass through a package or the generated Prisma client, which import nothing of ours.
    settings: { "import/ignore": ["node_modules", "lib/generated/"] },
    rules: {
      ...jsxA11y.flatConfigs.strict.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Arrows point down (pages → actions → server → domain → db): two modules that import each
      // other means one of them is in the wrong room (README, "Architecture").
      "import/no-cycle": ["error", { ignoreExternal: true }],
      // Domain rules are pure: no clock, no I/O (see lib/domain/README in the code comments).
      "no-restricted-imports": "off",
    },
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/lib/server/*", "@/lib/db/*", "node:*", "next/*", "react"] }],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Domain rules take the date as an argument." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Domain rules take the date as an argument." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "Domain rules are deterministic." },
      ],
    },
  },
  {
    // Client components must not reach the server-only layer.
    files: ["components/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/lib/server/*", "@/lib/db/*"] }],
    },
  },
];

export default config;
