// Enrolment changes in the demo (issue 18), after the faculty's chapter has settled the running
// cohort's plan and before the standings are computed:
// - Petra Permisjon (student.permisjon@demo.no), in the running cohort, has been on leave since
//   three days before samling 5 and comes back after samling 6: five days of leave, never
//   absences; she can still reach 80 % by attending every day after it. Earlier she asked for
//   leave for samling 4, without documentation, and Ingrid Studieveileder Haugen (the programme's
//   adviser, a user who cannot sign in) refused it three weeks before; she read the letter the
//   next day, attended samling 4 and did not klage in time. A klage that comes by e-mail now is
//   late: Vegard (veileder@demo.no) may register and avvise it (tests/e2e/klage-dismissal.spec.ts),
//   and Ada (admin@demo.no) may decide a klage on the avvisning: nobody decides a klage on their
//   own decision, and three advisers make that possible;
// - Olav Overført (student.overfort@demo.no) began in the cohort now about to sit the exam,
//   attended its samlinger 1–4 and had fagnotat 1 and ledertreningsoppgave 1 approved, took leave
//   when his job changed and moved to the running cohort two weeks before it began. The adviser
//   credited the two approved arbeidskrav and the twelve days of samlinger 1–4 (same plan: three
//   days each) as explicit records; he has attended samling 5 in the new kull. His page shows one
//   history across both kull;
// - every enrolled student has a fødselsdato and a studentnummer for FS (from the application when
//   there is one), registered by the adviser.
// The credits are chosen by the same rules the adviser's form proposes (lib/domain/transfer.ts).
// Deterministic for a given day; it draws nothing from demo.ts's random sequence.
import type { Database } from "@/lib/db/client";
import { addDays, compareIsoDates } from "@/lib/domain/dates";
import { requiredAttendanceDays } from "@/lib/domain/eligibility";
import { daysOnLeave } from "@/lib/domain/enrolment";
import { attendanceCredits, correspondingSamlinger, placeWithinKind, proposeArbeidskravCredits, type CreditSource, type CreditTarget, type PlanSamling } from "@/lib/domain/transfer";
import { isoDate } from "@/lib/to-domain";
import { at } from "@/prisma/seed/calendar";
import { DEMO_STUDENTS } from "@/prisma/seed/demo-accounts";
import { createStudentLetter, createSubmission, createUser, day, enrol } from "@/prisma/seed/factories";

// Her own words in the request, quoted back to her in the letters («Søknaden din: …»).
const REASON_LEAVE = "Sykdom i nær familie. Jeg har omsorgsoppgaver hjemme de nærmeste månedene.";
const REFUSAL_GROUNDS = "Søknaden har ingen dokumentasjon av sykdommen. Permisjon på grunn av sykdom i nær familie krever legeerklæring eller annen dokumentasjon.";
/** The programme's own adviser, named in its letters (createProgramme): a user who decides, without a password in the demo. */
const INGRID = { name: "Ingrid Studieveileder Haugen", email: "studieveileder@barnevernledelse.example" };

export async function seedEnrolmentsDemo(
  db: Database,
  context: { today: string; runningCohortId: string; finishingCohortId: string; passwordHash: string },
): Promise<string> {
  const { today } = context;
  const adviser = await db.user.findUniqueOrThrow({ where: { email: "veileder@demo.no" }, select: { id: true, name: true } });
  const signer = { id: adviser.id, name: adviser.name, title: "Studieveileder" };
  const teacher = await db.user.findUniqueOrThrow({ where: { email: "faglaerer@demo.no" }, select: { id: true } });
  const [runningPlan, finishingPlan] = await Promise.all([planOf(db, context.runningCohortId), planOf(db, context.finishingCohortId)]);
  const [running, finishing] = await Promise.all([
    db.cohort.findUniqueOrThrow({ where: { id: context.runningCohortId }, select: { name: true, attendanceThresholdPercent: true, basisgrupper: { orderBy: { name: "asc" }, select: { id: true } } } }),
    db.cohort.findUniqueOrThrow({ where: { id: context.finishingCohortId }, select: { name: true, basisgrupper: { orderBy: { name: "asc" }, select: { id: true } } } }),
  ]);
  const runningDays = runningPlan.flatMap((samling) => samling.days);
  const heldInRunning = runningDays.filter((planDay) => compareIsoDates(planDay.date, today) < 0);

  // ── Petra Permisjon: on leave in the running cohort ─────────────────────────────────────────
  const petra = await createUser(db, { ...DEMO_STUDENTS.onLeave, roles: ["STUDENT"], passwordHash: context.passwordHash });
  const petraEnrolment = await enrol(db, { userId: petra.id, cohortId: context.runningCohortId, basisgruppeId: running.basisgrupper[1]?.id });
  const fifth = runningPlan.find((samling) => samling.number === 5)!;
  const seventh = runningPlan.find((samling) => samling.number === 7)!;
  const leave = { from: addDays(fifth.days[0]!.date, -3), to: addDays(seventh.days[0]!.date, -7) };
  await db.attendance.createMany({
    data: heldInRunning
      .filter((planDay) => compareIsoDates(planDay.date, leave.from) < 0)
      .map((planDay) => ({ enrolmentId: petraEnrolment.id, samlingDayId: planDay.id, status: "PRESENT" as const, registeredById: teacher.id, registeredAt: at(planDay.date, 15) })),
  });
  const runningKrav = await db.arbeidskravDefinition.findMany({ where: { cohortId: context.runningCohortId }, orderBy: { number: "asc" } });
  const firstKrav = runningKrav.find((definition) => definition.number === 1)!;
  if (compareIsoDates(isoDate(firstKrav.dueDate), leave.from) < 0) {
    await createSubmission(db, {
      arbeidskravId: firstKrav.id,
      enrolmentIds: [petraEnrolment.id],
      submittedById: petra.id,
      attempts: [{ status: "APPROVED", assessorId: teacher.id, at: new Date(firstKrav.dueDate.getTime() - 86_400_000), feedback: "Godkjent. Et godt første fagnotat." }],
    });
  }
  // The first request, for samling 4 and without documentation: refused three weeks before it
  // (and at least five weeks ago, so its klage deadline has passed whatever the plan).
  const ingrid = await createUser(db, { ...INGRID, roles: ["ADVISER"] });
  const fourth = runningPlan.find((samling) => samling.number === 4)!;
  const firstLeave = { from: fourth.days[0]!.date, to: fourth.days.at(-1)!.date };
  const refusedOn = [addDays(firstLeave.from, -21), addDays(today, -35)].sort(compareIsoDates)[0]!;
  const refusedAt = at(refusedOn, 10);
  const firstRequest = await db.leaveOfAbsence.create({
    data: {
      enrolmentId: petraEnrolment.id,
      fromDate: day(firstLeave.from),
      toDate: day(firstLeave.to),
      reason: REASON_LEAVE,
      documentation: null,
      status: "REFUSED",
      grounds: REFUSAL_GROUNDS,
      decidedById: ingrid.id,
      decidedAt: refusedAt,
    },
  });
  const refusal = await createStudentLetter(db, {
    enrolmentId: petraEnrolment.id,
    facts: { kind: "LEAVE_REFUSED", leave: firstLeave, reason: REASON_LEAVE, grounds: REFUSAL_GROUNDS },
    decidedBy: { id: ingrid.id, name: ingrid.name, title: "Studieveileder" },
    about: { type: "LeaveOfAbsence", id: firstRequest.id },
    at: refusedAt,
  });
  await db.studentLetterOpening.create({ data: { letterId: refusal.id, openedAt: at(addDays(refusedOn, 1), 19) } });
  const decidedAt = at(addDays(leave.from, -10), 10);
  const petraLeave = await db.leaveOfAbsence.create({
    data: { enrolmentId: petraEnrolment.id, fromDate: day(leave.from), toDate: day(leave.to), reason: REASON_LEAVE, documentation: "Legeerklæring datert " + addDays(leave.from, -12).split("-").reverse().join("."), status: "GRANTED", decidedById: adviser.id, decidedAt },
  });
  await db.enrolment.update({ where: { id: petraEnrolment.id }, data: { status: "ON_LEAVE" } });
  const maxAbsences = runningDays.length - requiredAttendanceDays(runningDays.length, running.attendanceThresholdPercent);
  await createStudentLetter(db, {
    enrolmentId: petraEnrolment.id,
    facts: {
      kind: "LEAVE_GRANTED",
      leave,
      reason: REASON_LEAVE,
      samlingDays: daysOnLeave(runningDays, [{ ...leave, returnedOn: null }]).length,
      maxAbsences,
      attendancePercent: running.attendanceThresholdPercent,
      examWithdrawn: false,
    },
    decidedBy: signer,
    about: { type: "LeaveOfAbsence", id: petraLeave.id },
    at: decidedAt,
  });

  // ── Olav Overført: from the earlier kull into the running one ───────────────────────────────
  const olav = await createUser(db, { ...DEMO_STUDENTS.transferred, roles: ["STUDENT"], passwordHash: context.passwordHash });
  const old = await enrol(db, { userId: olav.id, cohortId: context.finishingCohortId, basisgruppeId: finishing.basisgrupper[0]?.id });
  const attendedOld = finishingPlan.filter((samling) => samling.number <= 4).flatMap((samling) => samling.days);
  await db.attendance.createMany({
    data: attendedOld.map((planDay) => ({ enrolmentId: old.id, samlingDayId: planDay.id, status: "PRESENT" as const, registeredById: teacher.id, registeredAt: at(planDay.date, 15) })),
  });
  const finishingKrav = await db.arbeidskravDefinition.findMany({ where: { cohortId: context.finishingCohortId }, orderBy: { number: "asc" } });
  for (const definition of finishingKrav.filter((item) => item.number <= 2)) {
    const dueAt = new Date(definition.dueDate.getTime() - 86_400_000);
    await createSubmission(db, {
      arbeidskravId: definition.id,
      enrolmentIds: [old.id],
      submittedById: olav.id,
      attempts:
        definition.number === 1
          ? [
              { status: "NOT_APPROVED", assessorId: teacher.id, at: dueAt, feedback: "Problemstillingen må avgrenses, og drøftingen må knyttes til egen praksis." },
              { status: "APPROVED", assessorId: teacher.id, at: new Date(dueAt.getTime() + 14 * 86_400_000), feedback: "Godkjent. Tydelig avgrenset og godt drøftet." },
            ]
          : [{ status: "APPROVED", assessorId: teacher.id, at: dueAt, feedback: "Godkjent. Godt koblet til egen lederhverdag." }],
    });
  }
  const transferOn = addDays(runningDays[0]!.date, -14);
  const oldLeaveFrom = addDays(transferOn, -14);
  const oldLeave = await db.leaveOfAbsence.create({
    data: {
      enrolmentId: old.id,
      fromDate: day(oldLeaveFrom),
      toDate: day(addDays(oldLeaveFrom, 180)),
      reason: "Ny stilling som barnevernleder med oppstart nå; studenten vil fortsette i neste kull.",
      status: "GRANTED",
      decidedById: adviser.id,
      decidedAt: at(addDays(oldLeaveFrom, -5), 10),
      returnedOn: day(transferOn),
      ending: "STUDENT_TRANSFERRED",
      returnRegisteredById: adviser.id,
    },
  });
  await createStudentLetter(db, {
    enrolmentId: old.id,
    facts: {
      kind: "LEAVE_GRANTED",
      leave: { from: oldLeaveFrom, to: addDays(oldLeaveFrom, 180) },
      reason: "Ny stilling som barnevernleder med oppstart nå; studenten vil fortsette i neste kull.",
      samlingDays: daysOnLeave(finishingPlan.flatMap((samling) => samling.days), [{ from: oldLeaveFrom, to: addDays(oldLeaveFrom, 180), returnedOn: null }]).length,
      maxAbsences: 5,
      attendancePercent: 80,
      examWithdrawn: false,
    },
    decidedBy: signer,
    about: { type: "LeaveOfAbsence", id: oldLeave.id },
    at: at(addDays(oldLeaveFrom, -5), 10),
  });
  await db.enrolment.update({ where: { id: old.id }, data: { status: "TRANSFERRED", endedOn: day(transferOn), endReason: `Overført til ${running.name}` } });
  const created = await db.enrolment.create({
    data: { userId: olav.id, cohortId: context.runningCohortId, transferredFromId: old.id, status: "ACTIVE", basisgruppeId: running.basisgrupper[0]?.id ?? null, createdAt: at(transferOn, 11) },
  });

  // The credits the adviser's form proposes: the approved required items by kind and number, and
  // the corresponding samlinger's attended days.
  const submissions = await db.submission.findMany({
    where: { members: { some: { enrolmentId: old.id } } },
    select: { id: true, status: true, _count: { select: { members: true } }, arbeidskrav: true },
  });
  const sources: CreditSource[] = submissions.map((row) => ({
    submissionId: row.id,
    arbeidskravId: row.arbeidskrav.id,
    kind: row.arbeidskrav.kind,
    number: row.arbeidskrav.number,
    title: row.arbeidskrav.title,
    required: row.arbeidskrav.required,
    oralPresentation: row.arbeidskrav.oralPresentation,
    status: row.status,
    confirmed: true,
    cohortId: row.arbeidskrav.cohortId,
    place: placeWithinKind(finishingKrav, row.arbeidskrav.id),
    groupSize: row._count.members,
    cohortName: finishing.name,
  }));
  const targets: CreditTarget[] = runningKrav.map((row) => ({
    arbeidskravId: row.id,
    kind: row.kind,
    number: row.number,
    title: row.title,
    required: row.required,
    individualOnly: row.individualOnly,
    oralPresentation: row.oralPresentation,
  }));
  const creditedAt = at(transferOn, 11);
  const choices = proposeArbeidskravCredits(sources, targets);
  for (const choice of choices) {
    await db.arbeidskravCredit.create({ data: { enrolmentId: created.id, arbeidskravId: choice.targetId, sourceSubmissionId: choice.sourceSubmissionId, creditedById: adviser.id, creditedAt } });
  }
  const corresponding = correspondingSamlinger(finishingPlan, runningPlan);
  const presence = await db.attendance.findMany({ where: { enrolmentId: old.id, status: "PRESENT" }, select: { id: true, samlingDayId: true } });
  const presentIds = new Map(presence.map((row) => [row.samlingDayId, row.id]));
  const dayCredits = attendanceCredits(corresponding, new Set(presentIds.keys()), [1, 2, 3, 4]);
  await db.attendanceCredit.createMany({
    data: dayCredits.map((credit) => ({ enrolmentId: created.id, samlingDayId: credit.targetDayId, sourceAttendanceId: presentIds.get(credit.sourceDayId)!, creditedById: adviser.id, creditedAt })),
  });
  // In the new kull he has attended what was held after the credited samlinger.
  const creditedDays = new Set(dayCredits.map((credit) => credit.targetDayId));
  await db.attendance.createMany({
    data: heldInRunning
      .filter((planDay) => !creditedDays.has(planDay.id) && runningPlan.some((samling) => samling.number >= 5 && samling.days.includes(planDay)))
      .map((planDay) => ({ enrolmentId: created.id, samlingDayId: planDay.id, status: "PRESENT" as const, registeredById: teacher.id, registeredAt: at(planDay.date, 15) })),
  });
  const creditedTargets = new Set(choices.map((choice) => choice.targetId));
  await createStudentLetter(db, {
    enrolmentId: created.id,
    facts: {
      kind: "TRANSFER_CONFIRMED",
      fromCohortName: finishing.name,
      credited: choices.map((choice) => {
        const source = sources.find((row) => row.submissionId === choice.sourceSubmissionId)!;
        return { title: targets.find((row) => row.arbeidskravId === choice.targetId)!.title, from: `${source.title} i ${finishing.name}` };
      }),
      remaining: targets.filter((row) => row.required && !creditedTargets.has(row.arbeidskravId)).map((row) => row.title),
      attendance: { days: dayCredits.length, samlinger: [1, 2, 3, 4].filter((number) => corresponding.some((row) => row.number === number)) },
      firstDay: runningDays.find((planDay) => !creditedDays.has(planDay.id))?.date ?? null,
    },
    decidedBy: signer,
    about: { type: "Enrolment", id: created.id },
    at: creditedAt,
  });

  // ── FS identity for every enrolled student ──────────────────────────────────────────────────
  const students = await db.user.findMany({
    where: { enrolments: { some: {} } },
    orderBy: { email: "asc" },
    select: { id: true, applications: { where: { birthDate: { not: null } }, orderBy: { createdAt: "desc" }, take: 1, select: { birthDate: true } } },
  });
  await db.studentIdentity.createMany({
    data: students.map((student, index) => ({
      userId: student.id,
      birthDate: student.applications[0]?.birthDate ?? day(`${1968 + (index % 20)}-${String(1 + (index % 12)).padStart(2, "0")}-${String(1 + ((index * 7) % 28)).padStart(2, "0")}`),
      studentNumber: String(523100 + index),
      updatedById: adviser.id,
      // Yesterday: seeded before 08.00, «today at 8» was in the future (a walk).
      updatedAt: at(addDays(today, -1), 8),
    })),
  });

  return `${DEMO_STUDENTS.onLeave.name} i permisjon, ${DEMO_STUDENTS.transferred.name} overført fra ${finishing.name} med ${choices.length} arbeidskrav og ${dayCredits.length} dager godkjent, studentnummer for ${students.length} studenter`;
}

async function planOf(db: Database, cohortId: string): Promise<(PlanSamling & { days: { id: string; date: string }[] })[]> {
  const rows = await db.cohortSamling.findMany({
    where: { cohortId },
    orderBy: { number: "asc" },
    select: { number: true, samling: { select: { title: true, days: { orderBy: { date: "asc" }, select: { id: true, date: true } } } } },
  });
  return rows.map((row) => ({ number: row.number, title: row.samling.title, days: row.samling.days.map((d) => ({ id: d.id, date: isoDate(d.date) })) }));
}
