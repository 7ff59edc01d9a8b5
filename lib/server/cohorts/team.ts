import "server-only";
// Who teaches a cohort, and its basisgrupper. Everyone on the cohort's staff may read it (a
// prosessveileder sees their own groups first); only advisers and admins change it: assign faculty
// to the teaching team and name the academic lead, create and rename basisgrupper, choose each
// group's prosessveileder from the team, and move students between groups. Every change is one
// transaction with its audit entry.
import type { Transaction } from "@/lib/db/client";
import { isStaff } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { inOrder } from "@/lib/server/in-order";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

const ADVISERS_ONLY = "Bare studieveiledere kan endre lærerteamet og basisgruppene.";

function requireAdviser(viewer: Viewer): void {
  if (!isStaff(viewer)) throw new AccessDeniedError(ADVISERS_ONLY);
}

export async function getCohortTeam(viewer: Viewer, cohortId: string) {
  await requireCohortStaff(viewer, cohortId);
  const [teachers, groups, unassigned, faculty] = await Promise.all([
    db().cohortTeacher.findMany({
      where: { cohortId },
      orderBy: [{ academicLead: "desc" }, { user: { name: "asc" } }],
      select: { academicLead: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db().basisgruppe.findMany({
      where: { cohortId },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        supervisor: { select: { id: true, name: true } },
        members: {
          where: { status: { notIn: ["WITHDRAWN", "TRANSFERRED"] } },
          orderBy: { user: { name: "asc" } },
          select: { id: true, user: { select: { name: true, email: true } } },
        },
      },
    }),
    db().enrolment.findMany({
      where: { cohortId, status: { notIn: ["WITHDRAWN", "TRANSFERRED"] }, basisgruppeId: null },
      orderBy: { user: { name: "asc" } },
      select: { id: true, user: { select: { name: true, email: true } } },
    }),
    // Advisers choose new team members among active faculty accounts.
    isStaff(viewer)
      ? db().user.findMany({
          where: { roles: { has: "FACULTY" }, disabledAt: null, teaching: { none: { cohortId } } },
          orderBy: { name: "asc" },
          select: { id: true, name: true, email: true },
        })
      : Promise.resolve([]),
  ]);
  // A prosessveileder sees their own groups first.
  const own = groups.filter((group) => group.supervisor?.id === viewer.id);
  const others = groups.filter((group) => group.supervisor?.id !== viewer.id);
  return {
    teachers: teachers.map((row) => ({ ...row.user, academicLead: row.academicLead })),
    groups: [...own, ...others].map((group) => ({ ...group, mine: group.supervisor?.id === viewer.id })),
    unassigned,
    availableFaculty: faculty,
  };
}

export type CohortTeam = Awaited<ReturnType<typeof getCohortTeam>>;

export async function addTeacher(viewer: Viewer, input: { cohortId: string; userId: string; academicLead: boolean }) {
  requireAdviser(viewer);
  return db().$transaction(async (tx) => {
    const [cohort, user] = await inOrder(
      () => tx.cohort.findUnique({ where: { id: input.cohortId }, select: { id: true } }),
      () => tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, roles: true, disabledAt: true } }),
    );
    if (!cohort) throw new NotFoundError("Fant ikke kullet.");
    if (!user || !user.roles.includes("FACULTY") || user.disabledAt) {
      throw new DomainError("Velg en aktiv faglærer.", { userId: ["Velg en aktiv faglærer."] });
    }
    if (input.academicLead) {
      await tx.cohortTeacher.updateMany({ where: { cohortId: input.cohortId, academicLead: true }, data: { academicLead: false } });
    }
    const created = await tx.cohortTeacher.createMany({
      data: [{ cohortId: input.cohortId, userId: input.userId, academicLead: input.academicLead }],
      skipDuplicates: true,
    });
    if (created.count === 0) throw new DomainError(`${user.name} er allerede i lærerteamet.`);
    await audit(tx, {
      actorId: viewer.id,
      action: "cohort.add_teacher",
      entityType: "Cohort",
      entityId: input.cohortId,
      after: { userId: input.userId, academicLead: input.academicLead },
    });
    return user;
  });
}

export async function removeTeacher(viewer: Viewer, input: { cohortId: string; userId: string }) {
  requireAdviser(viewer);
  return db().$transaction(async (tx) => {
    const row = await tx.cohortTeacher.findUnique({
      where: { cohortId_userId: input },
      select: { academicLead: true, user: { select: { name: true } } },
    });
    if (!row) throw new NotFoundError("Personen er ikke i lærerteamet.");
    // A prosessveileder leaves their groups when they leave the team.
    const groups = await tx.basisgruppe.updateMany({
      where: { cohortId: input.cohortId, supervisorId: input.userId },
      data: { supervisorId: null },
    });
    await tx.cohortTeacher.delete({ where: { cohortId_userId: input } });
    await audit(tx, {
      actorId: viewer.id,
      action: "cohort.remove_teacher",
      entityType: "Cohort",
      entityId: input.cohortId,
      before: { userId: input.userId, academicLead: row.academicLead, supervisedGroups: groups.count },
    });
    return row.user;
  });
}

/** Makes one team member the academic lead (fagansvarlig); at most one per cohort. */
export async function setAcademicLead(viewer: Viewer, input: { cohortId: string; userId: string }) {
  requireAdviser(viewer);
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ userId: string; academicLead: boolean }[]>`
      SELECT "userId", "academicLead" FROM "CohortTeacher" WHERE "cohortId" = ${input.cohortId} ORDER BY "userId" FOR UPDATE`;
    if (!rows.some((row) => row.userId === input.userId)) throw new NotFoundError("Personen er ikke i lærerteamet.");
    const before = rows.find((row) => row.academicLead)?.userId ?? null;
    await tx.cohortTeacher.updateMany({ where: { cohortId: input.cohortId, academicLead: true }, data: { academicLead: false } });
    await tx.cohortTeacher.update({ where: { cohortId_userId: input }, data: { academicLead: true } });
    await audit(tx, {
      actorId: viewer.id,
      action: "cohort.set_academic_lead",
      entityType: "Cohort",
      entityId: input.cohortId,
      before: { academicLead: before },
      after: { academicLead: input.userId },
    });
  });
}

async function requireTeamMember(tx: Transaction, cohortId: string, userId: string) {
  const member = await tx.cohortTeacher.findUnique({ where: { cohortId_userId: { cohortId, userId } }, select: { userId: true } });
  if (!member) {
    throw new DomainError("Prosessveilederen må være i kullets lærerteam.", {
      supervisorId: ["Velg en i lærerteamet, eller legg personen til i teamet først."],
    });
  }
}

const GROUP_NAME_TAKEN = "Kullet har allerede en basisgruppe med det navnet.";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function createBasisgruppe(viewer: Viewer, input: { cohortId: string; name: string; supervisorId: string | null }) {
  requireAdviser(viewer);
  try {
    return await db().$transaction(async (tx) => {
      const cohort = await tx.cohort.findUnique({ where: { id: input.cohortId }, select: { id: true } });
      if (!cohort) throw new NotFoundError("Fant ikke kullet.");
      if (input.supervisorId) await requireTeamMember(tx, input.cohortId, input.supervisorId);
      const group = await tx.basisgruppe.create({
        data: { cohortId: input.cohortId, name: input.name, supervisorId: input.supervisorId },
        select: { id: true, name: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "basisgruppe.create",
        entityType: "Basisgruppe",
        entityId: group.id,
        after: { cohortId: input.cohortId, name: input.name, supervisorId: input.supervisorId },
      });
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(GROUP_NAME_TAKEN, { name: [GROUP_NAME_TAKEN] });
    throw error;
  }
}

export async function updateBasisgruppe(
  viewer: Viewer,
  input: { cohortId: string; basisgruppeId: string; name: string; supervisorId: string | null },
) {
  requireAdviser(viewer);
  try {
    return await db().$transaction(async (tx) => {
      const group = await tx.basisgruppe.findFirst({
        where: { id: input.basisgruppeId, cohortId: input.cohortId },
        select: { id: true, name: true, supervisorId: true },
      });
      if (!group) throw new NotFoundError("Fant ikke basisgruppen.");
      if (input.supervisorId && input.supervisorId !== group.supervisorId) await requireTeamMember(tx, input.cohortId, input.supervisorId);
      const updated = await tx.basisgruppe.update({
        where: { id: group.id },
        data: { name: input.name, supervisorId: input.supervisorId },
        select: { id: true, name: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "basisgruppe.update",
        entityType: "Basisgruppe",
        entityId: group.id,
        before: { name: group.name, supervisorId: group.supervisorId },
        after: { name: input.name, supervisorId: input.supervisorId },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(GROUP_NAME_TAKEN, { name: [GROUP_NAME_TAKEN] });
    throw error;
  }
}

/** Moves a student to another basisgruppe of the same cohort (null: no group). */
export async function moveStudent(viewer: Viewer, input: { cohortId: string; enrolmentId: string; basisgruppeId: string | null }) {
  requireAdviser(viewer);
  return db().$transaction(async (tx) => {
    const [enrolment, group] = await inOrder(
      () => tx.enrolment.findFirst({
        where: { id: input.enrolmentId, cohortId: input.cohortId },
        select: { id: true, basisgruppeId: true, user: { select: { name: true } } },
      }),
      () => input.basisgruppeId
        ? tx.basisgruppe.findFirst({ where: { id: input.basisgruppeId, cohortId: input.cohortId }, select: { id: true, name: true } })
        : Promise.resolve(null),
    );
    if (!enrolment) throw new NotFoundError("Fant ikke studenten i kullet.");
    if (input.basisgruppeId && !group) throw new NotFoundError("Fant ikke basisgruppen.");
    if (enrolment.basisgruppeId === input.basisgruppeId) return { name: enrolment.user.name, group: group?.name ?? null, moved: false };
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { basisgruppeId: input.basisgruppeId } });
    await audit(tx, {
      actorId: viewer.id,
      action: "enrolment.move_basisgruppe",
      entityType: "Enrolment",
      entityId: enrolment.id,
      before: { basisgruppeId: enrolment.basisgruppeId },
      after: { basisgruppeId: input.basisgruppeId },
    });
    return { name: enrolment.user.name, group: group?.name ?? null, moved: true };
  });
}
