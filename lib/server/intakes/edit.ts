import "server-only";
// Changing a kull's own facts (code, name, places, window, offer deadline, start and end) under
// the rules of lib/domain/intake.ts: never fewer places than are taken (the database's capacity
// triggers stay), no deadline before today once applications exist without a written reason, no
// new deadline after decisions, no new code after publication, no new start once begun. Every
// change is audited with before and after (and the reason); when the application deadline of a
// published intake moves, each applicant with a draft is e-mailed, once per change.
import { isWaitlistClosed, waitlistClosingDate } from "@/lib/domain/admission-decisions";
import { osloDate } from "@/lib/domain/application-deadline";
import { applicationDeadlineMoved, changedIntakeFieldProblems, deadlineMovedMail, intakeChangeProblems, intakeLockedReason, type IntakeFields } from "@/lib/domain/intake";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { requestJob } from "@/lib/jobs/queue";
import { day } from "@/lib/dates";
import { placesFloor } from "@/lib/server/admission/places";
import { audit } from "@/lib/server/audit";
import { lockCohort } from "@/lib/server/cohorts/plan-support";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { LIFE_SELECT, lifeOf, loadLifeCounts } from "@/lib/server/intakes/facts";
import { refuseOwnIntake } from "@/lib/server/admission/access";
import { requireIntakeManager } from "@/lib/server/intakes/queries";
import { queueMail } from "@/lib/server/mail";
import { withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";

export async function updateIntake(viewer: Viewer, input: IntakeFields & { cohortId: string; reason: string | null }, now = new Date()) {
  requireIntakeManager(viewer);
  const today = osloDate(now);
  const fields: IntakeFields = {
    code: input.code,
    name: input.name.trim(),
    capacity: input.capacity,
    applicationOpensOn: input.applicationOpensOn,
    applicationDeadline: input.applicationDeadline,
    offerAnswerDeadline: input.offerAnswerDeadline,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    waitlistClosesOn: input.waitlistClosesOn,
  };
  let result: { name: string; mailed: number; waitlistDue: boolean };
  try {
    result = await withRetry(() =>
      db().$transaction(async (tx) => {
        // The same lock as every offer and enrolment takes: places are counted and changed in one step.
        await lockCohort(tx, input.cohortId);
        // Its places, deadlines and waiting list are the competition she is in (forvaltningsloven § 6).
        await refuseOwnIntake(tx, viewer, input.cohortId);
        const row = await tx.cohort.findUniqueOrThrow({ where: { id: input.cohortId }, select: { ...LIFE_SELECT, updatedAt: true } });
        const counts = (await loadLifeCounts(tx, [row.id])).get(row.id)!;
        const life = lifeOf(row, counts, today, null);
        const locked = intakeLockedReason(life.phase);
        if (locked) throw new DomainError(locked);
        const before = life.fields;
        const samlingDays = life.samlingDays.map((d) => d.date);
        const fieldProblems = changedIntakeFieldProblems(before, fields);
        const closingBefore = waitlistClosingDate({ waitlistClosesOn: before.waitlistClosesOn, startsOn: before.startsOn, samlingDays });
        const problems: Record<string, string[] | undefined> = {
          ...fieldProblems,
          ...mergeProblems(
            fieldProblems,
            intakeChangeProblems(before, fields, {
              phase: life.phase,
              today,
              placesTaken: await placesFloor(tx, row.id),
              applications: counts.applications,
              decisions: counts.decisions,
              reason: input.reason,
              waitlistClosedOn: isWaitlistClosed(closingBefore, now) ? closingBefore : null,
              plan: { samlingDays, exam: life.exam ? { startsOn: life.exam.startsOn, endsOn: life.exam.endsOn } : null },
            }),
          ),
        };
        const fieldErrors = Object.fromEntries(Object.entries(problems).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length)));
        if (Object.keys(fieldErrors).length > 0) throw new DomainError("Endringen kan ikke lagres. Se feltene som er merket.", fieldErrors);
        const changed = (Object.keys(fields) as (keyof IntakeFields)[]).filter((key) => fields[key] !== before[key]);
        if (changed.length === 0) return { name: fields.name, mailed: 0, waitlistDue: false };
        const updated = await tx.cohort.update({
          where: { id: row.id },
          data: {
            code: fields.code,
            name: fields.name,
            capacity: fields.capacity,
            applicationOpensOn: day(fields.applicationOpensOn),
            applicationDeadline: day(fields.applicationDeadline),
            offerAnswerDeadline: day(fields.offerAnswerDeadline),
            startsOn: day(fields.startsOn),
            endsOn: day(fields.endsOn),
            waitlistClosesOn: fields.waitlistClosesOn === null ? null : day(fields.waitlistClosesOn),
          },
          select: { updatedAt: true },
        });
        await audit(tx, {
          actorId: viewer.id,
          action: "cohort.update",
          entityType: "Cohort",
          entityId: row.id,
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: { ...Object.fromEntries(changed.map((key) => [key, fields[key]])), ...(input.reason ? { reason: input.reason } : {}), phase: life.phase },
        });
        let mailed = 0;
        if (life.phase !== "DRAFT" && applicationDeadlineMoved(before, fields)) {
          const drafts = await tx.application.findMany({
            where: { cohortId: row.id, status: "DRAFT" },
            select: { id: true, fullName: true, applicant: { select: { id: true, name: true, email: true } } },
          });
          // One mail per applicant per change: the change is known by the moment it was saved.
          const change = `${before.applicationDeadline}>${fields.applicationDeadline}@${updated.updatedAt.toISOString()}`;
          for (const draft of drafts) {
            const mail = deadlineMovedMail({
              applicantName: draft.fullName ?? draft.applicant.name,
              programmeName: row.programme.name,
              cohortName: fields.name,
              from: before.applicationDeadline,
              to: fields.applicationDeadline,
              today,
              link: `${env().APP_URL.replace(/\/$/, "")}/soker/soknad/${draft.id}`,
            });
            await queueMail(tx, { dedupeKey: `deadline-moved:${draft.id}:${change}`, userId: draft.applicant.id, to: draft.applicant.email, ...mail });
          }
          mailed = drafts.length;
        }
        // A closing day moved to today or earlier closes the list at once (the waiting-list job).
        const closingAfter = waitlistClosingDate({ waitlistClosesOn: fields.waitlistClosesOn, startsOn: fields.startsOn, samlingDays });
        return { name: fields.name, mailed, waitlistDue: closingAfter !== closingBefore && isWaitlistClosed(closingAfter, now) };
      }),
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const message = `Studieprogrammet har allerede et kull ${fields.code}.`;
      throw new DomainError(message, { code: [message] });
    }
    throw error;
  }
  if (result.mailed > 0) await requestJob("mail.deliver");
  if (result.waitlistDue) await requestJob("admission.waitlist");
  return { name: result.name, mailed: result.mailed };
}

/** The change rules' problems for fields the field rules found nothing wrong with (one message per field). */
function mergeProblems(fieldProblems: Record<string, string[] | undefined>, changeProblems: Record<string, string[] | undefined>) {
  return Object.fromEntries(Object.entries(changeProblems).filter(([field]) => !fieldProblems[field]?.length));
}
