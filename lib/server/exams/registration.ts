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
import { canAdmitToExam, examAdmissionDecision, examDecisionNeeded, isRefusalCandidate, registersAtSitting } from "@/lib/domain/exam";
import {
  attemptSummary,
  countingGrade,
  decisionRegistration,
  EXAM_KIND_LABELS,
  NTNU_ATTEMPT_RULES,
  resitRegistrationProblem,
  sittingOutcome,
} from "@/lib/domain/exam-sittings";
import { examPhase, examTimesInput, formatExamMomentNb } from "@/lib/domain/exam-time";
import { formatDateNb } from "@/lib/domain/format";
import { staffReasons } from "@/lib/domain/risk";
import { env } from "@/lib/env";
import { isOwnCase, OWN_CASE_MESSAGE } from "@/lib/permissions";
import { audit, auditMany } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AppealStatus, ExamDeferralStatus, ExamKind, ExamRegistrationStatus, Grade, StandingStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { inOrder } from "@/lib/server/in-order";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

import { lockExam } from "@/lib/server/exams/lock";
import { toRecord } from "@/lib/server/exams/records";
import { sittingOverForStudent, supersedeRefusal } from "@/lib/server/exams/refusal";
import { deciderTitle } from "@/lib/server/student-letters/issue";

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────

interface AdmissionStudentRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  basisgruppe: string | null;
  /** On leave: never registered while it lasts (registerForExam refuses). */
  onLeave: boolean;
  standingStatus: StandingStatus | null;
  previousStatus: StandingStatus | null;
  changedAt: Date | null;
  changeCause: string | null;
  /** In sitting order; times as epoch milliseconds, dates as ISO strings. */
  registrations: {
    id: string;
    examId: string;
    status: ExamRegistrationStatus;
    grade: Grade | null;
    gradedAtMs: number | null;
    decidedAtMs: number;
    decidedBy: string;
    gradedBy: string | null;
    kind: ExamKind;
    startsAtMs: number;
    startsOn: string;
    publishedAtMs: number | null;
    /** The latest request for utsatt eksamen of this registration. */
    deferral: { id: string; status: ExamDeferralStatus } | null;
    /** The latest "ikke adgang" letter about it, with the klage on it. */
    letter: { id: string; klageDeadline: string | null; klage: AppealStatus | null } | null;
  }[];
}

const SITTING_SELECT = {
  id: true,
  kind: true,
  title: true,
  startsOn: true,
  endsOn: true,
  startsAt: true,
  handInAt: true,
  registrationClosesOn: true,
  taskTitle: true,
  taskText: true,
  gradesPublishedAt: true,
  taskDocuments: { orderBy: { uploadedAt: "asc" as const }, select: { id: true, originalName: true, size: true } },
  _count: { select: { registrations: { where: { status: { in: ["ADMITTED" as const, "NOT_ATTENDED" as const] } } } } },
} satisfies Prisma.ExamSelect;

/**
 * One sitting as its staff run it (the ordinary one without an examId): every student it concerns
 * with their eligibility (the one evaluator), the decision recorded, their results at every
 * sitting and the grade that counts. The ordinary sitting concerns the whole kull; a ny eksamen
 * those registered there and everyone who has not passed (with why they may or may not register);
 * an utsatt eksamen those placed there by a deferral.
 */
export async function getExamAdmission(viewer: Viewer, cohortId: string, now = new Date(), examId: string | null = null) {
  await requireCohortStaff(viewer, cohortId);
  const today = osloDate(now);
  // Two lanes (at most two pool connections; issue 21: four), and raw joins for the students with
  // every registration, its deferrals and its refusal letter (issue 21: a nested select was a
  // statement per level, fourteen for these).
  const [evaluation, [sittings, rows, [programme]]] = await Promise.all([
    evaluateCohortEligibility(db(), cohortId, { today }),
    inOrder(
      () => db().exam.findMany({ where: { cohortId }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], select: SITTING_SELECT }),
      () => db().$queryRaw<AdmissionStudentRow[]>`
        SELECT e."id", e."userId", u."name", u."email", b."name" AS "basisgruppe", e."status" = 'ON_LEAVE' AS "onLeave",
               st."status"::text AS "standingStatus", st."previousStatus"::text AS "previousStatus", st."changedAt", st."changeCause",
               COALESCE((SELECT json_agg(json_build_object(
                   'id', r."id", 'examId', r."examId", 'status', r."status", 'grade', r."grade",
                   'gradedAtMs', extract(epoch FROM r."gradedAt") * 1000, 'decidedAtMs', extract(epoch FROM r."decidedAt") * 1000,
                   'decidedBy', du."name", 'gradedBy', gu."name",
                   'kind', x."kind", 'startsAtMs', extract(epoch FROM x."startsAt") * 1000, 'startsOn', x."startsOn",
                   'publishedAtMs', extract(epoch FROM x."gradesPublishedAt") * 1000,
                   'deferral', (SELECT json_build_object('id', f."id", 'status', f."status") FROM "ExamDeferral" f
                                WHERE f."registrationId" = r."id" ORDER BY f."requestedAt" DESC LIMIT 1),
                   'letter', (SELECT json_build_object('id', l."id", 'klageDeadline', l."klageDeadline",
                                                       'klage', (SELECT a."status" FROM "StudentAppeal" a WHERE a."letterId" = l."id" LIMIT 1))
                              FROM "StudentLetter" l
                              WHERE l."aboutType" = 'ExamRegistration' AND l."aboutId" = r."id" AND l."kind" = 'EXAM_ADMISSION_REFUSED'
                              ORDER BY l."decidedAt" DESC LIMIT 1)
                 ) ORDER BY x."startsAt" ASC, x."id" ASC)
                 FROM "ExamRegistration" r JOIN "Exam" x ON x."id" = r."examId"
                 JOIN "User" du ON du."id" = r."decidedById" LEFT JOIN "User" gu ON gu."id" = r."gradedById"
                 WHERE r."enrolmentId" = e."id"), '[]'::json) AS "registrations"
        FROM "Enrolment" e JOIN "User" u ON u."id" = e."userId"
        LEFT JOIN "Basisgruppe" b ON b."id" = e."basisgruppeId"
        LEFT JOIN "Standing" st ON st."enrolmentId" = e."id"
        WHERE e."cohortId" = ${cohortId} AND e."status" NOT IN ('WITHDRAWN', 'TRANSFERRED')
        ORDER BY u."name" ASC, e."id" ASC`,
      () => db().$queryRaw<{ examAttempts: number; examImprovementAttempts: number }[]>`
        SELECT p."examAttempts", p."examImprovementAttempts" FROM "Cohort" c JOIN "Programme" p ON p."id" = c."programmeId" WHERE c."id" = ${cohortId}`,
    ),
  ]);
  const exam = examId ? (sittings.find((sitting) => sitting.id === examId) ?? null) : (sittings.find((sitting) => sitting.kind === "ORDINARY") ?? null);
  if (examId && !exam) throw new NotFoundError("Fant ikke eksamenen.");
  const rules = { attempts: programme?.examAttempts ?? NTNU_ATTEMPT_RULES.attempts, improvements: programme?.examImprovementAttempts ?? NTNU_ATTEMPT_RULES.improvements };
  const enrolments = rows.map((row) => ({
    id: row.id,
    user: { id: row.userId, name: row.name, email: row.email },
    basisgruppe: row.basisgruppe === null ? null : { name: row.basisgruppe },
    onLeave: row.onLeave,
    standing:
      row.standingStatus === null
        ? null
        : { status: row.standingStatus, previousStatus: row.previousStatus, changedAt: row.changedAt, changeCause: row.changeCause },
    examRegistrations: row.registrations.map((registration) => ({
      id: registration.id,
      examId: registration.examId,
      status: registration.status,
      grade: registration.grade,
      gradedAt: registration.gradedAtMs === null ? null : new Date(registration.gradedAtMs),
      decidedAt: new Date(registration.decidedAtMs),
      decidedBy: { name: registration.decidedBy },
      gradedBy: registration.gradedBy === null ? null : { name: registration.gradedBy },
      exam: {
        kind: registration.kind,
        startsAt: new Date(registration.startsAtMs),
        startsOn: new Date(`${registration.startsOn}T00:00:00Z`),
        gradesPublishedAt: registration.publishedAtMs === null ? null : new Date(registration.publishedAtMs),
      },
      deferrals: registration.deferral ? [registration.deferral] : [],
      letter: registration.letter,
    })),
  }));
  const allStudents = enrolments.map((enrolment) => {
    const eligibility = evaluation.byEnrolment.get(enrolment.id)!.eligibility;
    const registration = exam ? (enrolment.examRegistrations.find((row) => row.examId === exam.id) ?? null) : null;
    const records = enrolment.examRegistrations.map(toRecord);
    const counting = countingGrade(records);
    const standing = enrolment.standing;
    const letter = registration?.status === "REFUSED" ? registration.letter : null;
    const sat = registration && (registration.status === "ADMITTED" || registration.status === "NOT_ATTENDED");
    const decisionAbout = decisionRegistration(records);
    const deferral = registration?.deferrals[0] ?? null;
    return {
      enrolmentId: enrolment.id,
      name: enrolment.user.name,
      email: enrolment.user.email,
      basisgruppe: enrolment.basisgruppe?.name ?? null,
      /** On leave: no registration offered while it lasts (registerForExam refuses it). */
      onLeave: enrolment.onLeave,
      /**
       * The viewer's own row (a teacher who is also a student of the kull): shown, with no action,
       * since every decision on it is a colleague's (registerForExam, withdrawFromExam,
       * refuseExamAdmission and setGrade refuse it: forvaltningsloven § 6).
       */
      self: isOwnCase(viewer, [enrolment.user.id]),
      eligibility,
      admission: examAdmissionDecision(eligibility, evaluation.requirements),
      reasons: staffReasons(eligibility, evaluation.arbeidskravTitles),
      /** When and why the standing last changed (null: unchanged since first computed). */
      change:
        standing?.changedAt && standing.previousStatus
          ? { from: standing.previousStatus, to: standing.status, at: standing.changedAt, cause: standing.changeCause }
          : null,
      /** At this sitting: registered, with a result ("ikke møtt" included) once there is one. */
      registration: sat
        ? {
            id: registration.id,
            grade: registration.grade,
            notAttended: registration.status === "NOT_ATTENDED",
            gradedAt: registration.gradedAt,
            gradedBy: registration.gradedBy?.name ?? null,
          }
        : null,
      /** This sitting was deferred for the student (a granted deferral). */
      deferred: registration?.status === "DEFERRED",
      /**
       * Taken off this sitting (at their request, or by a leave): registered again one by one,
       * deliberately, never by «Meld opp alle» (registerForExam).
       */
      withdrawn: registration?.status === "WITHDRAWN",
      /**
       * «Meld opp alle» registers the student at this (ordinary) sitting (lib/domain/exam.ts
       * registersAtSitting, as registerForExam does); the viewer's own row is counted here and
       * left to a colleague by the page, as registerForExam leaves it.
       */
      registeredByAll:
        exam?.kind === "ORDINARY" &&
        registersAtSitting(
          {
            allowed: canAdmitToExam(eligibility),
            onLeave: enrolment.onLeave,
            ownCase: false,
            status: registration?.status ?? null,
            klageWaiting: letter?.klage === "RECEIVED",
          },
          "ALL",
        ),
      /** The latest request for utsatt eksamen of this sitting, if any. */
      deferral: deferral ? { id: deferral.id, status: deferral.status } : null,
      /** "Ikke adgang til eksamen": when and by whom, the letter and the klage on it. */
      refusal:
        registration && registration.status === "REFUSED"
          ? {
              decidedAt: registration.decidedAt,
              decidedBy: registration.decidedBy.name,
              letterId: letter?.id ?? null,
              klageDeadline: letter?.klageDeadline ?? null,
              klage: letter?.klage ?? null,
            }
          : null,
      /**
       * The recorded admission no longer matches the rules (lib/domain/exam.ts), for the
       * registration the decision is about now (the latest not withdrawn or deferred), shown at
       * that sitting.
       */
      decisionNeeded:
        decisionAbout && decisionAbout.examId === exam?.id ? examDecisionNeeded(decisionAbout.status, eligibility.status, sittingOutcome(decisionAbout) === "GRADED") : null,
      /** "Ikke adgang" is offered now (lib/domain/exam.ts isRefusalCandidate), unless decided or graded. */
      refusable:
        exam?.kind === "ORDINARY"
          ? isRefusalCandidate(eligibility) && !registration?.grade && (!registration || registration.status === "ADMITTED")
          : registration?.status === "ADMITTED" && !registration.grade && isRefusalCandidate(eligibility),
      /** Every sitting's result (the history), and the grade that counts. */
      history: records.map((record) => ({ examId: record.examId, kind: record.kind, startsOn: record.startsOn, outcome: sittingOutcome(record), grade: record.grade })),
      counting,
      attempts: attemptSummary(records, rules),
      /** At a ny eksamen: why the student may not register now (null: they may). */
      resitProblem:
        exam?.kind === "RESIT"
          ? resitRegistrationProblem({
              sitting: { examId: exam.id, kind: exam.kind, startsAt: exam.startsAt, registrationClosesOn: exam.registrationClosesOn ? isoDate(exam.registrationClosesOn) : null },
              records,
              eligible: canAdmitToExam(eligibility),
              onLeave: enrolment.onLeave,
              rules,
              now,
            })
          : null,
    };
  });
  // Who a later sitting concerns: those with a registration there, and at a ny eksamen everyone
  // who has not passed (or may still improve: the problem says so).
  const students =
    !exam || exam.kind === "ORDINARY"
      ? allStudents
      : allStudents.filter((student) => {
          const here = enrolments.find((enrolment) => enrolment.id === student.enrolmentId)!.examRegistrations.some((row) => row.examId === exam.id);
          if (here) return true;
          return exam.kind === "RESIT" && (!student.attempts.passed || student.resitProblem === null);
        });
  const registered = students.filter((student) => student.registration);
  return {
    today,
    exam: exam
      ? {
          id: exam.id,
          kind: exam.kind,
          kindLabel: EXAM_KIND_LABELS[exam.kind],
          title: exam.title,
          startsOn: isoDate(exam.startsOn),
          endsOn: isoDate(exam.endsOn),
          startsAt: exam.startsAt,
          handInAt: exam.handInAt,
          phase: examPhase(exam, now),
          registrationClosesOn: exam.registrationClosesOn ? isoDate(exam.registrationClosesOn) : null,
          task: { title: exam.taskTitle, text: exam.taskText, documents: exam.taskDocuments },
          gradesPublishedAt: exam.gradesPublishedAt,
          /** The form's values: Oslo wall-clock times. */
          times: examTimesInput(exam),
        }
      : null,
    /** Every sitting of the kull, for moving between them. */
    sittings: sittings.map((sitting) => ({
      id: sitting.id,
      kind: sitting.kind,
      kindLabel: EXAM_KIND_LABELS[sitting.kind],
      title: sitting.title,
      startsOn: isoDate(sitting.startsOn),
      endsOn: isoDate(sitting.endsOn),
      registered: sitting._count.registrations,
      current: sitting.id === exam?.id,
    })),
    rules,
    students,
    counts: {
      /** Whom «Meld opp alle» registers (not the viewer herself). */
      eligibleNotRegistered: students.filter((student) => student.registeredByAll && !student.self).length,
      decisionNeeded: students.filter((student) => student.decisionNeeded !== null).length,
      refused: students.filter((student) => student.refusal).length,
      registered: registered.length,
      graded: registered.filter((student) => student.registration?.grade || student.registration?.notAttended).length,
      deferralsWaiting: allStudents.filter((student) => student.deferral?.status === "REQUESTED").length,
    },
  };
}

export type ExamAdmission = Awaited<ReturnType<typeof getExamAdmission>>;

// ─── Registration ───────────────────────────────────────────────────────────────────────────────

export const SITTING_OVER =
  "Innleveringsfristen for denne eksamenen er ute, så ingen kan meldes opp til den nå. Studenten kan meldes opp til ny eksamen.";

/**
 * Registers the ELIGIBLE students of the cohort (all of them, or only `enrolmentIds`) for its
 * ordinary exam. With `enrolmentIds`, a student who is not eligible is refused with the reasons,
 * and nobody is registered. A student whose ordinary sitting was deferred, or who is "ikke møtt"
 * there, is left as they are. A student taken off the sitting (withdrawn at their request, or by
 * a leave) is registered again only by name (`enrolmentIds`), never by «Meld opp alle»: they
 * asked to be off it, or staff decide when one back from leave should be on it. Ny eksamen has its own registration (lib/server/exams/resit.ts);
 * utsatt eksamen is reached by a granted deferral (lib/server/exams/deferrals.ts).
 */
export async function registerForExam(
  viewer: Viewer,
  input: { cohortId: string; examId?: string | null; enrolmentIds?: readonly string[] },
  now = new Date(),
) {
  await requireCohortStaff(viewer, input.cohortId);
  const today = osloDate(now);
  return db().$transaction(async (tx) => {
    const exam = await lockExam(tx, input.cohortId, input.examId);
    if (exam.kind !== "ORDINARY") {
      throw new DomainError(
        exam.kind === "RESIT"
          ? "Til ny eksamen meldes studentene opp én og én, av seg selv eller av studieveilederen."
          : "Til utsatt eksamen kommer studenten når en søknad om utsatt eksamen innvilges.",
      );
    }
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
    // Nobody admits herself to the exam (forvaltningsloven § 6), least of all by lifting her own
    // refusal: by name it is refused; «Meld opp alle» leaves her for a colleague.
    const own = new Set(people.filter((person) => isOwnCase(viewer, [person.userId])).map((person) => person.id));
    if (wanted && wanted.some((id) => own.has(id))) throw new DomainError(OWN_CASE_MESSAGE);
    // A student on leave is not registered (issue 18: lib/domain/enrolment.ts), whatever the counts say.
    const onLeave = new Set(people.filter((person) => person.status === "ON_LEAVE").map((person) => person.id));
    if (wanted && wanted.some((id) => onLeave.has(id))) {
      const names = people.filter((person) => onLeave.has(person.id)).map((person) => person.user.name);
      throw new DomainError(`${names.join(", ")} har permisjon og kan ikke meldes opp til eksamen før hun eller han er tilbake.`);
    }
    const decisions = lockedIds
      .filter((id) => !onLeave.has(id) && !own.has(id))
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
    // A registration that has become "ikke møtt" or "utsatt" is what happened at this sitting: kept.
    if (wanted && wanted.some((id) => ["NOT_ATTENDED", "DEFERRED"].includes(existingBy.get(id)?.status ?? ""))) {
      throw new DomainError("Studenten har fått utsatt eksamen eller er registrert med «ikke møtt» på denne eksamenen.");
    }
    const toAdmit = decisions
      .filter((row) =>
        registersAtSitting(
          {
            allowed: row.decision.allowed,
            onLeave: onLeave.has(row.id),
            ownCase: own.has(row.id),
            status: existingBy.get(row.id)?.status ?? null,
            klageWaiting: awaitingKlage.has(row.id),
          },
          wanted?.includes(row.id) ? "BY_NAME" : "ALL",
        ),
      )
      .map((row) => row.id);
    // While it runs a student may still be registered (staff forgot; she can still hand in), not
    // after the hand-in: she could only be «ikke møtt» there, an attempt used for nothing. A
    // refused student who meets the requirements now («Trenger nytt vedtak») is, by name, told
    // the refusal no longer stands and taken off the sitting without an attempt: ny eksamen is hers.
    if (examPhase(exam, now) === "OVER") {
      const lift = toAdmit.filter((id) => existingBy.get(id)?.status === "REFUSED");
      if (!wanted || lift.length === 0 || lift.length !== wanted.length) throw new DomainError(SITTING_OVER);
      const title = await deciderTitle(tx, viewer.id, input.cohortId);
      for (const enrolmentId of lift) {
        const registration = existingBy.get(enrolmentId)!;
        await tx.examRegistration.update({ where: { id: registration.id }, data: { status: "WITHDRAWN", decidedById: viewer.id, decidedAt: now } });
        await audit(tx, {
          actorId: viewer.id,
          action: "exam.withdraw",
          entityType: "ExamRegistration",
          entityId: registration.id,
          before: { status: "REFUSED" },
          after: { status: "WITHDRAWN", examId: exam.id, cause: "Vedtaket om ikke adgang gjelder ikke lenger; eksamen var over" },
        });
        await supersedeRefusal(tx, {
          registrationId: registration.id,
          enrolmentId,
          outcome: sittingOverForStudent(exam),
          reason: "Du oppfyller nå kravene til oppmøte og arbeidskrav, og vedtaket om ikke adgang til eksamen gjelder derfor ikke lenger.",
          decidedBy: { id: viewer.id, name: viewer.name, title },
          now,
        });
      }
      return { registered: 0, lifted: lift.length, alreadyRegistered: existing.filter((row) => row.status === "ADMITTED").length };
    }
    if (toAdmit.length === 0) return { registered: 0, lifted: 0, alreadyRegistered: existing.filter((row) => row.status === "ADMITTED").length };

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
    const examDays = `${formatDateNb(isoDate(exam.startsOn))} – ${formatDateNb(isoDate(exam.endsOn))} (start ${formatExamMomentNb(exam.startsAt)}, innlevering ${formatExamMomentNb(exam.handInAt)})`;
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
    return { registered: registrations.length, lifted: 0, alreadyRegistered: existing.filter((row) => row.status === "ADMITTED").length };
  });
}

/**
 * Takes a student off a sitting before it starts (they withdrew: no attempt). After the start, a
 * student who does not hand in is "ikke møtt" (an attempt), unless a deferral is granted.
 */
export async function withdrawFromExam(viewer: Viewer, input: { cohortId: string; examId?: string | null; enrolmentId: string }, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    const exam = await lockExam(tx, input.cohortId, input.examId);
    if (examPhase(exam, now) !== "BEFORE") {
      throw new DomainError("Eksamen har startet, og studenten kan ikke meldes av. Leverer studenten ikke, settes resultatet til «ikke møtt».");
    }
    const registration = await tx.examRegistration.findUnique({
      where: { examId_enrolmentId: { examId: exam.id, enrolmentId: input.enrolmentId } },
      select: { id: true, status: true, grade: true, enrolment: { select: { userId: true, user: { select: { name: true } } } } },
    });
    if (!registration || registration.status !== "ADMITTED") throw new NotFoundError("Studenten er ikke meldt opp til eksamen.");
    if (isOwnCase(viewer, [registration.enrolment.userId])) throw new DomainError(OWN_CASE_MESSAGE);
    if (registration.grade) throw new DomainError("Studenten har fått karakter og kan ikke meldes av. Rett karakteren i stedet.");
    await tx.examRegistration.update({ where: { id: registration.id }, data: { status: "WITHDRAWN" } });
    await audit(tx, {
      actorId: viewer.id,
      action: "exam.withdraw",
      entityType: "ExamRegistration",
      entityId: registration.id,
      before: { status: "ADMITTED" },
      after: { status: "WITHDRAWN", examId: exam.id, kind: exam.kind },
    });
    return { name: registration.enrolment.user.name };
  });
}

