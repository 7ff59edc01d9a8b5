import "server-only";
// The later sittings of a kull's exam: utsatt eksamen (for students granted a deferral) and ny
// eksamen (a resit students register for before a deadline). Each has its own days, start and
// hand-in times (Oslo wall clock stored as instants, lib/domain/exam-time.ts), its own task (a
// title and text, and/or an uploaded task description), registrations, results and publication.
// Created and changed by the cohort's staff, audited; a sitting that has started keeps its times.
// The ordinary sitting is planned under Plan (lib/server/exams/schedule.ts).
import { osloDate } from "@/lib/domain/application-deadline";
import { EXAM_KIND_LABELS, laterSittingProblem } from "@/lib/domain/exam-sittings";
import { examPhase, examTimesFrom, taskChangeProblem, type ExamTimesInput } from "@/lib/domain/exam-time";
import { formatDateNb } from "@/lib/domain/format";
import { day } from "@/lib/dates";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { lockCohort } from "@/lib/server/cohorts/plan-support";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { lockExam } from "@/lib/server/exams/lock";
import { withStoredPdf } from "@/lib/server/exams/pdf-upload";
import type { Viewer } from "@/lib/server/viewer";
import { storage } from "@/lib/storage";
import { isoDate } from "@/lib/to-domain";

export type LaterKind = "DEFERRED" | "RESIT";

export interface LaterSittingInput extends ExamTimesInput {
  cohortId: string;
  /** Null: a new sitting. */
  examId: string | null;
  kind: LaterKind;
  title: string;
  /** RESIT: the last day to register. */
  registrationClosesOn: string | null;
}

function fieldError(field: string, message: string): never {
  throw new DomainError(message, { [field]: [message] });
}

/** Creates a later sitting, or changes one that has not started. Returns its id. */
export async function saveLaterSitting(viewer: Viewer, input: LaterSittingInput, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  const result = examTimesFrom(input);
  if (!result.ok) {
    throw new DomainError(Object.values(result.errors)[0]!, Object.fromEntries(Object.entries(result.errors).map(([key, value]) => [key, [value]])));
  }
  const { times } = result;
  const registrationClosesOn = input.kind === "RESIT" ? input.registrationClosesOn : null;
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const ordinary = await tx.exam.findFirst({ where: { cohortId: input.cohortId, kind: "ORDINARY" }, select: { handInAt: true } });
    const existing = input.examId ? await lockExam(tx, input.cohortId, input.examId) : null;
    if (existing && existing.kind === "ORDINARY") throw new NotFoundError("Fant ikke eksamenen.");
    if (existing && examPhase(existing, now) !== "BEFORE") fieldError("firstDay", "Eksamen har startet, og tidene kan ikke endres.");
    if (existing && existing.kind !== input.kind) {
      const registered = await tx.examRegistration.count({ where: { examId: existing.id } });
      if (registered > 0) fieldError("kind", "Noen er meldt opp til eksamenen, så den kan ikke bli en annen type.");
    }
    const problem = laterSittingProblem({ kind: input.kind, startsAt: times.startsAt, startsOn: times.startsOn, ordinary, registrationClosesOn });
    if (problem) fieldError(problem.field, problem.message);
    if (times.startsAt.getTime() <= now.getTime()) fieldError("firstDay", "Eksamen må starte fram i tid.");
    if (registrationClosesOn && registrationClosesOn < osloDate(now)) {
      fieldError("registrationClosesOn", `Oppmeldingsfristen kan ikke være før i dag (${formatDateNb(osloDate(now))}).`);
    }
    // Two sittings of one kind on one day are one sitting saved twice (a form sent again after
    // «Tilbake»): the students would see two to register for.
    const twin = await tx.exam.findFirst({
      where: { cohortId: input.cohortId, kind: input.kind, startsOn: day(times.startsOn), ...(existing ? { id: { not: existing.id } } : {}) },
      select: { id: true },
    });
    if (twin) fieldError("firstDay", `Kullet har allerede en ${EXAM_KIND_LABELS[input.kind].toLowerCase()} som starter ${formatDateNb(times.startsOn)}. Endre den i stedet.`);
    const data = {
      kind: input.kind,
      title: input.title,
      startsOn: day(times.startsOn),
      endsOn: day(times.endsOn),
      startsAt: times.startsAt,
      handInAt: times.handInAt,
      registrationClosesOn: registrationClosesOn ? day(registrationClosesOn) : null,
    };
    const saved = existing
      ? await tx.exam.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.exam.create({ data: { ...data, cohortId: input.cohortId }, select: { id: true } });
    await audit(tx, {
      actorId: viewer.id,
      action: existing ? "exam.update" : "exam.create",
      entityType: "Exam",
      entityId: saved.id,
      before: existing
        ? {
            kind: existing.kind,
            title: existing.title,
            startsAt: existing.startsAt.toISOString(),
            handInAt: existing.handInAt.toISOString(),
            registrationClosesOn: existing.registrationClosesOn ? isoDate(existing.registrationClosesOn) : null,
          }
        : null,
      after: { kind: input.kind, title: input.title, startsAt: times.startsAt.toISOString(), handInAt: times.handInAt.toISOString(), registrationClosesOn },
    });
    return { id: saved.id, kindLabel: EXAM_KIND_LABELS[input.kind], ...times };
  });
}

/** The sitting's task as text (either may be empty: an uploaded task description may be all). */
export async function setSittingTask(viewer: Viewer, input: { cohortId: string; examId: string; taskTitle: string | null; taskText: string | null }, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    const exam = await lockExam(tx, input.cohortId, input.examId);
    const problem = taskChangeProblem(exam, now);
    if (problem) throw new DomainError(problem);
    const before = await tx.exam.findUniqueOrThrow({ where: { id: exam.id }, select: { taskTitle: true, taskText: true } });
    await tx.exam.update({ where: { id: exam.id }, data: { taskTitle: input.taskTitle, taskText: input.taskText } });
    await audit(tx, {
      actorId: viewer.id,
      action: "exam.task",
      entityType: "Exam",
      entityId: exam.id,
      before: { taskTitle: before.taskTitle, taskTextLength: before.taskText?.length ?? 0 },
      after: { taskTitle: input.taskTitle, taskTextLength: input.taskText?.length ?? 0 },
    });
  });
}

/**
 * An uploaded task description (PDF) for the sitting; students registered there see it from the
 * start. Also once it has started (a decision): a task forgotten, or an attachment the students
 * ask for, is added while they write and seen at once; what they have seen is never taken away
 * (removing one is refused after the start: removeSittingTaskDocument).
 */
export async function uploadSittingTask(viewer: Viewer, examId: string, file: File, now = new Date()) {
  const exam = await db().exam.findUnique({ where: { id: examId }, select: { cohortId: true } });
  if (!exam) throw new NotFoundError("Fant ikke eksamenen.");
  await requireCohortStaff(viewer, exam.cohortId);
  return withStoredPdf(viewer, file, (pdf) =>
    db().$transaction(async (tx) => {
      const locked = await lockExam(tx, exam.cohortId, examId);
      const problem = taskChangeProblem(locked, now);
      if (problem) throw new DomainError(problem, { file: [problem] });
      const document = await tx.document.create({
        data: { kind: "EXAM_TASK", examId: locked.id, ...pdf, uploadedById: viewer.id, uploadedAt: now },
        select: { id: true, originalName: true, size: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "exam.task_document",
        entityType: "Document",
        entityId: document.id,
        after: { examId: locked.id, name: document.originalName, size: document.size },
      });
      return { cohortId: exam.cohortId, document };
    }),
  );
}

/** Removes an uploaded task description before the sitting starts. */
export async function removeSittingTaskDocument(viewer: Viewer, input: { cohortId: string; examId: string; documentId: string }, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  const removed = await db().$transaction(async (tx) => {
    const exam = await lockExam(tx, input.cohortId, input.examId);
    if (examPhase(exam, now) !== "BEFORE") throw new DomainError("Eksamen har startet, og oppgaven kan ikke fjernes.");
    const document = await tx.document.findFirst({ where: { id: input.documentId, examId: exam.id }, select: { id: true, originalName: true, storageKey: true } });
    if (!document) throw new NotFoundError("Fant ikke dokumentet.");
    await tx.document.delete({ where: { id: document.id } });
    await audit(tx, { actorId: viewer.id, action: "exam.task_document_remove", entityType: "Document", entityId: document.id, before: { examId: exam.id, name: document.originalName } });
    return document;
  });
  // The bytes go once the row is gone (a failure here leaves an unreachable file, never a row without one).
  await storage().delete(removed.storageKey);
  return { name: removed.originalName };
}

/**
 * Deletes a later sitting made by mistake (a duplicate, a wrong kind): only before it starts, and
 * only while nobody has been registered for it or placed on it by a granted utsatt eksamen (those
 * are the students' records; a sitting with them is changed instead). Its uploaded task
 * descriptions go with it. Audited.
 */
export async function deleteLaterSitting(viewer: Viewer, input: { cohortId: string; examId: string }, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  const removed = await db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const exam = await lockExam(tx, input.cohortId, input.examId);
    if (exam.kind === "ORDINARY") throw new DomainError("Den ordinære eksamenen er en del av planen for kullet, og kan ikke slettes her.");
    if (examPhase(exam, now) !== "BEFORE") throw new DomainError("Eksamen har startet, og kan ikke slettes.");
    const [registrations, placed] = await Promise.all([
      tx.examRegistration.count({ where: { examId: exam.id } }),
      tx.examDeferral.count({ where: { sittingId: exam.id } }),
    ]);
    if (registrations > 0 || placed > 0) {
      throw new DomainError("Noen er eller har vært meldt opp til denne eksamenen, så den kan ikke slettes. Endre dager og tider i stedet.");
    }
    const documents = await tx.document.findMany({ where: { examId: exam.id }, select: { id: true, storageKey: true } });
    await tx.document.deleteMany({ where: { examId: exam.id } });
    await tx.exam.delete({ where: { id: exam.id } });
    await audit(tx, {
      actorId: viewer.id,
      action: "exam.delete",
      entityType: "Exam",
      entityId: exam.id,
      before: { kind: exam.kind, title: exam.title, startsAt: exam.startsAt.toISOString(), handInAt: exam.handInAt.toISOString(), documents: documents.length },
      after: null,
    });
    return { kind: exam.kind as LaterKind, documents };
  });
  // The bytes go once the rows are gone (a failure leaves unreachable files, never a row without one).
  for (const document of removed.documents) await storage().delete(document.storageKey);
  return { kind: removed.kind };
}
