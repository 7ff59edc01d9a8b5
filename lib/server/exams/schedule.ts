import "server-only";
// The exam's days in the cohort's plan (an individual written home exam over three days).
import { examDays } from "@/lib/domain/cohort-plan";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/viewer";
import { day } from "@/lib/dates";
import { isoDate } from "@/lib/to-domain";
import { lockCohort } from "@/lib/server/cohorts/plan-support";

// ─── The exam's days ────────────────────────────────────────────────────────────────────────────

export async function setExamDays(viewer: Viewer, input: { cohortId: string; firstDay: string; title: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  const { startsOn, endsOn } = examDays(input.firstDay);
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const existing = await tx.exam.findFirst({
      where: { cohortId: input.cohortId },
      orderBy: { startsOn: "asc" },
      select: { id: true, title: true, startsOn: true, endsOn: true },
    });
    const data = { title: input.title, startsOn: day(startsOn), endsOn: day(endsOn) };
    const exam = existing
      ? await tx.exam.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.exam.create({ data: { ...data, cohortId: input.cohortId }, select: { id: true } });
    await audit(tx, {
      actorId: viewer.id,
      action: existing ? "exam.update" : "exam.create",
      entityType: "Exam",
      entityId: exam.id,
      before: existing ? { title: existing.title, startsOn: isoDate(existing.startsOn), endsOn: isoDate(existing.endsOn) } : null,
      after: { title: input.title, startsOn, endsOn },
    });
    return { startsOn, endsOn };
  });
}

