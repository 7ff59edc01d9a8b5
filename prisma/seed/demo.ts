// The demo world, deterministic for a given "today" (the dates of the running and the open
// cohort are placed relative to it; kull H2023 has its real, fixed dates):
// - kull H2023: the nine real samlinger and the exam, completed, with attendance, approvals and
//   grades, including students who fell short and were not admitted to the exam;
// - a running cohort mid-way through its samlinger;
// - a cohort whose application window is open today, with 44 applications across counties and
//   priority categories, each with its vitnemål and tjenestebevis as real PDF files;
// - one demo account per role (prisma/seed/demo-accounts.ts);
// - the kull's life (prisma/seed/demo-intakes.ts): H2023 completed, the institusjonsledelse
//   H2023 archived, and next year's intake a draft copied from the open one.
// All people are invented.
import { mulberry32 } from "@/lib/random";
import { evaluateEligibility, type ArbeidskravStatus } from "@/lib/domain/eligibility";
import type { Database } from "@/lib/db/client";
import type { Grade } from "@/lib/generated/prisma/enums";
import { osloDate } from "@/lib/domain/application-deadline";
import { addressBoundKey } from "@/lib/domain/mail-delivery";
import { isoDate } from "@/lib/to-domain";
import { nameGenerator, seedApplications } from "@/prisma/seed/applicant-pool";
import { addDays, mondayOf, termCode } from "@/prisma/seed/calendar";
import { DEMO_ACCOUNTS, DEMO_FACULTY, DEMO_PASSWORD, DEMO_STUDENTS } from "@/prisma/seed/demo-accounts";
import { seedLettersDemo } from "@/prisma/seed/demo-letters";
import { seedExamsDemo } from "@/prisma/seed/demo-exams";
import { seedStudentDemo } from "@/prisma/seed/demo-student";
import { seedApplicantDemo } from "@/prisma/seed/demo-applicant";
import { seedFacultyDemo } from "@/prisma/seed/demo-faculty";
import { hashPassword } from "@/lib/server/auth/password";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { seedAdmission } from "@/prisma/seed/demo-admission";
import { seedIntakesDemo } from "@/prisma/seed/demo-intakes";
import { seedEnrolmentsDemo } from "@/prisma/seed/demo-enrolments";
import {
  assignTeachers,
  cohortDays,
  createApplication,
  createArbeidskrav,
  createBasisgruppe,
  createCohort,
  createProgramme,
  createSubmission,
  createUser,
  day,
  enrol,
  standardArbeidskrav,
  type SamlingInput,
} from "@/prisma/seed/factories";

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [users, programmes] = await Promise.all([db.user.count(), db.programme.count()]);
  return users === 0 && programmes === 0;
}

export async function seedDemoData(db: Database, options: { today: Date }): Promise<string> {
  const today = osloDate(options.today);
  const random = mulberry32(20231912);

  const accounts = new Map<string, Awaited<ReturnType<typeof createUser>>>();
  for (const account of DEMO_ACCOUNTS) {
    accounts.set(account.email, await createUser(db, { ...account, password: DEMO_PASSWORD }));
  }
  // The demo students who can sign in share the published password, hashed once.
  const demoStudentHash = await hashPassword(DEMO_PASSWORD);
  const demoStudent = (key: keyof typeof DEMO_STUDENTS) =>
    createUser(db, { ...DEMO_STUDENTS[key], roles: ["STUDENT"], passwordHash: demoStudentHash });
  const account = (email: string) => {
    const user = accounts.get(email);
    if (!user) throw new Error(`demo account ${email} missing`);
    return user;
  };
  const faculty = [
    account("faglaerer@demo.no"),
    await createUser(db, { email: "tor.prosessveileder@demo.no", name: "Tor Prosessveileder Bakken", roles: ["FACULTY"] }),
    // Hanne can sign in (she decides klager as a fagansvarlig; prisma/seed/demo-letters.ts).
    await createUser(db, { ...DEMO_FACULTY.lead, roles: ["FACULTY"], passwordHash: demoStudentHash }),
  ];
  const names = nameGenerator(random);

  const programme = await createProgramme(db, "BARNEVERNLEDELSE");
  const institutionProgramme = await createProgramme(db, "INSTITUSJONSLEDELSE");

  // ── Kull H2023, completed ────────────────────────────────────────────────────────────────────
  const h2023 = await createCohort(db, {
    programmeId: programme.id,
    code: "H2023",
    capacity: 30,
    applicationOpensOn: "2023-01-16",
    applicationDeadline: "2023-04-15",
    offerAnswerDeadline: "2023-06-01",
    samlinger: H2023_SAMLINGER,
    exam: { startsOn: "2024-11-19", endsOn: "2024-11-21" },
  });
  // Samling 6 is shared with the institution-leader programme's cohort.
  const sharedSamlingId = h2023.samlingIds[5];
  const institutionH2023 = await createCohort(db, {
    programmeId: institutionProgramme.id,
    code: "H2023",
    capacity: 20,
    applicationOpensOn: "2023-01-16",
    applicationDeadline: "2023-04-15",
    offerAnswerDeadline: "2023-06-01",
    samlinger: [
      { title: "Samling 1", days: ["2023-09-26", "2023-09-27"] },
      { title: "Felles samling: barnevernledelse og institusjonsledelse", days: ["2024-04-23", "2024-04-24"], id: sharedSamlingId },
      { title: "Samling 3", days: ["2024-06-04", "2024-06-05"] },
    ],
  });

  // Teaching teams: Frida (the demo faculty account) teaches every barnevernledelse cohort;
  // Tor and Hanne one each besides H2023. Faculty see only the cohorts they teach.
  await assignTeachers(db, h2023.cohort.id, faculty.map((person) => person.id), { academicLead: faculty[2]!.id });

  const h2023Students = await seedCompletedCohort(db, {
    cohortId: h2023.cohort.id,
    examId: h2023.exam!.id,
    faculty,
    names,
    random,
  });

  // ── The running cohort, mid-way ──────────────────────────────────────────────────────────────
  const running = runningCohortPlan(today);
  const runningCohort = await createCohort(db, { programmeId: programme.id, capacity: 25, ...running });
  await assignTeachers(db, runningCohort.cohort.id, [faculty[0]!.id, faculty[1]!.id], { academicLead: faculty[0]!.id });
  const runningStudents = await seedRunningCohort(db, {
    cohortId: runningCohort.cohort.id,
    today,
    faculty,
    namedStudents: new Map([
      [0, account("student@demo.no").id],
      [1, (await demoStudent("groupA")).id],
      [2, (await demoStudent("groupB")).id],
      [3, (await demoStudent("groupC")).id],
      [5, (await demoStudent("absent")).id],
    ]),
    names,
    random,
  });

  // ── A cohort whose samlinger are over, with the exam ahead ───────────────────────────────────
  const finishing = finishingCohortPlan(today);
  const finishingCohort = await createCohort(db, { programmeId: programme.id, capacity: 25, ...finishing });
  await assignTeachers(db, finishingCohort.cohort.id, [faculty[0]!.id, faculty[2]!.id], { academicLead: faculty[2]!.id });
  const finishingStudents = await seedFinishingCohort(db, {
    cohortId: finishingCohort.cohort.id,
    today,
    faculty,
    finishedStudentId: (await demoStudent("finished")).id,
    names,
    random,
  });

  // ── The open intake ──────────────────────────────────────────────────────────────────────────
  const open = openCohortPlan(today);
  const openCohort = await createCohort(db, { programmeId: programme.id, capacity: 30, ...open });
  // A published intake is whole: its arbeidskrav are set, due after the samlinger they follow.
  await createArbeidskrav(db, openCohort.cohort.id, standardArbeidskrav([1, 3, 5, 7, 8].map((number) => addDays(open.samlinger[number]!.days[0]!, -7))));
  const applications = await seedApplications(db, {
    cohortId: openCohort.cohort.id,
    opensOn: open.applicationOpensOn,
    deadline: open.applicationDeadline,
    today,
    names,
    random,
  });
  const admission = await seedAdmission(db, {
    today,
    programmeId: programme.id,
    institutionProgrammeId: institutionProgramme.id,
    adviser: account("veileder@demo.no"),
    demoApplicant: account("soker@demo.no"),
    passwordHash: demoStudentHash,
    names,
    random,
    openIntake: { cohortId: openCohort.cohort.id, deadline: open.applicationDeadline },
  });
  const sokerDraft = await createApplication(db, {
    applicantId: account("soker@demo.no").id,
    cohortId: openCohort.cohort.id,
    status: "DRAFT",
    fullName: "Sofie Søker",
    phone: "900 00 000",
    employerCountyCode: "50",
    employerMunicipalityCode: "5001",
    educations: [{ institution: "NTNU", degree: "Bachelor i barnevern", credits: 180, completedYear: 2015 }],
  });
  await seedApplicantDemo(db, { applicantId: account("soker@demo.no").id, draftId: sokerDraft.id, earlierCohortId: h2023.cohort.id, adviserId: account("veileder@demo.no").id });

  // Letters and klager (issue 18): decisions made weeks ago in the two cohorts under way; first, so
  // the students it names are named before the faculty's part picks unnamed students.
  const lettersDemo = await seedLettersDemo(db, {
    today,
    runningCohortId: runningCohort.cohort.id,
    finishingCohortId: finishingCohort.cohort.id,
    passwordHash: demoStudentHash,
  });

  // The faculty's part settles the plan (samling 6 of the running cohort is today and tomorrow);
  // the students act on that plan (Sander's absence notice is for the next samling day).
  const facultyDemo = await seedFacultyDemo(db, { today, runningCohortId: runningCohort.cohort.id, h2023ExamId: h2023.exam!.id });

  // Enrolment changes (issue 18): a student on leave, a student transferred with credits, and
  // every enrolled student's identity for FS; on the plan the faculty's part settled.
  const enrolmentsDemo = await seedEnrolmentsDemo(db, {
    today,
    runningCohortId: runningCohort.cohort.id,
    finishingCohortId: finishingCohort.cohort.id,
    passwordHash: demoStudentHash,
  });

  await seedStudentDemo(db, { today });

  // The exam beyond the first sitting: H2023's ny eksamen and utsatt eksamen, with their candidates.
  const examsDemo = await seedExamsDemo(db, { today, h2023CohortId: h2023.cohort.id, passwordHash: demoStudentHash });

  // Every student's standing toward the exam, computed from the facts above by the same code the
  // app runs after each change (notices included, as they would have gone out).
  await computeStandings(db, options.today);

  // The kull's life: H2023 completed, the institusjonsledelse H2023 archived, next year's intake a draft.
  const intakesDemo = await seedIntakesDemo(db, {
    openCohortId: openCohort.cohort.id,
    h2023CohortId: h2023.cohort.id,
    institutionH2023CohortId: institutionH2023.cohort.id,
  });

  // A letter a student klaged on herself, she had read: opened an hour before the klage (the day
  // it was made available at the earliest). Else the demo's «Ny» and «Du har 5 andre nye brev»
  // counted letters their students had answered (from a walk); the rest stay unopened.
  const klagedOn = await db.studentLetter.findMany({
    where: { opening: { is: null }, appeals: { some: { registeredById: null } } },
    select: { id: true, decidedAt: true, appeals: { where: { registeredById: null }, orderBy: { filedAt: "asc" }, take: 1, select: { filedAt: true } } },
  });
  await db.studentLetterOpening.createMany({
    data: klagedOn.map((letter) => ({
      letterId: letter.id,
      openedAt: new Date(Math.max(letter.decidedAt.getTime(), letter.appeals[0]!.filedAt.getTime() - 3_600_000)),
    })),
  });

  // E-mail the mail server never took: during an outage four days ago a notice to Sofie Søker
  // ran out of attempts. The administrator finds it under «E-post» (/veileder/e-post) and sends it
  // again; the demo's outbox takes it.
  const outageAt = new Date(`${addDays(today, -4)}T08:15:00+01:00`);
  await db.mailMessage.create({
    data: {
      // A security notice: «Send på nytt» keeps its address (lib/domain/mail-delivery.ts).
      dedupeKey: addressBoundKey("password-changed", "demo-soker"),
      to: account("soker@demo.no").email,
      userId: account("soker@demo.no").id,
      subject: "Passordet ditt er endret",
      text: "Hei,\n\nPassordet for kontoen din i barnevernledelse er endret. Var det ikke deg, ta kontakt med studieveilederen.\n\nMed vennlig hilsen\nNTNU",
      createdAt: outageAt,
      nextAttemptAt: outageAt,
      attempts: 8,
      lastError: "421 4.7.0 Tjenesten er midlertidig utilgjengelig",
      failedAt: new Date(outageAt.getTime() + 4 * 3_600_000),
    },
  });

  return [
    `${DEMO_ACCOUNTS.length} demokontoer`,
    `H2023 med ${h2023Students} studenter`,
    `${running.code} med ${runningStudents} studenter`,
    `${finishing.code} med ${finishingStudents} studenter foran eksamen`,
    `${open.code} med ${applications.length} søknader (frist ${open.applicationDeadline})`,
    admission,
    lettersDemo,
    facultyDemo,
    examsDemo,
    enrolmentsDemo,
    intakesDemo,
  ].join(", ");
}

async function computeStandings(db: Database, now: Date): Promise<void> {
  const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const cohorts = await db.cohort.findMany({ where: { enrolments: { some: {} } }, orderBy: { id: "asc" }, select: { id: true } });
  for (const cohort of cohorts) {
    await db.$transaction((tx) => refreshStandings(tx, { cohortId: cohort.id }, { actorId: null, cause: "Statusen er regnet ut", now, appUrl }));
  }
}

// ─── Kull H2023 ─────────────────────────────────────────────────────────────────────────────────

const H2023_SAMLINGER: SamlingInput[] = [
  { title: "Samling 1", days: ["2023-09-12", "2023-09-13", "2023-09-14"] },
  { title: "Samling 2", days: ["2023-10-17", "2023-10-18", "2023-10-19"] },
  { title: "Samling 3", days: ["2023-11-21", "2023-11-22", "2023-11-23", "2023-11-24"] },
  { title: "Samling 4", days: ["2024-02-06", "2024-02-07", "2024-02-08"] },
  { title: "Samling 5", days: ["2024-03-12", "2024-03-13", "2024-03-14"] },
  {
    // One samling of both kull, so its title names neither kull's number (it is 6 here, 2 there).
    title: "Felles samling: barnevernledelse og institusjonsledelse",
    days: ["2024-04-23", "2024-04-24"],
    notes: "Felles samling med videreutdanningen i institusjonsledelse.",
  },
  { title: "Samling 7", days: ["2024-05-28", "2024-05-29", "2024-05-30"] },
  { title: "Samling 8", days: ["2024-09-10", "2024-09-11", "2024-09-12"] },
  { title: "Samling 9", days: ["2024-10-22", "2024-10-23", "2024-10-24"] },
];

interface SeedContext {
  faculty: { id: string }[];
  names: () => { name: string; email: string };
  random: () => number;
}

/**
 * 24 students. Most attended nearly everything and had all five arbeidskrav approved. Four fell
 * short or came close, to show the rule at its edges (27 days: 80 % needs 22):
 * 20 days (74 %) and 21 days (78 %) → not admitted; exactly 22 days → admitted;
 * five days fine but only four arbeidskrav approved → not admitted.
 */
async function seedCompletedCohort(
  db: Database,
  context: SeedContext & { cohortId: string; examId: string },
): Promise<number> {
  const { cohortId, examId, faculty, names, random } = context;
  const days = await cohortDays(db, cohortId);
  const groups = await Promise.all(
    ["A", "B", "C", "D"].map((letter, index) =>
      createBasisgruppe(db, cohortId, `Basisgruppe ${letter}`, faculty[index % faculty.length]!.id),
    ),
  );
  const definitions = await createArbeidskrav(
    db,
    cohortId,
    standardArbeidskrav(["2023-11-01", "2024-01-15", "2024-04-10", "2024-06-15", "2024-10-01"]),
  );
  const assessor = faculty[0]!.id;
  const grades: Grade[] = ["B", "C", "A", "C", "D", "B", "E", "C", "B", "F", "C", "A", "D", "B", "C", "B", "C", "D", "A", "C"];
  const count = 24;
  const enrolments: { id: string; userId: string; attended: number; approved: number }[] = [];
  for (let index = 0; index < count; index += 1) {
    const person = names();
    const user = await createUser(db, { ...person, roles: ["STUDENT"] });
    const enrolment = await enrol(db, { userId: user.id, cohortId, basisgruppeId: groups[index % groups.length]!.id });
    const attended = index === 3 ? 20 : index === 7 ? 21 : index === 11 ? 22 : days.length - Math.floor(random() * 3);
    const approved = index === 15 ? 4 : 5;
    enrolments.push({ id: enrolment.id, userId: user.id, attended, approved });
  }

  // Attendance: the absent days are spread through the plan, deterministically.
  const rows = enrolments.flatMap((enrolment, studentIndex) => {
    const absent = new Set(spread(days.length, days.length - enrolment.attended, studentIndex));
    return days.map((samlingDay, dayIndex) => ({
      enrolmentId: enrolment.id,
      samlingDayId: samlingDay.id,
      status: absent.has(dayIndex) ? ("ABSENT" as const) : ("PRESENT" as const),
      registeredById: faculty[dayIndex % faculty.length]!.id,
      registeredAt: new Date(samlingDay.date.getTime() + 15 * 3_600_000),
    }));
  });
  await db.attendance.createMany({ data: rows });

  // Arbeidskrav: fagnotat 2 (number 3) in groups of three, the rest alone. One student's
  // ledertreningsoppgave 3 was not approved, twice.
  for (const definition of definitions) {
    const dueAt = new Date(definition.dueDate.getTime() - 2 * 86_400_000);
    const approvedAttempt = { status: "APPROVED" as const, assessorId: assessor, at: dueAt, feedback: "Godkjent. Godt koblet til egen praksis." };
    if (definition.number === 3) {
      for (let start = 0; start < enrolments.length; start += 3) {
        const members = enrolments.slice(start, start + 3);
        await createSubmission(db, {
          arbeidskravId: definition.id,
          enrolmentIds: members.map((member) => member.id),
          submittedById: members[0]!.userId,
          attempts: [approvedAttempt],
        });
      }
      continue;
    }
    for (const enrolment of enrolments) {
      const failsThis = enrolment.approved < 5 && definition.number === 5;
      await createSubmission(db, {
        arbeidskravId: definition.id,
        enrolmentIds: [enrolment.id],
        submittedById: enrolment.userId,
        attempts: failsThis
          ? [
              { status: "NOT_APPROVED", assessorId: assessor, at: dueAt, feedback: "Mangler refleksjon over egen lederatferd." },
              { status: "NOT_APPROVED", assessorId: assessor, at: new Date(dueAt.getTime() + 21 * 86_400_000), feedback: "Fortsatt for lite knyttet til egen praksis." },
            ]
          : [approvedAttempt],
      });
    }
  }

  // Exam: only students the rule finds eligible are admitted; they all got a grade. The others were
  // refused admission («ikke adgang», decided on 1 November 2024 before this system: the letter
  // went out on paper, so no letter here), which is the decision completing the kull waits for.
  let gradeIndex = 0;
  for (const enrolment of enrolments) {
    const eligibility = evaluateEligibility({
      scheduledDays: days.length,
      heldDays: days.length,
      attendedDays: enrolment.attended,
      arbeidskrav: definitions.map((definition) => ({
        id: definition.id,
        status: (enrolment.approved < 5 && definition.number === 5 ? "NOT_APPROVED" : "APPROVED") as ArbeidskravStatus,
      })),
    });
    if (!eligibility.eligible) {
      await db.examRegistration.create({ data: { examId, enrolmentId: enrolment.id, status: "REFUSED", decidedById: faculty[0]!.id, decidedAt: day("2024-11-01") } });
      continue;
    }
    const grade = grades[gradeIndex % grades.length]!;
    gradeIndex += 1;
    await db.examRegistration.create({
      data: {
        examId,
        enrolmentId: enrolment.id,
        decidedById: faculty[0]!.id,
        decidedAt: day("2024-11-01"),
        grade,
        gradedById: faculty[0]!.id,
        gradedAt: day("2024-12-10"),
      },
    });
    // Completed when the grades were published, before this system: no confirmation letter here.
    if (grade !== "F") await db.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", endedOn: day("2024-12-20") } });
  }
  return enrolments.length;
}

// ─── The running cohort ─────────────────────────────────────────────────────────────────────────

/** Nine samlinger six weeks apart, placed so that five have been held by `today`. */
export function runningCohortPlan(today: string) {
  const monday = mondayOf(today);
  const starts = [-27, -21, -15, -9, -3, 3, 9, 15, 21].map((weeks) => addDays(monday, weeks * 7 + 1));
  const samlinger = starts.map((tuesday, index) => ({
    title: `Samling ${index + 1}`,
    days: index === 5 ? [tuesday, addDays(tuesday, 1)] : [tuesday, addDays(tuesday, 1), addDays(tuesday, 2)],
  }));
  return cohortUnderway(samlinger, addDays(starts[8]!, 28));
}

/**
 * A cohort that has begun: named by its first samling's term, admitted well before it (the
 * window opened 200 days before, closed 120 before, offers answered 90 before), with a
 * three-day exam from `examStart`.
 */
function cohortUnderway(samlinger: { title: string; days: string[] }[], examStart: string) {
  const first = samlinger[0]!.days[0]!;
  return {
    code: termCode(first),
    applicationOpensOn: addDays(first, -200),
    applicationDeadline: addDays(first, -120),
    offerAnswerDeadline: addDays(first, -90),
    samlinger,
    exam: { startsOn: examStart, endsOn: addDays(examStart, 2) },
  };
}

async function seedRunningCohort(
  db: Database,
  context: SeedContext & { cohortId: string; today: string; namedStudents: Map<number, string> },
): Promise<number> {
  const { cohortId, today, faculty, names, random, namedStudents } = context;
  const days = await cohortDays(db, cohortId);
  const held = days.filter((samlingDay) => isoDate(samlingDay.date) < today);
  const groups = await Promise.all(
    ["Nord", "Sør", "Øst", "Vest"].map((name, index) =>
      createBasisgruppe(db, cohortId, `Basisgruppe ${name}`, faculty[index % faculty.length]!.id),
    ),
  );
  const firstDay = days.length ? isoDate(days[0]!.date) : today;
  const dueDates = [2, 4, 6, 7, 8].map((samlingNumber) => addDays(firstDay, samlingNumber * 42 - 7));
  // The five of the study plan, and an optional extra the teachers offered this kull: it is
  // handed in and assessed like the others, but never counts toward the exam.
  const definitions = await createArbeidskrav(db, cohortId, [
    ...standardArbeidskrav(dueDates),
    {
      number: 6,
      kind: "LEDERTRENING",
      title: "Valgfritt refleksjonsnotat",
      description: "Et frivillig notat om en lederutfordring fra de første samlingene. Teller ikke med i kravet for eksamen.",
      individualOnly: true,
      required: false,
      dueDate: addDays(firstDay, 3 * 42 - 7),
    },
  ]);

  const students: { enrolmentId: string; userId: string; absences: number }[] = [];
  for (let index = 0; index < 20; index += 1) {
    const userId = namedStudents.get(index) ?? (await createUser(db, { ...names(), roles: ["STUDENT"] })).id;
    const enrolment = await enrol(db, { userId, cohortId, basisgruppeId: groups[index % groups.length]!.id });
    // The demo student has missed one day; student 5 has missed so much that 80 % is out of reach.
    const absences = index === 0 ? 1 : index === 5 ? 8 : index === 9 ? 4 : Math.floor(random() * 2);
    students.push({ enrolmentId: enrolment.id, userId, absences: Math.min(absences, held.length) });
  }
  await db.attendance.createMany({
    data: students.flatMap((student, studentIndex) => {
      const absent = new Set(spread(held.length, student.absences, studentIndex));
      return held.map((samlingDay, dayIndex) => ({
        enrolmentId: student.enrolmentId,
        samlingDayId: samlingDay.id,
        status: absent.has(dayIndex) ? ("ABSENT" as const) : ("PRESENT" as const),
        registeredById: faculty[0]!.id,
        registeredAt: new Date(samlingDay.date.getTime() + 15 * 3_600_000),
      }));
    }),
  });

  // Attendance the faculty were late with: student 8's list for the next-to-last day held came a
  // week after the samling (no warning went out meanwhile: an unregistered day is no absence), and
  // the last day held is not registered yet for two students, a task on the faculty's home page.
  const lateDay = held.at(-2);
  const lastDay = held.at(-1);
  if (lateDay && lastDay) {
    const late = await db.attendance.update({
      where: { enrolmentId_samlingDayId: { enrolmentId: students[8]!.enrolmentId, samlingDayId: lateDay.id } },
      data: { registeredAt: new Date(lateDay.date.getTime() + 6 * 86_400_000 + 9 * 3_600_000), note: "Registrert i ettertid" },
      select: { id: true, status: true },
    });
    await db.auditLog.create({
      data: {
        actorId: faculty[0]!.id,
        action: "attendance.correct",
        entityType: "Attendance",
        entityId: late.id,
        after: { enrolmentId: students[8]!.enrolmentId, samlingDayId: lateDay.id, date: isoDate(lateDay.date), status: late.status, reason: "Oppmøtelisten fra samlingen kom fram en uke senere" },
        at: new Date(lateDay.date.getTime() + 6 * 86_400_000 + 9 * 3_600_000),
      },
    });
    await db.attendance.deleteMany({ where: { samlingDayId: lastDay.id, enrolmentId: { in: [students[12]!.enrolmentId, students[13]!.enrolmentId] } } });
  }

  // Arbeidskrav whose due date has passed: 1 assessed (two not approved, one of them resubmitted
  // and approved), 2 handed in and partly assessed (the demo student's was not approved and can
  // be handed in again). Fagnotat 2 (number 3) is due later; students 1–3 (Anne, Bjørn and
  // Cecilie Gruppe) handed it in early as a group of three, and it waits for assessment.
  const assessor = faculty[0]!.id;
  for (const definition of definitions) {
    const due = isoDate(definition.dueDate);
    if (definition.number === 3 && due >= today) {
      const group = students.slice(1, 4);
      await createSubmission(db, {
        arbeidskravId: definition.id,
        enrolmentIds: group.map((student) => student.enrolmentId),
        submittedById: group[0]!.userId,
        attempts: [
          {
            status: "SUBMITTED",
            at: new Date(day(today).getTime() - 2 * 86_400_000 + 10 * 3_600_000),
            text: "Vi har skrevet om overgangen fra undersøkelse til tiltak i tre kommuner, og legger fram funnene på neste samling.",
            pdf: { originalName: "fagnotat-2-gruppe.pdf", title: "Fagnotat 2", lines: ["Gruppe: Anne, Bjørn og Cecilie Gruppe", "Overgangen fra undersøkelse til tiltak"] },
          },
        ],
      });
      continue;
    }
    if (due >= today) continue;
    const at = new Date(definition.dueDate.getTime() - 86_400_000);
    if (!definition.required) {
      // A few wrote the optional notat (the demo student among them): approved, and still 5 to go.
      for (const index of [0, 2, 4]) {
        const student = students[index]!;
        await createSubmission(db, {
          arbeidskravId: definition.id,
          enrolmentIds: [student.enrolmentId],
          submittedById: student.userId,
          attempts: [{ status: "APPROVED", assessorId: assessor, at, feedback: "Godkjent. Takk for et ærlig notat." }],
        });
      }
      continue;
    }
    for (const [index, student] of students.entries()) {
      if (definition.number === 1) {
        const attempts =
          index === 5
            ? [{ status: "NOT_APPROVED" as const, assessorId: assessor, at, feedback: "Problemstillingen må avgrenses og knyttes til egen praksis." }]
            : index === 9
              ? [
                  { status: "NOT_APPROVED" as const, assessorId: assessor, at, feedback: "Mangler kildehenvisninger." },
                  { status: "APPROVED" as const, assessorId: assessor, at: new Date(at.getTime() + 14 * 86_400_000), feedback: "Godkjent etter ny innlevering." },
                ]
              : [{ status: "APPROVED" as const, assessorId: assessor, at, feedback: "Godkjent." }];
        await createSubmission(db, { arbeidskravId: definition.id, enrolmentIds: [student.enrolmentId], submittedById: student.userId, attempts });
      } else if (index === 0 && definition.number === 2) {
        await createSubmission(db, {
          arbeidskravId: definition.id,
          enrolmentIds: [student.enrolmentId],
          submittedById: student.userId,
          attempts: [
            {
              status: "NOT_APPROVED",
              assessorId: assessor,
              at,
              feedback: "Treningsmålet er for generelt. Beskriv én konkret situasjon og hva du gjorde annerledes.",
              pdf: { originalName: "ledertrening-1.pdf", title: "Ledertreningsoppgave 1", lines: ["Sander Student"] },
            },
          ],
        });
      } else if (index !== 5) {
        const assessed = index % 2 === 1;
        await createSubmission(db, {
          arbeidskravId: definition.id,
          enrolmentIds: [student.enrolmentId],
          submittedById: student.userId,
          attempts: [assessed ? { status: "APPROVED", assessorId: assessor, at, feedback: "Godkjent." } : { status: "SUBMITTED", at }],
        });
      }
    }
  }
  return students.length;
}

// ─── The cohort about to sit the exam ───────────────────────────────────────────────────────────

/** Nine samlinger, the last one ended ten days before `today`; the exam in three weeks. */
export function finishingCohortPlan(today: string) {
  const monday = mondayOf(today);
  const starts = [-50, -44, -38, -32, -26, -20, -14, -8, -2].map((weeks) => addDays(monday, weeks * 7 + 1));
  const samlinger = starts.map((tuesday, index) => ({
    title: `Samling ${index + 1}`,
    days: [tuesday, addDays(tuesday, 1), addDays(tuesday, 2)],
  }));
  return cohortUnderway(samlinger, addDays(today, 21));
}

/**
 * 16 students, every samling held (27 days: 80 % needs 22), every arbeidskrav due. Nobody is
 * registered for the exam yet: that is the faculty's next step. Most have met every requirement
 * (Eva Eksamen, student.ferdig@demo.no, among them); one has 21 days (cannot be admitted), one has
 * exactly 22 (can), one has a ledertreningsoppgave not approved (may resubmit), and one's last
 * ledertreningsoppgave waits for assessment.
 */
async function seedFinishingCohort(
  db: Database,
  context: SeedContext & { cohortId: string; today: string; finishedStudentId: string },
): Promise<number> {
  const { cohortId, faculty, names, random, finishedStudentId } = context;
  const days = await cohortDays(db, cohortId);
  const groups = await Promise.all(
    ["1", "2", "3"].map((number, index) => createBasisgruppe(db, cohortId, `Basisgruppe ${number}`, faculty[index === 1 ? 2 : 0]!.id)),
  );
  const firstDay = isoDate(days[0]!.date);
  const definitions = await createArbeidskrav(db, cohortId, standardArbeidskrav([70, 140, 220, 300, 330].map((offset) => addDays(firstDay, offset))));
  const assessor = faculty[0]!.id;
  const students: { enrolmentId: string; userId: string }[] = [];
  for (let index = 0; index < 16; index += 1) {
    const userId = index === 0 ? finishedStudentId : (await createUser(db, { ...names(), roles: ["STUDENT"] })).id;
    const enrolment = await enrol(db, { userId, cohortId, basisgruppeId: groups[index % groups.length]!.id });
    students.push({ enrolmentId: enrolment.id, userId });
  }
  const attendedBy = (index: number) => (index === 4 ? 21 : index === 7 ? 22 : days.length - Math.floor(random() * 3));
  await db.attendance.createMany({
    data: students.flatMap((student, studentIndex) => {
      const absent = new Set(spread(days.length, days.length - attendedBy(studentIndex), studentIndex));
      return days.map((samlingDay, dayIndex) => ({
        enrolmentId: student.enrolmentId,
        samlingDayId: samlingDay.id,
        status: absent.has(dayIndex) ? ("ABSENT" as const) : ("PRESENT" as const),
        registeredById: faculty[dayIndex % 2 === 0 ? 0 : 2]!.id,
        registeredAt: new Date(samlingDay.date.getTime() + 15 * 3_600_000),
      }));
    }),
  });
  for (const definition of definitions) {
    const at = new Date(definition.dueDate.getTime() - 86_400_000);
    const approved = { status: "APPROVED" as const, assessorId: assessor, at, feedback: "Godkjent." };
    if (definition.number === 3) {
      for (let start = 0; start < students.length; start += 3) {
        const members = students.slice(start, start + 3);
        await createSubmission(db, { arbeidskravId: definition.id, enrolmentIds: members.map((m) => m.enrolmentId), submittedById: members[0]!.userId, attempts: [approved] });
      }
      continue;
    }
    for (const [index, student] of students.entries()) {
      const attempts =
        index === 10 && definition.number === 4
          ? [{ status: "NOT_APPROVED" as const, assessorId: assessor, at, feedback: "Refleksjonen mangler kobling til teori om endringsledelse." }]
          : index === 13 && definition.number === 5
            ? [{ status: "SUBMITTED" as const, at, pdf: { originalName: "ledertrening-3.pdf", title: "Ledertreningsoppgave 3", lines: ["Oppsummering av egen lederutvikling"] } }]
            : [approved];
      await createSubmission(db, { arbeidskravId: definition.id, enrolmentIds: [student.enrolmentId], submittedById: student.userId, attempts });
    }
  }
  return students.length;
}

// ─── The open intake ────────────────────────────────────────────────────────────────────────────

/**
 * Open since 45 days ago, deadline in three weeks, for the cohort after the one whose admission
 * is being decided now (demo-admission.ts): teaching starts some eight months after the deadline.
 */
export function openCohortPlan(today: string) {
  const deadline = addDays(today, 21);
  const firstTuesday = addDays(mondayOf(addDays(deadline, 240)), 1);
  const starts = Array.from({ length: 9 }, (_, index) => addDays(firstTuesday, index * 42));
  const examStart = addDays(starts[8]!, 28);
  return {
    code: termCode(firstTuesday),
    applicationOpensOn: addDays(today, -45),
    applicationDeadline: deadline,
    offerAnswerDeadline: addDays(deadline, 35),
    samlinger: starts.map((tuesday, index) => ({
      title: `Samling ${index + 1}`,
      days: [tuesday, addDays(tuesday, 1), addDays(tuesday, 2)],
    })),
    exam: { startsOn: examStart, endsOn: addDays(examStart, 2) },
  };
}

// ─── Small helpers ──────────────────────────────────────────────────────────────────────────────

/** `count` indexes out of `length`, evenly spread, shifted by `offset`. */
function spread(length: number, count: number, offset: number): number[] {
  if (count <= 0 || length === 0) return [];
  return Array.from({ length: count }, (_, index) => (Math.floor(((index + 0.5) * length) / count) + offset) % length);
}

