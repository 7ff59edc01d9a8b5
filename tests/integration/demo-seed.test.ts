// The demo data tells the story the README promises, and is the same every time for a given day.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it, inject } from "vitest";
import { decisionsBeforeDeadlineProblem, isRankingProvisional, isWaitlistClosed } from "@/lib/domain/admission-decisions";
import { isAuditAction, isAuditEntityType } from "@/lib/domain/audit-actions";
import { evaluateEligibility } from "@/lib/domain/eligibility";
import { formatDateNb } from "@/lib/domain/format";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { waitlistClosingDateOf } from "@/lib/server/admission/places";
import { computeRanking } from "@/lib/server/admission/ranking";
import { verifyPassword } from "@/lib/server/auth/password";
import { isoDate } from "@/lib/to-domain";
import { EARLY_REVIEWS } from "@/prisma/seed/demo-admission";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { seedDemoData } from "@/prisma/seed/demo";
import { shiftByWeeks } from "@/lib/domain/cohort-plan";
import { listCohortsForStaff } from "@/lib/server/cohorts/staff-overview";
import { getIntake, listArchivedCohorts } from "@/lib/server/intakes/queries";
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

  it("admitted exactly the eligible H2023 students to the exam, and refused the ones who fell short", async () => {
    const enrolments = await db().enrolment.findMany({
      where: { cohort: { code: "H2023", programme: { code: "BARNEVERNLEDELSE" } } },
      select: {
        attendance: { select: { status: true } },
        submissionMembers: { select: { submission: { select: { arbeidskravId: true, status: true } } } },
        // The ordinary sitting (the ny eksamen and utsatt eksamen are prisma/seed/demo-exams.ts's).
        examRegistrations: { where: { exam: { kind: "ORDINARY" } }, select: { grade: true, status: true } },
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
      // The others were refused admission (before this system: no letter here).
      expect(enrolment.examRegistrations.map((row) => row.status)).toEqual([eligibility.eligible ? expect.stringMatching(/^(ADMITTED|DEFERRED)$/) : "REFUSED"]);
      if (!eligibility.eligible) notAdmitted += 1;
      // A grade, or (Ulla) utsatt eksamen granted.
      if (eligibility.eligible) expect(enrolment.examRegistrations[0]!.grade ?? enrolment.examRegistrations[0]!.status).toMatch(/^([A-F]|DEFERRED)$/);
    }
    expect(enrolments).toHaveLength(24);
    expect(notAdmitted).toBe(3);
  });

  it("has a running cohort mid-way and an intake open today with 40+ applications across counties and categories", async () => {
    const cohorts = await db().cohort.findMany({
      where: { programme: { code: "BARNEVERNLEDELSE" }, code: { not: "H2023" }, publishedAt: { not: null } },
      orderBy: { startsOn: "asc" },
      select: { code: true, applicationOpensOn: true, applicationDeadline: true, samlinger: { select: { samling: { select: { days: { select: { date: true } } } } } } },
    });
    expect(cohorts.map((cohort) => cohort.code)).toEqual(["H2025", "V2026", "V2027", "H2027"]);
    const [, running, , open] = cohorts;
    const held = running!.samlinger.filter(({ samling }) => samling.days.every((d) => d.date < TODAY)).length;
    expect(held).toBe(5);
    expect(open!.applicationOpensOn < TODAY && open!.applicationDeadline > TODAY).toBe(true);

    const applications = await db().application.findMany({
      where: { cohort: { code: "H2027", programme: { code: "BARNEVERNLEDELSE" } }, status: { not: "DRAFT" } },
      select: { employerCountyCode: true, provisionalCategory: true, _count: { select: { documents: true } } },
    });
    expect(applications.length).toBeGreaterThanOrEqual(40);
    expect(new Set(applications.map((a) => a.employerCountyCode)).size).toBe(15);
    expect(new Set(applications.map((a) => a.provisionalCategory))).toEqual(new Set([1, 2, 3, 4]));
    expect(applications.every((a) => a._count.documents >= 2)).toBe(true);
  });

  it("has a cohort whose samlinger are over, exam ahead, nobody registered (one refused), most eligible", async () => {
    const cohort = await db().cohort.findFirstOrThrow({
      where: { code: "H2025", programme: { code: "BARNEVERNLEDELSE" } },
      select: {
        exams: { select: { startsOn: true, registrations: { select: { id: true, status: true } } } },
        samlinger: { select: { samling: { select: { days: { select: { date: true } } } } } },
        // Olav Overført left it for the running cohort (prisma/seed/demo-enrolments.ts).
        enrolments: {
          where: { status: { not: "TRANSFERRED" } },
          select: {
            user: { select: { email: true } },
            attendance: { select: { status: true } },
            submissionMembers: { select: { submission: { select: { arbeidskravId: true, status: true } } } },
          },
        },
      },
    });
    const days = cohort.samlinger.flatMap(({ samling }) => samling.days);
    expect(days).toHaveLength(27);
    expect(days.every((d) => d.date < TODAY)).toBe(true);
    expect(cohort.exams[0]!.startsOn > TODAY).toBe(true);
    // Nobody registered yet; Vilde Vedtak was refused (prisma/seed/demo-letters.ts).
    expect(cohort.exams[0]!.registrations.map((registration) => registration.status)).toEqual(["REFUSED"]);
    const statuses = cohort.enrolments.map((enrolment) => ({
      email: enrolment.user.email,
      status: evaluateEligibility({
        scheduledDays: 27,
        heldDays: 27,
        attendedDays: enrolment.attendance.filter((row) => row.status === "PRESENT").length,
        arbeidskrav: enrolment.submissionMembers.map(({ submission }) => ({ id: submission.arbeidskravId, status: submission.status })),
      }).status,
    }));
    expect(statuses.find((row) => row.email === "student.ferdig@demo.no")?.status).toBe("ELIGIBLE");
    expect(statuses.filter((row) => row.status === "ELIGIBLE").length).toBe(13);
    expect(statuses.filter((row) => row.status === "NOT_ELIGIBLE").length).toBe(1);
    expect(statuses.filter((row) => row.status === "ON_TRACK").length).toBe(2);
  });

  it("gives faculty their teaching teams and lets the named demo students sign in", async () => {
    const frida = await db().user.findUniqueOrThrow({ where: { email: "faglaerer@demo.no" }, select: { teaching: { select: { cohort: { select: { code: true } } } } } });
    expect(frida.teaching.map((row) => row.cohort.code).sort()).toEqual(["H2023", "H2025", "V2026"]);
    for (const email of ["anne.gruppe@demo.no", "bjorn.gruppe@demo.no", "cecilie.gruppe@demo.no", "student.fravaer@demo.no", "student.ferdig@demo.no"]) {
      const user = await db().user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true, roles: true } });
      expect(user.roles).toEqual(["STUDENT"]);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash!)).toBe(true);
    }
    const group = await db().submission.findFirstOrThrow({
      where: { status: "SUBMITTED", members: { some: { enrolment: { user: { email: "anne.gruppe@demo.no" } } } } },
      select: { members: { select: { enrolment: { select: { user: { select: { email: true } } } } } }, attempts: { select: { documents: { select: { kind: true } } } } },
    });
    expect(group.members.map((m) => m.enrolment.user.email).sort()).toEqual(["anne.gruppe@demo.no", "bjorn.gruppe@demo.no", "cecilie.gruppe@demo.no"]);
    expect(group.attempts[0]!.documents).toEqual([{ kind: "SUBMISSION" }]);
  });

  it("tells the admission story: a decided intake with an offer, a waiting list and a klage; an intake waiting for decisions", async () => {
    const decision = async (email: string) =>
      db().decision.findFirstOrThrow({
        where: { application: { applicant: { email }, cohort: { code: "V2027", programme: { code: "BARNEVERNLEDELSE" } } } },
        select: { outcome: true, waitlistPosition: true, answer: true, answerDeadline: true, letters: { select: { klageDeadline: true, body: true } }, appeals: { select: { status: true } } },
      });
    const offer = await decision("soker@demo.no");
    expect(offer).toMatchObject({ outcome: "OFFER", answer: null });
    expect(offer.answerDeadline! > TODAY).toBe(true);
    expect(offer.letters[0]!.body).toContain("Du får tilbud om studieplass");
    expect(offer.letters[0]!.klageDeadline).not.toBeNull();
    expect(await decision("soker.venteliste@demo.no")).toMatchObject({ outcome: "WAITLIST", waitlistPosition: 1 });
    const refused = await decision("soker.klage@demo.no");
    expect(refused).toMatchObject({ outcome: "REFUSAL", appeals: [{ status: "RECEIVED" }] });

    const taken = await db().decision.count({
      where: { application: { cohort: { code: "V2027", programme: { code: "BARNEVERNLEDELSE" } } }, outcome: "OFFER", OR: [{ answer: null }, { answer: "ACCEPTED" }] },
    });
    expect(taken).toBe(30);
    const pending = await db().application.groupBy({
      by: ["status"],
      where: { cohort: { code: "V2027", programme: { code: "BARNEVERNLEDELSE" } }, decision: null, status: { not: "DRAFT" } },
      _count: { _all: true },
    });
    expect(pending.reduce((sum, row) => sum + row._count._all, 0)).toBe(4);

    const undecided = await db().application.findMany({
      where: { cohort: { code: "V2027", programme: { code: "INSTITUSJONSLEDELSE" } } },
      select: { status: true, qualified: true, decision: { select: { id: true } }, applicant: { select: { email: true } } },
    });
    expect(undecided.every((application) => application.decision === null)).toBe(true);
    expect(undecided.find((a) => a.applicant.email === "soker.kontroll@demo.no")).toMatchObject({ status: "SUBMITTED", qualified: null });
    expect(undecided.find((a) => a.applicant.email === "soker.avslag@demo.no")).toMatchObject({ status: "UNDER_REVIEW", qualified: false });
    expect(undecided.filter((a) => a.qualified === true)).toHaveLength(11);
    // Every sent application states its category, as a real submission stores it: the list shows
    // Kari Kontroll's «1» before review, as her application page does, not «–».
    expect(await db().application.count({ where: { status: { not: "DRAFT" }, provisionalCategory: null } })).toBe(0);
    expect(
      await db().application.findFirstOrThrow({ where: { applicant: { email: "soker.kontroll@demo.no" } }, select: { provisionalCategory: true } }),
    ).toEqual({ provisionalCategory: 1 });
  });

  it("shows the open intake ranked early and provisionally: some judged before the deadline, nothing decidable yet", async () => {
    const cohort = await db().cohort.findFirstOrThrow({ where: { code: "H2027", programme: { code: "BARNEVERNLEDELSE" } }, select: { id: true, applicationDeadline: true } });
    const deadline = isoDate(cohort.applicationDeadline);
    expect(isRankingProvisional(deadline, TODAY)).toBe(true);
    const judged = await db().application.count({ where: { cohortId: cohort.id, qualified: { not: null } } });
    expect(judged).toBe(EARLY_REVIEWS);
    const ranking = await computeRanking(db(), cohort.id);
    expect(ranking.rows.length).toBeGreaterThan(0);
    expect(ranking.rows.length).toBeLessThanOrEqual(EARLY_REVIEWS);
    expect(decisionsBeforeDeadlineProblem(deadline, TODAY)).toBe(`Vedtak kan ikke sendes før søknadsfristen ${formatDateNb(deadline)} er ute.`);
    expect(await db().decision.count({ where: { application: { cohortId: cohort.id } } })).toBe(0);
  });

  it("tells the decided intake's waiting list when it closes: the kull's first samling day, still weeks away", async () => {
    const cohort = await db().cohort.findFirstOrThrow({
      where: { code: "V2027", programme: { code: "BARNEVERNLEDELSE" } },
      select: { id: true, waitlistClosesOn: true, startsOn: true },
    });
    expect(cohort.waitlistClosesOn).toBeNull();
    const closesOn = await waitlistClosingDateOf(db(), cohort);
    expect(isWaitlistClosed(closesOn, TODAY)).toBe(false);
    const letter = await db().decisionLetter.findFirstOrThrow({ where: { kind: "WAITLIST", decision: { application: { applicant: { email: "soker.venteliste@demo.no" } } } } });
    expect(letter.body).toContain(`Ventelisten stenges ${formatDateNb(closesOn)}.`);
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

  it("tells the life of the kull: H2023 completed, the institusjonsledelse H2023 archived, next year's intake a draft the adviser can publish", async () => {
    const adviser = await db().user.findUniqueOrThrow({ where: { email: "veileder@demo.no" } });
    const viewer = { id: adviser.id, email: adviser.email, name: adviser.name, roles: adviser.roles, sessionId: "x", emailVerified: true };
    const h2023 = await db().cohort.findFirstOrThrow({ where: { code: "H2023", programme: { code: "BARNEVERNLEDELSE" } }, select: { id: true, completedAt: true, archivedAt: true } });
    expect(h2023.completedAt).not.toBeNull();
    expect(h2023.archivedAt).toBeNull();
    const archived = await db().cohort.findFirstOrThrow({ where: { code: "H2023", programme: { code: "INSTITUSJONSLEDELSE" } }, select: { id: true, archivedAt: true } });
    expect(archived.archivedAt).not.toBeNull();
    const everyday = await listCohortsForStaff(viewer, TODAY);
    expect(everyday.map((cohort) => cohort.id)).not.toContain(archived.id);
    expect(everyday.find((cohort) => cohort.id === h2023.id)?.phaseText).toBe("Fullført");
    expect((await listArchivedCohorts(viewer)).map((cohort) => cohort.id)).toEqual([archived.id]);
    // H2023's utsatt and ny eksamen are still ahead: it is archived after them, not before.
    const h2023Page = await getIntake(viewer, h2023.id, TODAY);
    expect(h2023Page.archiveProblems).toEqual([expect.stringMatching(/^2 eksamener er ikke holdt ennå \(siste dag \d{1,2}\. \p{L}+ \d{4}\)\. Etterpå må karakterene publiseres og klagefristen på tre uker gå ut\.$/u)]);
    expect(h2023Page.nextStep).toEqual({ text: "Kullet kan arkiveres når det som står åpent, er avsluttet.", href: `/veileder/kull/${h2023Page.id}` });
    expect(everyday.find((cohort) => cohort.id === h2023.id)?.nextStep).toEqual(h2023Page.nextStep);
    // The archived kull is a closed record, in the database too.
    await expect(db().cohortSamling.deleteMany({ where: { cohortId: archived.id } })).rejects.toThrow(/the kull is archived/);

    const [draft, ...others] = await db().cohort.findMany({ where: { publishedAt: null }, select: { id: true, code: true, programme: { select: { code: true } } } });
    expect(others).toEqual([]);
    expect(draft).toMatchObject({ code: "H2028", programme: { code: "BARNEVERNLEDELSE" } });
    const intake = await getIntake(viewer, draft!.id, TODAY);
    expect(intake.phase).toBe("DRAFT");
    expect(intake.publicationProblems).toEqual([]);
    expect(intake.samlinger).toBe(9);
    expect(intake.arbeidskrav).toBe(5);
    expect(intake.applicationDeadline > "2027-11-01").toBe(true);
    expect((await listCohortsForStaff(viewer, TODAY)).find((cohort) => cohort.id === draft!.id)?.nextStep).toEqual({ text: "Publiser opptaket", href: `/veileder/kull/${draft!.id}` });
    // Copied from the open intake H2027 a year on: the same weekdays, 52 weeks later.
    const open = await db().cohort.findFirstOrThrow({ where: { code: "H2027", programme: { code: "BARNEVERNLEDELSE" } }, select: { startsOn: true } });
    expect(intake.startsOn).toBe(shiftByWeeks(isoDate(open.startsOn), 52));
    expect(summary).toContain("kladd Kull H2028 kopiert fra Kull H2027 (52 uker");
  });
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


// Last in this file: it deletes. The demo server runs the retention job at start-up, so the
// story must survive it: on the demo's day nothing the story shows is past its period.
describe("demo seed and the retention job", () => {
  it("loses nothing on the demo's day: every document stays, no application is deleted, no account of an illness erased", async () => {
    const { applyRetention } = await import("@/lib/server/retention/sweep");
    const documents = await db().document.count();
    const applications = await db().application.count();
    expect(await applyRetention(TODAY, { notAdmittedDocumentsMonths: 6, undecidedApplicationMonths: 6, deferralHealthDataMonths: 3, absenceReasonMonths: 3 })).toEqual({
      documentsDeletedFrom: 0,
      documentsDeleted: 0,
      applicationsDeleted: 0,
      // Ulla Utsatt's grant (two years ago) keeps her legeerklæring until she has sat the utsatt eksamen.
      deferralsErased: 0,
      deferralDocumentsDeleted: 0,
      // The absence notices the story shows are for days of the last three months.
      absenceReasonsErased: 0,
    });
    expect(await db().document.count()).toBe(documents);
    expect(await db().application.count()).toBe(applications);
    expect(await db().examDeferral.count({ where: { healthDataErasedAt: { not: null } } })).toBe(0);
  });

  it("writes only audit entries the log can say in words", async () => {
    const actions = await db().auditLog.findMany({ distinct: ["action"], select: { action: true } });
    const kinds = await db().auditLog.findMany({ distinct: ["entityType"], select: { entityType: true } });
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.map((row) => row.action).filter((action) => !isAuditAction(action))).toEqual([]);
    expect(kinds.map((row) => row.entityType).filter((kind) => !isAuditEntityType(kind))).toEqual([]);
  });
});
