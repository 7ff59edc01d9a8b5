// The student side of the demo story (issue 11), on top of prisma/seed/demo.ts:
// - Sander (student@demo.no) had ledertreningsoppgave 1 assessed as not approved four days ago,
//   so he has three weeks from then to hand it in again; and he has sent an absence notice for
//   tomorrow, the second day of samling 6 (which the faculty's part of the story puts today and
//   tomorrow, so it runs first).
// - Frank (student.fravaer@demo.no) sent an absence notice, the morning he was ill, for the last
//   day he missed; and one for the first, months ago, whose reason the retention job has erased
//   since (lib/domain/retention.ts: the notice stays, «begrunnelsen er slettet»).
// Deterministic for a given day, like the rest of the demo.
import type { Database } from "@/lib/db/client";
import { startOfDayInOslo } from "@/lib/domain/application-deadline";
import { addDays, compareIsoDates } from "@/lib/domain/dates";
import { absenceReasonDueOn } from "@/lib/domain/retention";
import { day } from "@/lib/dates";
import { isoDate } from "@/lib/to-domain";

const HOUR = 3_600_000;

export async function seedStudentDemo(db: Database, options: { today: string }): Promise<void> {
  const { today } = options;
  const sander = await db.enrolment.findFirstOrThrow({
    where: { user: { email: "student@demo.no" }, status: "ACTIVE" },
    select: { id: true, cohortId: true },
  });

  // The not-approved ledertreningsoppgave 1 (number 2): assessed four days ago at 14.00.
  const rejected = await db.submissionAttempt.findFirstOrThrow({
    where: { status: "NOT_APPROVED", submission: { members: { some: { enrolmentId: sander.id } }, arbeidskrav: { number: 2 } } },
    select: { id: true },
  });
  await db.submissionAttempt.update({
    where: { id: rejected.id },
    data: { assessedAt: new Date(startOfDayInOslo(addDays(today, -4)).getTime() + 14 * HOUR) },
  });

  // An absence notice for the next samling day after today (tomorrow, samling 6's second day).
  const nextDay = await db.samlingDay.findFirstOrThrow({
    where: { date: { gt: day(today) }, samling: { cohorts: { some: { cohortId: sander.cohortId } } } },
    orderBy: { date: "asc" },
    select: { id: true },
  });
  await db.absenceNotice.create({
    data: {
      enrolmentId: sander.id,
      samlingDayId: nextDay.id,
      reason: "Skal møte i fylkesnemnda i en sak for tjenesten den dagen.",
      createdAt: new Date(startOfDayInOslo(addDays(today, -1)).getTime() + 20 * HOUR),
    },
  });

  // Frank's notice for the last day he missed, sent that morning.
  const frank = await db.enrolment.findFirstOrThrow({ where: { user: { email: "student.fravaer@demo.no" } }, select: { id: true } });
  const missed = await db.attendance.findFirst({
    where: { enrolmentId: frank.id, status: "ABSENT" },
    orderBy: { samlingDay: { date: "desc" } },
    select: { samlingDay: { select: { id: true, date: true } } },
  });
  if (missed) {
    await db.absenceNotice.create({
      data: {
        enrolmentId: frank.id,
        samlingDayId: missed.samlingDay.id,
        reason: "Syk (feber).",
        createdAt: new Date(startOfDayInOslo(isoDate(missed.samlingDay.date)).getTime() + 7 * HOUR),
      },
    });
  }

  // And the first day he missed: a notice sent that morning, its reason erased by the nightly
  // retention job once its period had run (as the job leaves it, with the job's audit entry).
  const first = await db.attendance.findFirst({
    where: { enrolmentId: frank.id, status: "ABSENT" },
    orderBy: { samlingDay: { date: "asc" } },
    select: { samlingDay: { select: { id: true, date: true } } },
  });
  const firstDay = first ? isoDate(first.samlingDay.date) : null;
  if (first && firstDay && first.samlingDay.id !== missed?.samlingDay.id && compareIsoDates(absenceReasonDueOn(firstDay), today) <= 0) {
    const dueOn = absenceReasonDueOn(firstDay);
    const erasedAt = new Date(startOfDayInOslo(dueOn).getTime() + 2 * HOUR + 37 * 60_000);
    const notice = await db.absenceNotice.create({
      data: { enrolmentId: frank.id, samlingDayId: first.samlingDay.id, reason: null, reasonErasedAt: erasedAt, createdAt: new Date(startOfDayInOslo(firstDay).getTime() + 7 * HOUR) },
    });
    await db.auditLog.create({
      data: {
        actorId: null,
        action: "retention.erase_absence_reason",
        entityType: "AbsenceNotice",
        entityId: notice.id,
        after: { rule: "absence-reason", enrolmentId: frank.id, samlingDay: firstDay, dueOn, reasonErased: true },
        at: erasedAt,
      },
    });
  }
}
