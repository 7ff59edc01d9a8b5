import "server-only";
// Utsatt eksamen (lib/domain/exam-deferral.ts): a student registered for a sitting asks for a
// deferral with documentation (a PDF: health data, seen only by the student and advisers/admins);
// an adviser or admin decides it:
// - granted: the missed registration becomes DEFERRED (no attempt) and the student is registered
//   for a DEFERRED sitting of the kull that starts later and has not started (still ELIGIBLE:
//   evaluated inside the transaction with the sittings and the enrolment locked), with a letter;
// - refused: an enkeltvedtak with the adviser's grounds, the legal basis and the klage deadline
//   (lib/server/student-letters/issue.ts). A klage on it is decided by another adviser; taken, the
//   deferral is granted onto the first deferred sitting that has not started
//   (grantDeferralAfterKlage, called by lib/server/student-letters/appeals.ts).
// Every step is audited; the student is mailed a receipt, and every letter.
import { osloDate } from "@/lib/domain/application-deadline";
import { canAdmitToExam } from "@/lib/domain/exam";
import { deferralGrantProblem, deferralRequestProblem, DEFERRAL_REASON_LABELS, type DeferralReason } from "@/lib/domain/exam-deferral";
import { EXAM_KIND_LABELS, sittingName } from "@/lib/domain/exam-sittings";
import { examPhase, formatExamMomentNb } from "@/lib/domain/exam-time";
import { formatDateNb } from "@/lib/domain/format";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { canHandleHealthCases, CLASSMATE_HEALTH_MESSAGE, isOwnCase, isStaff, OWN_CASE_MESSAGE } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { isCohortStaff, isStudentOfKull, requireCohortStaff } from "@/lib/server/cohorts/access";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { lockExam, lockTwoSittings, type LockedSitting } from "@/lib/server/exams/lock";
import { checkPdfEarly, withStoredPdf } from "@/lib/server/exams/pdf-upload";
import { queueMail } from "@/lib/server/mail";
import { deciderTitle, issueStudentLetter } from "@/lib/server/student-letters/issue";
import type { Viewer } from "@/lib/server/viewer";

const NOT_FOUND = "Fant ikke eksamenen.";
const ADVISERS_DECIDE = "Det er studieveilederen som avgjør søknader om utsatt eksamen.";

function letterSitting(exam: Pick<LockedSitting, "kind" | "title" | "startsAt" | "handInAt">) {
  return { kindLabel: EXAM_KIND_LABELS[exam.kind], title: exam.title, startsAt: exam.startsAt, handInAt: exam.handInAt };
}

// ─── The student asks ───────────────────────────────────────────────────────────────────────────

export interface DeferralRequestInput {
  reason: DeferralReason;
  explanation: string;
  /** The documentation (a PDF); required. */
  file: File | null;
}

/** A request for utsatt eksamen without its documentation. */
export const NO_DOCUMENTATION = "Last opp dokumentasjonen som PDF, for eksempel en legeerklæring.";

export const DEFERRAL_WAITS_FOR_RETURN =
  "Studenten har permisjon og kan ikke meldes opp til en utsatt eksamen nå. Søknaden venter: innvilg den når studenten er tilbake.";

export async function requestDeferral(viewer: Viewer, examId: string, input: DeferralRequestInput, now = new Date()) {
  if (!viewer.roles.includes("STUDENT")) throw new AccessDeniedError();
  const explanation = input.explanation.trim();
  if (!explanation) throw new DomainError("Skriv kort hva som skjedde.", { explanation: ["Skriv kort hva som skjedde, og når."] });
  if (explanation.length > 4000) throw new DomainError("Teksten er for lang.", { explanation: ["Skriv høyst 4000 tegn."] });
  if (!input.file) throw new DomainError("Last opp dokumentasjonen.", { file: [NO_DOCUMENTATION] });
  checkPdfEarly(input.file);
  // Fail fast for a sitting outside the student's kull, before anything is stored.
  const own = await db().examRegistration.findFirst({
    where: { examId, enrolment: { userId: viewer.id, status: { not: "WITHDRAWN" } } },
    select: { id: true, enrolmentId: true, exam: { select: { cohortId: true } } },
  });
  if (!own) throw new NotFoundError(NOT_FOUND);
  const result = await withStoredPdf(viewer, input.file, (pdf) =>
    db().$transaction(async (tx) => {
      const exam = await lockExam(tx, own.exam.cohortId, examId);
      // The enrolment's status is read again here, its row shared-locked (sitting, enrolment,
      // registration: the order of setGrade), so a withdrawal under way waits for this request or
      // this request for it: the student may have withdrawn while the PDF was stored, and a
      // withdrawal leaves a NOT_ATTENDED registration as it is.
      const [enrolment] = await tx.$queryRaw<{ status: string }[]>`
        SELECT "status"::text AS "status" FROM "Enrolment" WHERE "id" = ${own.enrolmentId} FOR SHARE`;
      if (!enrolment || enrolment.status === "WITHDRAWN") throw new NotFoundError(NOT_FOUND);
      const [registration] = await tx.$queryRaw<{ id: string; status: "ADMITTED" | "NOT_ATTENDED" | "WITHDRAWN" | "REFUSED" | "DEFERRED"; grade: null | "A" }[]>`
        SELECT "id", "status"::text AS "status", "grade"::text AS "grade" FROM "ExamRegistration" WHERE "id" = ${own.id} FOR UPDATE`;
      if (!registration) throw new NotFoundError(NOT_FOUND);
      const open = await tx.examDeferral.count({ where: { registrationId: own.id, status: { in: ["REQUESTED", "GRANTED"] } } });
      const problem = deferralRequestProblem({ record: registration, sitting: exam, openRequest: open > 0, now });
      if (problem) throw new DomainError(problem);
      const deferral = await tx.examDeferral.create({
        data: { registrationId: own.id, reason: input.reason, explanation, requestedById: viewer.id, requestedAt: now },
        select: { id: true },
      });
      const document = await tx.document.create({
        data: { kind: "DEFERRAL_DOCUMENTATION", examDeferralId: deferral.id, ...pdf, uploadedById: viewer.id, uploadedAt: now },
        select: { id: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "exam_deferral.request",
        entityType: "ExamDeferral",
        entityId: deferral.id,
        // The account and the documentation are health data: the log says that they exist, not what they say.
        after: { status: "REQUESTED", examId: exam.id, registrationId: own.id, reason: input.reason, documentId: document.id, explanationLength: explanation.length },
      });
      await queueMail(tx, {
        dedupeKey: `exam-deferral-receipt:${deferral.id}`,
        to: viewer.email,
        userId: viewer.id,
        subject: `Vi har mottatt søknaden din om utsatt eksamen: ${sittingName(exam)}`,
        text: [
          `Hei ${viewer.name},`,
          "",
          `Vi har mottatt søknaden din om utsatt eksamen (${DEFERRAL_REASON_LABELS[input.reason].toLowerCase()}) for ${sittingName(exam)}, ${formatDateNb(osloDate(exam.startsAt))}, med dokumentasjon. Studieveilederen behandler den, og du får svaret som brev under «Brev» i studentportalen.`,
          "",
          `Se søknaden: ${env().APP_URL}/student/eksamen`,
        ].join("\n"),
      });
      return { id: deferral.id, cohortId: exam.cohortId };
    }),
  );
  return result;
}

// ─── Staff read ─────────────────────────────────────────────────────────────────────────────────

/**
 * A kull's requests for utsatt eksamen, the waiting ones first (oldest first), with the deferred
 * sittings a grant may place the student on. Advisers and admins see the student's account and the
 * documentation; the teaching team sees only that a request exists and its outcome.
 */
export async function listDeferrals(viewer: Viewer, cohortId: string, now = new Date()) {
  await requireCohortStaff(viewer, cohortId);
  const [requests, sittings, classmate] = await Promise.all([
    db().examDeferral.findMany({
      where: { registration: { exam: { cohortId } } },
      orderBy: [{ requestedAt: "asc" }],
      select: {
        id: true,
        reason: true,
        explanation: true,
        status: true,
        requestedAt: true,
        decidedAt: true,
        grounds: true,
        decidedBy: { select: { name: true } },
        sitting: { select: { id: true, kind: true, title: true, startsAt: true, handInAt: true } },
        documents: { select: { id: true, originalName: true, size: true } },
        healthDataErasedAt: true,
        registration: {
          select: {
            status: true,
            grade: true,
            enrolment: { select: { id: true, userId: true, user: { select: { name: true, email: true } } } },
            exam: { select: { id: true, kind: true, title: true, startsAt: true, handInAt: true } },
          },
        },
      },
    }),
    db().exam.findMany({ where: { cohortId, kind: "DEFERRED" }, orderBy: { startsAt: "asc" }, select: { id: true, title: true, startsAt: true, handInAt: true } }),
    isStudentOfKull(viewer, cohortId),
  ]);
  // Who reads the accounts and documentation and decides (canHandleHealthCases): advisers and
  // admins, not one who is herself a student of the kull; the teaching team sees that a request
  // exists and its outcome.
  const mayDecide = canHandleHealthCases(viewer, { viewerIsStudentOfKull: classmate });
  const letters = await db().studentLetter.findMany({
    where: { aboutType: "ExamDeferral", aboutId: { in: requests.map((request) => request.id) } },
    orderBy: { decidedAt: "asc" },
    select: { id: true, aboutId: true, kind: true, klageDeadline: true, appeals: { select: { status: true } } },
  });
  const rows = requests.map((request) => {
    const letter = letters.filter((row) => row.aboutId === request.id).at(-1) ?? null;
    return {
      id: request.id,
      student: { enrolmentId: request.registration.enrolment.id, name: request.registration.enrolment.user.name, email: request.registration.enrolment.user.email },
      missed: { ...request.registration.exam, kindLabel: EXAM_KIND_LABELS[request.registration.exam.kind] },
      /** Why she asked (illness, welfare …): health data too, so advisers and admins only; null to the teaching team. */
      reason: mayDecide ? request.reason : null,
      /** The student's account and documentation: advisers and admins only (health data). */
      explanation: mayDecide ? request.explanation : null,
      documents: mayDecide ? request.documents : [],
      /** The account and documentation were erased by the retention job (lib/domain/retention.ts). */
      healthDataErasedAt: mayDecide ? request.healthDataErasedAt : null,
      status: request.status,
      /** The viewer's own request (she is also a student): a colleague decides it (decideDeferral refuses her). */
      own: isOwnCase(viewer, [request.registration.enrolment.userId]),
      requestedAt: request.requestedAt,
      decidedAt: request.decidedAt,
      decidedBy: request.decidedBy?.name ?? null,
      // The grounds of a refusal, or the note in a grant's letter, speak of the reason: advisers and admins only.
      grounds: mayDecide ? request.grounds : null,
      sitting: request.sitting,
      letter: letter ? { id: letter.id, kind: letter.kind, klageDeadline: letter.klageDeadline, klage: letter.appeals[0]?.status ?? null } : null,
    };
  });
  rows.sort((a, b) => Number(b.status === "REQUESTED") - Number(a.status === "REQUESTED"));
  return {
    mayDecide,
    /** The viewer is an adviser who is herself a student of the kull: a colleague handles these (CLASSMATE_HEALTH_MESSAGE). */
    classmate: isStaff(viewer) && classmate,
    requests: rows,
    /** Where a grant may place a student now: deferred sittings that have not started. */
    sittings: sittings.filter((sitting) => examPhase(sitting, now) === "BEFORE"),
  };
}

// ─── Staff decide ───────────────────────────────────────────────────────────────────────────────

async function lockDeferral(tx: Transaction, deferralId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ExamDeferral" WHERE "id" = ${deferralId} FOR UPDATE`;
  if (!row) throw new NotFoundError("Fant ikke søknaden.");
  return tx.examDeferral.findUniqueOrThrow({
    where: { id: deferralId },
    select: {
      id: true,
      status: true,
      reason: true,
      requestedAt: true,
      registrationId: true,
      registration: { select: { examId: true, enrolmentId: true, enrolment: { select: { userId: true } }, exam: { select: { cohortId: true } } } },
    },
  });
}

async function requireDecider(viewer: Viewer, cohortId: string) {
  if (!(await isCohortStaff(viewer, cohortId))) throw new NotFoundError("Fant ikke søknaden.");
  if (!isStaff(viewer)) throw new AccessDeniedError(ADVISERS_DECIDE);
}

/**
 * Moves the student from the missed sitting to the deferred one, in the caller's transaction with
 * the deferral locked: the rule (lib/domain/exam-deferral.ts) decides with eligibility evaluated
 * here. Returns the sitting.
 */
async function placeOnDeferredSitting(
  tx: Transaction,
  input: { deferral: Awaited<ReturnType<typeof lockDeferral>>; sittingId: string | null; decider: Viewer; grounds: string | null; now: Date; appealId?: string },
) {
  const { deferral, now } = input;
  const cohortId = deferral.registration.exam.cohortId;
  const enrolmentId = deferral.registration.enrolmentId;
  const sittings = input.sittingId
    ? await lockTwoSittings(tx, cohortId, deferral.registration.examId, input.sittingId)
    : new Map([[deferral.registration.examId, await lockExam(tx, cohortId, deferral.registration.examId)]]);
  const missed = sittings.get(deferral.registration.examId)!;
  const sitting = input.sittingId ? (sittings.get(input.sittingId) ?? null) : null;
  const [locked] = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT "id", "status"::text AS "status" FROM "Enrolment" WHERE "id" = ${enrolmentId} AND "status" <> 'WITHDRAWN' FOR UPDATE`;
  if (!locked) throw new NotFoundError("Fant ikke studenten i kullet.");
  // Only a student in the kull sits its exams (the database's ExamRegistration_in_cohort): one on
  // leave (a begun sitting is kept when leave starts, withdrawExamRegistration) is placed on her return.
  if (locked.status === "ON_LEAVE") throw new DomainError(DEFERRAL_WAITS_FOR_RETURN);
  if (locked.status === "TRANSFERRED") throw new DomainError("Studenten er overført til et senere kull og tar eksamen der.");
  const [registration] = await tx.$queryRaw<{ id: string; status: "ADMITTED" | "NOT_ATTENDED" | "WITHDRAWN" | "REFUSED" | "DEFERRED"; grade: "A" | null }[]>`
    SELECT "id", "status"::text AS "status", "grade"::text AS "grade" FROM "ExamRegistration" WHERE "id" = ${deferral.registrationId} FOR UPDATE`;
  const evaluation = await evaluateCohortEligibility(tx, cohortId, { today: osloDate(now), enrolmentIds: [enrolmentId] });
  const problem = deferralGrantProblem({
    record: registration!,
    missed,
    sitting,
    eligible: canAdmitToExam(evaluation.byEnrolment.get(enrolmentId)!.eligibility),
    now,
  });
  if (problem) {
    throw new DomainError(problem.message, problem.field ? { [problem.field]: [problem.message] } : undefined);
  }
  await tx.examRegistration.update({
    where: { id: registration!.id },
    data: { status: "DEFERRED", grade: null, gradedById: null, gradedAt: null },
  });
  const existing = await tx.examRegistration.findUnique({
    where: { examId_enrolmentId: { examId: sitting!.id, enrolmentId } },
    select: { id: true, status: true },
  });
  if (existing && existing.status !== "WITHDRAWN") throw new DomainError("Studenten er allerede meldt opp til den utsatte eksamenen.");
  const placed = existing
    ? await tx.examRegistration.update({ where: { id: existing.id }, data: { status: "ADMITTED", decidedById: input.decider.id, decidedAt: now }, select: { id: true } })
    : await tx.examRegistration.create({ data: { examId: sitting!.id, enrolmentId, status: "ADMITTED", decidedById: input.decider.id, decidedAt: now }, select: { id: true } });
  await tx.examDeferral.update({
    where: { id: deferral.id },
    data: { status: "GRANTED", decidedById: input.decider.id, decidedAt: now, grounds: input.grounds, sittingId: sitting!.id, placedRegistrationId: placed.id },
  });
  await audit(tx, {
    actorId: input.decider.id,
    action: "exam.defer",
    entityType: "ExamRegistration",
    entityId: registration!.id,
    before: { status: registration!.status },
    after: { status: "DEFERRED", deferralId: deferral.id },
  });
  await audit(tx, {
    actorId: input.decider.id,
    action: "exam.register",
    entityType: "ExamRegistration",
    entityId: placed.id,
    before: existing ? { status: existing.status } : null,
    after: { status: "ADMITTED", examId: sitting!.id, enrolmentId, kind: "DEFERRED", deferralId: deferral.id },
  });
  await audit(tx, {
    actorId: input.decider.id,
    action: "exam_deferral.grant",
    entityType: "ExamDeferral",
    entityId: deferral.id,
    before: { status: deferral.status },
    after: { status: "GRANTED", sittingId: sitting!.id, placedRegistrationId: placed.id, ...(input.appealId ? { appealId: input.appealId } : {}) },
  });
  return { missed, sitting: sitting!, enrolmentId };
}

export async function grantDeferral(viewer: Viewer, input: { cohortId: string; deferralId: string; sittingId: string | null; note: string | null }, now = new Date()) {
  await requireDecider(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    const deferral = await lockDeferral(tx, input.deferralId);
    if (deferral.registration.exam.cohortId !== input.cohortId) throw new NotFoundError("Fant ikke søknaden.");
    if (isOwnCase(viewer, [deferral.registration.enrolment.userId])) throw new DomainError(OWN_CASE_MESSAGE);
    if (await isStudentOfKull(viewer, input.cohortId, tx)) throw new DomainError(CLASSMATE_HEALTH_MESSAGE);
    if (deferral.status !== "REQUESTED") throw new DomainError("Søknaden er allerede avgjort.");
    if (!input.sittingId) {
      const message = "Velg den utsatte eksamenen studenten skal ta. Finnes den ikke, legg den inn på eksamenssiden først.";
      throw new DomainError(message, { sittingId: [message] });
    }
    const { missed, sitting, enrolmentId } = await placeOnDeferredSitting(tx, { deferral, sittingId: input.sittingId, decider: viewer, grounds: input.note, now });
    const letter = await issueStudentLetter(tx, {
      enrolmentId,
      facts: {
        kind: "EXAM_DEFERRAL_GRANTED",
        missed: letterSitting(missed),
        sitting: letterSitting(sitting),
        reason: deferral.reason,
        requestedOn: osloDate(deferral.requestedAt),
        note: input.note,
      },
      decidedBy: { id: viewer.id, name: viewer.name, title: await deciderTitle(tx, viewer.id, input.cohortId) },
      about: { type: "ExamDeferral", id: deferral.id },
      now,
    });
    const person = await tx.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { user: { select: { name: true } } } });
    return { name: person.user.name, sitting: sittingName(sitting), startsAt: sitting.startsAt, letterId: letter.id };
  });
}

export async function refuseDeferral(viewer: Viewer, input: { cohortId: string; deferralId: string; grounds: string }, now = new Date()) {
  await requireDecider(viewer, input.cohortId);
  const grounds = input.grounds.trim();
  if (!grounds) throw new DomainError("Skriv begrunnelsen.", { grounds: ["Skriv begrunnelsen for avslaget. Den står i vedtaket til studenten."] });
  return db().$transaction(async (tx) => {
    const deferral = await lockDeferral(tx, input.deferralId);
    if (deferral.registration.exam.cohortId !== input.cohortId) throw new NotFoundError("Fant ikke søknaden.");
    if (isOwnCase(viewer, [deferral.registration.enrolment.userId])) throw new DomainError(OWN_CASE_MESSAGE);
    if (await isStudentOfKull(viewer, input.cohortId, tx)) throw new DomainError(CLASSMATE_HEALTH_MESSAGE);
    if (deferral.status !== "REQUESTED") throw new DomainError("Søknaden er allerede avgjort.");
    const missed = await lockExam(tx, input.cohortId, deferral.registration.examId);
    await tx.examDeferral.update({ where: { id: deferral.id }, data: { status: "REFUSED", decidedById: viewer.id, decidedAt: now, grounds } });
    const letter = await issueStudentLetter(tx, {
      enrolmentId: deferral.registration.enrolmentId,
      facts: {
        kind: "EXAM_DEFERRAL_REFUSED",
        missed: letterSitting(missed),
        reason: deferral.reason,
        requestedOn: osloDate(deferral.requestedAt),
        grounds,
        over: examPhase(missed, now) === "OVER",
      },
      decidedBy: { id: viewer.id, name: viewer.name, title: await deciderTitle(tx, viewer.id, input.cohortId) },
      about: { type: "ExamDeferral", id: deferral.id },
      now,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "exam_deferral.refuse",
      entityType: "ExamDeferral",
      entityId: deferral.id,
      before: { status: "REQUESTED" },
      after: { status: "REFUSED", grounds, letterId: letter.id },
    });
    const person = await tx.enrolment.findUniqueOrThrow({ where: { id: deferral.registration.enrolmentId }, select: { user: { select: { name: true } } } });
    return { name: person.user.name, letterId: letter.id, klageDeadline: letter.klageDeadline };
  });
}

/**
 * A klage on a refused deferral is taken: the deferral is granted, in the caller's transaction
 * (the klage's), onto the kull's first deferred sitting after the missed one that has not started.
 * Returns the sentence for the outcome letter.
 */
export async function grantDeferralAfterKlage(tx: Transaction, input: { deferralId: string; decider: Viewer; appealId: string; now: Date }): Promise<string> {
  const deferral = await lockDeferral(tx, input.deferralId);
  if (deferral.status !== "REFUSED") throw new DomainError("Søknaden om utsatt eksamen er ikke avslått.");
  const other = await tx.examDeferral.count({ where: { registrationId: deferral.registrationId, status: { in: ["REQUESTED", "GRANTED"] }, id: { not: deferral.id } } });
  if (other > 0) throw new DomainError("Studenten har sendt en ny søknad om utsatt eksamen for samme eksamen. Avgjør den i stedet.");
  const missed = await tx.exam.findUniqueOrThrow({ where: { id: deferral.registration.examId }, select: { startsAt: true } });
  const next = await tx.exam.findFirst({
    where: { cohortId: deferral.registration.exam.cohortId, kind: "DEFERRED", startsAt: { gt: missed.startsAt.getTime() > input.now.getTime() ? missed.startsAt : input.now } },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  if (!next) {
    const message = "Kullet har ingen utsatt eksamen som ikke har startet. Legg den inn på eksamenssiden, og ta så klagen til følge.";
    throw new DomainError(message, { outcome: [message] });
  }
  const { sitting } = await placeOnDeferredSitting(tx, { deferral, sittingId: next.id, decider: input.decider, grounds: null, now: input.now, appealId: input.appealId });
  return `Du får utsatt eksamen og er meldt opp til ${sittingName(sitting)}: start ${formatExamMomentNb(sitting.startsAt)}, innlevering senest ${formatExamMomentNb(sitting.handInAt)} (norsk tid).`;
}
