// Runs `prisma generate` without letting the Prisma CLI download its native schema engine.
//
// Prisma 7's CLI fetches a native schema engine from Prisma's own host before most commands,
// even `generate`, which does not use it. That host is unreachable on our build machines, so we
// point PRISMA_SCHEMA_ENGINE_BINARY at an existing file (the node binary) to skip the download.
// The generated client talks to PostgreSQL through the `pg` driver adapter and needs no engine;
// migrations run through the WebAssembly engine (scripts/db/migrate-engine.ts).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
