// The demo data tells the story the README promises, and is the same every time for a given day.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it, inject } from "vitest";
import { evaluateEligibility } from "@/lib/domain/eligibility";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { verifyPassword } from "@/lib/server/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { seedDemoData } from "@/prisma/seed/demo";
import { db } from "./support";

const TODAY = new Date("2026-11-22T12:00:00+01:00");
let summary: string;

beforeAll(async () => {
  summary = await seedDemoData(db(), { today: TODAY });
}, 60_000);

describe("demo seed", () => {
  it("has one account per role, with the published password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db().user.findUniqueOrThrow({
        where: { email: account.email },
        select: { roles: true, passwordHash: true },
      });
      expect(user.roles).toEqual(account.roles);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash!)).toBe(true);
    }
    expect(summary).toContain("5 demokontoer");
  });

  it("counts every demo person as verified: nobody will click an invented person's mail", async () => {
    expect(await db().user.count({ where: { emailVerifiedAt: null } })).toBe(0);
    expect(await db().user.count({ where: { roles: { has: "APPLICANT" } } })).toBeGreaterThan(40);
  });

  it("has kull H2023 with the nine real samlinger (27 days), the exam and shared samling 6", async () => {
    const cohort = await db().cohort.findFirstOrThrow({
      where: { code: "H2023", programme: { code: "BARNEVERNLEDELSE" } },
      select: {
        id: true,
        samlinger: { orderBy: { number: "asc" }, select: { samling: { select: { id: true, days: { orderBy: { date: "asc" }, select: { date: true } } } } } },
        exams: { select: { startsOn: true, endsOn: true } },
      },
    });
    const firstDays = cohort.samlinger.map(({ samling }) => samling.days[0]!.date.toISOString().slice(0, 10));
    expect(firstDays).toEqual([
      "2023-09-12", "2023-10-17", "2023-11-21", "2024-02-06", "2024-03-12", "2024-04-23", "2024-05-28", "2024-09-10", "2024-10-22",
    ]);
    expect(cohort.samlinger.flatMap(({ samling }) => samling.days)).toHaveLength(27);
    expect(cohort.exams[0]!.startsOn.toISOString().slice(0, 10)).toBe("2024-11-19");
    const shared = await db().cohortSamling.findMany({ where: { samlingId: cohort.samlinger[5]!.samling.id } });
    expect(shared).toHaveLength(2);
  });

  it("admitted exactly the eligible H2023 students to the exam, and some fell short", async () => {
    const enrolments = await db().enrolment.findMany({
      where: { cohort: { code: "H2023", programme: { code: "BARNEVERNLEDELSE" } } },
      select: {
        attendance: { select: { status: true } },
        submissionMembers: { select: { submission: { select: { arbeidskravId: true, status: true } } } },
        examRegistrations: { select: { grade: true } },
      },
    });
    let notAdmitted = 0;
    for (const enrolment of enrolments) {
      const eligibility = evaluateEligibility({
        scheduledDays: 27,
        heldDays: 27,
        attendedDays: enrolment.attendance.filter((row) => row.status === "PRESENT").length,
        arbeidskrav: enrolment.submissionMembers.map(({ submission }) => ({ id: submission.arbeidskravId, status: submission.status })),
      });
      expect(enrolment.examRegistrations.length).toBe(eligibility.eligible ? 1 : 0);
      if (!eligibility.eligible) notAdmitted += 1;
      if (eligibility.eligible) expect(enrolment.examRegistrations[0]!.grade).toMatch(/^[A-F]$/);
    }
    expect(enrolments).toHaveLength(24);
    expect(notAdmitted).toBe(3);
  });

  it("has a running cohort mid-way and an intake open today with 40+ applications across counties and categories", async () => {
    const cohorts = await db().cohort.findMany({
      where: { programme: { code: "BARNEVERNLEDELSE" }, code: { not: "H2023" } },
      orderBy: { startsOn: "asc" },
      select: { code: true, applicationOpensOn: true, applicationDeadline: true, samlinger: { select: { samling: { select: { days: { select: { date: true } } } } } } },
    });
    expect(cohorts.map((cohort) => cohort.code)).toEqual(["V2026", "V2027"]);
    const [running, open] = cohorts;
    const held = running!.samlinger.filter(({ samling }) => samling.days.every((d) => d.date < TODAY)).length;
    expect(held).toBe(5);
    expect(open!.applicationOpensOn < TODAY && open!.applicationDeadline > TODAY).toBe(true);

    const applications = await db().application.findMany({
      where: { cohort: { code: "V2027" }, status: { not: "DRAFT" } },
      select: { employerCountyCode: true, provisionalCategory: true, _count: { select: { documents: true } } },
    });
    expect(applications.length).toBeGreaterThanOrEqual(40);
    expect(new Set(applications.map((a) => a.employerCountyCode)).size).toBe(15);
    expect(new Set(applications.map((a) => a.provisionalCategory))).toEqual(new Set([1, 2, 3, 4]));
    expect(applications.every((a) => a._count.documents >= 2)).toBe(true);
  });

  it("is deterministic: seeding another empty database on the same day gives the same people", async () => {
    const other = await cloneEmptyDatabase();
    try {
      await seedDemoData(other.client, { today: TODAY });
      const names = (client: Database) =>
        client.user.findMany({ orderBy: { email: "asc" }, select: { email: true, name: true, roles: true } });
      expect(await names(other.client)).toEqual(await names(db()));
    } finally {
      await other.drop();
    }
  }, 60_000);
});

async function cloneEmptyDatabase() {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `bvl_seed_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = createPrismaClient(url.toString());
  return {
    client,
    async drop() {
      await client.$disconnect();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

