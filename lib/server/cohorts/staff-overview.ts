import "server-only";
// Cohorts as advisers and faculty see them: counts of applications and students, and what is next.
import { osloDate } from "@/lib/domain/application-deadline";
import { describeCohortPhase } from "@/lib/domain/cohort-life";
import { canManageIntakes, hasAnyRole } from "@/lib/permissions";
import { db } from "@/lib/server/db";
import { AccessDeniedError } from "@/lib/server/errors";
import { staffCohortWhere } from "@/lib/server/cohorts/access";
import { LIFE_SELECT, lifeOf, livesWithOpenCases, loadLifeCounts, nextStepHref } from "@/lib/server/intakes/facts";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

/**
 * The cohorts a staff member works with: archived ones leave this list (they stay readable).
 * Faculty see the kull they teach; advisers and admins all, with the counts of applications and
 * the adviser's next step for each kull (`applications` and `nextStep` are null for faculty: their
 * start page has no use for them, issue 21). Phase and next step come from the one reading of a
 * kull's life (lib/server/intakes/facts.ts `lifeOf`), the same as the kull's own intake page: one
 * read of the cohorts and four counts, where the adviser's home read the cohorts three times and
 * the applications three times (issue 21). `adviserColumns: false` (the faculty home) leaves the
 * counts and next steps out for an adviser who also teaches: that page does not show them.
 */
export async function listCohortsForStaff(viewer: Viewer, now = new Date(), options: { adviserColumns?: boolean } = {}) {
  if (!hasAnyRole(viewer, ["ADVISER", "ADMIN", "FACULTY"])) throw new AccessDeniedError();
  const today = osloDate(now);
  const manager = canManageIntakes(viewer) && (options.adviserColumns ?? true);
  const cohorts = await db().cohort.findMany({
    where: { AND: [staffCohortWhere(viewer), { archivedAt: null }] },
    orderBy: [{ startsOn: "desc" }],
    select: {
      ...LIFE_SELECT,
      programme: { select: { name: true, code: true } },
      _count: { select: { enrolments: { where: { status: { notIn: ["WITHDRAWN", "TRANSFERRED"] } } } } },
      samlinger: {
        orderBy: { number: "asc" },
        select: { number: true, samling: { select: { title: true, days: { orderBy: { date: "asc" }, select: { id: true, date: true } } } } },
      },
    },
  });
  // After the cohorts, not beside them: a page that runs this beside its other reads holds one
  // connection for it.
  // Advisers see the next step: for a completed kull, whether it can be archived (its open cases).
  const counts = manager ? await loadLifeCounts(db(), cohorts.map((cohort) => cohort.id)) : null;
  const lives = counts ? await livesWithOpenCases(db(), cohorts, counts, today) : null;
  return cohorts.map((cohort) => {
    const tally = counts?.get(cohort.id);
    const life = lives?.get(cohort.id) ?? lifeOf(cohort, undefined, today, null);
    const samlinger = cohort.samlinger.map(({ number, samling }) => ({
      number,
      title: samling.title,
      days: samling.days.map((d) => isoDate(d.date)),
    }));
    const next = samlinger.find((samling) => (samling.days.at(-1) ?? "") >= today) ?? null;
    const held = samlinger.filter((samling) => (samling.days.at(-1) ?? "") < today).length;
    return {
      id: cohort.id,
      code: cohort.code,
      name: cohort.name,
      programme: cohort.programme.name,
      capacity: cohort.capacity,
      students: cohort._count.enrolments,
      applicationDeadline: life.fields.applicationDeadline,
      phase: life.phase,
      phaseText: describeCohortPhase(life.phase, life.lifeFacts, today),
      applications: tally
        ? { submitted: tally.sent, drafts: tally.drafts, notReviewed: tally.notReviewed, underReview: tally.underReview }
        : null,
      nextStep: manager ? (life.nextStep ? { text: life.nextStep.text, href: nextStepHref(cohort.id, life, today) } : null) : null,
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
