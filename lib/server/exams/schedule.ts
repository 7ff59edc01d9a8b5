import "server-only";
// The ordinary sitting in the cohort's plan (an individual written home exam over three days):
// its days and its start and hand-in times, entered as Oslo wall-clock time and stored as instants
// (lib/domain/exam-time.ts). Later sittings (utsatt and ny eksamen) are lib/server/exams/sittings.ts.
import { examPhase, examTimesFrom, formatExamMomentNb, type ExamTimesInput } from "@/lib/domain/exam-time";
import { formatDateNb } from "@/lib/domain/format";
import { env } from "@/lib/env";
import { queueMail } from "@/lib/server/mail";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { day } from "@/lib/dates";
import { isoDate } from "@/lib/to-domain";
import { lockPlan, refuseOutsidePublishedKull } from "@/lib/server/cohorts/plan-support";

// ─── The ordinary sitting's days and times ──────────────────────────────────────────────────────

/**
 * Sets the ordinary sitting's title, days and times. Once it has begun its times stand (as a later
 * sitting's do): a registered student may be sitting it. Moved before that, every registered
 * student is e-mailed the new days and times in the same transaction (their registration mail
 * named the old ones), and it is never moved to a moment already past while students are
 * registered.
 */
export async function setExamDays(viewer: Viewer, input: { cohortId: string; title: string } & ExamTimesInput, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  const result = examTimesFrom(input);
  if (!result.ok) {
    const errors = Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [field, [message]]));
    throw new DomainError(Object.values(result.errors)[0]!, errors);
  }
  const { times } = result;
  return db().$transaction(async (tx) => {
    await lockPlan(tx, input.cohortId);
    const [existing, firstLater] = await Promise.all([
      tx.exam.findFirst({
        where: { cohortId: input.cohortId, kind: "ORDINARY" },
        select: { id: true, title: true, startsOn: true, endsOn: true, startsAt: true, handInAt: true },
      }),
      tx.exam.findFirst({ where: { cohortId: input.cohortId, kind: { not: "ORDINARY" } }, orderBy: { startsAt: "asc" }, select: { startsAt: true } }),
    ]);
    if (firstLater && firstLater.startsAt.getTime() <= times.handInAt.getTime()) {
      const message = "Den ordinære eksamenen må være ferdig før den første utsatte eller nye eksamenen starter.";
      throw new DomainError(message, { firstDay: [message] });
    }
    await refuseOutsidePublishedKull(tx, [input.cohortId], { exam: { startsOn: times.startsOn, endsOn: times.endsOn } }, "firstDay");
    const moved = existing !== null && (existing.startsAt.getTime() !== times.startsAt.getTime() || existing.handInAt.getTime() !== times.handInAt.getTime());
    const registered = moved
      ? await tx.examRegistration.findMany({
          where: { examId: existing.id, status: "ADMITTED" },
          orderBy: { id: "asc" },
          select: { id: true, enrolment: { select: { userId: true, user: { select: { name: true, email: true } } } } },
        })
      : [];
    if (moved && examPhase(existing, now) !== "BEFORE") {
      const message = "Eksamen har startet, og tidene kan ikke endres. Trenger noen mer tid, er det utsatt eksamen som gjelder.";
      throw new DomainError(message, { firstDay: [message] });
    }
    if (registered.length > 0 && times.startsAt.getTime() <= now.getTime()) {
      const message = "Studenter er meldt opp, så eksamen kan ikke flyttes til et tidspunkt som har vært.";
      throw new DomainError(message, { firstDay: [message] });
    }
    const data = {
      title: input.title,
      startsOn: day(times.startsOn),
      endsOn: day(times.endsOn),
      startsAt: times.startsAt,
      handInAt: times.handInAt,
    };
    const exam = existing
      ? await tx.exam.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.exam.create({ data: { ...data, cohortId: input.cohortId, kind: "ORDINARY" }, select: { id: true } });
    await audit(tx, {
      actorId: viewer.id,
      action: existing ? "exam.update" : "exam.create",
      entityType: "Exam",
      entityId: exam.id,
      before: existing
        ? { title: existing.title, startsOn: isoDate(existing.startsOn), endsOn: isoDate(existing.endsOn), startsAt: existing.startsAt.toISOString(), handInAt: existing.handInAt.toISOString() }
        : null,
      after: { kind: "ORDINARY", title: input.title, startsOn: times.startsOn, endsOn: times.endsOn, startsAt: times.startsAt.toISOString(), handInAt: times.handInAt.toISOString() },
    });
    // The registered students' mail named the old days: each gets the new ones.
    const when = `${formatDateNb(times.startsOn)} – ${formatDateNb(times.endsOn)} (start ${formatExamMomentNb(times.startsAt)}, innlevering ${formatExamMomentNb(times.handInAt)})`;
    for (const registration of registered) {
      await queueMail(tx, {
        dedupeKey: `exam-moved:${registration.id}:${times.startsAt.getTime()}:${times.handInAt.getTime()}`,
        to: registration.enrolment.user.email,
        userId: registration.enrolment.userId,
        subject: `Eksamen er flyttet: ${input.title}`,
        text: [
          `Hei, ${registration.enrolment.user.name}.`,
          "",
          `Eksamen du er meldt opp til, er flyttet. Nye tider: ${input.title}, ${when}.`,
          "",
          `Se detaljene her: ${env().APP_URL}/student/eksamen`,
        ].join("\n"),
      });
    }
    return { startsOn: times.startsOn, endsOn: times.endsOn, startsAt: times.startsAt, handInAt: times.handInAt, told: registered.length };
  });
}
