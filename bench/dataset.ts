/**
 * The bench's dataset: the demo story (prisma/seed/demo.ts) for a given day, grown to a scale with
 * bulk inserts (createMany, one statement per table and batch, never one request per row):
 *   1×  the open intake holds 200 sent applications; the running kull 40 students;
 *   10× 2,000 applications; ten running kull (the demo's and nine more on the same samlinger,
 *       taught by the demo faculty account) with 400 students, each with the attendance of every
 *       samling day held so far.
 * At both scales every bench student has handed in the arbeidskrav that are due (at most three:
 * the rest are left for the hand-in load), each a PDF on disk under the bench's storage dir,
 * assessed in the main (approved, some not approved with their enkeltvedtak letter, some still
 * waiting), so the pages that show hand-ins, assessments and letters carry data in proportion.
 * Deterministic for a given day and scale: ids and names come from a seeded generator.
 */
import { createHash } from "node:crypto";
import { municipalitiesInCounty } from "@/lib/data/norway-places";
import { mulberry32 } from "@/lib/random";
import { storage } from "@/lib/storage";
import type { Database } from "@/lib/db/client";
import { hashPassword } from "@/lib/server/auth/password";
import { nameGenerator } from "@/prisma/seed/applicant-pool";
import { addDays } from "@/prisma/seed/calendar";
import { seedDemoData } from "@/prisma/seed/demo";
import { assignTeachers, createArbeidskrav, createBasisgruppe, createCohort, createOpenCohort, createStudentLetter, day, standardArbeidskrav } from "@/prisma/seed/factories";
import { makePdf } from "@/prisma/seed/pdf";

export const BENCH_PASSWORD = "Demo-passord-2026";

export interface BenchTargets {
  openCohortId: string;
  applicationId: string;
  runningCohortId: string;
  attendanceDayId: string;
  applications: number;
  students: number;
  cohorts: number;
  /** Every running kull of the dataset (the demo's first). */
  cohortIds: string[];
  /** The samling days held so far (shared by every running kull: the same samlinger). */
  heldDayIds: string[];
  handIns: number;
  assessments: number;
  studentLetters: number;
}

const BATCH = 1000;

// The seed's name generator draws first and last names without repeats, and loops for ever once
// the about 1,000 combinations are used up; 10× needs 2,400 people. The first 900 come from it,
// the rest are those again with a middle initial ("Kari B. Nordmann"), as real lists have.
const UNIQUE_NAMES = 900;
function manyNames(random: () => number): () => { name: string } {
  const unique = nameGenerator(random);
  const issued: string[] = [];
  return () => {
    if (issued.length < UNIQUE_NAMES) {
      const { name } = unique();
      issued.push(name);
      return { name };
    }
    const round = Math.floor(issued.length / UNIQUE_NAMES);
    const [first, ...rest] = issued[issued.length % UNIQUE_NAMES]!.split(" ");
    const name = `${first} ${String.fromCharCode(64 + round)}. ${rest.join(" ")}`;
    issued.push(name);
    return { name };
  };
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

export async function seedBenchData(db: Database, options: { today: string; scale: 1 | 10 }): Promise<BenchTargets> {
  const { today, scale } = options;
  await seedDemoData(db, { today: new Date(`${today}T12:00:00+01:00`) });
  const random = mulberry32(21_000 + scale);
  const names = manyNames(random);
  let idSequence = 0;
  // Prisma-shaped ids ("c" and 24 lower-case letters or digits), deterministic per scale.
  const newId = () => {
    idSequence += 1;
    return `cb${String(scale).padStart(2, "0")}${idSequence.toString(36).padStart(21, "0")}`;
  };

  const applicant = await db.user.findUniqueOrThrow({ where: { email: "soker@demo.no" }, select: { id: true } });
  const openCohort = await db.cohort.findFirstOrThrow({
    where: { applications: { some: { applicantId: applicant.id, status: "DRAFT" } } },
    select: { id: true, applicationOpensOn: true, applicationDeadline: true },
  });
  const student = await db.user.findUniqueOrThrow({ where: { email: "student@demo.no" }, select: { id: true } });
  const running = await db.cohort.findFirstOrThrow({
    where: { enrolments: { some: { userId: student.id } } },
    orderBy: { startsOn: "desc" },
    include: { samlinger: { orderBy: { number: "asc" }, include: { samling: { include: { days: true } } } }, arbeidskrav: true, exams: true },
  });
  const faculty = await db.user.findUniqueOrThrow({ where: { email: "faglaerer@demo.no" }, select: { id: true } });

  // ── Applications to the open intake ──────────────────────────────────────────────────────────
  const sent = await db.application.count({ where: { cohortId: openCohort.id, status: { not: "DRAFT" } } });
  const wanted = 200 * scale - sent;
  const users: { id: string; email: string; name: string; roles: ["APPLICANT"]; emailVerifiedAt: Date }[] = [];
  const applications: object[] = [];
  const educations: object[] = [];
  const positions: object[] = [];
  const opens = openCohort.applicationOpensOn.getTime();
  const span = Math.max(1, Math.min(Date.parse(`${today}T00:00:00Z`), openCohort.applicationDeadline.getTime()) - opens);
  const counties = ["03", "50", "46", "32", "11", "42", "18", "34", "15", "33", "55", "31", "39", "40", "56"];
  for (let index = 0; index < wanted; index += 1) {
    const person = names();
    const userId = newId();
    const applicationId = newId();
    const category = 1 + (index % 4);
    const county = counties[index % counties.length]!;
    const municipality = municipalitiesInCounty(county)[index % municipalitiesInCounty(county).length]!;
    users.push({ id: userId, email: `bench.soker.${index}@bench.example`, name: person.name, roles: ["APPLICANT"], emailVerifiedAt: new Date(opens) });
    const submittedAt = new Date(opens + Math.floor(random() * span));
    applications.push({
      id: applicationId,
      applicantId: userId,
      cohortId: openCohort.id,
      status: index % 5 === 0 ? "UNDER_REVIEW" : "SUBMITTED",
      submittedAt,
      reviewStartedAt: index % 5 === 0 ? submittedAt : null,
      fullName: person.name,
      birthDate: day(`19${70 + (index % 25)}-0${1 + (index % 9)}-1${index % 9}`),
      phone: `9${String(1_000_000 + index).padStart(7, "0")}`,
      address: `Storgata ${1 + (index % 90)}`,
      postalCode: String(1000 + (index % 8000)),
      postalPlace: municipality.name,
      employerCountyCode: county,
      employerMunicipalityCode: municipality.code,
      provisionalCategory: category,
      provisionalCategoryReason: "Beregnet fra stillingene ved søknadsfristen.",
    });
    educations.push({ id: newId(), applicationId, institution: "NTNU", degree: "Bachelor i barnevern", credits: 180, completedYear: 2000 + (index % 20) });
    positions.push({
      id: newId(),
      applicationId,
      employer: `${municipality.name} kommune, barneverntjenesten`,
      employerType: category === 3 ? "INSTITUTION" : "MUNICIPAL_CWS",
      countyCode: county,
      municipalityCode: municipality.code,
      title: category === 4 ? "Fagleder" : "Barnevernleder",
      percent: 100,
      areaOfResponsibility: "Barneverntjenesten",
      startDate: day(addDays(today, -365 * (2 + (index % 5)))),
      endDate: null,
      superiorTitle: "Kommunalsjef for oppvekst",
      personnelCount: category === 4 ? 0 : 8,
      professionalResponsibility: true,
      personnelResponsibility: category !== 4,
      leaderRole: category === 4 ? "PROFESSIONAL_LEAD" : "LEADER",
    });
  }
  await inBatches(users, (data) => db.user.createMany({ data }));
  await inBatches(applications, (data) => db.application.createMany({ data: data as never }));
  await inBatches(educations, (data) => db.education.createMany({ data: data as never }));
  await inBatches(positions, (data) => db.position.createMany({ data: data as never }));

  // ── Running kull: the demo's, then nine more on the same samlinger (10×) ────────────────────
  const heldDays = running.samlinger
    .flatMap((link) => link.samling.days)
    .filter((samlingDay) => samlingDay.date.toISOString().slice(0, 10) <= today)
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  // The demo's running kull has 25 places; the bench's has 40 students (the capacity trigger counts).
  await db.cohort.update({ where: { id: running.id }, data: { capacity: 45 } });
  const cohortIds = [running.id];
  for (let copy = 1; copy < scale; copy += 1) {
    const { cohort } = await createCohort(db, {
      programmeId: running.programmeId,
      code: `H${2100 + copy}`,
      name: `Kull B${copy} (bench)`,
      capacity: 45,
      applicationOpensOn: running.applicationOpensOn.toISOString().slice(0, 10),
      applicationDeadline: running.applicationDeadline.toISOString().slice(0, 10),
      offerAnswerDeadline: running.offerAnswerDeadline.toISOString().slice(0, 10),
      startsOn: running.startsOn.toISOString().slice(0, 10),
      endsOn: running.endsOn.toISOString().slice(0, 10),
      samlinger: running.samlinger.map((link) => ({ id: link.samlingId, title: link.samling.title, days: [] })),
    });
    await createArbeidskrav(db, cohort.id, standardArbeidskrav(running.arbeidskrav.sort((a, b) => a.number - b.number).map((d) => d.dueDate.toISOString().slice(0, 10))));
    await assignTeachers(db, cohort.id, [faculty.id], { academicLead: faculty.id });
    cohortIds.push(cohort.id);
  }
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  let students = 0;
  for (const [cohortIndex, cohortId] of cohortIds.entries()) {
    const enrolled = await db.enrolment.count({ where: { cohortId } });
    const group = await createBasisgruppe(db, cohortId, `Basisgruppe bench ${cohortIndex + 1}`, faculty.id);
    const studentRows: object[] = [];
    const enrolmentRows: { id: string; userId: string; cohortId: string; basisgruppeId: string }[] = [];
    for (let index = enrolled; index < 40; index += 1) {
      const person = names();
      const userId = newId();
      studentRows.push({ id: userId, email: `bench.student.${cohortIndex}.${index}@bench.example`, name: person.name, roles: ["STUDENT"], passwordHash, emailVerifiedAt: new Date(opens) });
      enrolmentRows.push({ id: newId(), userId, cohortId, basisgruppeId: group.id });
    }
    await db.user.createMany({ data: studentRows as never });
    await db.enrolment.createMany({ data: enrolmentRows });
    const attendance = enrolmentRows.flatMap((enrolment, index) =>
      heldDays.map((samlingDay, dayIndex) => ({
        id: newId(),
        enrolmentId: enrolment.id,
        samlingDayId: samlingDay.id,
        status: (index + dayIndex) % 13 === 0 ? ("ABSENT" as const) : ("PRESENT" as const),
        registeredById: faculty.id,
        registeredAt: samlingDay.date,
      })),
    );
    await inBatches(attendance, (data) => db.attendance.createMany({ data }));
    students += await db.enrolment.count({ where: { cohortId } });
  }

  const application = await db.application.findFirstOrThrow({
    where: { cohortId: openCohort.id, status: "SUBMITTED", documents: { some: {} } },
    orderBy: { submittedAt: "asc" },
    select: { id: true },
  });
  const coursework = await seedCoursework(db, { cohortIds, today, facultyId: faculty.id, random });
  const attendanceDay = heldDays.at(-1);
  if (!attendanceDay) throw new Error("the running kull has held no samling day");
  return {
    openCohortId: openCohort.id,
    applicationId: application.id,
    runningCohortId: running.id,
    attendanceDayId: attendanceDay.id,
    applications: await db.application.count({ where: { cohortId: openCohort.id, status: { not: "DRAFT" } } }),
    students,
    cohorts: cohortIds.length,
    cohortIds,
    heldDayIds: heldDays.map((samlingDay) => samlingDay.id),
    ...coursework,
  };
}

/** Hand-ins of the bench students (emails bench.student.*), assessed, with letters for "ikke godkjent". */
async function seedCoursework(db: Database, options: { cohortIds: string[]; today: string; facultyId: string; random: () => number }) {
  const { cohortIds, today, facultyId, random } = options;
  const faculty = await db.user.findUniqueOrThrow({ where: { id: facultyId }, select: { id: true, name: true } });
  const definitions = await db.arbeidskravDefinition.findMany({
    where: { cohortId: { in: cohortIds }, dueDate: { lte: day(today) }, minGroupSize: { lte: 1 } },
    orderBy: [{ cohortId: "asc" }, { number: "asc" }],
    select: { id: true, cohortId: true, title: true, dueDate: true, maxAttempts: true },
  });
  const enrolments = await db.enrolment.findMany({
    where: { cohortId: { in: cohortIds }, user: { email: { startsWith: "bench.student." } } },
    orderBy: { id: "asc" },
    select: { id: true, cohortId: true, userId: true },
  });
  const submissions: object[] = [];
  const members: object[] = [];
  const attempts: object[] = [];
  const documents: object[] = [];
  const refused: { enrolmentId: string; title: string; maxAttempts: number; assessedAt: Date; feedback: string; attemptId: string }[] = [];
  let assessments = 0;
  let sequence = 0;
  const id = () => `cbw${(sequence += 1).toString(36).padStart(22, "0")}`;
  for (const enrolment of enrolments) {
    const due = definitions.filter((definition) => definition.cohortId === enrolment.cohortId).slice(0, 3);
    for (const definition of due) {
      const roll = random();
      // Most approved; some not approved (to hand in again); a few not approved at the last allowed
      // attempt (the enkeltvedtak letter); some waiting for the assessment.
      const status = roll < 0.72 ? "APPROVED" : roll < 0.82 ? "NOT_APPROVED" : roll < 0.85 ? "FINAL_NOT_APPROVED" : "SUBMITTED";
      const tries = status === "FINAL_NOT_APPROVED" ? definition.maxAttempts : 1;
      const submissionId = id();
      const firstAt = new Date(definition.dueDate.getTime() - Math.floor(random() * 5) * 86_400_000 + 10 * 3_600_000 - (tries - 1) * 21 * 86_400_000);
      submissions.push({ id: submissionId, arbeidskravId: definition.id, status: status === "FINAL_NOT_APPROVED" ? "NOT_APPROVED" : status, createdAt: firstAt });
      members.push({ submissionId, arbeidskravId: definition.id, enrolmentId: enrolment.id, confirmedAt: firstAt, addedAt: firstAt });
      for (let attempt = 1; attempt <= tries; attempt += 1) {
        const submittedAt = new Date(firstAt.getTime() + (attempt - 1) * 21 * 86_400_000);
        const attemptStatus = status === "FINAL_NOT_APPROVED" ? "NOT_APPROVED" : status;
        const assessedAt = attemptStatus === "SUBMITTED" ? null : new Date(submittedAt.getTime() + 7 * 86_400_000);
        const attemptId = id();
        const feedback = attemptStatus === "NOT_APPROVED" ? "Notatet drøfter ikke lederrollen opp mot pensum. Skriv ut drøftingen i del 2 og lever på nytt." : attemptStatus === "APPROVED" ? "Godkjent. God kobling mellom praksis og teori." : null;
        attempts.push({ id: attemptId, submissionId, attempt, text: null, submittedById: enrolment.userId, submittedAt, status: attemptStatus, feedback, assessorId: assessedAt ? facultyId : null, assessedAt });
        const bytes = makePdf(`${definition.title}`, [`Innlevert av student ${enrolment.id}, forsøk ${attempt}.`, "Bench-data: en side med tekst som en innlevering."]);
        documents.push({
          id: id(),
          kind: "SUBMISSION",
          submissionAttemptId: attemptId,
          originalName: `${definition.title.replace(/[^\p{L}\d]+/gu, "-").toLowerCase()}.pdf`,
          size: bytes.byteLength,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey: await storage().put(bytes),
          contentType: "application/pdf",
          uploadedById: enrolment.userId,
          uploadedAt: submittedAt,
        });
        if (assessedAt) assessments += 1;
        if (status === "FINAL_NOT_APPROVED" && attempt === tries) refused.push({ enrolmentId: enrolment.id, title: definition.title, maxAttempts: definition.maxAttempts, assessedAt: assessedAt!, feedback: feedback!, attemptId });
      }
    }
  }
  await inBatches(submissions, (data) => db.submission.createMany({ data: data as never }));
  await inBatches(members, (data) => db.submissionMember.createMany({ data: data as never }));
  await inBatches(attempts, (data) => db.submissionAttempt.createMany({ data: data as never }));
  await inBatches(documents, (data) => db.document.createMany({ data: data as never }));
  // The enkeltvedtak of each "ikke godkjent" (one letter each; case numbers come from the
  // database's sequence, so these go one at a time).
  for (const row of refused) {
    await createStudentLetter(db, {
      enrolmentId: row.enrolmentId,
      facts: {
        kind: "ARBEIDSKRAV_NOT_APPROVED",
        arbeidskrav: { title: row.title },
        attempt: row.maxAttempts,
        maxAttempts: row.maxAttempts,
        assessedOn: row.assessedAt.toISOString().slice(0, 10),
        grounds: row.feedback,
        group: null,
        corrected: false,
      },
      decidedBy: { id: faculty.id, name: faculty.name, title: "Faglærer" },
      about: { type: "SubmissionAttempt", id: row.attemptId },
      at: row.assessedAt,
    });
  }
  return { handIns: submissions.length, assessments, studentLetters: refused.length };
}

export interface LettersIntake {
  cohortId: string;
  applications: number;
}

/**
 * An intake whose application deadline passed yesterday, with `count` sent and reviewed (qualified)
 * applications and no decisions: the adviser's "send vedtak" makes `count` decisions and letters.
 * Made right before the heavy moment, after the pages are measured (it adds an intake to the
 * adviser's pages).
 */
export async function seedLettersIntake(db: Database, options: { today: string; count: number }): Promise<LettersIntake> {
  const { today, count } = options;
  const { cohort } = await createOpenCohort(db, { deadline: addDays(today, -1), capacity: 40 });
  const random = mulberry32(4242);
  const names = nameGenerator(random);
  const users: object[] = [];
  const applications: object[] = [];
  const educations: object[] = [];
  let sequence = 0;
  const id = () => `cbl${(sequence += 1).toString(36).padStart(22, "0")}`;
  const submittedBase = day(addDays(today, -20)).getTime();
  for (let index = 0; index < count; index += 1) {
    const person = names();
    const userId = id();
    const applicationId = id();
    const category = 1 + (index % 4);
    users.push({ id: userId, email: `bench.vedtak.${index}@bench.example`, name: person.name, roles: ["APPLICANT"], emailVerifiedAt: new Date(submittedBase) });
    applications.push({
      id: applicationId,
      applicantId: userId,
      cohortId: cohort.id,
      status: "UNDER_REVIEW",
      submittedAt: new Date(submittedBase + index * 60_000),
      reviewStartedAt: new Date(submittedBase + index * 60_000),
      fullName: person.name,
      employerCountyCode: "50",
      provisionalCategory: category,
      assessedCategory: category,
      qualified: true,
    });
    educations.push({ id: id(), applicationId, institution: "NTNU", degree: "Bachelor i barnevern", credits: 180, completedYear: 2000 + (index % 20) });
  }
  await inBatches(users, (data) => db.user.createMany({ data: data as never }));
  await inBatches(applications, (data) => db.application.createMany({ data: data as never }));
  await inBatches(educations, (data) => db.education.createMany({ data: data as never }));
  return { cohortId: cohort.id, applications: count };
}
