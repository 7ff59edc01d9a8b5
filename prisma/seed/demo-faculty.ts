// The faculty's part of the demo world (called at the end of seedDemoData, so the rest of the
// story is as demo.ts tells it):
// - the running cohort's samling 6 is today and tomorrow, shared with a cohort of the
//   institution-leader programme: /faglaerer links straight to today's attendance, and the day's
//   list shows the absence notices two students sent;
// - that institusjonsledelse cohort (eight students, its own teaching team: Hanne and Tor, so
//   Frida's teaching is unchanged);
// - kull H2023's grades, given on 10 December 2024, are published.
// Deterministic for a given day; invented people only. It draws nothing from demo.ts's random
// sequence, so every name demo.ts makes stays the same.
import type { Database } from "@/lib/db/client";
import { addDays } from "@/lib/domain/dates";
import {
  assignTeachers,
  createArbeidskrav,
  createBasisgruppe,
  createCohort,
  createProgramme,
  createSubmission,
  createUser,
  day,
  enrol,
  standardArbeidskrav,
} from "@/prisma/seed/factories";
import { DEMO_STUDENTS } from "@/prisma/seed/demo-accounts";

const INSTITUTION_STUDENTS = [
  "Astrid Bakkehaug",
  "Birger Elvestad",
  "Cathrine Fossum",
  "Didrik Granli",
  "Elise Hovland",
  "Finn Jørstad",
  "Gunnhild Kleppe",
  "Henrik Lysaker",
];

const NAMED = new Set<string>(["student@demo.no", ...Object.values(DEMO_STUDENTS).map((student) => student.email)]);

export async function seedFacultyDemo(
  db: Database,
  context: { today: string; runningCohortId: string; h2023ExamId: string },
): Promise<string> {
  const { today, runningCohortId } = context;

  // ── Samling 6 of the running cohort is today and tomorrow ─────────────────────────────────────
  const sixth = await db.cohortSamling.findUniqueOrThrow({
    where: { cohortId_number: { cohortId: runningCohortId, number: 6 } },
    select: { samling: { select: { id: true, days: { orderBy: { date: "asc" }, select: { id: true } } } } },
  });
  const [firstDay, secondDay] = sixth.samling.days;
  if (!firstDay || !secondDay) throw new Error("the running cohort's samling 6 should have two days");
  // Nothing is registered for a samling ahead, so its days can move.
  await db.samlingDay.update({ where: { id: secondDay.id }, data: { date: day(addDays(today, 1)) } });
  await db.samlingDay.update({ where: { id: firstDay.id }, data: { date: day(today) } });
  await db.samling.update({
    where: { id: sixth.samling.id },
    data: {
      title: "Samling 6: felles samling med institusjonsledelse",
      notes: "Felles samling med videreutdanningen i institusjonsledelse: ledelse av tverrfaglig samarbeid.",
    },
  });

  // Hanne is prosessveileder of one of the running cohort's basisgrupper, so she is on its team.
  const hanneId = (await db.user.findUniqueOrThrow({ where: { email: "hanne.faglaerer@demo.no" }, select: { id: true } })).id;
  await assignTeachers(db, runningCohortId, [hanneId]);

  // ── The institusjonsledelse cohort that shares it ─────────────────────────────────────────────
  const running = await db.cohort.findUniqueOrThrow({ where: { id: runningCohortId }, select: { code: true } });
  const programme = await createProgramme(db, "INSTITUSJONSLEDELSE");
  const [hanne, tor] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: "hanne.faglaerer@demo.no" }, select: { id: true } }),
    db.user.findUniqueOrThrow({ where: { email: "tor.prosessveileder@demo.no" }, select: { id: true } }),
  ]);
  const firstSamling = addDays(today, -42);
  const institution = await createCohort(db, {
    programmeId: programme.id,
    code: running.code,
    capacity: 20,
    applicationOpensOn: addDays(firstSamling, -200),
    applicationDeadline: addDays(firstSamling, -120),
    offerAnswerDeadline: addDays(firstSamling, -90),
    samlinger: [
      { title: "Samling 1", days: [firstSamling, addDays(firstSamling, 1)] },
      { title: "Felles samling med barnevernledelse", days: [], id: sixth.samling.id },
      { title: "Samling 3", days: [addDays(today, 56), addDays(today, 57)] },
    ],
    exam: { startsOn: addDays(today, 120), endsOn: addDays(today, 122) },
  });
  await assignTeachers(db, institution.cohort.id, [hanne.id, tor.id], { academicLead: hanne.id });
  const group = await createBasisgruppe(db, institution.cohort.id, "Basisgruppe 1", hanne.id);
  const dueFirst = addDays(firstSamling, 28);
  const definitions = await createArbeidskrav(
    db,
    institution.cohort.id,
    standardArbeidskrav([dueFirst, addDays(today, 14), addDays(today, 70), addDays(today, 90), addDays(today, 110)]),
  );
  const heldDays = await db.samlingDay.findMany({ where: { samlingId: institution.samlingIds[0]! }, select: { id: true, date: true } });
  for (const [index, name] of INSTITUTION_STUDENTS.entries()) {
    const [first, last] = name.toLowerCase().replace(/ø/g, "o").replace(/å/g, "a").replace(/æ/g, "ae").split(" ");
    const user = await createUser(db, { name, email: `${first}.${last}@demo.no`, roles: ["STUDENT"] });
    const enrolment = await enrol(db, { userId: user.id, cohortId: institution.cohort.id, basisgruppeId: group.id });
    await db.attendance.createMany({
      data: heldDays.map((samlingDay, dayIndex) => ({
        enrolmentId: enrolment.id,
        samlingDayId: samlingDay.id,
        status: index === 3 && dayIndex === 1 ? ("ABSENT" as const) : ("PRESENT" as const),
        registeredById: hanne.id,
        registeredAt: new Date(samlingDay.date.getTime() + 15 * 3_600_000),
      })),
    });
    await createSubmission(db, {
      arbeidskravId: definitions[0]!.id,
      enrolmentIds: [enrolment.id],
      submittedById: user.id,
      attempts: [
        index < 6
          ? { status: "APPROVED", assessorId: hanne.id, at: new Date(day(dueFirst).getTime() - 86_400_000), feedback: "Godkjent." }
          : { status: "SUBMITTED", at: new Date(day(dueFirst).getTime() - 86_400_000) },
      ],
    });
  }

  // ── Absence notices for today's samling ───────────────────────────────────────────────────────
  const students = await db.enrolment.findMany({
    where: { cohortId: runningCohortId, status: "ACTIVE" },
    orderBy: { user: { email: "asc" } },
    select: { id: true, user: { select: { email: true } } },
  });
  const [sick, inspection, doctor] = students.filter((student) => !NAMED.has(student.user.email));
  const notices = [
    { enrolmentId: sick!.id, samlingDayId: firstDay.id, reason: "Sykt barn i dag. Kommer i morgen.", daysBefore: 0 },
    { enrolmentId: inspection!.id, samlingDayId: firstDay.id, reason: "Tilsynsbesøk i tjenesten som ikke kan flyttes.", daysBefore: 5 },
    { enrolmentId: doctor!.id, samlingDayId: secondDay.id, reason: "Legetime om formiddagen, kommer etter lunsj.", daysBefore: 2 },
  ];
  await db.absenceNotice.createMany({
    data: notices.map(({ daysBefore, ...notice }) => ({ ...notice, createdAt: new Date(day(addDays(today, -daysBefore)).getTime() + 7 * 3_600_000) })),
  });

  // ── Kull H2023's grades were published when they were given ──────────────────────────────────
  await db.exam.update({ where: { id: context.h2023ExamId }, data: { gradesPublishedAt: new Date("2024-12-10T13:00:00+01:00") } });

  return `samling 6 i ${running.code} i dag, felles med institusjonsledelse ${running.code} (${INSTITUTION_STUDENTS.length} studenter)`;
}
