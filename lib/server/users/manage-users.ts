import "server-only";
// Advisers and admins create staff and student accounts and disable them. Applicants register
// themselves (register-applicant.ts). A new account gets an invitation by e-mail to choose its
// own password (invitations.ts); staff never type or see a password.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { canDisableUser, canGrantRoles, isStaff } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import { requestJob } from "@/lib/jobs/queue";
import type { Viewer } from "@/lib/server/viewer";
import { ACCOUNT_FIELDS, createAccount } from "./create-account";
import { sendInvitation } from "./invitations";
import { pageCount, pageWithin } from "@/lib/validation/paging";
import { containsText, searchText } from "@/lib/validation/search";

const USER_FIELDS = ACCOUNT_FIELDS;

/** Users on a page of the list (/veileder/brukere). */
export const USERS_PAGE_SIZE = 50;

/** Everyone whose name or e-mail matches, by name, a page at a time (the last page when `page` is past it). */
export async function listUsers(viewer: Viewer, filter: { query?: string; role?: Role; page?: number } = {}, now = new Date()) {
  if (!isStaff(viewer)) throw new AccessDeniedError();
  const query = searchText(filter.query);
  const where: Prisma.UserWhereInput = {
    ...(filter.role ? { roles: { has: filter.role } } : {}),
    ...(query
      ? { OR: [{ name: { contains: containsText(query), mode: "insensitive" } }, { email: { contains: containsText(query.toLowerCase()) } }] }
      : {}),
  };
  const total = await db().user.count({ where });
  const page = pageWithin(filter.page ?? 1, total, USERS_PAGE_SIZE);
  const users = await db().user.findMany({
    where,
    select: {
      ...USER_FIELDS,
      passwordHash: true,
      accountTokens: { where: { purpose: "INVITATION" }, orderBy: { createdAt: "desc" }, take: 1, select: { expiresAt: true, usedAt: true } },
    },
    // The id after the name: two people of the same name keep their order from page to page.
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
  });
  // The hash never leaves this function: only whether an invitation is still waiting.
  const rows = users.map(({ passwordHash, accountTokens, ...user }) => {
    const invitation = accountTokens[0];
    return {
      ...user,
      invitation:
        passwordHash === null && invitation
          ? { expiresAt: invitation.expiresAt, expired: invitation.usedAt !== null || invitation.expiresAt <= now }
          : null,
    };
  });
  return { users: rows, total, page, pages: pageCount(total, USERS_PAGE_SIZE) };
}

/** Creates the account and e-mails the person a link to choose their own password. */
export async function createUserAccount(viewer: Viewer, input: { name: string; email: string; roles: Role[] }) {
  if (!canGrantRoles(viewer, input.roles)) {
    throw new AccessDeniedError("Du kan ikke opprette en bruker med disse rollene.");
  }
  const { user, extra: invitationExpiresAt } = await createAccount(
    { ...input, password: null },
    {
      actorId: viewer.id,
      action: "user.create",
      emailTaken: "Det finnes allerede en bruker med denne e-postadressen.",
      then: (tx, created) => sendInvitation(tx, created, viewer.name),
    },
  );
  await requestJob("mail.deliver");
  return { ...user, invitationExpiresAt };
}

/** Disabling ends every session of the account at once; enabling lets the person sign in again. */
export async function setUserDisabled(viewer: Viewer, userId: string, disabled: boolean) {
  return db().$transaction(async (tx) => {
    // The permission rests on the target's roles (an adviser may not disable an admin): read them
    // under the row's lock, so a role given at the same moment is seen, not the roles before it.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const target = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!target) throw new NotFoundError("Fant ikke brukeren.");
    if (!canDisableUser(viewer, target)) throw new AccessDeniedError("Du kan ikke endre denne brukeren.");
    const updated = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? new Date() : null },
      select: USER_FIELDS,
    });
    // Disabling is the lever when an account is misused: its sessions end, and every link still
    // out (a reset, an invitation, a change of address) stops working, also once it is enabled.
    const voidedLinks = disabled ? (await tx.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } })).count : 0;
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await audit(tx, {
      actorId: viewer.id,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: userId,
      before: { disabledAt: target.disabledAt },
      after: { disabledAt: updated.disabledAt, ...(disabled ? { voidedLinks } : {}) },
    });
    return updated;
  });
}

