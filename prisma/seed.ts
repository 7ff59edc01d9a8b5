// `npm run db:seed`: loads the deterministic demo data (prisma/seed/demo.ts) into an empty
// database: the embedded one, or DATABASE_URL when set. Applies pending migrations first.
import { provideDatabase } from "@/lib/cli/database";
import { loadEnvFiles } from "@/lib/cli/env-files";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { isDatabaseEmpty, seedDemoData } from "@/prisma/seed/demo";

export async function seedEmptyDatabase(url: string, today = new Date()): Promise<void> {
  const client = createPrismaClient(url);
  try {
    if (!(await isDatabaseEmpty(client))) {
      throw new Error("Databasen har allerede data. Bruk npm run db:reset for å starte på nytt med demodata.");
    }
    console.log(`Demodata lagt inn: ${await seedDemoData(client, { today })}`);
  } finally {
    await client.$disconnect();
  }
}

async function main() {
  loadEnvFiles();
  const database = await provideDatabase();
  try {
    await applyMigrations(database.url);
    await seedEmptyDatabase(database.url);
  } finally {
    await database.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
