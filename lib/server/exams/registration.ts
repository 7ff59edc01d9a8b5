import "server-only";
// The exam as the cohort's staff run it: who may sit it (each student's eligibility from the one
// evaluator, lib/server/cohorts/eligibility.ts), registration, grades, publication, the results
// export for FS and the printed protocol.
//
// Registration is decided inside its transaction: the exam row and the students' enrolments are
// locked (FOR UPDATE, in id order), eligibility is evaluated with that transaction, and only
// students examAdmissionDecision allows are registered. An attendance save takes a share lock on
// the same enrolments, so a correction cannot slip in between the decision and the commit. No
// path (the button, a direct call, a crafted POST) registers a student who is not ELIGIBLE.
// Grades are set only on an active registration (also a CHECK in the database), a changed grade
// needs a reason, and every grade is audited. Students see grades once they are published.
import { osloDate } from "@/lib/domain/application-deadline";
import { examAdmissionDecision, examDecisionNeeded, isRefusalCandidate } from "@/lib/domain/exam";
import { formatDateNb } from "@/lib/domain/format";
import { staffReasons } from "@/lib/domain/risk";
import { env } from "@/lib/env";
import { audit, auditMany } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { db } from "@/lib/server/db";
import { inOrder } from "@/lib/server/in-order";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

import { lockExam } from "@/lib/server/exams/lock";
import { supersedeRefusal } from "@/lib/server/exams/refusal";
import { deciderTitle } from "@/lib/server/student-letters/issue";

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────

export async function getExamAdmission(viewer: Viewer, cohortId: string, now = new Date()) {
  await requireCohortStaff(viewer, cohortId);
  const today = osloDate(now);
  const [exam, evaluation, enrolments] = await Promise.all([
    db().exam.findFirst({
      where: { cohortId },
      orderBy: { startsOn: "asc" },
      select: { id: true, title: true, startsOn: true, endsOn: true, gradesPublishedAt: true },
    }),
    evaluateCohortEligibility(db(), cohortId, { today }),
    db().enrolment.findMany({
      where: { cohortId, status: { notIn: ["WITHDRAWN", "TRANSFERRED"] } },
      orderBy: { user: { name: "asc" } },
      select: {
        id: true,
        user: { select: { name: true, email: true } },
        basisgruppe: { select: { name: true } },
        standing: { select: { status: true, previousStatus: true, changedAt: true, changeCause: true } },
        // The cohort's exam is the first one (one exam per cohort today).
        examRegistrations: {
          orderBy: { exam: { startsOn: "asc" } },
          select: {
            id: true,
            examId: true,
            status: true,
            decidedAt: true,
            decidedBy: { select: { name: true } },
            grade: true,
            gradedAt: true,
            gradedBy: { select: { name: true } },
          },
        },
      },
    }),
  ]);
  const registrationIds = enrolments.flatMap((enrolment) => enrolment.examRegistrations.map((row) => row.id));
  const refusalLetters = await db().studentLetter.findMany({
    where: { aboutType: "ExamRegistration", aboutId: { in: registrationIds }, kind: "EXAM_ADMISSION_REFUSED" },
    orderBy: { decidedAt: "desc" },
    select: { id: true, aboutId: true, madeAvailableOn: true, klageDeadline: true, appeals: { select: { status: true } } },
  });
  const students = enrolments.map((enrolment) => {
    const eligibility = evaluation.byEnrolment.get(enrolment.id)!.eligibility;
    const registration = exam ? (enrolment.examRegistrations.find((row) => row.examId === exam.id) ?? null) : null;
    const standing = enrolment.standing;
    const letter = registration?.status === "REFUSED" ? (refusalLetters.find((row) => row.aboutId === registration.id) ?? null) : null;
    return {
      enrolmentId: enrolment.id,
      name: enrolment.user.name,
      email: enrolment.user.email,
      basisgruppe: enrolment.basisgruppe?.name ?? null,
      eligibility,
      admission: examAdmissionDecision(eligibility, evaluation.requirements),
      reasons: staffReasons(eligibility),
      /** When and why the standing last changed (null: unchanged since first computed). */
      change:
        standing?.changedAt && standing.previousStatus
          ? { from: standing.previousStatus, to: standing.status, at: standing.changedAt, cause: standing.changeCause }
          : null,
      registration:
        registration && registration.status === "ADMITTED"
          ? { id: registration.id, grade: registration.grade, gradedAt: registration.gradedAt, gradedBy: registration.gradedBy?.name ?? null }
          : null,
      /** "Ikke adgang til eksamen": when and by whom, the letter and the klage on it. */
      refusal:
        registration && registration.status === "REFUSED"
          ? {
              decidedAt: registration.decidedAt,
              decidedBy: registration.decidedBy.name,
              letterId: letter?.id ?? null,
              klageDeadline: letter?.klageDeadline ? isoDate(letter.klageDeadline) : null,
              klage: letter?.appeals[0]?.status ?? null,
            }
          : null,
      /** The recorded admission no longer matches the rules (lib/domain/exam.ts). */
      decisionNeeded: examDecisionNeeded(registration?.status ?? null, eligibility.status, registration?.grade != null),
      /** "Ikke adgang" is offered now (lib/domain/exam.ts isRefusalCandidate), unless decided or graded. */
      refusable: isRefusalCandidate(eligibility) && registration?.status !== "REFUSED" && !registration?.grade,
    };
  });
  const registered = students.filter((student) => student.registration);
  return {
    today,
    exam: exam
      ? { id: exam.id, title: exam.title, startsOn: isoDate(exam.startsOn), endsOn: isoDate(exam.endsOn), gradesPublishedAt: exam.gradesPublishedAt }
      : null,
    students,
    counts: {
      eligibleNotRegistered: students.filter((student) => student.admission.allowed && !student.registration).length,
      decisionNeeded: students.filter((student) => student.decisionNeeded !== null).length,
      refused: students.filter((student) => student.refusal).length,
      registered: registered.length,
      graded: registered.filter((student) => student.registration?.grade).length,
    },
  };
}

export type ExamAdmission = Awaited<ReturnType<typeof getExamAdmission>>;

// ─── Registration ───────────────────────────────────────────────────────────────────────────────

/**
 * Registers the ELIGIBLE students of the cohort (all of them, or only `enrolmentIds`) for its
 * exam. With `enrolmentIds`, a student who is not eligible is refused with the reasons, and nobody
 * is registered.
 */
export async function registerForExam(
  viewer: Viewer,
  input: { cohortId: string; enrolmentIds?: readonly string[] },
  now = new Date(),
) {
  await requireCohortStaff(viewer, input.cohortId);
  const today = osloDate(now);
  return db().$transaction(async (tx) => {
    const exam = await lockExam(tx, input.cohortId);
    const wanted = input.enrolmentIds ? [...new Set(input.enrolmentIds)].sort() : null;
    const locked = wanted
      ? await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Enrolment"
          WHERE "cohortId" = ${input.cohortId} AND "status" NOT IN ('WITHDRAWN', 'TRANSFERRED') AND "id" = ANY(${wanted}::text[])
          ORDER BY "id" FOR UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Enrolment"
          WHERE "cohortId" = ${input.cohortId} AND "status" NOT IN ('WITHDRAWN', 'TRANSFERRED')
          ORDER BY "id" FOR UPDATE`;
    if (wanted && locked.length !== wanted.length) throw new NotFoundError("Fant ikke studenten i kullet.");
    const lockedIds = locked.map((row) => row.id);
    const [evaluation, existing, people] = await inOrder(
      () => evaluateCohortEligibility(tx, input.cohortId, { today, enrolmentIds: lockedIds }),
      () => tx.examRegistration.findMany({
        where: { examId: exam.id, enrolmentId: { in: lockedIds } },
        select: { id: true, enrolmentId: true, status: true },
      }),
      () => tx.enrolment.findMany({
        where: { id: { in: lockedIds } },
        select: { id: true, userId: true, status: true, user: { select: { name: true, email: true } } },
      }),
    );
    // A student on leave is not registered (issue 18: lib/domain/enrolment.ts), whatever the counts say.
    const onLeave = new Set(people.filter((person) => person.status === "ON_LEAVE").map((person) => person.id));
    if (wanted && wanted.some((id) => onLeave.has(id))) {
      const names = people.filter((person) => onLeave.has(person.id)).map((person) => person.user.name);
      throw new DomainError(`${names.join(", ")} har permisjon og kan ikke meldes opp til eksamen før hun eller han er tilbake.`);
    }
    const decisions = lockedIds
      .filter((id) => !onLeave.has(id))
      .map((id) => ({ id, decision: examAdmissionDecision(evaluation.byEnrolment.get(id)!.eligibility, evaluation.requirements) }));
    if (wanted) {
      const refused = decisions.filter((row) => !row.decision.allowed);
      if (refused.length > 0) {
        const names = refused.map((row) => people.find((person) => person.id === row.id)?.user.name ?? "Studenten");
        const reasons = staffReasons(evaluation.byEnrolment.get(refused[0]!.id)!.eligibility);
        throw new DomainError(`${names.join(", ")} fyller ikke kravene og kan ikke meldes opp til eksamen. ${reasons.join(" ")}`);
      }
    }
    const existingBy = new Map(existing.map((row) => [row.enrolmentId, row]));
    // A refused student whose klage waits is admitted by deciding the klage, not around it.
    const refusalIds = existing.filter((row) => row.status === "REFUSED").map((row) => row.id);
    const openKlager = refusalIds.length
      ? await tx.studentLetter.findMany({
          where: { aboutType: "ExamRegistration", aboutId: { in: refusalIds }, appeals: { some: { status: "RECEIVED" } } },
          select: { aboutId: true },
        })
      : [];
    const awaitingKlage = new Set(existing.filter((row) => openKlager.some((letter) => letter.aboutId === row.id)).map((row) => row.enrolmentId));
    if (wanted && wanted.some((id) => awaitingKlage.has(id))) {
      throw new DomainError("Studenten har klaget på vedtaket om ikke adgang til eksamen. Avgjør klagen under Klager i stedet.");
    }
    const toAdmit = decisions
      .filter((row) => row.decision.allowed && existingBy.get(row.id)?.status !== "ADMITTED" && !awaitingKlage.has(row.id))
      .map((row) => row.id);
    if (toAdmit.length === 0) return { registered: 0, alreadyRegistered: existing.filter((row) => row.status === "ADMITTED").length };

    const readmit = toAdmit.filter((id) => existingBy.has(id));
    const fresh = toAdmit.filter((id) => !existingBy.has(id));
    const at = new Date();
    if (readmit.length > 0) {
      await tx.examRegistration.updateMany({
        where: { examId: exam.id, enrolmentId: { in: readmit } },
        data: { status: "ADMITTED", decidedById: viewer.id, decidedAt: at },
      });
    }
    if (fresh.length > 0) {
      await tx.examRegistration.createMany({
        data: fresh.map((enrolmentId) => ({ examId: exam.id, enrolmentId, decidedById: viewer.id, decidedAt: at })),
      });
    }
    const registrations = await tx.examRegistration.findMany({
      where: { examId: exam.id, enrolmentId: { in: toAdmit } },
      select: { id: true, enrolmentId: true },
    });
    await auditMany(
      tx,
      registrations.map((registration) => ({
        actorId: viewer.id,
        action: "exam.register",
        entityType: "ExamRegistration",
        entityId: registration.id,
        before: existingBy.has(registration.enrolmentId) ? { status: existingBy.get(registration.enrolmentId)!.status } : null,
        after: { status: "ADMITTED", examId: exam.id, enrolmentId: registration.enrolmentId, eligibility: "ELIGIBLE" },
      })),
    );
    const examDays = `${formatDateNb(isoDate(exam.startsOn))} – ${formatDateNb(isoDate(exam.endsOn))}`;
    const title = await deciderTitle(tx, viewer.id, input.cohortId);
    for (const registration of registrations) {
      const person = people.find((row) => row.id === registration.enrolmentId)!;
      if (existingBy.get(registration.enrolmentId)?.status === "REFUSED") {
        // The refusal (an enkeltvedtak) no longer stands: a letter says so, and its e-mail is the news.
        await supersedeRefusal(tx, {
          registrationId: registration.id,
          enrolmentId: registration.enrolmentId,
          outcome: `Du er meldt opp til eksamen: ${exam.title}, ${examDays}.`,
          reason: "Du oppfyller nå kravene til oppmøte og arbeidskrav, og vedtaket om ikke adgang til eksamen gjelder derfor ikke lenger.",
          decidedBy: { id: viewer.id, name: viewer.name, title },
          now: at,
        });
        continue;
      }
      await queueMail(tx, {
        dedupeKey: `exam-registered:${registration.id}`,
        to: person.user.email,
        userId: person.userId,
        subject: `Du er meldt opp til eksamen: ${exam.title}`,
        text: [
          `Hei, ${person.user.name}.`,
          "",
          `Du fyller kravene til oppmøte og arbeidskrav, og er meldt opp til eksamen: ${exam.title}, ${examDays}.`,
          "",
          `Se detaljene her: ${env().APP_URL}/student`,
        ].join("\n"),
      });
    }
    return { registered: registrations.length, alreadyRegistered: existing.filter((row) => row.status === "ADMITTED").length };
  });
}

/** Takes a student off the exam (they withdrew). A student with a grade keeps the registration. */
export async function withdrawFromExam(viewer: Viewer, input: { cohortId: string; enrolmentId: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    const exam = await lockExam(tx, input.cohortId);
    const registration = await tx.examRegistration.findUnique({
      where: { examId_enrolmentId: { examId: exam.id, enrolmentId: input.enrolmentId } },
      select: { id: true, status: true, grade: true, enrolment: { select: { user: { select: { name: true } } } } },
    });
    if (!registration || registration.status !== "ADMITTED") throw new NotFoundError("Studenten er ikke meldt opp til eksamen.");
    if (registration.grade) throw new DomainError("Studenten har fått karakter og kan ikke meldes av. Rett karakteren i stedet.");
    await tx.examRegistration.update({ where: { id: registration.id }, data: { status: "WITHDRAWN" } });
    await audit(tx, {
      actorId: viewer.id,
      action: "exam.withdraw",
      entityType: "ExamRegistration",
      entityId: registration.id,
      before: { status: "ADMITTED" },
      after: { status: "WITHDRAWN" },
    });
    return { name: registration.enrolment.user.name };
  });
}

