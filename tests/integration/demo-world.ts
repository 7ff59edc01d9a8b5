// The demo story in this file's database, seeded once per run for each Oslo day it is seeded
// for. The seed reads only the calendar day of `today` (prisma/seed/demo.ts), so every file that
// asks for the same day gets the same data: the first one seeds its own database and keeps a copy
// (a template database and its files); the files after it clone that copy, as every file clones
// the migrated template (tests/integration/setup-file.ts). Six files seeded the demo each (12–15 s
// apiece on two cores); a clone takes about a second. tests/integration/demo-seed.test.ts still
// seeds for itself, and proves that seeding twice gives the same people.
import { cp, mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { osloDate } from "@/lib/domain/application-deadline";
import { db } from "@/lib/server/db";
import { seedDemoData } from "@/prisma/seed/demo";

/**
 * Seeds this file's database (and file store) with the demo story as it stands on `today`. A
 * clone's standings were computed at the first file's instant of that day: seconds earlier, for
 * files that seed for "now", which the standings (whole days) do not see.
 */
export async function seedDemo(today: Date): Promise<void> {
  const day = osloDate(today).replaceAll("-", "");
  const copy = `bvl_demo_${day}`;
  const own = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const files = path.join(inject("demoCacheDir"), day);
  const storageDir = process.env.STORAGE_DIR!;
  const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  try {
    // One file seeds a day and keeps the copy; a file that finds another seeding it seeds its own
    // meanwhile instead of waiting (a waiting file holds one of the three workers idle).
    const [{ locked }] = (await admin.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [copy])).rows as [{ locked: boolean }];
    // The copy is complete (database and files) whenever the lock is free.
    const { rowCount } = locked ? await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [copy]) : { rowCount: 0 };
    if (rowCount) {
      await forgetClient();
      await admin.query(`DROP DATABASE ${own} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${own} TEMPLATE ${copy}`);
      await mkdir(storageDir, { recursive: true });
      await cp(files, storageDir, { recursive: true });
      return;
    }
    await seedDemoData(db(), { today });
    if (!locked) return;
    // A template may have no connections: this file's pool goes, and comes back at the next db().
    await forgetClient();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [own]);
    await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${own}`);
    await mkdir(storageDir, { recursive: true });
    await cp(storageDir, files, { recursive: true });
  } finally {
    await admin.query("SELECT pg_advisory_unlock_all()").catch(() => {});
    await admin.end();
  }
}

async function forgetClient() {
  const holder = globalThis as { __db?: { $disconnect(): Promise<void> } };
  await holder.__db?.$disconnect();
  holder.__db = undefined;
}
