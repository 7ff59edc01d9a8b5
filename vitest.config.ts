import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
// `server-only` refuses to load outside Next.js; in tests it is an empty module.
const serverAlias = { ...alias, "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts") };

// The integration projects' shared settings.
const integration = {
  include: ["tests/integration/**/*.test.ts"],
  environment: "node",
  globalSetup: ["tests/integration/global-setup.ts"],
  // next-auth imports "next/server" without an extension, which Node's own ESM loader
  // refuses; processed by Vite it resolves (tests/integration/feide-sign-in.test.ts).
  server: { deps: { inline: ["next-auth"] } },
  setupFiles: ["tests/integration/setup-file.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Three files at once, each on a database of its own: a file spends much of its time
  // waiting for PostgreSQL, and Vitest's default on two cores is one (cores − 1). The
  // suite ran 374 s with one and 262 s with three.
  maxWorkers: 3,
};
// The integration files with a vi.mock of their own (an app module replaced for that file only).
const OWN_MODULE_MOCKS = [
  "tests/integration/account-orders.test.ts",
  "tests/integration/accounts.test.ts",
  "tests/integration/current-session.test.ts",
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias: serverAlias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // The exhaustive domain tests (every date for 1000 years, 125 000 attendance cases) take
          // seconds, more than the default 5 s when five engineers share two cores.
          testTimeout: 30_000,
          // The unit files are pure (no module mocks, no environment, no database; the two that
          // fake the clock restore it after each test), so they share a module graph per worker
          // instead of importing it again for each of the 67 files, on both cores: 45 s → 10 s.
          // A file that needs a fresh module graph of its own would have to go to a project of its
          // own; `npm run test:unit -- --isolate` runs them the old way.
          isolate: false,
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias: serverAlias },
        test: {
          ...integration,
          name: "integration",
          exclude: OWN_MODULE_MOCKS,
          // The files of one worker share their module graph instead of importing it again for each
          // of the ~70 files (Prisma's client, Next.js, the use cases): 1.5 s of import per file on
          // a machine the run keeps busy. Each file still gets its own database, storage, outbox
          // and database client: the setup file makes them and reads the environment again.
          isolate: false,
        },
      },
      // Files that replace a module of the app with their own (vi.mock in the test file) need a
      // module graph of their own, as before.
      {
        resolve: { alias: serverAlias },
        test: { ...integration, name: "integration-own-mocks", include: OWN_MODULE_MOCKS },
      },
    ],
  },
});
