import "server-only";
// Staff invitations: an account an adviser creates gets a "choose your password" link by e-mail
// instead of a password typed by staff (which staff would then know, and which travels by some
// other channel). The link works for 7 days, once; the adviser can send a new one while the
// person has not chosen a password. Choosing it verifies the address and signs the person in.
import type { Transaction } from "@/lib/db/client";
import { ROLE_LABELS, canGrantRoles } from "@/lib/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { hashPassword } from "@/lib/server/auth/password";
import { issueToken, lockUsableToken, markTokenUsed, peekToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { queueInvitationMail } from "./account-mail";
import { assertPasswordAllowed } from "./create-account";
import { storeNewPassword } from "./passwords";

export const INVALID_INVITATION_LINK =
  "Invitasjonen virker ikke lenger. Den gjelder i 7 dager og kan brukes én gang. Be studieveilederen om en ny, eller velg «Glemt passord» på innloggingssiden.";

/** Issues an invitation link for `user` and queues its e-mail (in the caller's transaction). */
export async function sendInvitation(tx: Transaction, user: { id: string; email: string; name: string; roles: readonly Role[] }, invitedBy: string) {
  const link = await issueToken(tx, { userId: user.id, purpose: "INVITATION" });
  await queueInvitationMail(tx, {
    tokenId: link.id,
    token: link.token,
    expiresAt: link.expiresAt,
    userId: user.id,
    to: user.email,
    name: user.name,
    invitedBy,
    roles: user.roles.map((role) => ROLE_LABELS[role].toLowerCase()).join(", "),
  });
  return link.expiresAt;
}

/** A new invitation link (the old one stops working), while the person has not chosen a password. */
export async function renewInvitation(viewer: Viewer, userId: string) {
  const expiresAt = await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!rows[0]) throw new NotFoundError("Fant ikke brukeren.");
    const target = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, name: true, roles: true, disabledAt: true, passwordHash: true },
    });
    if (!canGrantRoles(viewer, target.roles)) throw new AccessDeniedError("Du kan ikke endre denne brukeren.");
    if (target.disabledAt) throw new DomainError(`${target.name} er deaktivert. Aktiver kontoen før du sender en ny invitasjon.`);
    if (target.passwordHash !== null) throw new DomainError(`${target.name} har allerede valgt passord.`);
    const expires = await sendInvitation(tx, target, viewer.name);
    await audit(tx, { actorId: viewer.id, action: "user.invitation-renew", entityType: "User", entityId: target.id, after: { expiresAt: expires } });
    return expires;
  });
  await requestJob("mail.deliver");
  return { expiresAt };
}

/** For the page behind the link: whose invitation it is, if it still works. */
export async function invitationLink(token: string, now = new Date()) {
  return peekToken(db(), token, "INVITATION", now);
}

/** Uses an invitation: the person's own password, the address verified. Returns the address. */
export async function acceptInvitation(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const preview = await invitationLink(token, now);
  if (!preview) throw new DomainError(INVALID_INVITATION_LINK);
  assertPasswordAllowed(password, preview.user.email);
  const passwordHash = await hashPassword(password);
  const result = await db().$transaction(async (tx) => {
    const link = await lockUsableToken(tx, token, "INVITATION", now);
    if (!link) throw new DomainError(INVALID_INVITATION_LINK);
    const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { id: true, email: true, name: true, disabledAt: true } });
    if (user.disabledAt) throw new DomainError(INVALID_INVITATION_LINK);
    await markTokenUsed(tx, link.id, now);
    await storeNewPassword(tx, { user, passwordHash, verifiesEmail: true, action: "user.invitation-accept", noticeKey: null, now });
    return { email: user.email };
  });
  await requestJob("mail.deliver");
  return result;
}
