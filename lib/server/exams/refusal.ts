import "server-only";
// "Ikke adgang til eksamen": the cohort's staff decide it for a student who does not meet the
// requirements, one at a time or for everyone not eligible at once after a preview. It is an
// enkeltvedtak: the registration row records REFUSED (who, when), and the student gets a letter
// with the grounds from the rules (lib/domain/exam.ts examRefusalReasons: the attendance beside the
// rule, each arbeidskrav not approved by name), the legal basis and the klage
// deadline (lib/server/student-letters/issue.ts). The server re-decides eligibility inside the
// transaction, with the exam and the students' enrolments locked as registration does: a refusal
// of a student who is ELIGIBLE is refused, and a bulk refusal decides exactly the students that
// were previewed (if one of them has become eligible meanwhile, nobody is refused).
//
// The refusal ends in one of two ways: the student becomes eligible and is registered (a letter
// says the refusal no longer stands, supersedeRefusal), or a klage on it is reversed, which
// registers the student, again only when the rules now admit them (admitAfterKlage; exemptions are
// not modelled, so the facts — attendance, an arbeidskrav — are corrected first).
import { osloDate } from "@/lib/domain/application-deadline";
import { studentArbeidskravStanding } from "@/lib/domain/arbeidskrav";
import { canRefuseExamAdmission, examRefusalReasons } from "@/lib/domain/exam";
import { sittingName, type ExamKind } from "@/lib/domain/exam-sittings";
import { examPhase } from "@/lib/domain/exam-time";
import { formatDateNb } from "@/lib/domain/format";
import { staffReasons } from "@/lib/domain/risk";
import type { Transaction } from "@/lib/db/client";
import { markDecisionChangedAtAppealsBody } from "@/lib/server/appeals-body";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { db } from "@/lib/server/db";
import { CREDIT_STANDS } from "@/lib/server/enrolments/credits";
import { isOwnCase, OWN_CASE_MESSAGE } from "@/lib/permissions";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { lockExam } from "@/lib/server/exams/lock";
import { inOrder } from "@/lib/server/in-order";
import { deciderTitle, enkeltvedtakLettersAbout, issueStudentLetter } from "@/lib/server/student-letters/issue";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

async function lockEnrolments(tx: Transaction, cohortId: string, enrolmentIds: readonly string[]) {
  const sorted = [...new Set(enrolmentIds)].sort();
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Enrolment"
    WHERE "cohortId" = ${cohortId} AND "status" NOT IN ('WITHDRAWN', 'TRANSFERRED') AND "id" = ANY(${sorted}::text[])
    ORDER BY "id" FOR UPDATE`;
  if (locked.length !== sorted.length) throw new NotFoundError("Fant ikke studenten i kullet.");
  return sorted;
}

/**
 * Each student's arbeidskrav by name with its standing, for the grounds of a refusal: as the
 * evaluator counts them (studentArbeidskravStanding), so an item credited from an earlier kull
 * while its approval stands (CREDIT_STANDS) is approved, never named as missing.
 */
async function arbeidskravStandings(tx: Transaction, cohortId: string, enrolmentIds: readonly string[]) {
  const [definitions, memberships, credits] = await inOrder(
    () => tx.arbeidskravDefinition.findMany({ where: { cohortId }, orderBy: { number: "asc" }, select: { id: true, title: true, maxAttempts: true, required: true } }),
    () =>
      tx.submissionMember.findMany({
        where: { enrolmentId: { in: [...enrolmentIds] }, submission: { arbeidskrav: { cohortId } } },
        select: {
          enrolmentId: true,
          arbeidskravId: true,
          submission: { select: { status: true, attempts: { orderBy: { attempt: "desc" }, take: 1, select: { attempt: true, status: true } } } },
        },
      }),
    () => tx.arbeidskravCredit.findMany({ where: { enrolmentId: { in: [...enrolmentIds] }, ...CREDIT_STANDS }, select: { enrolmentId: true, arbeidskravId: true } }),
  );
  return new Map(
    enrolmentIds.map((enrolmentId) => {
      const own = memberships.filter((row) => row.enrolmentId === enrolmentId);
      // Each item's standing, an "ikke godkjent" on the last hand-in allowed marked final (one rule).
      const standing = new Map(
        studentArbeidskravStanding(
          definitions,
          own.map((row) => ({ arbeidskravId: row.arbeidskravId, status: row.submission.status, ...(row.submission.attempts[0] ? { attempt: row.submission.attempts[0].attempt } : {}) })),
          credits.filter((credit) => credit.enrolmentId === enrolmentId).map((credit) => credit.arbeidskravId),
        ).map((item) => [item.id, item]),
      );
      return [
        enrolmentId,
        definitions.map((definition) => ({
          title: definition.title,
          required: definition.required,
          status: standing.get(definition.id)!.status,
          finalRejection: standing.get(definition.id)!.final,
        })),
      ] as const;
    }),
  );
}

/**
 * Refuses these students admission to the cohort's exam. Every one of them must still be
 * without the right to sit it (not ELIGIBLE), without a grade and not refused already; otherwise
 * nobody is refused. Returns how many letters went out.
 */
export async function refuseExamAdmission(
  viewer: Viewer,
  input: { cohortId: string; examId?: string | null; enrolmentIds: readonly string[] },
  now = new Date(),
) {
  await requireCohortStaff(viewer, input.cohortId);
  if (input.enrolmentIds.length === 0) throw new DomainError("Velg minst én student.");
  const today = osloDate(now);
  return db().$transaction(async (tx) => {
    const exam = await lockExam(tx, input.cohortId, input.examId);
    const ids = await lockEnrolments(tx, input.cohortId, input.enrolmentIds);
    const [evaluation, existing, people, cohort] = await inOrder(
      () => evaluateCohortEligibility(tx, input.cohortId, { today, enrolmentIds: ids }),
      () => tx.examRegistration.findMany({ where: { examId: exam.id, enrolmentId: { in: ids } }, select: { id: true, enrolmentId: true, status: true, grade: true } }),
      () => tx.enrolment.findMany({ where: { id: { in: ids } }, orderBy: { user: { name: "asc" } }, select: { id: true, userId: true, user: { select: { name: true } } } }),
      () => tx.cohort.findUniqueOrThrow({ where: { id: input.cohortId }, select: { attendanceThresholdPercent: true, arbeidskravTotal: true } }),
    );
    const nameOf = (id: string) => people.find((person) => person.id === id)?.user.name ?? "Studenten";
    // Nobody decides their own admission to the exam (forvaltningsloven § 6).
    if (isOwnCase(viewer, people.map((person) => person.userId))) {
      throw new DomainError(
        people.length === 1
          ? `${OWN_CASE_MESSAGE} Ingen vedtak er sendt.`
          : "Listen tar med deg selv, og din egen sak kan du ikke avgjøre (forvaltningsloven § 6). Ta deg selv ut av listen; en kollega avgjør din sak. Ingen vedtak er sendt.",
      );
    }
    const existingBy = new Map(existing.map((row) => [row.enrolmentId, row]));
    const eligibleNow = ids.filter((id) => !canRefuseExamAdmission(evaluation.byEnrolment.get(id)!.eligibility));
    if (eligibleNow.length > 0) {
      throw new DomainError(
        `${eligibleNow.map(nameOf).join(", ")} fyller kravene til eksamen og kan ikke få vedtak om ikke adgang. Ingen vedtak er sendt. Last siden på nytt.`,
      );
    }
    const graded = ids.filter((id) => existingBy.get(id)?.grade || existingBy.get(id)?.status === "NOT_ATTENDED");
    if (graded.length > 0) throw new DomainError(`${graded.map(nameOf).join(", ")} har fått resultat på eksamenen. Ingen vedtak er sendt.`);
    const deferred = ids.filter((id) => existingBy.get(id)?.status === "DEFERRED");
    if (deferred.length > 0) throw new DomainError(`${deferred.map(nameOf).join(", ")} har fått utsatt eksamen. Ingen vedtak er sendt.`);
    // At a later sitting only those registered there are decided about (the others never were).
    const notThere = exam.kind === "ORDINARY" ? [] : ids.filter((id) => existingBy.get(id)?.status !== "ADMITTED" && existingBy.get(id)?.status !== "REFUSED");
    if (notThere.length > 0) throw new DomainError(`${notThere.map(nameOf).join(", ")} er ikke meldt opp til denne eksamenen. Ingen vedtak er sendt.`);
    const refused = ids.filter((id) => existingBy.get(id)?.status === "REFUSED");
    if (refused.length > 0) {
      throw new DomainError(`${refused.map(nameOf).join(", ")} har allerede fått vedtak om ikke adgang til eksamen. Ingen nye vedtak er sendt. Last siden på nytt.`);
    }

    const title = await deciderTitle(tx, viewer.id, input.cohortId);
    const standings = await arbeidskravStandings(tx, input.cohortId, ids);
    const at = new Date();
    for (const enrolmentId of ids) {
      const eligibility = evaluation.byEnrolment.get(enrolmentId)!.eligibility;
      const before = existingBy.get(enrolmentId) ?? null;
      const registration = await tx.examRegistration.upsert({
        where: { examId_enrolmentId: { examId: exam.id, enrolmentId } },
        create: { examId: exam.id, enrolmentId, status: "REFUSED", decidedById: viewer.id, decidedAt: at },
        update: { status: "REFUSED", decidedById: viewer.id, decidedAt: at },
        select: { id: true },
      });
      const letter = await issueStudentLetter(tx, {
        enrolmentId,
        facts: {
          kind: "EXAM_ADMISSION_REFUSED",
          exam: { title: sittingName(exam), startsOn: isoDate(exam.startsOn), endsOn: isoDate(exam.endsOn) },
          requirements: { attendancePercent: cohort.attendanceThresholdPercent, arbeidskrav: cohort.arbeidskravTotal },
          reasons: examRefusalReasons(eligibility, standings.get(enrolmentId)!),
        },
        decidedBy: { id: viewer.id, name: viewer.name, title },
        about: { type: "ExamRegistration", id: registration.id },
        now: at,
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "exam.refuse",
        entityType: "ExamRegistration",
        entityId: registration.id,
        before: before ? { status: before.status } : null,
        after: { status: "REFUSED", examId: exam.id, enrolmentId, eligibility: eligibility.status, reasons: staffReasons(eligibility), letterId: letter.id },
      });
    }
    return { refused: ids.length, names: ids.map(nameOf) };
  });
}

/**
 * A refused student is registered after all (now eligible): the refusal letter no longer stands,
 * and a letter says so. A klage on the refusal waiting at the klagenemnd is marked for it to be
 * told (markDecisionChangedAtAppealsBody), and the letter says that too. Called by registration
 * inside its transaction.
 */
export async function supersedeRefusal(
  tx: Transaction,
  input: { registrationId: string; enrolmentId: string; outcome: string; reason: string; decidedBy: { id: string; name: string; title: string }; now: Date },
) {
  const letters = await enkeltvedtakLettersAbout(tx, { type: "ExamRegistration", id: input.registrationId });
  const latest = letters.filter((letter) => letter.enrolmentId === input.enrolmentId).at(-1);
  if (!latest) return null;
  const atAppealsBody = await markDecisionChangedAtAppealsBody(tx, { type: "ExamRegistration", id: input.registrationId }, input.decidedBy.id, input.now);
  return issueStudentLetter(tx, {
    enrolmentId: input.enrolmentId,
    facts: {
      kind: "DECISION_CHANGED",
      changed: { subject: latest.subject, madeAvailableOn: latest.madeAvailableOn, matter: "adgang til eksamen" },
      outcome: input.outcome,
      reason: input.reason,
      klageAtAppealsBody: atAppealsBody.has(input.enrolmentId),
    },
    decidedBy: input.decidedBy,
    about: { type: "ExamRegistration", id: input.registrationId },
    inCaseOf: { letterId: latest.id },
    now: input.now,
  });
}

/**
 * To a refused student whose refusal no longer stands once the sitting is over (a klage taken, or
 * the facts corrected): what that means, in the letter.
 */
export function sittingOverForStudent(exam: { kind: ExamKind; title: string; startsOn: Date; endsOn: Date }): string {
  return (
    `Eksamenen (${sittingName(exam)}, ${formatDateNb(isoDate(exam.startsOn))}–${formatDateNb(isoDate(exam.endsOn))}) er allerede holdt, så du kan ikke gå opp til den. ` +
    "Vedtaket om ikke adgang gjelder ikke lenger, og eksamenen regnes ikke som et forsøk for deg: du kan melde deg opp til ny eksamen."
  );
}

/**
 * A klage on "ikke adgang" is taken: the student is registered for the exam, in the caller's
 * transaction (the klage's). Only when the rules now admit the student: the klage is taken by
 * correcting the facts it is right about first. Returns the sentence for the outcome letter.
 */
export async function admitAfterKlage(tx: Transaction, input: { registrationId: string; decider: Viewer; appealId: string; now: Date }): Promise<string> {
  const registration = await tx.examRegistration.findUniqueOrThrow({
    where: { id: input.registrationId },
    select: { enrolmentId: true, examId: true, status: true, exam: { select: { cohortId: true } } },
  });
  const exam = await lockExam(tx, registration.exam.cohortId, registration.examId);
  await lockEnrolments(tx, registration.exam.cohortId, [registration.enrolmentId]);
  const evaluation = await evaluateCohortEligibility(tx, registration.exam.cohortId, { today: osloDate(input.now), enrolmentIds: [registration.enrolmentId] });
  const eligibility = evaluation.byEnrolment.get(registration.enrolmentId)!.eligibility;
  if (canRefuseExamAdmission(eligibility)) {
    throw new DomainError(
      `Studenten fyller fortsatt ikke kravene etter det som er registrert: ${staffReasons(eligibility, evaluation.arbeidskravTitles).join(" ")} Rett oppmøtet eller vurderingen klagen gjelder først, og ta så klagen til følge – eller ikke ta den til følge.`,
      { outcome: ["Studenten fyller ikke kravene ennå. Rett grunnlaget først."] },
    );
  }
  // Taken after the hand-in, the refusal no longer stands but the sitting cannot be given back:
  // registered there she could only be «ikke møtt», an attempt used for nothing; so she is off it
  // (WITHDRAWN: no attempt), free to register for ny eksamen as anyone who has not sat one.
  const over = examPhase(exam, input.now) === "OVER";
  // On leave since: the refusal no longer stands, but a student on leave is registered for no
  // exam (lib/domain/enrolment.ts); off the sitting without an attempt, as the leave would have
  // taken her off it, and registered again with the others when she is back in time.
  const { status: enrolmentStatus } = await tx.enrolment.findUniqueOrThrow({ where: { id: registration.enrolmentId }, select: { status: true } });
  const onLeave = !over && enrolmentStatus === "ON_LEAVE";
  const status = over || onLeave ? "WITHDRAWN" : "ADMITTED";
  if (registration.status !== status) {
    await tx.examRegistration.update({ where: { id: input.registrationId }, data: { status, decidedById: input.decider.id, decidedAt: input.now } });
    await audit(tx, {
      actorId: input.decider.id,
      action: status === "WITHDRAWN" ? "exam.withdraw" : "exam.register",
      entityType: "ExamRegistration",
      entityId: input.registrationId,
      before: { status: registration.status },
      after: over
        ? { status, examId: exam.id, cause: "Klagen på ikke adgang er tatt til følge etter at eksamen var over", appealId: input.appealId }
        : onLeave
          ? { status, examId: exam.id, cause: "Klagen på ikke adgang er tatt til følge mens studenten har permisjon", appealId: input.appealId }
          : { status, examId: exam.id, enrolmentId: registration.enrolmentId, eligibility: eligibility.status, appealId: input.appealId },
    });
  }
  if (over) return sittingOverForStudent(exam);
  const sitting = `${sittingName(exam)}, ${formatDateNb(isoDate(exam.startsOn))}–${formatDateNb(isoDate(exam.endsOn))}`;
  return onLeave
    ? `Vedtaket om ikke adgang til eksamen (${sitting}) gjelder ikke lenger. Du har permisjon, og blir ikke meldt opp til eksamen mens du har det. Kommer du tilbake før eksamen og fyller kravene, melder faglærerne deg opp.`
    : `Du er meldt opp til eksamen: ${sitting}.`;
}
