import "server-only";
// Advisers and admins create staff and student accounts and disable them. Applicants register
// themselves (register-applicant.ts).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { canDisableUser, canGrantRoles, isStaff } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

const USER_FIELDS = { id: true, email: true, name: true, roles: true, disabledAt: true, createdAt: true } as const;

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
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, roles: input.roles, passwordHash },
        select: USER_FIELDS,
      });
      await audit(tx, { actorId: viewer.id, action: "user.create", entityType: "User", entityId: user.id, after: user });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("Det finnes allerede en bruker med denne e-postadressen.", {
        email: ["Det finnes allerede en bruker med denne e-postadressen."],
      });
    }
    throw error;
  }
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

