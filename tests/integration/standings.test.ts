// Issue 17's rules in every sequence, through the use cases on a real database: the exam gate
// follows the arbeidskrav composition, an unregistered day is not an absence, notices follow the
// state (and are withdrawn by a correction), exam registrations are revisited, and — the property
// test — after any order of registrations, corrections, assessments and plan changes the stored
// standing equals a recomputation from the stored facts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArbeidskravSetItem } from "@/lib/domain/arbeidskrav";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { standingFromEligibility, type StandingFacts } from "@/lib/domain/standing";
import { assessSubmission } from "@/lib/server/cohorts/assessment";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { saveDayAttendance } from "@/lib/server/cohorts/attendance";
import { saveArbeidskravSet } from "@/lib/server/cohorts/arbeidskrav-set";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { addSamlingDay, removeSamlingDay } from "@/lib/server/cohorts/samlinger";
import { getExamAdmission, registerForExam } from "@/lib/server/exams/registration";
import { refuseExamAdmission } from "@/lib/server/exams/refusal";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { sweepStudentNotices } from "@/lib/server/students/notices";
import { AccessDeniedError, DomainError } from "@/lib/server/errors";
import { isoDate } from "@/lib/to-domain";
import { createSubmission } from "@/prisma/seed/factories";
import { makeCohort, type World } from "./cohort-world";
import { db } from "./support";

const TODAY = "2026-12-02";
const NOW = new Date(`${TODAY}T12:00:00+01:00`);

/** Samling days in the past (every two days from `from`), so registering them is allowed. */
function pastDays(count: number, from = addDays(TODAY, -60)): string[][] {
  return [Array.from({ length: count }, (_, index) => addDays(from, index * 2))];
}

async function storedStandings(cohortId: string): Promise<Map<string, StandingFacts>> {
  const rows = await db().standing.findMany({
    where: { enrolment: { cohortId, status: { not: "WITHDRAWN" } } },
    select: {
      enrolmentId: true, status: true, attendanceState: true, scheduledDays: true, attendedDays: true,
      absentDays: true, approvedRequired: true, requiredTotal: true,
    },
  });
  return new Map(rows.map(({ enrolmentId, ...facts }) => [enrolmentId, facts]));
}

async function recomputed(cohortId: string): Promise<Map<string, StandingFacts>> {
  const evaluation = await evaluateCohortEligibility(db(), cohortId, { today: TODAY });
  return new Map([...evaluation.byEnrolment].map(([id, row]) => [id, standingFromEligibility(row.eligibility)]));
}

/** The first standings of a cohort whose facts the fixture wrote directly (the seed does the same). */
function computeStandings(world: World) {
  return db().$transaction((tx) => refreshStandings(tx, { cohortId: world.cohortId }, { actorId: null, cause: "Første beregning", now: NOW, appUrl: "http://localhost" }));
}

async function attendanceMails(enrolmentId: string) {
  return db().mailMessage.findMany({
    where: { dedupeKey: { startsWith: `attendance-notice:${enrolmentId}:` } },
    orderBy: { createdAt: "asc" },
    select: { dedupeKey: true, subject: true, text: true },
  });
}

function register(world: World, dayIndex: number, rows: { enrolmentId: string; status: "PRESENT" | "ABSENT" }[], reason = "Registrert i ettertid") {
  return saveDayAttendance(
    world.teacher,
    { cohortId: world.cohortId, samlingDayId: world.days[dayIndex]!.id, rows: rows.map((row) => ({ ...row, note: null })), reason },
    NOW,
  );
}

async function setItems(world: World): Promise<ArbeidskravSetItem[]> {
  const definitions = await db().arbeidskravDefinition.findMany({ where: { cohortId: world.cohortId }, orderBy: { number: "asc" } });
  return definitions.map((definition) => ({
    id: definition.id,
    number: definition.number,
    kind: definition.kind,
    title: definition.title,
    description: definition.description,
    required: definition.required,
    individualOnly: definition.individualOnly,
    oralPresentation: definition.oralPresentation,
    minGroupSize: definition.minGroupSize,
    maxGroupSize: definition.maxGroupSize,
    dueDate: isoDate(definition.dueDate),
  }));
}

describe("an unregistered day is not an absence", () => {
  it("a day registered a week late has caused no warning before, and causes none when it is registered present", async () => {
    // 15 days, three absences allowed; days 0–5 are past. The student was absent on day 0; days 1
    // and 2 passed without anyone registering them.
    const world = await makeCohort({ students: 1, samlinger: pastDays(15, addDays(TODAY, -10)), heldBefore: "2000-01-01" });
    const student = world.students[0]!;
    await register(world, 0, [{ enrolmentId: student.enrolmentId, status: "ABSENT" }]);
    // The hourly sweep runs while days 1 and 2 are unregistered: nothing to warn about (counting
    // them as absences would have said "at most one absence left").
    await sweepStudentNotices({ now: NOW });
    expect(await attendanceMails(student.enrolmentId)).toEqual([]);
    const [overview] = [...(await evaluateCohortEligibility(db(), world.cohortId, { today: TODAY })).byEnrolment.values()];
    expect(overview!.eligibility.attendance).toMatchObject({ held: 1, unregistered: 4, absencesLeft: 2 });
    // A week late, day 1 and 2 are registered present: still nothing to say, nothing to take back.
    await register(world, 1, [{ enrolmentId: student.enrolmentId, status: "PRESENT" }]);
    await register(world, 2, [{ enrolmentId: student.enrolmentId, status: "PRESENT" }]);
    expect(await attendanceMails(student.enrolmentId)).toEqual([]);
    expect((await storedStandings(world.cohortId)).get(student.enrolmentId)).toMatchObject({ absentDays: 1, attendedDays: 2, attendanceState: "NONE" });
  });
});

describe("notices follow the state", () => {
  it("warns on entering a state, withdraws the warning when a correction lifts it, warns again if it returns, never twice for one entry", async () => {
    // 10 days, all past: two absences allowed; the exam ahead keeps the cohort running.
    const world = await makeCohort({
      students: 1,
      samlinger: pastDays(10),
      heldBefore: "2000-01-01",
      exam: { startsOn: addDays(TODAY, 20), endsOn: addDays(TODAY, 22) },
    });
    const { enrolmentId } = world.students[0]!;
    await register(world, 0, [{ enrolmentId, status: "ABSENT" }]);
    let mails = await attendanceMails(enrolmentId);
    expect(mails.map((mail) => mail.subject)).toEqual(["Oppmøte: du har nesten ikke mer fravær igjen"]);

    await register(world, 1, [{ enrolmentId, status: "ABSENT" }]);
    await register(world, 2, [{ enrolmentId, status: "ABSENT" }]);
    mails = await attendanceMails(enrolmentId);
    expect(mails.map((mail) => mail.subject)).toEqual([
      "Oppmøte: du har nesten ikke mer fravær igjen",
      "Du kan ikke lenger nå oppmøtekravet på 80 %",
    ]);
    // Saving the same list again, or the sweep, sends nothing new.
    await register(world, 2, [{ enrolmentId, status: "ABSENT" }]);
    await sweepStudentNotices({ now: NOW });
    expect(await attendanceMails(enrolmentId)).toHaveLength(2);

    // Day 2 was registered wrongly: the correction lifts the student out of "out of reach".
    await register(world, 2, [{ enrolmentId, status: "PRESENT" }], "Var til stede, feilregistrert");
    mails = await attendanceMails(enrolmentId);
    expect(mails).toHaveLength(3);
    expect(mails[2]!.subject).toBe("Oppmøte: det forrige varselet gjelder ikke lenger");
    expect(mails[2]!.text).toContain("at du ikke lenger kunne nå oppmøtekravet, gjelder ikke lenger");

    // The state returns: the student is warned again, once.
    await register(world, 3, [{ enrolmentId, status: "ABSENT" }]);
    await register(world, 3, [{ enrolmentId, status: "ABSENT" }]);
    mails = await attendanceMails(enrolmentId);
    expect(mails.map((mail) => mail.dedupeKey)).toEqual([1, 2, 3, 4].map((n) => `attendance-notice:${enrolmentId}:${n}`));
    expect(mails[3]!.subject).toBe("Du kan ikke lenger nå oppmøtekravet på 80 %");

    const audit = await db().auditLog.findMany({ where: { action: "standing.change", entityId: enrolmentId }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [(entry.before as { status: string }).status, (entry.after as { status: string }).status])).toEqual([
      ["ON_TRACK", "NOT_ELIGIBLE"],
      ["NOT_ELIGIBLE", "ON_TRACK"],
      ["ON_TRACK", "NOT_ELIGIBLE"],
    ]);
  });
});

describe("the exam gate follows the composition", () => {
  it("six required definitions with five approved and a ledertreningsoppgave missing is not eligible, and cannot be registered", async () => {
    const world = await makeCohort({
      students: 1,
      samlinger: pastDays(5),
      heldBefore: "2100-01-01",
      approved: () => 5,
      requirements: { arbeidskravTotal: 6, ledertreningCount: 4 },
      arbeidskrav: [
        { number: 1, kind: "FAGNOTAT", title: "Fagnotat 1", individualOnly: true, dueDate: "2026-10-01" },
        { number: 2, kind: "FAGNOTAT", title: "Fagnotat 2", maxGroupSize: 3, oralPresentation: true, dueDate: "2026-10-01" },
        { number: 3, kind: "LEDERTRENING", title: "Ledertrening 1", individualOnly: true, dueDate: "2026-10-01" },
        { number: 4, kind: "LEDERTRENING", title: "Ledertrening 2", individualOnly: true, dueDate: "2026-10-01" },
        { number: 5, kind: "LEDERTRENING", title: "Ledertrening 3", individualOnly: true, dueDate: "2026-10-01" },
        { number: 6, kind: "LEDERTRENING", title: "Ledertrening 4", individualOnly: true, dueDate: "2026-10-01" },
      ],
      exam: { startsOn: addDays(TODAY, 20), endsOn: addDays(TODAY, 22) },
    });
    const { enrolmentId } = world.students[0]!;
    const evaluation = await evaluateCohortEligibility(db(), world.cohortId, { today: TODAY });
    expect(evaluation.byEnrolment.get(enrolmentId)!.eligibility.status).toBe("ON_TRACK");
    await expect(registerForExam(world.teacher, { cohortId: world.cohortId, enrolmentIds: [enrolmentId] }, NOW)).rejects.toThrow(DomainError);
  });

  it("an optional extra item never counts: approving it does not make a student with a missing required item eligible", async () => {
    const world = await makeCohort({
      students: 1,
      samlinger: pastDays(5),
      heldBefore: "2100-01-01",
      approved: () => 4,
      arbeidskrav: [
        { number: 1, kind: "FAGNOTAT", title: "Fagnotat 1", individualOnly: true, dueDate: "2026-10-01" },
        { number: 2, kind: "FAGNOTAT", title: "Fagnotat 2", maxGroupSize: 3, oralPresentation: true, dueDate: "2026-10-01" },
        { number: 3, kind: "LEDERTRENING", title: "Ledertrening 1", individualOnly: true, dueDate: "2026-10-01" },
        { number: 4, kind: "LEDERTRENING", title: "Valgfri refleksjon", individualOnly: true, required: false, dueDate: "2026-10-01" },
        { number: 5, kind: "LEDERTRENING", title: "Ledertrening 2", individualOnly: true, dueDate: "2026-10-01" },
        { number: 6, kind: "LEDERTRENING", title: "Ledertrening 3", individualOnly: true, dueDate: "2026-10-01" },
      ],
    });
    const { enrolmentId } = world.students[0]!;
    // Approved: 1–4 (including the optional 4); required 5 and 6 only handed in.
    const eligibility = (await evaluateCohortEligibility(db(), world.cohortId, { today: TODAY })).byEnrolment.get(enrolmentId)!.eligibility;
    expect(eligibility.arbeidskrav).toMatchObject({ approved: 3, required: 5, met: false });
    expect(eligibility.status).toBe("ON_TRACK");
  });

  it("after the start only the fagansvarlig changes what counts, with a reason; every standing is recomputed, shown as changed and audited", async () => {
    const world = await makeCohort({
      students: 2,
      samlinger: pastDays(5),
      heldBefore: "2100-01-01",
      approved: (index) => (index === 0 ? 5 : 4),
    });
    await computeStandings(world);
    const items = await setItems(world);
    // Removing the unapproved fifth would make student 2 eligible: refused for a colleague…
    const without5 = items.filter((item) => item.number !== 5);
    await expect(saveArbeidskravSet(world.colleague, { cohortId: world.cohortId, items: without5, reason: "Ikke nødvendig" }, NOW)).rejects.toThrow(AccessDeniedError);
    // …and for the fagansvarlig without a reason.
    await expect(saveArbeidskravSet(world.teacher, { cohortId: world.cohortId, items: without5, reason: null }, NOW)).rejects.toThrow(DomainError);
    // A set that breaks the composition is never saved, whoever asks.
    await expect(saveArbeidskravSet(world.teacher, { cohortId: world.cohortId, items: without5, reason: "Fjernes" }, NOW)).rejects.toThrow(
      /Kullet må ha nøyaktig 5 obligatoriske arbeidskrav/,
    );
    // The fagansvarlig makes the fifth optional and adds a new required ledertreningsoppgave, with a reason.
    const changed: ArbeidskravSetItem[] = [
      ...items.map((item) => (item.number === 5 ? { ...item, required: false } : item)),
      { ...items[4]!, id: null, number: 6, title: "Ledertreningsoppgave 3 (ny)", required: true },
    ];
    const colleagueDueDate = await saveArbeidskravSet(
      world.colleague,
      { cohortId: world.cohortId, items: items.map((item) => ({ ...item, dueDate: "2027-01-15" })), reason: null },
      NOW,
    );
    expect(colleagueDueDate).toEqual({ changed: true, composition: false }); // new due dates stay open to the team
    await saveArbeidskravSet(world.teacher, { cohortId: world.cohortId, items: changed, reason: "Oppgave 5 erstattes etter evaluering" }, NOW);

    const standing = await db().standing.findUniqueOrThrow({ where: { enrolmentId: world.students[0]!.enrolmentId } });
    expect(standing).toMatchObject({ status: "ON_TRACK", previousStatus: "ELIGIBLE", approvedRequired: 4 });
    expect(standing.changeCause).toBe("Arbeidskravene i kullet er endret: Oppgave 5 erstattes etter evaluering");
    const entries = await db().auditLog.findMany({ where: { entityId: world.cohortId, action: "arbeidskrav.change_set" } });
    expect(entries).toHaveLength(1);
    expect((entries[0]!.after as { reason: string }).reason).toBe("Oppgave 5 erstattes etter evaluering");
    expect(await db().auditLog.count({ where: { action: "standing.change", entityId: world.students[0]!.enrolmentId } })).toBe(1);
    expect(await storedStandings(world.cohortId)).toEqual(await recomputed(world.cohortId));
  });

  it("an item with a last hand-in not approved stays obligatory or optional as it was: that decided whether the students got a vedtak", async () => {
    const world = await makeCohort({ students: 1, samlinger: pastDays(5), heldBefore: "2100-01-01", approved: () => 4 });
    const fifth = world.definitions.find((definition) => definition.number === 5)!;
    const { enrolmentId, userId } = world.students[0]!;
    await db().submission.deleteMany({ where: { arbeidskravId: fifth.id } });
    await createSubmission(db(), {
      arbeidskravId: fifth.id,
      enrolmentIds: [enrolmentId],
      submittedById: userId,
      attempts: [
        { status: "NOT_APPROVED", assessorId: world.teacher.id, at: new Date("2026-10-01T10:00:00Z"), feedback: "Mangler refleksjon." },
        { status: "NOT_APPROVED", assessorId: world.teacher.id, at: new Date("2026-11-01T10:00:00Z"), feedback: "Mangler fortsatt refleksjon." },
      ],
    });
    const items = await setItems(world);
    const changed: ArbeidskravSetItem[] = [
      ...items.map((item) => (item.number === 5 ? { ...item, required: false } : item)),
      { ...items[4]!, id: null, number: 6, title: "Ledertreningsoppgave 3 (ny)", required: true },
    ];
    await expect(saveArbeidskravSet(world.teacher, { cohortId: world.cohortId, items: changed, reason: "Oppgave 5 erstattes" }, NOW)).rejects.toThrow(
      /er ikke godkjent etter siste innlevering for 1 innlevering, så om det er obligatorisk eller valgfritt, kan ikke endres/,
    );
    expect((await db().arbeidskravDefinition.findUniqueOrThrow({ where: { id: fifth.id } })).required).toBe(true);
  });
});

describe("exam registration is revisited", () => {
  it("a registered student who is no longer eligible needs a decision, and is told what changed", async () => {
    const world = await makeCohort({
      students: 1,
      samlinger: pastDays(5),
      heldBefore: "2100-01-01",
      exam: { startsOn: addDays(TODAY, 20), endsOn: addDays(TODAY, 22) },
    });
    const { enrolmentId } = world.students[0]!;
    await computeStandings(world);
    await registerForExam(world.teacher, { cohortId: world.cohortId }, NOW);
    let admission = await getExamAdmission(world.teacher, world.cohortId, NOW);
    expect(admission.students[0]!.decisionNeeded).toBeNull();
    // Two days were registered present by mistake: corrected to absent, 3 of 5 is below 80 %.
    await register(world, 0, [{ enrolmentId, status: "ABSENT" }], "Feilregistrert");
    await register(world, 1, [{ enrolmentId, status: "ABSENT" }], "Feilregistrert");
    admission = await getExamAdmission(world.teacher, world.cohortId, NOW);
    expect(admission.students[0]!.decisionNeeded).toBe("REFUSAL_NEEDED");
    expect(admission.counts.decisionNeeded).toBe(1);
    expect(admission.students[0]!.change).toMatchObject({ from: "ELIGIBLE", to: "NOT_ELIGIBLE" });
    const told = await db().mailMessage.findMany({ where: { dedupeKey: { startsWith: `standing-exam:${enrolmentId}:` } } });
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe("Endring i retten din til å gå opp til eksamen");
    expect(told[0]!.text).toContain("Du er meldt opp til");
  });

  it("a final «ikke godkjent» is a standing of its own: stored and audited as such, and a refused student whose rejection is corrected is told where she came from", async () => {
    const world = await makeCohort({
      students: 1,
      samlinger: pastDays(5),
      heldBefore: "2100-01-01",
      exam: { startsOn: addDays(TODAY, 20), endsOn: addDays(TODAY, 22) },
    });
    const { enrolmentId, userId } = world.students[0]!;
    await computeStandings(world);
    // Fagnotat 2 handed in twice; the second time «ikke godkjent»: a vedtak, and no more attempts.
    const fagnotat = world.definitions.find((definition) => definition.number === 3)!;
    await db().submission.deleteMany({ where: { arbeidskravId: fagnotat.id, members: { some: { enrolmentId } } } });
    const submission = await createSubmission(db(), {
      arbeidskravId: fagnotat.id,
      enrolmentIds: [enrolmentId],
      submittedById: userId,
      attempts: [
        { status: "NOT_APPROVED", assessorId: world.colleague.id, at: new Date("2026-10-01T10:00:00Z"), feedback: "Mangler refleksjon." },
        { status: "SUBMITTED", at: new Date("2026-10-20T10:00:00Z") },
      ],
    });
    const last = await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id, attempt: 2 }, select: { id: true } });
    await db().$transaction((tx) => refreshStandings(tx, { cohortId: world.cohortId, enrolmentIds: [enrolmentId] }, { actorId: null, cause: "Levert", now: NOW, appUrl: "http://localhost" }));
    expect((await db().standing.findUniqueOrThrow({ where: { enrolmentId } })).status).toBe("ON_TRACK");
    await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: last.id, decision: "NOT_APPROVED", feedback: "Drøftingen er for tynn." });
    expect(await db().standing.findUniqueOrThrow({ where: { enrolmentId } })).toMatchObject({ status: "SHORT_BY_DECISION", previousStatus: "ON_TRACK" });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "standing.change", entityId: enrolmentId }, orderBy: { id: "desc" } })).toMatchObject({
      actorId: world.teacher.id,
      before: { status: "ON_TRACK" },
      after: { status: "SHORT_BY_DECISION" },
    });
    expect(await storedStandings(world.cohortId)).toEqual(await recomputed(world.cohortId));

    // Refused the exam, then the rejection is corrected: she meets the requirements, and the
    // e-mail says what she was before, not «du kan fortsatt nå kravene».
    await refuseExamAdmission(world.teacher, { cohortId: world.cohortId, enrolmentIds: [enrolmentId] });
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: last.id, decision: "APPROVED", reason: "Del to drøfter saken grundig nok." });
    expect(await db().standing.findUniqueOrThrow({ where: { enrolmentId } })).toMatchObject({ status: "ELIGIBLE", previousStatus: "SHORT_BY_DECISION" });
    const [told] = await db().mailMessage.findMany({ where: { dedupeKey: { startsWith: `standing-exam:${enrolmentId}:` } } });
    expect(told!.text).toContain(
      "Nå: du fyller kravene til eksamen. Før: du fylte ikke kravene fordi et obligatorisk arbeidskrav var endelig ikke godkjent.",
    );
    // The same story as her home page (refusalNoLongerMetText), not «Faglærerne vurderer saken på nytt».
    expect(told!.text).toContain("Du fikk tidligere ikke adgang til eksamen. Du oppfyller nå kravene for å gå opp til ");
    expect(told!.text).toContain(", men vedtaket om at du ikke får gå opp, gjelder til det er opphevet. Det blir opphevet når du blir meldt opp, og du får et brev om det.");
    expect((await getExamAdmission(world.teacher, world.cohortId)).students[0]).toMatchObject({
      decisionNeeded: "ADMISSION_NEEDED",
      change: { from: "SHORT_BY_DECISION", to: "ELIGIBLE" },
    });
  });
});

// ─── The property ──────────────────────────────────────────────────────────────────────────────

type Operation =
  // A list saved for the day: each student present, absent or left out (a list saved again sends
  // the unchanged students too, and only the changed ones are re-evaluated).
  | { kind: "register"; day: number; statuses: ("PRESENT" | "ABSENT" | null)[] }
  | { kind: "assess"; student: number; item: number; approve: boolean }
  | { kind: "optional"; item: number }
  | { kind: "addDay"; offset: number }
  | { kind: "removeDay"; day: number }
  | { kind: "sweep" };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("register" as const),
      day: fc.nat(7),
      statuses: fc.array(fc.constantFrom("PRESENT" as const, "ABSENT" as const, null), { minLength: 3, maxLength: 3 }).filter((list) => list.some((status) => status !== null)),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("assess" as const), student: fc.nat(2), item: fc.nat(4), approve: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("optional" as const), item: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("addDay" as const), offset: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("removeDay" as const), day: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "sweep" as const }) },
);

async function apply(world: World, op: Operation): Promise<void> {
  const days = await db().samlingDay.findMany({
    where: { samling: { cohorts: { some: { cohortId: world.cohortId } } } },
    orderBy: { date: "asc" },
    select: { id: true, date: true, samlingId: true },
  });
  try {
    switch (op.kind) {
      case "register": {
        const target = days[op.day % days.length]!;
        if (isoDate(target.date) > TODAY) return;
        await saveDayAttendance(
          world.teacher,
          {
            cohortId: world.cohortId,
            samlingDayId: target.id,
            rows: op.statuses.flatMap((status, index) => (status ? [{ enrolmentId: world.students[index]!.enrolmentId, status, note: null }] : [])),
            reason: "Rettet",
          },
          NOW,
        );
        return;
      }
      case "assess": {
        // A fresh hand-in for the student's item, then its assessment (the use case decides).
        const definition = world.definitions[op.item]!;
        const { enrolmentId, userId } = world.students[op.student]!;
        const existing = await db().submissionMember.findUnique({ where: { enrolmentId_arbeidskravId: { enrolmentId, arbeidskravId: definition.id } } });
        if (existing) {
          const submission = await db().submission.findUniqueOrThrow({ where: { id: existing.submissionId }, select: { status: true, _count: { select: { attempts: true } } } });
          if (submission.status !== "SUBMITTED") {
            await db().submissionAttempt.create({ data: { submissionId: existing.submissionId, attempt: submission._count.attempts + 1, submittedById: userId, text: "Ny versjon" } });
            await db().submission.update({ where: { id: existing.submissionId }, data: { status: "SUBMITTED" } });
          }
        } else {
          await createSubmission(db(), { arbeidskravId: definition.id, enrolmentIds: [enrolmentId], submittedById: userId, attempts: [{ status: "SUBMITTED", at: new Date() }] });
        }
        const attempt = await db().submissionAttempt.findFirstOrThrow({
          where: { submission: { arbeidskravId: definition.id, members: { some: { enrolmentId } } } },
          orderBy: { attempt: "desc" },
          select: { id: true },
        });
        await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: op.approve ? "APPROVED" : "NOT_APPROVED", feedback: "Vurdert" });
        return;
      }
      case "optional": {
        // Add (or drop again) an optional extra item: never changes a standing.
        const items = await setItems(world);
        const extra = items.find((item) => item.required === false);
        const next = extra
          ? items.filter((item) => item !== extra)
          : [...items, { ...items[op.item]!, id: null, number: items.length + 1, title: "Valgfritt", required: false, oralPresentation: false }];
        await saveArbeidskravSet(world.teacher, { cohortId: world.cohortId, items: next, reason: "Valgfritt arbeidskrav" }, NOW);
        return;
      }
      case "addDay": {
        const date = addDays(TODAY, op.offset - 20);
        if (days.some((d) => isoDate(d.date) === date)) return;
        await addSamlingDay(world.teacher, { cohortId: world.cohortId, samlingId: days[0]!.samlingId, date });
        return;
      }
      case "removeDay": {
        await removeSamlingDay(world.teacher, { cohortId: world.cohortId, samlingDayId: days[op.day % days.length]!.id });
        return;
      }
      case "sweep":
        await sweepStudentNotices({ now: NOW });
        return;
    }
  } catch (error) {
    // Refusals (a day with attendance cannot be removed, an item already assessed …) are part of
    // the story: nothing changes, and the property must still hold.
    if (error instanceof DomainError) return;
    throw error;
  }
}

describe("property: the stored standing always equals a recomputation from the stored facts", () => {
  it("holds after every step of random sequences of registrations, corrections, assessments and plan changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 4, maxLength: 14 }), async (operations) => {
        // Running by the real clock too, not only by TODAY: removing and adding a day and assessing
        // take the real time, and a kull that has ended tells nobody. It ended with its last day,
        // 6 December, so from 7 December 2026 a sequence whose removed day changed a state failed
        // («notified LAST_ABSENCE, state UNREACHABLE»): a test that failed by the calendar.
        const world = await makeCohort({
          students: 3,
          samlinger: pastDays(8, addDays(TODAY, -10)),
          heldBefore: "2000-01-01",
          approved: () => 0,
          endsOn: addDays(osloDate(new Date()) > TODAY ? osloDate(new Date()) : TODAY, 365),
        });
        await computeStandings(world);
        for (const op of operations) {
          await apply(world, op);
          expect(await storedStandings(world.cohortId)).toEqual(await recomputed(world.cohortId));
          // Every student has been told the attendance state they are in (no notice missed, by a
          // save that skipped a student or otherwise): all three are active in a running kull.
          const told = await db().standing.findMany({ where: { enrolment: { cohortId: world.cohortId } }, select: { attendanceState: true, notifiedState: true } });
          expect(told).toHaveLength(3);
          for (const row of told) expect(row.notifiedState).toBe(row.attendanceState);
        }
        // Never the same notice twice for one entry into a state. Two «det forrige varselet gjelder
        // ikke lenger» in a row are two steps down (from «kan ikke lenger nå» to «nesten ikke mer
        // fravær», then to none) and say which warning each lifts, so a notice is its subject and text.
        for (const { enrolmentId } of world.students) {
          const notices = (await attendanceMails(enrolmentId)).map((mail) => `${mail.subject}\n${mail.text}`);
          for (let index = 1; index < notices.length; index += 1) expect(notices[index]).not.toBe(notices[index - 1]);
        }
      }),
      // Twelve random sequences take 3–10 s. Once in CI (4 December 2026, three test files at once)
      // the test stopped at vitest's limit with nothing said; 150 sequences alone then ran clean.
      // So a sequence that hangs is now a counterexample fast-check prints (with its seed), and
      // shrinking stops in time for the report to reach vitest.
      {
        numRuns: 12,
        timeout: 45_000,
        interruptAfterTimeLimit: 100_000,
        // Found by CI on 5 December 2026 (seed -509782747): two absences, then both corrected, one
        // after the other. Two «varselet gjelder ikke lenger» in a row, each lifting its own warning.
        examples: [
          // Found by CI on 7 December 2026 (seed -466872325): the calendar, not the code (the world above).
          [
            [
              { kind: "removeDay", day: 0 },
              { kind: "register", day: 0, statuses: ["PRESENT", "ABSENT", "PRESENT"] },
              { kind: "removeDay", day: 1 },
              { kind: "removeDay", day: 1 },
              { kind: "removeDay", day: 1 },
              { kind: "assess", student: 0, item: 1, approve: true },
              { kind: "register", day: 4, statuses: ["ABSENT", "ABSENT", "PRESENT"] },
              { kind: "assess", student: 2, item: 4, approve: true },
              { kind: "register", day: 5, statuses: ["ABSENT", null, null] },
            ],
          ],
          [
            [
              { kind: "register", day: 1, statuses: ["PRESENT", "ABSENT", "PRESENT"] },
              { kind: "register", day: 2, statuses: ["PRESENT", "ABSENT", "PRESENT"] },
              { kind: "register", day: 2, statuses: ["PRESENT", "PRESENT", "PRESENT"] },
              { kind: "register", day: 1, statuses: ["PRESENT", "PRESENT", "PRESENT"] },
            ],
          ],
        ],
      },
    );
  }, 180_000);
});

