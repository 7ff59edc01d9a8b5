import "server-only";
// The first administrator of a new installation (and later ones, from the command line): an
// account with the ADMIN role and no password, and an invitation link to choose one (7 days, once,
// as for every invited account). Nobody ever types or sees a password; there is no default one.
// Used by `npm run admin:create` (lib/cli/admin.ts), which prints the link and queues the e-mail.
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { issueToken } from "@/lib/server/auth/tokens";
import { DomainError } from "@/lib/server/errors";
import { linkFor, queueInvitationMail } from "@/lib/server/users/account-mail";
import { personEmail, requiredText } from "@/lib/validation/common";

const input = z.object({ email: personEmail, name: requiredText("Navnet", 200) });

export interface CreatedAdministrator {
  userId: string;
  email: string;
  /** The one-time link to choose a password (printed by the command; also e-mailed). */
  link: string;
  expiresAt: Date;
  /** False: the account existed and had not chosen a password; this is a new link (the old one stops working). */
  created: boolean;
}

export async function hasAdministrator(client: Database): Promise<boolean> {
  return (await client.user.count({ where: { roles: { has: "ADMIN" } } })) > 0;
}

/**
 * Creates an administrator with an invitation, or sends a new invitation to one who has not yet
 * chosen a password. Refuses an address that belongs to another account (an applicant's address was
 * never verified by staff, so it is not made an administrator from outside the app: an existing
 * admin grants roles on /veileder/brukere) and an administrator who already has a password (they
 * use "Glemt passord").
 */
export async function createAdministrator(client: Database, raw: { email: string; name: string }, now = new Date()): Promise<CreatedAdministrator> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new DomainError(parsed.error.issues.map((issue) => issue.message).join(" "));
  const { email, name } = parsed.data;
  return client.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, roles: true, passwordHash: true, disabledAt: true } });
    if (existing && !existing.roles.includes("ADMIN")) {
      throw new DomainError(
        `${email} har allerede en konto (${existing.name}). Velg en annen adresse, eller la en administrator gi kontoen rollen på /veileder/brukere.`,
      );
    }
    if (existing && (existing.passwordHash !== null || existing.disabledAt !== null)) {
      throw new DomainError(
        existing.disabledAt
          ? `Administratoren ${email} er deaktivert. En annen administrator kan aktivere kontoen på /veileder/brukere.`
          : `Administratoren ${email} har allerede valgt passord. Bruk «Glemt passord» på innloggingssiden.`,
      );
    }
    const user =
      existing ??
      (await tx.user.create({ data: { email, name, roles: ["ADMIN"], passwordHash: null, emailVerifiedAt: null }, select: { id: true, name: true, roles: true } }));
    const link = await issueToken(tx, { userId: user.id, purpose: "INVITATION", now });
    await queueInvitationMail(tx, {
      tokenId: link.id,
      token: link.token,
      expiresAt: link.expiresAt,
      userId: user.id,
      to: email,
      name: user.name,
      invitedBy: "Driftsansvarlig",
      roles: "administrator",
    });
    await audit(tx, {
      actorId: null,
      action: existing ? "user.invitation-renew" : "user.create-admin",
      entityType: "User",
      entityId: user.id,
      after: { email, name: user.name, roles: ["ADMIN"], via: "npm run admin:create", expiresAt: link.expiresAt },
    });
    return { userId: user.id, email, link: linkFor("INVITATION", link.token), expiresAt: link.expiresAt, created: !existing };
  });
}
