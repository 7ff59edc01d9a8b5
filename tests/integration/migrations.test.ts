// The wasm migration engine writes the same history the Prisma CLI would.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { applyMigrations, createMigration, MIGRATIONS_DIR, readMigrations, withDatabase } from "@/lib/db/migrate";

describe("migrations", () => {
  it("recorded every migration with the CLI's checksum (sha256 of the file)", async () => {
    const list = await readMigrations();
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await client.end();
    expect(rows.map((row) => row.migration_name)).toEqual(list.migrationDirectories.map((dir) => dir.path));
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("finds no difference between the migrations and prisma/schema.prisma", async () => {
    // Diffs the history (replayed in a shadow database) against the schema: a schema change
    // without its migration fails here.
    expect(await createMigration(process.env.DATABASE_URL!, "unexpected", { dir: MIGRATIONS_DIR })).toBeNull();
  });

  it("gives programmes that existed before the FS columns their own course code, never a placeholder", async () => {
    // Replays the history up to the migration before, adds the two programmes as they were, then
    // applies the rest: the data migration fills the new required column.
    const list = await readMigrations();
    const names = list.migrationDirectories.map((dir) => dir.path);
    const index = names.findIndex((name) => name.endsWith("_programme_fs_course"));
    expect(index).toBeGreaterThan(0);
    const earlier = await mkdtemp(path.join(tmpdir(), "migrations-"));
    const database = `fs_course_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = withDatabase(process.env.DATABASE_URL!, database);
    try {
      await cp(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(earlier, "migration_lock.toml"));
      for (const name of names.slice(0, index)) await cp(path.join(MIGRATIONS_DIR, name), path.join(earlier, name), { recursive: true });
      await applyMigrations(url, earlier);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const [id, code] of [["p-bvl", "BARNEVERNLEDELSE"], ["p-bil", "INSTITUSJONSLEDELSE"]]) {
          await client.query(
            `INSERT INTO "Programme" ("id", "code", "name", "credits", "description", "adviserName", "adviserEmail", "adviserPhone", "academicLeadName", "academicLeadEmail", "academicLeadPhone")
             VALUES ($1, $2, $3, 30, '', '', '', '', '', '', '')`,
            [id, code, code],
          );
        }
        expect(await applyMigrations(url)).toContain(names[index]);
        const { rows } = await client.query<{ code: string; fsCourseCode: string; fsCourseVersion: string }>(
          'SELECT "code", "fsCourseCode", "fsCourseVersion" FROM "Programme" ORDER BY "code"',
        );
        expect(rows).toEqual([
          { code: "BARNEVERNLEDELSE", fsCourseCode: "BVL6001", fsCourseVersion: "1" },
          { code: "INSTITUSJONSLEDELSE", fsCourseCode: "BIL6001", fsCourseVersion: "1" },
        ]);
      } finally {
        await client.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
      await rm(earlier, { recursive: true, force: true });
    }
  }, 120_000);
});
