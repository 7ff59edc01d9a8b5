// The wasm migration engine writes the same history the Prisma CLI would.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, createMigration, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";

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
});
