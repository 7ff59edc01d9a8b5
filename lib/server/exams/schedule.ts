import "server-only";
// The ordinary sitting in the cohort's plan (an individual written home exam over three days):
// its days and its start and hand-in times, entered as Oslo wall-clock time and stored as instants
// (lib/domain/exam-time.ts). Later sittings (utsatt and ny eksamen) are lib/server/exams/sittings.ts.
import { examTimesFrom, type ExamTimesInput } from "@/lib/domain/exam-time";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { day } from "@/lib/dates";
import { isoDate } from "@/lib/to-domain";
import { lockPlan } from "@/lib/server/cohorts/plan-support";

// ─── The ordinary sitting's days and times ──────────────────────────────────────────────────────

export async function setExamDays(viewer: Viewer, input: { cohortId: string; title: string } & ExamTimesInput) {
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
    return { startsOn: times.startsOn, endsOn: times.endsOn, startsAt: times.startsAt, handInAt: times.handInAt };
  });
}
