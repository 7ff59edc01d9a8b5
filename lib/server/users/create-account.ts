import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/server/audit";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";

export const ACCOUNT_FIELDS = { id: true, email: true, name: true, roles: true, disabledAt: true, createdAt: true } as const;

/**
 * Creates an account with its audit entry; the one way accounts are made, whether an applicant
 * registers (actor = the new user) or an adviser creates one. A taken e-mail address is a
 * field error, decided by the database's unique index (no check-then-insert race).
 */
export async function createAccount(
  input: { name: string; email: string; roles: Role[]; password: string },
  options: { actorId: string | "self"; action: "user.register" | "user.create"; emailTaken: string },
) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, roles: input.roles, passwordHash },
        select: ACCOUNT_FIELDS,
      });
      const actorId = options.actorId === "self" ? user.id : options.actorId;
      await audit(tx, { actorId, action: options.action, entityType: "User", entityId: user.id, after: user });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(options.emailTaken, { email: [options.emailTaken] });
    }
    throw error;
  }
}
