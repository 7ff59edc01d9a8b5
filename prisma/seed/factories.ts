// Factories that create realistic records. The demo seed builds its world with them, and the
// integration tests make exactly the data each test needs with the same functions.
import { createHash } from "node:crypto";
import type { Database } from "@/lib/db/client";
import type {
  ArbeidskravKind,
  DecisionOutcome,
  DocumentKind,
  EmployerType,
  LeaderRole,
  Role,
} from "@/lib/generated/prisma/enums";
import { day } from "@/lib/dates";
import { REQUIREMENT_COLUMNS, type RequirementColumns } from "@/lib/to-domain";
import { hashPassword } from "@/lib/server/auth/password";
import { storage } from "@/lib/storage";
import { makePdf } from "@/prisma/seed/pdf";
import { STANDARD_ARBEIDSKRAV } from "@/lib/data/study-plan";
import { STANDARD_OFFER_PRACTICAL_TEXT } from "@/lib/domain/decision-letter";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays as addDaysIso } from "@/lib/domain/dates";
import type { ExamKind } from "@/lib/domain/exam-sittings";
import { DEFAULT_EXAM_HAND_IN_TIME, DEFAULT_EXAM_START_TIME, DEFAULT_HAND_IN_AFTER_DAYS, examTimesFrom } from "@/lib/domain/exam-time";
import { letterAsText } from "@/lib/domain/letter";
import { composeStudentLetter, type StudentLetterFacts } from "@/lib/domain/student-letter";
import { caseYearOf, formatCaseReference } from "@/lib/domain/case-reference";
import { nextCaseNumber } from "@/lib/db/case-number";

export { day };

let sequence = 0;
/** A unique e-mail address for tests (unique within the process and across runs). */
export function uniqueEmail(prefix = "person"): string {
  sequence += 1;
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${sequence}@test.no`;
}

let cohortSequence = 0;
/** A cohort code no other test cohort in this process has ("H" and a year far in the future). */
export function uniqueCohortCode(): string {
  cohortSequence += 1;
  return `H${3000 + cohortSequence}`;
}

// ─── People ─────────────────────────────────────────────────────────────────────────────────────

export interface UserInput {
  email?: string;
  name?: string;
  roles?: Role[];
  /** Plain password to hash; leave out for an account that cannot sign in with a password. */
  password?: string;
  /** An existing hash (the demo gives many accounts one password, hashed once). */
  passwordHash?: string;
  phone?: string;
  disabled?: boolean;
  /**
   * Whether the person has used a link sent to the address (default true: demo people and test
   * users are invented, and nobody will click their mail). False: a fresh self-registration.
   */
  emailVerified?: boolean;
}

export async function createUser(db: Database, input: UserInput = {}) {
  return db.user.create({
    data: {
      email: (input.email ?? uniqueEmail()).toLowerCase(),
      name: input.name ?? "Kari Nordmann",
      roles: input.roles ?? ["APPLICANT"],
      phone: input.phone ?? null,
      passwordHash: input.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
      disabledAt: input.disabled ? new Date() : null,
      emailVerifiedAt: input.emailVerified === false ? null : new Date(),
    },
  });
}

// ─── Programmes, cohorts, samlinger ─────────────────────────────────────────────────────────────

/** Invented course codes in NTNU's format (three letters, four digits), never a placeholder. */
const PROGRAMMES: Record<string, { name: string; description: string; credits: number; fsCourseCode: string; fsCourseVersion: string }> = {
  BARNEVERNLEDELSE: {
    name: "Nasjonal videreutdanning i barnevernledelse",
    credits: 30,
    fsCourseCode: "BVL6001",
    fsCourseVersion: "1",
    description:
      "Videreutdanning på masternivå (30 studiepoeng) for ledere og stedfortredere i norsk barnevern. " +
      "Studiet går over tre semestre med ni samlinger i Trondheim, og styrker lederkompetansen gjennom " +
      "teori, ledertrening og praksisnære fagnotat.",
  },
  INSTITUSJONSLEDELSE: {
    name: "Videreutdanning i institusjonsledelse",
    credits: 15,
    fsCourseCode: "BIL6001",
    fsCourseVersion: "1",
    description: "Videreutdanning (15 studiepoeng) for ledere i barneverninstitusjoner. Deler enkelte samlinger med barnevernledelse.",
  },
};

/**
 * A programme with today's study plan as its template (the two the demo knows by their codes, or
 * any other code with a made-up name). Demo contacts: invented people, never the real staff named
 * in the source texts.
 */
export async function createProgramme(db: Database, code = "BARNEVERNLEDELSE") {
  const existing = await db.programme.findUnique({ where: { code } });
  if (existing) return existing;
  return db.programme.create({
    data: {
      code,
      ...(PROGRAMMES[code] ?? {
        name: `Videreutdanning ${code.toLowerCase()}`,
        description: "Videreutdanning for ledere.",
        credits: 30,
        // An invented course code in FS's format from the programme code's letters.
        fsCourseCode: `${code.replace(/[^A-Z]/g, "").padEnd(3, "X").slice(0, 3)}6001`,
        fsCourseVersion: "1",
      }),
      offerPracticalText: STANDARD_OFFER_PRACTICAL_TEXT,
      adviserName: "Ingrid Studieveileder Haugen",
      adviserEmail: "studieveileder@barnevernledelse.example",
      adviserPhone: "73 00 00 01",
      academicLeadName: "Per Fagansvarlig Lunde",
      academicLeadEmail: "fagansvarlig@barnevernledelse.example",
      academicLeadPhone: "73 00 00 02",
      // Today's study plan as the template for new cohorts (the column defaults are the same rule).
      arbeidskravTemplates: { create: STANDARD_ARBEIDSKRAV.map((template) => ({ ...template })) },
    },
  });
}

export interface SamlingInput {
  title: string;
  days: string[];
  location?: string;
  notes?: string;
  /** Reuse an existing samling (shared between cohorts of two programmes). */
  id?: string;
}

export interface CohortInput {
  programmeId: string;
  code: string;
  name?: string;
  capacity?: number;
  applicationOpensOn: string;
  applicationDeadline: string;
  offerAnswerDeadline: string;
  /** The day the waiting list closes; unset: the default (the first samling day). */
  waitlistClosesOn?: string;
  samlinger?: SamlingInput[];
  startsOn?: string;
  endsOn?: string;
  /** The ordinary sitting: its days, with the task given at 09:00 on the first and the hand-in at 14:00 on the last (Oslo). */
  exam?: { startsOn: string; endsOn: string; title?: string };
  /** Requirements other than the programme's template (a cohort under a changed study plan). */
  requirements?: Partial<RequirementColumns>;
  /**
   * Where the kull is in its life (lib/domain/cohort-life.ts). Default "published": most tests and
   * the demo's cohorts are intakes applicants can see; "draft" is invisible to them. "archived"
   * is closed to writes once archived (migration *_archived_kull_closed_to_writes): a test that
   * needs students in an archived kull creates it "completed", adds them, then sets archivedAt.
   */
  life?: "draft" | "published" | "completed" | "archived";
}

export async function createCohort(db: Database, input: CohortInput) {
  const samlinger = input.samlinger ?? [];
  const allDays = samlinger.flatMap((samling) => samling.days).sort();
  const startsOn = input.startsOn ?? allDays[0] ?? input.offerAnswerDeadline;
  const endsOn = input.endsOn ?? input.exam?.endsOn ?? allDays.at(-1) ?? startsOn;
  // A new cohort copies the programme's requirements; later changes to the template leave it be.
  const template = await db.programme.findUniqueOrThrow({ where: { id: input.programmeId }, select: REQUIREMENT_COLUMNS });
  const life = input.life ?? "published";
  const at = new Date();
  // Published when its window opened (or now, for a window still ahead).
  const publishedAt = day(input.applicationOpensOn) < at ? day(input.applicationOpensOn) : at;
  const cohort = await db.cohort.create({
    data: {
      ...template,
      ...input.requirements,
      publishedAt: life === "draft" ? null : publishedAt,
      completedAt: life === "completed" || life === "archived" ? at : null,
      // Archived after its plan is made (below): an archived kull takes no writes.
      archivedAt: null,
      programmeId: input.programmeId,
      code: input.code,
      name: input.name ?? `Kull ${input.code}`,
      capacity: input.capacity ?? 30,
      applicationOpensOn: day(input.applicationOpensOn),
      applicationDeadline: day(input.applicationDeadline),
      offerAnswerDeadline: day(input.offerAnswerDeadline),
      waitlistClosesOn: input.waitlistClosesOn ? day(input.waitlistClosesOn) : null,
      startsOn: day(startsOn),
      endsOn: day(endsOn),
    },
  });
  const samlingIds: string[] = [];
  for (const [index, samling] of samlinger.entries()) {
    const id =
      samling.id ??
      (
        await db.samling.create({
          data: {
            title: samling.title,
            location: samling.location ?? "NTNU, Trondheim",
            notes: samling.notes ?? null,
            days: { create: samling.days.map((date) => ({ date: day(date) })) },
          },
        })
      ).id;
    await db.cohortSamling.create({ data: { cohortId: cohort.id, samlingId: id, number: index + 1 } });
    samlingIds.push(id);
  }
  const exam = input.exam
    ? await createSitting(db, { cohortId: cohort.id, kind: "ORDINARY", firstDay: input.exam.startsOn, handInDay: input.exam.endsOn, title: input.exam.title })
    : null;
  if (life === "archived") await db.cohort.update({ where: { id: cohort.id }, data: { archivedAt: at } });
  return { cohort, samlingIds, exam };
}

export interface SittingInput {
  cohortId: string;
  kind: ExamKind;
  firstDay: string;
  /** Default: two days after the first (a three-day home exam). */
  handInDay?: string;
  startTime?: string;
  handInTime?: string;
  title?: string;
  /** RESIT: the last day to register (default: three weeks before the first day). */
  registrationClosesOn?: string;
  taskTitle?: string;
  taskText?: string;
}

/** One sitting of a kull's exam (lib/domain/exam-sittings.ts), times entered as Oslo wall clock. */
export async function createSitting(db: Database, input: SittingInput) {
  const times = examTimesFrom({
    firstDay: input.firstDay,
    startTime: input.startTime ?? DEFAULT_EXAM_START_TIME,
    handInDay: input.handInDay ?? addDaysIso(input.firstDay, DEFAULT_HAND_IN_AFTER_DAYS),
    handInTime: input.handInTime ?? DEFAULT_EXAM_HAND_IN_TIME,
  });
  if (!times.ok) throw new RangeError(`sitting times: ${JSON.stringify(times.errors)}`);
  return db.exam.create({
    data: {
      cohortId: input.cohortId,
      kind: input.kind,
      title: input.title ?? "Individuell skriftlig hjemmeeksamen (tre dager)",
      startsOn: day(times.times.startsOn),
      endsOn: day(times.times.endsOn),
      startsAt: times.times.startsAt,
      handInAt: times.times.handInAt,
      registrationClosesOn: input.kind === "RESIT" ? day(input.registrationClosesOn ?? addDaysIso(input.firstDay, -21)) : null,
      taskTitle: input.taskTitle ?? null,
      taskText: input.taskText ?? null,
    },
  });
}

/** The samling days of a cohort's plan, in date order. */
export async function cohortDays(db: Database, cohortId: string) {
  return db.samlingDay.findMany({
    where: { samling: { cohorts: { some: { cohortId } } } },
    orderBy: { date: "asc" },
  });
}

// ─── Students ───────────────────────────────────────────────────────────────────────────────────

/** Puts faculty on a cohort's teaching team (the first listed as academic lead when asked). */
export async function assignTeachers(db: Database, cohortId: string, userIds: string[], options: { academicLead?: string } = {}) {
  await db.cohortTeacher.createMany({
    data: userIds.map((userId) => ({ cohortId, userId, academicLead: userId === options.academicLead })),
    skipDuplicates: true,
  });
}

export async function createBasisgruppe(db: Database, cohortId: string, name: string, supervisorId?: string) {
  return db.basisgruppe.create({ data: { cohortId, name, supervisorId: supervisorId ?? null } });
}

export async function enrol(
  db: Database,
  input: { userId: string; cohortId: string; basisgruppeId?: string; applicationId?: string; status?: "ACTIVE" | "COMPLETED" | "WITHDRAWN" },
) {
  return db.enrolment.create({
    data: {
      userId: input.userId,
      cohortId: input.cohortId,
      basisgruppeId: input.basisgruppeId ?? null,
      applicationId: input.applicationId ?? null,
      status: input.status ?? "ACTIVE",
    },
  });
}

export interface ArbeidskravInput {
  number: number;
  kind: ArbeidskravKind;
  title: string;
  description?: string;
  individualOnly?: boolean;
  oralPresentation?: boolean;
  minGroupSize?: number;
  maxGroupSize?: number;
  /** False for an optional extra item that never counts toward the exam (default true). */
  required?: boolean;
  /** Hand-ins allowed (default 2: the first and one resubmission). */
  maxAttempts?: number;
  dueDate: string;
}

/** The programme's standard five (lib/data/study-plan.ts) with due dates: `dueDates` has five dates. */
export function standardArbeidskrav(dueDates: readonly string[]): ArbeidskravInput[] {
  const due = (index: number) => dueDates[index] ?? dueDates.at(-1) ?? "2030-01-01";
  return STANDARD_ARBEIDSKRAV.map((template, index) => ({ ...template, dueDate: due(index) }));
}

export async function createArbeidskrav(db: Database, cohortId: string, definitions: ArbeidskravInput[]) {
  const created = [];
  for (const definition of definitions) {
    created.push(
      await db.arbeidskravDefinition.create({
        data: {
          cohortId,
          number: definition.number,
          kind: definition.kind,
          title: definition.title,
          description: definition.description ?? "",
          individualOnly: definition.individualOnly ?? false,
          oralPresentation: definition.oralPresentation ?? false,
          minGroupSize: definition.minGroupSize ?? 1,
          maxGroupSize: definition.maxGroupSize ?? 1,
          required: definition.required ?? true,
          ...(definition.maxAttempts !== undefined ? { maxAttempts: definition.maxAttempts } : {}),
          dueDate: day(definition.dueDate),
        },
      }),
    );
  }
  return created;
}

/** A submission by one or more students, with its attempts (the last one is the current state). */
export interface SubmissionAttemptInput {
  status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED";
  feedback?: string;
  assessorId?: string;
  at: Date;
  text?: string | null;
  /** A real PDF handed in with the attempt (stored like an upload). */
  pdf?: { originalName: string; title: string; lines?: string[] };
}

export async function createSubmission(
  db: Database,
  input: {
    arbeidskravId: string;
    enrolmentIds: string[];
    submittedById: string;
    attempts: SubmissionAttemptInput[];
    /** Members added by the one who handed in who have not confirmed yet (the rest have). */
    unconfirmed?: string[];
  },
) {
  const last = input.attempts.at(-1);
  const submission = await createSubmissionRows(db, input, last);
  for (const [index, attempt] of input.attempts.entries()) {
    if (!attempt.pdf) continue;
    const row = await db.submissionAttempt.findUniqueOrThrow({
      where: { submissionId_attempt: { submissionId: submission.id, attempt: index + 1 } },
      select: { id: true },
    });
    const bytes = makePdf(attempt.pdf.title, attempt.pdf.lines ?? []);
    await db.document.create({
      data: {
        kind: "SUBMISSION",
        submissionAttemptId: row.id,
        originalName: attempt.pdf.originalName,
        size: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        storageKey: await storage().put(bytes),
        contentType: "application/pdf",
        uploadedById: input.submittedById,
        uploadedAt: attempt.at,
      },
    });
  }
  return submission;
}

function createSubmissionRows(
  db: Database,
  input: { arbeidskravId: string; enrolmentIds: string[]; submittedById: string; attempts: SubmissionAttemptInput[]; unconfirmed?: string[] },
  last: SubmissionAttemptInput | undefined,
) {
  const handedInAt = input.attempts[0]?.at ?? new Date();
  return db.submission.create({
    data: {
      arbeidskravId: input.arbeidskravId,
      status: last?.status ?? "SUBMITTED",
      members: {
        create: input.enrolmentIds.map((enrolmentId) =>
          input.unconfirmed?.includes(enrolmentId)
            ? { enrolmentId, confirmedAt: null, addedById: input.submittedById, addedAt: handedInAt }
            : { enrolmentId, confirmedAt: handedInAt, addedAt: handedInAt },
        ),
      },
      attempts: {
        create: input.attempts.map((attempt, index) => ({
          attempt: index + 1,
          text: attempt.text === undefined ? (attempt.pdf ? null : "Innlevert som tekst i skjemaet.") : attempt.text,
          submittedById: input.submittedById,
          submittedAt: attempt.at,
          status: attempt.status,
          feedback: attempt.feedback ?? null,
          assessorId: attempt.status === "SUBMITTED" ? null : (attempt.assessorId ?? null),
          assessedAt: attempt.status === "SUBMITTED" ? null : new Date(attempt.at.getTime() + 7 * 86_400_000),
        })),
      },
    },
  });
}

// ─── Applications ───────────────────────────────────────────────────────────────────────────────

export interface PositionInput {
  employer: string;
  employerType: EmployerType;
  countyCode: string;
  municipalityCode: string;
  title: string;
  percent?: number;
  areaOfResponsibility?: string;
  startDate: string;
  endDate?: string | null;
  superiorTitle?: string;
  personnelCount?: number;
  professionalResponsibility?: boolean;
  personnelResponsibility?: boolean;
  leaderRole?: LeaderRole;
}

export interface ApplicationInput {
  applicantId: string;
  cohortId: string;
  status?: "DRAFT" | "SUBMITTED" | "UNDER_REVIEW" | "DECIDED" | "WITHDRAWN";
  fullName?: string;
  birthDate?: string;
  phone?: string;
  address?: string;
  postalCode?: string;
  postalPlace?: string;
  employerCountyCode?: string;
  employerMunicipalityCode?: string;
  submittedAt?: Date;
  reviewStartedAt?: Date;
  provisionalCategory?: number;
  provisionalCategoryReason?: string;
  educations?: { institution: string; degree: string; credits: number; completedYear: number }[];
  positions?: PositionInput[];
}

export async function createApplication(db: Database, input: ApplicationInput) {
  const status = input.status ?? "DRAFT";
  const submittedAt = input.submittedAt ?? (status === "DRAFT" ? undefined : new Date());
  return db.application.create({
    data: {
      applicantId: input.applicantId,
      cohortId: input.cohortId,
      status,
      fullName: input.fullName ?? null,
      birthDate: input.birthDate ? day(input.birthDate) : null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      postalCode: input.postalCode ?? null,
      postalPlace: input.postalPlace ?? null,
      employerCountyCode: input.employerCountyCode ?? null,
      employerMunicipalityCode: input.employerMunicipalityCode ?? null,
      submittedAt: submittedAt ?? null,
      reviewStartedAt: input.reviewStartedAt ?? null,
      provisionalCategory: input.provisionalCategory ?? null,
      provisionalCategoryReason: input.provisionalCategoryReason ?? null,
      educations: {
        create: (input.educations ?? []).map((education, index) => ({ ...education, sortOrder: index })),
      },
      positions: {
        create: (input.positions ?? []).map((position, index) => ({
          employer: position.employer,
          employerType: position.employerType,
          countyCode: position.countyCode,
          municipalityCode: position.municipalityCode,
          title: position.title,
          percent: position.percent ?? 100,
          areaOfResponsibility: position.areaOfResponsibility ?? "Barneverntjenesten",
          startDate: day(position.startDate),
          endDate: position.endDate ? day(position.endDate) : null,
          superiorTitle: position.superiorTitle ?? "Kommunalsjef",
          personnelCount: position.personnelCount ?? 0,
          professionalResponsibility: position.professionalResponsibility ?? false,
          personnelResponsibility: position.personnelResponsibility ?? false,
          leaderRole: position.leaderRole ?? "LEADER",
          sortOrder: index,
        })),
      },
    },
    include: { positions: { orderBy: { sortOrder: "asc" } }, educations: true },
  });
}

/** Stores a generated PDF and records it as a document of the application. */
export async function attachPdf(
  db: Database,
  input: { applicationId: string; uploadedById: string; kind: DocumentKind; originalName: string; positionId?: string; lines?: string[] },
) {
  const bytes = makePdf(input.kind === "VITNEMAL" ? "Vitnemål" : "Tjenestebevis", input.lines ?? []);
  const storageKey = await storage().put(bytes);
  return db.document.create({
    data: {
      kind: input.kind,
      applicationId: input.applicationId,
      positionId: input.positionId ?? null,
      originalName: input.originalName,
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      contentType: "application/pdf",
      uploadedById: input.uploadedById,
    },
  });
}

/** A generated PDF stored as documentation of a request for utsatt eksamen (a legeerklæring). */
export async function attachDeferralDocumentation(db: Database, input: { examDeferralId: string; uploadedById: string; originalName: string; lines: string[]; at: Date }) {
  const bytes = makePdf("Legeerklæring", input.lines);
  const storageKey = await storage().put(bytes);
  return db.document.create({
    data: {
      kind: "DEFERRAL_DOCUMENTATION",
      examDeferralId: input.examDeferralId,
      originalName: input.originalName,
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      contentType: "application/pdf",
      uploadedById: input.uploadedById,
      uploadedAt: input.at,
    },
  });
}

export async function createDecision(
  db: Database,
  input: {
    applicationId: string;
    decidedById: string;
    outcome: DecisionOutcome;
    waitlistPosition?: number;
    answerDeadline?: string;
    decidedAt?: Date;
    grounds?: string;
    letter?: string;
  },
) {
  const grounds =
    input.grounds ??
    {
      OFFER: "Du oppfyller opptakskravene og er rangert innenfor antall studieplasser.",
      WAITLIST: "Du oppfyller opptakskravene, men er rangert utenfor antall studieplasser.",
      REFUSAL: "Du oppfyller ikke opptakskravene.",
    }[input.outcome];
  return db.decision.create({
    data: {
      applicationId: input.applicationId,
      decidedById: input.decidedById,
      outcome: input.outcome,
      waitlistPosition: input.outcome === "WAITLIST" ? (input.waitlistPosition ?? 1) : null,
      answerDeadline: input.outcome === "OFFER" ? day(input.answerDeadline ?? "2030-01-01") : null,
      decidedAt: input.decidedAt ?? new Date(),
      sentAt: input.decidedAt ?? new Date(),
      grounds,
      letters: {
        create: {
          version: 1,
          kind: input.outcome,
          subject: { OFFER: "Tilbud om studieplass", WAITLIST: "Plass på venteliste", REFUSAL: "Avslag på søknad om opptak" }[input.outcome],
          body:
            input.letter ??
            `${grounds}\n\nVedtaket er et enkeltvedtak etter forvaltningsloven. Du kan klage innen tre uker etter at du mottok vedtaket.`,
          madeAvailableOn: day((input.decidedAt ?? new Date()).toISOString().slice(0, 10)),
          answerDeadline: input.outcome === "OFFER" ? day(input.answerDeadline ?? "2030-01-01") : null,
          createdById: input.decidedById,
        },
      },
    },
  });
}

/** A cohort taking applications: opened a month before `deadline`, which defaults to in a month. */
export async function createOpenCohort(db: Database, options: { deadline?: string; capacity?: number; waitlistClosesOn?: string } = {}) {
  const programme = await createProgramme(db);
  const deadline = options.deadline ?? new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const plus = (date: string, days: number) => new Date(day(date).getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return createCohort(db, {
    programmeId: programme.id,
    code: uniqueCohortCode(),
    capacity: options.capacity ?? 30,
    applicationOpensOn: plus(deadline, -60),
    applicationDeadline: deadline,
    offerAnswerDeadline: plus(deadline, 30),
    waitlistClosesOn: options.waitlistClosesOn,
    samlinger: [{ title: "Samling 1", days: [plus(deadline, 90), plus(deadline, 91)] }],
  });
}

/** Every field an application needs, for a municipal barnevern leader in Trondheim (category 1). */
export const COMPLETE_APPLICATION = {
  fullName: "Kari Komplett",
  birthDate: "1980-05-17",
  phone: "912 34 567",
  address: "Elgeseter gate 10",
  postalCode: "7030",
  postalPlace: "Trondheim",
  employerCountyCode: "50",
  employerMunicipalityCode: "5001",
  educations: [{ institution: "NTNU", degree: "Bachelor i barnevern", credits: 180, completedYear: 2005 }],
  positions: [
    {
      employer: "Trondheim kommune, barneverntjenesten",
      employerType: "MUNICIPAL_CWS" as const,
      countyCode: "50",
      municipalityCode: "5001",
      title: "Avdelingsleder",
      percent: 100,
      areaOfResponsibility: "Mottak og undersøkelse",
      startDate: "2019-08-01",
      superiorTitle: "Barnevernleder",
      personnelCount: 9,
      professionalResponsibility: true,
      personnelResponsibility: true,
      leaderRole: "LEADER" as const,
    },
  ],
};

/**
 * A sent application already reviewed by an adviser: for tests of ranking and decisions that need
 * many candidates quickly (no documents or positions; the assessed category is set directly).
 */
export async function createReviewedApplication(
  db: Database,
  input: {
    cohortId: string;
    qualified?: boolean | null;
    category?: 1 | 2 | 3 | 4;
    county?: string;
    submittedAt?: Date;
    name?: string;
    password?: string;
  },
) {
  const user = await createUser(db, { roles: ["APPLICANT"], name: input.name ?? "Søker Testesen", password: input.password });
  const qualified = input.qualified === undefined ? true : input.qualified;
  const application = await db.application.create({
    data: {
      applicantId: user.id,
      cohortId: input.cohortId,
      status: qualified === null ? "SUBMITTED" : "UNDER_REVIEW",
      fullName: input.name ?? user.name,
      submittedAt: input.submittedAt ?? new Date(),
      employerCountyCode: input.county ?? "50",
      provisionalCategory: input.category ?? 1,
      assessedCategory: qualified === null ? null : (input.category ?? 1),
      qualified,
      qualificationGrounds: qualified === false ? "Vitnemålet viser 120 studiepoeng." : null,
      educations: { create: [{ institution: "NTNU", degree: "Bachelor i barnevern", credits: qualified === false ? 120 : 180, completedYear: 2010 }] },
    },
    // The columns it wrote, no more: tests/integration/migrations.test.ts runs it on the schema of
    // an earlier migration, which lacks the columns added since (Application.reopenedAt).
    select: { id: true, applicantId: true, cohortId: true, status: true, fullName: true, submittedAt: true, provisionalCategory: true, assessedCategory: true, qualified: true },
  });
  return { user, application };
}

// ─── Letters to students and klager ─────────────────────────────────────────────────────────────

/**
 * A letter to a student as issueStudentLetter (lib/server/student-letters/issue.ts) writes it: the
 * text composed by lib/domain/student-letter.ts, made available on the day of `at`. No e-mail and
 * no audit entry (the demo's and the tests' history, not a decision made now).
 */
export async function createStudentLetter(
  db: Database,
  input: {
    enrolmentId: string;
    facts: StudentLetterFacts;
    decidedBy: { id: string; name: string; title: string };
    about: { type: string; id: string };
    at: Date;
    /** The letter whose case this one continues (as issueStudentLetter); else a new case. */
    inCaseOf?: { letterId: string };
  },
) {
  const enrolment = await db.enrolment.findUniqueOrThrow({
    where: { id: input.enrolmentId },
    select: {
      userId: true,
      user: { select: { name: true } },
      cohort: { select: { name: true, programme: { select: { name: true, adviserName: true, adviserEmail: true, adviserPhone: true } } } },
    },
  });
  const madeAvailableOn = osloDate(input.at);
  const { programme } = enrolment.cohort;
  const reference = input.inCaseOf
    ? await db.studentLetter.findUniqueOrThrow({ where: { id: input.inCaseOf.letterId }, select: { caseYear: true, caseNumber: true } }).then((row) => ({ year: row.caseYear, number: row.caseNumber }))
    : { year: caseYearOf(madeAvailableOn), number: await nextCaseNumber(db) };
  const composed = composeStudentLetter({
    ...input.facts,
    reference: formatCaseReference(reference),
    studentName: enrolment.user.name,
    programmeName: programme.name,
    cohortName: enrolment.cohort.name,
    madeAvailableOn,
    decidedBy: { name: input.decidedBy.name, title: input.decidedBy.title },
    contact: { name: programme.adviserName, email: programme.adviserEmail, phone: programme.adviserPhone },
  });
  return db.studentLetter.create({
    data: {
      enrolmentId: input.enrolmentId,
      userId: enrolment.userId,
      kind: composed.kind,
      subject: composed.subject,
      body: letterAsText(composed),
      enkeltvedtak: composed.enkeltvedtak,
      grounds: composed.grounds,
      legalBasis: composed.legalBasis,
      madeAvailableOn: day(madeAvailableOn),
      klageDeadline: composed.klageDeadline ? day(composed.klageDeadline) : null,
      decidedById: input.decidedBy.id,
      decidedAt: input.at,
      aboutType: input.about.type,
      aboutId: input.about.id,
      caseYear: reference.year,
      caseNumber: reference.number,
    },
  });
}

/** A student's klage on an enkeltvedtak letter, waiting for a decision. */
export async function createStudentAppeal(db: Database, input: { letter: { id: string; enrolmentId: string; decidedById: string }; text: string; filedAt: Date }) {
  return db.studentAppeal.create({
    data: { letterId: input.letter.id, letterDecidedById: input.letter.decidedById, enrolmentId: input.letter.enrolmentId, text: input.text, filedAt: input.filedAt },
  });
}

/** A klage decided, with the letter that told the student (issue that letter about the appeal first). */
export async function closeStudentAppeal(
  db: Database,
  appealId: string,
  decision: { status: "REVERSED" | "UPHELD"; grounds: string; decidedById: string; at: Date; outcomeLetterId: string; forwarded?: boolean },
) {
  return db.studentAppeal.update({
    where: { id: appealId },
    data: {
      status: decision.status,
      grounds: decision.grounds,
      decidedById: decision.decidedById,
      decidedAt: decision.at,
      outcomeLetterId: decision.outcomeLetterId,
      forwardedAt: decision.forwarded ? decision.at : null,
    },
  });
}

/** An assessment changed after it was made (a correction, a klage taken): the attempt and its submission take the new status. */
export async function changeAssessment(
  db: Database,
  input: { attemptId: string; cause: "CORRECTION" | "KLAGE"; to: "APPROVED" | "NOT_APPROVED"; reason: string; changedById: string; at: Date },
) {
  const attempt = await db.submissionAttempt.findUniqueOrThrow({ where: { id: input.attemptId }, select: { status: true, submissionId: true } });
  await db.submissionAttempt.update({ where: { id: input.attemptId }, data: { status: input.to, assessedAt: input.at } });
  await db.submission.update({ where: { id: attempt.submissionId }, data: { status: input.to } });
  return db.assessmentChange.create({
    data: { attemptId: input.attemptId, cause: input.cause, fromStatus: attempt.status, toStatus: input.to, reason: input.reason, changedById: input.changedById, changedAt: input.at },
  });
}
