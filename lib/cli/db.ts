// Database commands (see README):
//   npm run db:migrate            apply pending migrations
//   npm run db:reset              empty the database, migrate, seed (not in production)
//   npm run db:migration -- name  create a migration from changes to prisma/schema.prisma
import { rmSync } from "node:fs";
import path from "node:path";
import { dropAllTables, provideDatabase } from "@/lib/cli/database";
import { loadEnvFiles } from "@/lib/cli/env-files";
import { applyMigrations, createMigration } from "@/lib/db/migrate";
import { seedEmptyDatabase } from "@/prisma/seed";

async function main() {
  const [command, ...args] = process.argv.slice(2);
  loadEnvFiles();
  const database = await provideDatabase();
  try {
    switch (command) {
      case "migrate":
        report(await applyMigrations(database.url));
        break;
      case "reset": {
        if (process.env.NODE_ENV === "production" && !args.includes("--force")) {
          throw new Error("db:reset deletes all data; refusing with NODE_ENV=production (add --force).");
        }
        await dropAllTables(database.url);
        for (const dir of [process.env.STORAGE_DIR ?? ".data/storage", process.env.MAIL_OUTBOX_DIR ?? ".data/outbox"]) {
          rmSync(path.resolve(dir), { recursive: true, force: true });
        }
        report(await applyMigrations(database.url));
        await seedEmptyDatabase(database.url);
        break;
      }
      case "migration": {
        const name = args[0];
        if (!name) throw new Error("usage: npm run db:migration -- <name>");
        const created = await createMigration(database.url, name);
        console.log(created ? `Ny migrering: ${path.relative(process.cwd(), created.folder)}` : "Ingen endringer i skjemaet.");
        break;
      }
      default:
        throw new Error("usage: db.ts migrate|reset|migration <name>");
    }
  } finally {
    await database.stop();
  }
}

function report(applied: string[]) {
  console.log(applied.length > 0 ? `Migreringer kjørt: ${applied.join(", ")}` : "Databasen er oppdatert.");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
