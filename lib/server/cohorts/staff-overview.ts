import "server-only";
// Cohorts as advisers and faculty see them: counts of applications and students, and what is next.
import { osloDate } from "@/lib/domain/application-deadline";
import { cohortPhase, describeCohortPhase } from "@/lib/domain/cohort-life";
import { hasAnyRole } from "@/lib/permissions";
import { db } from "@/lib/server/db";
import { AccessDeniedError } from "@/lib/server/errors";
import { staffCohortWhere } from "@/lib/server/cohorts/access";
import { inOrder } from "@/lib/server/in-order";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

/**
 * The cohorts a staff member works with: archived ones leave this list (they stay readable).
 * Applications are counted for advisers and admins only, who are shown them (`applications` is
 * null for faculty: their start page has no use for the count, issue 21).
 */
export async function listCohortsForStaff(viewer: Viewer, now = new Date()) {
  if (!hasAnyRole(viewer, ["ADVISER", "ADMIN", "FACULTY"])) throw new AccessDeniedError();
  const today = osloDate(now);
  const withApplications = hasAnyRole(viewer, ["ADVISER", "ADMIN"]);
  // One after the other: a page that runs this beside its other reads holds one connection for it.
  const [cohorts, applicationCounts] = await inOrder(
    () => db().cohort.findMany({
      // Faculty see the cohorts they teach; advisers and admins all.
      where: { AND: [staffCohortWhere(viewer), { archivedAt: null }] },
      orderBy: [{ startsOn: "desc" }],
      select: {
        id: true,
        code: true,
        name: true,
        capacity: true,
        applicationOpensOn: true,
        applicationDeadline: true,
        startsOn: true,
        endsOn: true,
        publishedAt: true,
        completedAt: true,
        archivedAt: true,
        programme: { select: { name: true, code: true } },
        _count: { select: { enrolments: { where: { status: { notIn: ["WITHDRAWN", "TRANSFERRED"] } } } } },
        samlinger: {
          orderBy: { number: "asc" },
          select: { number: true, samling: { select: { title: true, days: { orderBy: { date: "asc" }, select: { date: true } } } } },
        },
      },
    }),
    () => (withApplications ? db().application.groupBy({ by: ["cohortId", "status"], _count: { _all: true } }) : Promise.resolve(null)),
  );
  return cohorts.map((cohort) => {
    const counts = applicationCounts
      ? (Object.fromEntries(
          applicationCounts.filter((row) => row.cohortId === cohort.id).map((row) => [row.status, row._count._all]),
        ) as Partial<Record<string, number>>)
      : null;
    const samlinger = cohort.samlinger.map(({ number, samling }) => ({
      number,
      title: samling.title,
      days: samling.days.map((d) => isoDate(d.date)),
    }));
    const next = samlinger.find((samling) => (samling.days.at(-1) ?? "") >= today) ?? null;
    const held = samlinger.filter((samling) => (samling.days.at(-1) ?? "") < today).length;
    const lifeFacts = {
      published: cohort.publishedAt !== null,
      completed: cohort.completedAt !== null,
      archived: cohort.archivedAt !== null,
      applicationOpensOn: isoDate(cohort.applicationOpensOn),
      applicationDeadline: isoDate(cohort.applicationDeadline),
      startsOn: isoDate(cohort.startsOn),
      endsOn: isoDate(cohort.endsOn),
      lastSamlingDay: samlinger.flatMap((samling) => samling.days).sort().at(-1) ?? null,
    };
    const phase = cohortPhase(lifeFacts, today);
    return {
      id: cohort.id,
      code: cohort.code,
      name: cohort.name,
      programme: cohort.programme.name,
      capacity: cohort.capacity,
      students: cohort._count.enrolments,
      applicationDeadline: isoDate(cohort.applicationDeadline),
      phase,
      phaseText: describeCohortPhase(phase, lifeFacts, today),
      applications: counts
        ? { submitted: (counts.SUBMITTED ?? 0) + (counts.UNDER_REVIEW ?? 0) + (counts.DECIDED ?? 0), drafts: counts.DRAFT ?? 0 }
        : null,
      samlingerHeld: held,
      samlingerTotal: samlinger.length,
      nextSamling: next,
    };
  });
}

/** The faculty member's basisgrupper (as prosessveileder) with their students. */
export async function listMyBasisgrupper(viewer: Viewer) {
  if (!viewer.roles.includes("FACULTY")) throw new AccessDeniedError();
  return db().basisgruppe.findMany({
    where: { supervisorId: viewer.id },
    orderBy: [{ cohort: { startsOn: "desc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      cohort: { select: { id: true, name: true, endsOn: true } },
      members: {
        where: { status: { notIn: ["WITHDRAWN", "TRANSFERRED"] } },
        orderBy: { user: { name: "asc" } },
        select: { id: true, user: { select: { name: true, email: true } } },
      },
    },
  });
}
