// The faculty's demo story (prisma/seed/demo-faculty.ts) as Frida sees it: a samling today with
// absence notices on its list, shared with an institusjonsledelse cohort she does not teach; the
// cohort about to sit the exam with 13 students to admit; H2023's grades published.
import { beforeAll, describe, expect, it } from "vitest";
import { eligibilityOutlook, STAFF_OUTLOOK_LABELS } from "@/lib/domain/eligibility";
import { getDayAttendance } from "@/lib/server/cohorts/attendance";
import { getExamAdmission } from "@/lib/server/exams/registration";
import { getCohortSummaries, getFacultyHome, listRunningCohortLinks } from "@/lib/server/cohorts/faculty-home";
import { cohortLabels } from "@/lib/domain/cohort";
import { getArbeidskravOverview } from "@/lib/server/cohorts/assessment";
import { viewerOf } from "./cohort-world";
import { db } from "./support";
import { seedDemo } from "./demo-world";

const NOW = new Date("2026-11-24T09:00:00+01:00"); // a Tuesday
let frida: ReturnType<typeof viewerOf>;

beforeAll(async () => {
  await seedDemo(NOW);
  frida = viewerOf(await db().user.findUniqueOrThrow({ where: { email: "faglaerer@demo.no" } }));
}, 120_000);

describe("the faculty demo", () => {
  it("puts the running cohort's samling 6 on today and tomorrow, shared with institusjonsledelse", async () => {
    const samling = await db().samling.findFirstOrThrow({
      where: { title: { startsWith: "Samling 6" }, cohorts: { some: { cohort: { code: "V2026", programme: { code: "BARNEVERNLEDELSE" } } } } },
      select: { days: { orderBy: { date: "asc" }, select: { date: true } }, cohorts: { select: { cohort: { select: { programme: { select: { code: true } } } } } } },
    });
    expect(samling.days.map((d) => d.date.toISOString().slice(0, 10))).toEqual(["2026-11-24", "2026-11-25"]);
    expect(samling.cohorts.map((row) => row.cohort.programme.code).sort()).toEqual(["BARNEVERNLEDELSE", "INSTITUSJONSLEDELSE"]);
  });

  it("sends Frida from her home straight to today's list, with two absence notices on it", async () => {
    const home = await getFacultyHome(frida, NOW);
    expect(home.map((cohort) => cohort.name)).toEqual(["Kull H2025", "Kull V2026"]);
    const running = home.find((cohort) => cohort.name === "Kull V2026")!;
    expect(running.today).not.toBeNull();
    expect(running.waiting.total).toBeGreaterThan(0);
    expect(running.atRisk.some((student) => student.name === "Frank Fravær" && student.risk.level === "LOST")).toBe(true);
    const finishing = home.find((cohort) => cohort.name === "Kull H2025")!;
    // Vilde's required ledertreningsoppgave is finally not approved: a vedtak, not «mangler» (the
    // staff read the same outlook as her own page, eligibilityOutlook).
    expect(finishing.atRisk.map((student) => student.risk.level).sort()).toEqual(["ARBEIDSKRAV", "FINAL_REJECTION", "LOST"]);
    expect(finishing.atRisk.find((student) => student.risk.level === "FINAL_REJECTION")?.name).toMatch(/^Vilde /);

    const day = await getDayAttendance(frida, running.id, running.today!.dayId, NOW);
    expect(day.mode).toBe("ON_DAY");
    // The twenty, Petra on leave (marked, never an absence) and Olav, transferred in.
    expect(day.students).toHaveLength(22);
    expect(day.students.filter((student) => student.onLeave).map((student) => student.name)).toEqual(["Petra Permisjon"]);
    expect(day.registered).toBe(0);
    expect(day.students.filter((student) => student.absenceNotice)).toHaveLength(2);
    expect(day.samling.sharedWith).toEqual(["Videreutdanning i institusjonsledelse, Kull V2026"]);
  });

  it("shows the completed H2023 with its sittings still ahead, and nobody at risk: its exam is decided for all", async () => {
    const cohort = await db().cohort.findFirstOrThrow({ where: { programme: { code: "BARNEVERNLEDELSE" }, code: "H2023" }, select: { id: true } });
    const [summary] = await getCohortSummaries(frida, { cohortId: cohort.id }, NOW);
    expect(summary).toMatchObject({ completed: true, atRisk: [], decisionsNeeded: 0 });
    expect(summary!.laterSittings.map((sitting) => sitting.label)).toEqual(["Ny eksamen", "Utsatt eksamen"]);
    expect(summary!.laterSittings.every((sitting) => sitting.startsOn > "2026-11-24")).toBe(true);
    // The running kull is not completed, and has no later sittings yet.
    const running = (await getFacultyHome(frida, NOW)).find((row) => row.name === "Kull V2026")!;
    expect(running).toMatchObject({ completed: false, laterSittings: [] });
  });

  it("keeps the institusjonsledelse cohort away from Frida, and gives it to Hanne", async () => {
    const cohort = await db().cohort.findFirstOrThrow({ where: { programme: { code: "INSTITUSJONSLEDELSE" }, code: "V2026" }, select: { id: true } });
    await expect(getExamAdmission(frida, cohort.id, NOW)).rejects.toThrow("Fant ikke kullet.");
    const hanne = viewerOf(await db().user.findUniqueOrThrow({ where: { email: "hanne.faglaerer@demo.no" } }));
    const overview = await getArbeidskravOverview(hanne, cohort.id, NOW);
    expect(overview.students).toHaveLength(8);
    expect(overview.waiting).toHaveLength(2);
    // Hanne teaches both kull named «Kull V2026»: her home and tabs tell them apart by course code.
    const home = await getFacultyHome(hanne, NOW);
    const labels = cohortLabels(home);
    expect(home.filter((row) => row.name === "Kull V2026").map((row) => labels.get(row.id)).sort()).toEqual(["Kull V2026 (BIL6001)", "Kull V2026 (BVL6001)"]);
    const links = await listRunningCohortLinks(hanne, NOW);
    expect(new Set(links.map((link) => cohortLabels(links.map((l) => ({ id: l.id, name: l.name, courseCode: l.programme.fsCourseCode }))).get(link.id))).size).toBe(links.length);
  });

  it("has H2025 ready for admission: 13 eligible, nobody registered, Vilde refused", async () => {
    const cohort = await db().cohort.findFirstOrThrow({ where: { programme: { code: "BARNEVERNLEDELSE" }, code: "H2025" }, select: { id: true } });
    const admission = await getExamAdmission(frida, cohort.id, NOW);
    expect(admission.counts).toEqual({ eligibleNotRegistered: 13, decisionNeeded: 0, refused: 1, registered: 0, graded: 0, deferralsWaiting: 0 });
    expect(admission.students.find((student) => student.email === "student.ferdig@demo.no")!.admission.allowed).toBe(true);
    // Vilde's row says her ledertreningsoppgave is finally not approved, not that she has yet to meet the requirements.
    const vilde = admission.students.find((student) => student.email === "student.vedtak@demo.no")!;
    expect(eligibilityOutlook(vilde.eligibility)).toBe("SHORT_BY_DECISION");
    expect(STAFF_OUTLOOK_LABELS[eligibilityOutlook(vilde.eligibility)]).toBe("Fyller ikke kravene: arbeidskrav endelig ikke godkjent");
    expect(vilde.reasons.join(" ")).toMatch(/Mangler: [^.]*\(endelig ikke godkjent\)/);
    expect(vilde.eligibility.reasons.join(" ")).toContain("endelig ikke godkjent etter siste innlevering og kan ikke leveres på nytt");
  });

  it("published H2023's grades", async () => {
    const exam = await db().exam.findFirstOrThrow({ where: { cohort: { code: "H2023", programme: { code: "BARNEVERNLEDELSE" } } } });
    expect(exam.gradesPublishedAt).not.toBeNull();
  });
});

describe("the demo of issue 17's rules", () => {
  it("shows a day registered late without a false notice, and a day not registered yet as the faculty's task", async () => {
    const home = await getFacultyHome(frida, NOW);
    const running = home.find((cohort) => cohort.name === "Kull V2026")!;
    expect(running.unregisteredDays).toHaveLength(1);
    expect(running.unregisteredDays[0]!.missing).toBe(2);
    const late = await db().attendance.findFirstOrThrow({ where: { note: "Registrert i ettertid" }, select: { enrolmentId: true, registeredAt: true, samlingDay: { select: { date: true } } } });
    expect(late.registeredAt.getTime() - late.samlingDay.date.getTime()).toBeGreaterThan(5 * 86_400_000);
    const standing = await db().standing.findUniqueOrThrow({ where: { enrolmentId: late.enrolmentId } });
    expect(standing.notifiedState).toBe("NONE");
    expect(await db().mailMessage.count({ where: { dedupeKey: { startsWith: `attendance-notice:${late.enrolmentId}:` } } })).toBe(0);
  });

  it("has a kull whose set carries an optional extra item that does not count", async () => {
    const running = await db().cohort.findFirstOrThrow({ where: { code: "V2026", programme: { code: "BARNEVERNLEDELSE" } }, select: { id: true } });
    const overview = await getArbeidskravOverview(frida, running.id, NOW);
    const optional = overview.definitions.filter((definition) => !definition.required);
    expect(optional.map((definition) => definition.title)).toEqual(["Valgfritt refleksjonsnotat"]);
    expect(optional[0]!.counts.APPROVED).toBe(3);
    const sander = await db().enrolment.findFirstOrThrow({ where: { cohortId: running.id, user: { email: "student@demo.no" } }, select: { standing: true } });
    // Sander's optional notat is approved, and his required count is what his five say.
    expect(sander.standing?.approvedRequired).toBeLessThan(5);
  });

  it("stores every student's standing exactly as a recomputation from the demo's facts gives it", async () => {
    const { evaluateCohortEligibility } = await import("@/lib/server/cohorts/eligibility");
    const { standingFromEligibility } = await import("@/lib/domain/standing");
    const cohorts = await db().cohort.findMany({ where: { enrolments: { some: {} } }, select: { id: true } });
    for (const cohort of cohorts) {
      const evaluation = await evaluateCohortEligibility(db(), cohort.id, { today: "2026-11-24" });
      const stored = await db().standing.findMany({ where: { enrolment: { cohortId: cohort.id, status: { not: "WITHDRAWN" } } } });
      expect(stored).toHaveLength(evaluation.byEnrolment.size);
      for (const row of stored) {
        const { enrolmentId: _id, previousStatus: _p, changedAt: _c, changeCause: _cc, notifiedState: _n, noticeCount: _nc, computedAt: _ca, ...facts } = row;
        expect(facts).toEqual(standingFromEligibility(evaluation.byEnrolment.get(row.enrolmentId)!.eligibility));
      }
    }
  });
});
