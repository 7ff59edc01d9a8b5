// The wasm migration engine writes the same history the Prisma CLI would.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations, createMigration, MIGRATIONS_DIR, readMigrations, withDatabase } from "@/lib/db/migrate";
import { createCohort, createDecision, createOpenCohort, createProgramme, createReviewedApplication, createUser, enrol, uniqueCohortCode } from "@/prisma/seed/factories";

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

  it("marks the admission klager already taken with a waiting-list place as taken in part, from their audit entry, and no others", async () => {
    // The backfill statement as the migration runs it, on today's schema (cheaper than a replay).
    const sql = await readFile(path.join(MIGRATIONS_DIR, (await readMigrations()).migrationDirectories.find((dir) => dir.path.endsWith("_appeal_partly_reversed"))!.path, "migration.sql"), "utf8");
    const backfill = sql.slice(sql.indexOf('UPDATE "Appeal"'));
    const db = createPrismaClient(process.env.DATABASE_URL!);
    try {
      const { cohort } = await createOpenCohort(db, { deadline: "2026-03-01" });
      const adviser = await createUser(db, { roles: ["ADVISER"] });
      const taken = async (after: "WAITLIST" | "OFFER" | null) => {
        const { application } = await createReviewedApplication(db, { cohortId: cohort.id, category: 1 });
        const decision = await createDecision(db, { applicationId: application.id, decidedById: adviser.id, outcome: "WAITLIST", waitlistPosition: 3 });
        const letter = await db.decisionLetter.findFirstOrThrow({ where: { decisionId: decision.id } });
        const appeal = await db.appeal.create({
          data: { applicationId: application.id, decisionId: decision.id, letterId: letter.id, text: "Jeg burde hatt plass.", status: after ? "REVERSED" : "UPHELD", grounds: "Begrunnelse.", decidedById: adviser.id, decidedAt: new Date() },
          select: { id: true },
        });
        await db.auditLog.create({
          data: { actorId: adviser.id, action: after ? "appeal.reverse" : "appeal.uphold", entityType: "Appeal", entityId: appeal.id, after: { status: after ? "REVERSED" : "UPHELD", decision: { outcome: after ?? "WAITLIST", waitlistPosition: 1 } } },
        });
        return appeal.id;
      };
      const [partly, whole, upheld] = [await taken("WAITLIST"), await taken("OFFER"), await taken(null)];
      await db.$executeRawUnsafe(backfill);
      const rows = await db.appeal.findMany({ where: { id: { in: [partly, whole, upheld] } }, select: { id: true, partly: true } });
      expect(Object.fromEntries(rows.map((row) => [row.id, row.partly]))).toEqual({ [partly]: true, [whole]: false, [upheld]: false });
      // And the CHECK: only a klage taken is taken in part.
      await expect(db.appeal.update({ where: { id: upheld }, data: { partly: true } })).rejects.toThrow(/Appeal_partly_only_reversed/);
    } finally {
      await db.$disconnect();
    }
  });

  it("settles the admission klager left open on an offer or a withdrawn application, with why and an audit entry, and leaves the others open", async () => {
    await withHistoryBefore("_appeal_settled_backfill", async (client, applyIt, url) => {
      const before = createPrismaClient(url);
      try {
        const { cohort } = await createOpenCohort(before, { deadline: "2026-03-01" });
        const adviser = await createUser(before, { roles: ["ADVISER"] });
        const klage = async (outcome: "OFFER" | "WAITLIST" | "REFUSAL", withdrawn = false) => {
          const { application } = await createReviewedApplication(before, { cohortId: cohort.id, category: 1 });
          const decision = await createDecision(before, { applicationId: application.id, decidedById: adviser.id, outcome: outcome === "OFFER" ? "WAITLIST" : outcome });
          const letter = await before.decisionLetter.findFirstOrThrow({ where: { decisionId: decision.id } });
          // In SQL: today's client would write and read columns the old schema does not have yet.
          const { rows: [appeal] } = await client.query<{ id: string }>(
            `INSERT INTO "Appeal" ("id", "applicationId", "decisionId", "letterId", "text") VALUES (gen_random_uuid()::text, $1, $2, $3, 'Jeg burde hatt plass.') RETURNING "id"`,
            [application.id, decision.id, letter.id],
          );
          // The old order: the klage filed, then the job's offer (or the withdrawal) left it open.
          if (outcome === "OFFER") await client.query(`UPDATE "Decision" SET "outcome" = 'OFFER', "waitlistPosition" = NULL, "answerDeadline" = '2026-04-01' WHERE "id" = $1`, [decision.id]);
          if (withdrawn) await client.query(`UPDATE "Application" SET "status" = 'WITHDRAWN', "withdrawnAt" = now() WHERE "id" = $1`, [application.id]);
          return appeal!.id;
        };
        const offered = await klage("OFFER");
        const withdrawn = await klage("REFUSAL", true);
        const open = await klage("WAITLIST");
        await applyIt();
        const { rows } = await client.query<{ id: string; status: string; grounds: string | null; decidedAt: Date | null }>(`SELECT "id", "status", "grounds", "decidedAt" FROM "Appeal"`);
        const byId = new Map(rows.map((row) => [row.id, row]));
        expect(byId.get(offered)).toMatchObject({ status: "SETTLED", grounds: "Søkeren fikk tilbud om studieplass mens klagen var til behandling. Klagen er dermed imøtekommet og avsluttet." });
        expect(byId.get(withdrawn)).toMatchObject({ status: "SETTLED", grounds: "Søkeren trakk søknaden. Klagen er dermed avsluttet." });
        expect(byId.get(open)).toMatchObject({ status: "RECEIVED", grounds: null, decidedAt: null });
        const audit = await client.query<{ entityId: string; after: { cause: string } }>(`SELECT "entityId", "after" FROM "AuditLog" WHERE "action" = 'appeal.settle' ORDER BY "entityId"`);
        expect(audit.rows.map((row) => [row.entityId, row.after.cause]).sort()).toEqual([[offered, "OFFERED"], [withdrawn, "WITHDRAWN"]].sort());
      } finally {
        await before.$disconnect();
      }
    });
  }, 120_000);

  it("tells how each leave ended so far from the audit log and the enrolment's end, and keeps it with the end from then on", async () => {
    await withHistoryBefore("_leave_ending", async (client, applyIt, url) => {
      const before = createPrismaClient(url);
      try {
        const programme = await createProgramme(before);
        const { cohort } = await createCohort(before, {
          programmeId: programme.id,
          code: uniqueCohortCode(),
          capacity: 10,
          applicationOpensOn: "2026-01-01",
          applicationDeadline: "2026-03-01",
          offerAnswerDeadline: "2026-04-01",
          samlinger: [{ title: "Samling 1", days: ["2026-09-10", "2026-09-11"] }],
        });
        const adviser = await createUser(before, { roles: ["ADVISER"] });
        const student = async (status: "ACTIVE" | "WITHDRAWN" | "TRANSFERRED", endedOn: string | null = null, cohortId = cohort.id) => {
          const row = await enrol(before, { userId: (await createUser(before, { roles: ["STUDENT"] })).id, cohortId, status: "ACTIVE" });
          if (status !== "ACTIVE") await client.query(`UPDATE "Enrolment" SET "status" = $2, "endedOn" = $3 WHERE "id" = $1`, [row.id, status, endedOn]);
          return row.id;
        };
        const leave = async (id: string, enrolmentId: string, returnedOn: string | null) =>
          client.query(
            `INSERT INTO "LeaveOfAbsence" ("id", "enrolmentId", "fromDate", "toDate", "reason", "status", "decidedById", "returnedOn", "returnRegisteredById")
             VALUES ($1, $2, '2026-09-01', '2026-10-30', 'Sykdom', 'GRANTED', $3, $4, $5)`,
            [id, enrolmentId, adviser.id, returnedOn, returnedOn ? adviser.id : null],
          );
        const entry = (action: string, entityId: string, after: object) =>
          client.query(`INSERT INTO "AuditLog" ("actorId", "action", "entityType", "entityId", "after") VALUES ($1, $2, 'LeaveOfAbsence', $3, $4)`, [adviser.id, action, entityId, after]);
        // A return registered; a return registered, then the student left later; a leave a
        // withdrawal ended (its cause in the entry); one a withdrawal ended with no entry (the
        // demo's kind); one granted on a klage already ended; one still open.
        await leave("returned", await student("ACTIVE"), "2026-09-20");
        await entry("leave.return", "returned", { returnedOn: "2026-09-20", enrolmentStatus: "ACTIVE" });
        await leave("returned-then-left", await student("WITHDRAWN", "2026-09-20"), "2026-09-20");
        await entry("leave.return", "returned-then-left", { returnedOn: "2026-09-20", enrolmentStatus: "ACTIVE" });
        await leave("withdrawn", await student("WITHDRAWN", "2026-09-15"), "2026-09-15");
        await entry("leave.return", "withdrawn", { returnedOn: "2026-09-15", cause: "Studenten har sluttet" });
        await leave("withdrawn-unlogged", await student("WITHDRAWN", "2026-09-16"), "2026-09-16");
        await leave("klage", await student("ACTIVE"), "2026-10-31");
        await entry("leave.grant", "klage", { status: "GRANTED", cause: "klage", endedBecause: "KULL_COMPLETED" });
        await leave("open", await student("ACTIVE"), null);
        // In a kull archived since (a closed record: the migration says it writes there).
        const { cohort: archived } = await createCohort(before, {
          programmeId: programme.id,
          code: uniqueCohortCode(),
          capacity: 10,
          applicationOpensOn: "2025-01-01",
          applicationDeadline: "2025-03-01",
          offerAnswerDeadline: "2025-04-01",
          samlinger: [{ title: "Samling 1", days: ["2025-09-10", "2025-09-11"] }],
        });
        await leave("transferred-archived", await student("TRANSFERRED", "2026-09-15", archived.id), "2026-09-15");
        await entry("leave.return", "transferred-archived", { returnedOn: "2026-09-15", cause: "Overført til Kull H2026" });
        await client.query(`UPDATE "Cohort" SET "completedAt" = now(), "archivedAt" = now() WHERE "id" = $1`, [archived.id]);
      } finally {
        await before.$disconnect();
      }
      await applyIt();
      const { rows } = await client.query<{ id: string; ending: string | null }>('SELECT "id", "ending"::text FROM "LeaveOfAbsence" ORDER BY "id"');
      expect(Object.fromEntries(rows.map((row) => [row.id, row.ending]))).toEqual({
        klage: "KULL_COMPLETED",
        open: null,
        returned: "RETURNED",
        "returned-then-left": "RETURNED",
        "transferred-archived": "STUDENT_TRANSFERRED",
        withdrawn: "STUDENT_WITHDRAWN",
        "withdrawn-unlogged": "STUDENT_WITHDRAWN",
      });
      await expect(client.query(`UPDATE "LeaveOfAbsence" SET "returnedOn" = '2026-09-20', "returnRegisteredById" = "decidedById" WHERE "id" = 'open'`)).rejects.toThrow(
        /LeaveOfAbsence_ending_with_end/,
      );
    });
  }, 120_000);
});

/**
 * Replays the history up to (not including) the migration whose name ends with `suffix` into a
 * database of its own, and hands `work` a client on it, a function that applies the rest, and
 * the database's address (for the factories, on a Prisma client of its own: only on tables the
 * migration leaves as they were).
 */
async function withHistoryBefore(suffix: string, work: (client: pg.Client, applyRest: () => Promise<void>, url: string) => Promise<void>) {
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
      }, url);
    } finally {
      await client.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await rm(earlier, { recursive: true, force: true });
  }
}
