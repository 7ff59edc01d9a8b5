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
    // The two programmes as they were before the migration; the data migration fills the new
    // required column.
    await withHistoryBefore("_programme_fs_course", async (client, applyIt) => {
      for (const [id, code] of [["p-bvl", "BARNEVERNLEDELSE"], ["p-bil", "INSTITUSJONSLEDELSE"]]) {
        await client.query(
          `INSERT INTO "Programme" ("id", "code", "name", "credits", "description", "adviserName", "adviserEmail", "adviserPhone", "academicLeadName", "academicLeadEmail", "academicLeadPhone")
           VALUES ($1, $2, $3, 30, '', '', '', '', '', '', '')`,
          [id, code, code],
        );
      }
      await applyIt();
      const { rows } = await client.query<{ code: string; fsCourseCode: string; fsCourseVersion: string }>(
        'SELECT "code", "fsCourseCode", "fsCourseVersion" FROM "Programme" ORDER BY "code"',
      );
      expect(rows).toEqual([
        { code: "BARNEVERNLEDELSE", fsCourseCode: "BVL6001", fsCourseVersion: "1" },
        { code: "INSTITUSJONSLEDELSE", fsCourseCode: "BIL6001", fsCourseVersion: "1" },
      ]);
    });
  }, 120_000);

  it("takes the student's words out of the absence notices' audit entries written before, and leaves the log append-only", async () => {
    await withHistoryBefore("_absence_notice_audit_without_reason", async (client, applyIt) => {
      const entry = `INSERT INTO "AuditLog" ("action", "entityType", "entityId", "before", "after") VALUES ($1, 'AbsenceNotice', 'n1', $2, $3)`;
      await client.query(entry, ["absence_notice.send", null, { id: "n1", reason: "Sykt barn", date: "2026-09-10" }]);
      await client.query(entry, ["absence_notice.withdraw", { withdrawnAt: null, reason: "Sykt barn", date: "2026-09-10" }, { withdrawnAt: "2026-09-01T10:00:00.000Z" }]);
      await client.query(entry, ["attendance.save", null, { reason: "not an absence notice's" }]);
      await applyIt();
      const { rows } = await client.query<{ action: string; before: unknown; after: unknown }>('SELECT "action", "before", "after" FROM "AuditLog" ORDER BY "id"');
      expect(rows).toEqual([
        { action: "absence_notice.send", before: null, after: { id: "n1", date: "2026-09-10", reasonLength: 9 } },
        { action: "absence_notice.withdraw", before: { withdrawnAt: null, date: "2026-09-10" }, after: { withdrawnAt: "2026-09-01T10:00:00.000Z" } },
        { action: "attendance.save", before: null, after: { reason: "not an absence notice's" } },
      ]);
      await expect(client.query(`UPDATE "AuditLog" SET "action" = 'forged'`)).rejects.toThrow(/append-only/);
    });
  }, 120_000);
});

/**
 * Replays the history up to (not including) the migration whose name ends with `suffix` into a
 * database of its own, and hands `work` a client on it and a function that applies the rest.
 */
async function withHistoryBefore(suffix: string, work: (client: pg.Client, applyRest: () => Promise<void>) => Promise<void>) {
  const list = await readMigrations();
  const names = list.migrationDirectories.map((dir) => dir.path);
  const index = names.findIndex((name) => name.endsWith(suffix));
  expect(index).toBeGreaterThan(0);
  const earlier = await mkdtemp(path.join(tmpdir(), "migrations-"));
  const database = `history_${process.pid}_${Date.now()}`;
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
      await work(client, async () => {
        expect(await applyMigrations(url)).toContain(names[index]);
      });
    } finally {
      await client.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await rm(earlier, { recursive: true, force: true });
  }
}
