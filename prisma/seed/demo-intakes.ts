// The life of the kull in the demo (called after the faculty's chapter, so kull H2023's grades
// are published):
// - kull H2023 of barnevernledelse is completed (its grades were published in December 2024); it
//   is not archived: its utsatt and ny eksamen are still ahead (archiveProblems says so);
// - the institusjonsledelse kull H2023 (which shared samling 6) is completed and archived: it has
//   left the everyday lists, is read from the archive, and is closed to writes (archived last, so
//   nothing after this writes to it);
// - next year's intake of barnevernledelse is a draft, copied from the open intake by the one rule
//   for copies (lib/domain/cohort-plan.ts copyPlanDates: whole weeks, off public holidays): its
//   samlinger, exam and arbeidskrav with new due dates, its window a year on. It is whole, so the
//   demo adviser can publish it ("Publiser opptaket" on /veileder).
// Deterministic for a given day; it draws nothing from demo.ts's random sequence.
import type { Database } from "@/lib/db/client";
import { copyPlanDates, weeksBetweenTerms } from "@/lib/domain/cohort-plan";
import { copiedIntakeFields } from "@/lib/domain/intake";
import { isoDate } from "@/lib/to-domain";
import { at } from "@/prisma/seed/calendar";
import { createArbeidskrav, createCohort } from "@/prisma/seed/factories";

export async function seedIntakesDemo(
  db: Database,
  context: { openCohortId: string; h2023CohortId: string; institutionH2023CohortId: string },
): Promise<string> {
  await db.cohort.update({ where: { id: context.h2023CohortId }, data: { completedAt: at("2024-12-20", 10) } });
  await db.cohort.update({
    where: { id: context.institutionH2023CohortId },
    data: { completedAt: at("2024-06-20", 10), archivedAt: at("2025-01-15", 10) },
  });

  const open = await db.cohort.findUniqueOrThrow({
    where: { id: context.openCohortId },
    select: {
      programmeId: true,
      code: true,
      name: true,
      capacity: true,
      applicationOpensOn: true,
      applicationDeadline: true,
      offerAnswerDeadline: true,
      waitlistClosesOn: true,
      startsOn: true,
      endsOn: true,
      samlinger: { orderBy: { number: "asc" }, select: { samling: { select: { title: true, location: true, days: { orderBy: { date: "asc" }, select: { date: true } } } } } },
      arbeidskrav: { orderBy: { number: "asc" } },
      exams: { take: 1, select: { startsOn: true, endsOn: true } },
    },
  });
  const source = {
    code: open.code,
    name: open.name,
    capacity: open.capacity,
    applicationOpensOn: isoDate(open.applicationOpensOn),
    applicationDeadline: isoDate(open.applicationDeadline),
    offerAnswerDeadline: isoDate(open.offerAnswerDeadline),
    startsOn: isoDate(open.startsOn),
    endsOn: isoDate(open.endsOn),
    waitlistClosesOn: open.waitlistClosesOn ? isoDate(open.waitlistClosesOn) : null,
  };
  const code = `${open.code[0]}${Number(open.code.slice(1)) + 1}`;
  const weeks = weeksBetweenTerms(open.code, code, source.startsOn);
  const samlinger = open.samlinger.map(({ samling }) => ({ title: samling.title, location: samling.location, days: samling.days.map((d) => isoDate(d.date)) }));
  const exam = open.exams[0];
  const copy = copyPlanDates(
    {
      samlinger,
      arbeidskrav: open.arbeidskrav.map((definition) => ({ number: definition.number, title: definition.title, dueDate: isoDate(definition.dueDate) })),
      exam: exam ? { startsOn: isoDate(exam.startsOn), endsOn: isoDate(exam.endsOn) } : null,
    },
    weeks,
  );
  const fields = copiedIntakeFields(source, code, weeks);
  const draft = await createCohort(db, {
    programmeId: open.programmeId,
    ...fields,
    waitlistClosesOn: fields.waitlistClosesOn ?? undefined,
    life: "draft",
    samlinger: samlinger.map((samling, index) => ({ title: samling.title, location: samling.location, days: copy.samlinger[index]!.days.map((d) => d.date) })),
    exam: copy.exam ? { startsOn: copy.exam.startsOn.date, endsOn: copy.exam.endsOn } : undefined,
  });
  const due = new Map(copy.arbeidskrav.map((definition) => [definition.number, definition.dueDate.date]));
  await createArbeidskrav(
    db,
    draft.cohort.id,
    open.arbeidskrav.map(({ id: _id, cohortId: _cohortId, dueDate: _dueDate, ...definition }) => ({ ...definition, dueDate: due.get(definition.number)! })),
  );
  return `kladd ${fields.name} kopiert fra ${open.name} (${weeks} uker${copy.warnings.length > 0 ? `, ${copy.warnings.length} datoer flyttet fra helligdager` : ""}), H2023 fullført`;
}
