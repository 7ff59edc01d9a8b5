import "server-only";
// One arbeidskrav as its student sees it: the definition, the submission they are a member of
// (with every attempt, its files and feedback), whether they may hand in now, and — for a first
// hand-in of an arbeidskrav that allows groups — the classmates they may hand in with.
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { getStudentOverview } from "./overview";

export async function getStudentArbeidskrav(viewer: Viewer, arbeidskravId: string) {
  const overview = await getStudentOverview(viewer);
  for (const enrolment of overview) {
    const item = enrolment.arbeidskrav.find((candidate) => candidate.id === arbeidskravId);
    if (!item) continue;
    const groupAllowed = !item.individualOnly && item.maxGroupSize > 1;
    const classmates =
      groupAllowed && item.permission.allowed && item.permission.kind === "FIRST" && enrolment.status === "ACTIVE"
        ? await db().enrolment.findMany({
            where: { cohortId: enrolment.cohort.id, status: "ACTIVE", id: { not: enrolment.enrolmentId } },
            orderBy: { user: { name: "asc" } },
            select: { id: true, user: { select: { name: true } } },
          })
        : [];
    return {
      enrolment,
      arbeidskrav: item,
      groupAllowed,
      canHandIn: item.permission.allowed && enrolment.status === "ACTIVE",
      classmates: classmates.map((classmate) => ({ enrolmentId: classmate.id, name: classmate.user.name })),
    };
  }
  // Not in any of the viewer's cohorts: exactly as if it did not exist.
  throw new NotFoundError("Fant ikke arbeidskravet.");
}
