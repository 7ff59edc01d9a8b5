// The exam beyond the first sitting (issue 18), in kull H2023, which sat its ordinary exam in
// November 2024:
// - Two failed it (F): Nora Ny-Eksamen (student.nyeksamen@demo.no), whom Vegard Veileder
//   registered for the ny eksamen three days ago (the resit candidate), and Fredrik Forsøk
//   (student.forsok@demo.no), who has not registered yet: the registration closes in three weeks.
// - Ulla Utsatt (student.utsatt@demo.no) was ill in the week of the ordinary exam and documented
//   it with a legeerklæring; Vegard granted utsatt eksamen (a letter under Brev), and she sits the
//   utsatt eksamen, held the week after the ny eksamen (the deferred candidate).
// - The ny eksamen starts on a Tuesday six weeks from today, the utsatt eksamen a week later; each
//   a three-day home exam from 09:00 on day one to 14:00 on day three (Oslo time).
// The three are students the main chapter made (picked by their grades, renamed, given the demo
// password), so the number of students stays as it was. Deterministic for a given day.
import type { Database } from "@/lib/db/client";
import { startOfDayInOslo } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { EXAM_KIND_LABELS } from "@/lib/domain/exam-sittings";
import { DEMO_STUDENTS } from "@/prisma/seed/demo-accounts";
import { mondayOf } from "@/prisma/seed/calendar";
import { attachDeferralDocumentation, createSitting, createStudentLetter } from "@/prisma/seed/factories";

const HOUR = 3_600_000;

export async function seedExamsDemo(db: Database, context: { today: string; h2023CohortId: string; passwordHash: string }): Promise<string> {
  const { today } = context;
  const daysAgo = (days: number, hour = 12) => new Date(startOfDayInOslo(addDays(today, -days)).getTime() + hour * HOUR);
  const adviser = await db.user.findUniqueOrThrow({ where: { email: "veileder@demo.no" }, select: { id: true, name: true } });
  const ordinary = await db.exam.findFirstOrThrow({ where: { cohortId: context.h2023CohortId, kind: "ORDINARY" } });

  // The later sittings: a Tuesday six weeks on (the ny eksamen) and the week after (utsatt).
  const resitDay = addDays(mondayOf(today), 6 * 7 + 1);
  const resit = await createSitting(db, {
    cohortId: context.h2023CohortId,
    kind: "RESIT",
    firstDay: resitDay,
    registrationClosesOn: addDays(today, 21),
    title: ordinary.title,
  });
  const deferred = await createSitting(db, { cohortId: context.h2023CohortId, kind: "DEFERRED", firstDay: addDays(resitDay, 7), title: ordinary.title });

  // Who they are: picked by their ordinary result, in name order (the names are the seed's own).
  const registrations = await db.examRegistration.findMany({
    where: { examId: ordinary.id },
    orderBy: { enrolment: { user: { name: "asc" } } },
    select: { id: true, grade: true, enrolmentId: true, enrolment: { select: { userId: true } } },
  });
  const failed = registrations.find((row) => row.grade === "F")!;
  const second = registrations.find((row) => row.grade === "C")!;
  const ill = registrations.find((row) => row.grade === "B")!;
  const rename = (userId: string, who: { email: string; name: string }) => db.user.update({ where: { id: userId }, data: { ...who, passwordHash: context.passwordHash } });
  await rename(failed.enrolment.userId, DEMO_STUDENTS.resit);
  await rename(second.enrolment.userId, DEMO_STUDENTS.failed);
  await rename(ill.enrolment.userId, DEMO_STUDENTS.deferred);

  // Fredrik failed too: his result is F, and he has not completed the programme.
  await db.examRegistration.update({ where: { id: second.id }, data: { grade: "F" } });
  await db.enrolment.update({ where: { id: second.enrolmentId }, data: { status: "ACTIVE", endedOn: null } });

  // Nora: registered for the ny eksamen by Vegard three days ago.
  await db.examRegistration.create({
    data: { examId: resit.id, enrolmentId: failed.enrolmentId, status: "ADMITTED", decidedById: adviser.id, decidedAt: daysAgo(3, 10) },
  });

  // Ulla: ill in the exam week, documented; granted; registered for the utsatt eksamen.
  await db.examRegistration.update({ where: { id: ill.id }, data: { status: "DEFERRED", grade: null, gradedById: null, gradedAt: null } });
  await db.enrolment.update({ where: { id: ill.enrolmentId }, data: { status: "ACTIVE", endedOn: null } });
  const requestedAt = new Date("2024-11-22T09:30:00+01:00");
  const decidedAt = new Date("2024-11-26T13:00:00+01:00");
  const placed = await db.examRegistration.create({
    data: { examId: deferred.id, enrolmentId: ill.enrolmentId, status: "ADMITTED", decidedById: adviser.id, decidedAt },
  });
  const deferral = await db.examDeferral.create({
    data: {
      registrationId: ill.id,
      reason: "ILLNESS",
      explanation: "Jeg ble syk med høy feber kvelden før eksamen og var sykmeldt hele eksamensuken. Legeerklæring ligger ved.",
      requestedById: ill.enrolment.userId,
      requestedAt,
      status: "GRANTED",
      decidedById: adviser.id,
      decidedAt,
      grounds: "Dokumentert sykdom i eksamensperioden.",
      sittingId: deferred.id,
      placedRegistrationId: placed.id,
    },
  });
  await attachDeferralDocumentation(db, {
    examDeferralId: deferral.id,
    uploadedById: ill.enrolment.userId,
    originalName: "legeerklaering-ulla-utsatt.pdf",
    lines: ["Pasienten var syk og ute av stand til å gjennomføre eksamen 19.–21. november 2024.", "Sykmeldt 18.–24. november 2024."],
    at: requestedAt,
  });
  const sitting = (exam: { kind: "ORDINARY" | "DEFERRED" | "RESIT"; title: string; startsAt: Date; handInAt: Date }) => ({
    kindLabel: EXAM_KIND_LABELS[exam.kind],
    title: exam.title,
    startsAt: exam.startsAt,
    handInAt: exam.handInAt,
  });
  await createStudentLetter(db, {
    enrolmentId: ill.enrolmentId,
    facts: {
      kind: "EXAM_DEFERRAL_GRANTED",
      missed: sitting(ordinary),
      sitting: sitting(deferred),
      reason: "ILLNESS",
      requestedOn: "2024-11-22",
      note: null,
    },
    decidedBy: { id: adviser.id, name: adviser.name, title: "Studieveileder" },
    about: { type: "ExamDeferral", id: deferral.id },
    at: decidedAt,
  });
  return `ny eksamen ${resitDay} og utsatt eksamen ${addDays(resitDay, 7)} for H2023`;
}
