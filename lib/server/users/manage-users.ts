import "server-only";
// Advisers and admins create staff and student accounts and disable them. Applicants register
// themselves (register-applicant.ts).
import type { Role } from "@/lib/generated/prisma/enums";
import { canDisableUser, canGrantRoles, isStaff } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { ACCOUNT_FIELDS, createAccount } from "./create-account";

const USER_FIELDS = ACCOUNT_FIELDS;

export async function listUsers(viewer: Viewer, filter: { query?: string; role?: Role } = {}) {
  if (!isStaff(viewer)) throw new AccessDeniedError();
  const query = filter.query?.trim();
  return db().user.findMany({
    where: {
      ...(filter.role ? { roles: { has: filter.role } } : {}),
      ...(query
        ? { OR: [{ name: { contains: query, mode: "insensitive" } }, { email: { contains: query.toLowerCase() } }] }
        : {}),
    },
    select: USER_FIELDS,
    orderBy: [{ name: "asc" }],
    take: 200,
  });
}

export async function createUserAccount(
  viewer: Viewer,
  input: { name: string; email: string; roles: Role[]; password: string },
) {
  if (!canGrantRoles(viewer, input.roles)) {
    throw new AccessDeniedError("Du kan ikke opprette en bruker med disse rollene.");
  }
  return createAccount(input, {
    actorId: viewer.id,
    action: "user.create",
    emailTaken: "Det finnes allerede en bruker med denne e-postadressen.",
  });
}

/** Disabling ends every session of the account at once; enabling lets the person sign in again. */
export async function setUserDisabled(viewer: Viewer, userId: string, disabled: boolean) {
  const target = await db().user.findUnique({ where: { id: userId }, select: USER_FIELDS });
  if (!target) throw new NotFoundError("Fant ikke brukeren.");
  if (!canDisableUser(viewer, target)) throw new AccessDeniedError("Du kan ikke endre denne brukeren.");
  return db().$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? new Date() : null },
      select: USER_FIELDS,
    });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await audit(tx, {
      actorId: viewer.id,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: userId,
      before: { disabledAt: target.disabledAt },
      after: { disabledAt: updated.disabledAt },
    });
    return updated;
  });
}

