import "server-only";
import { passwordProblem } from "@/lib/domain/password-policy";
import type { Transaction } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/server/audit";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";

export const ACCOUNT_FIELDS = {
  id: true,
  email: true,
  name: true,
  roles: true,
  disabledAt: true,
  createdAt: true,
  emailVerifiedAt: true,
} as const;

export type CreatedAccount = Prisma.UserGetPayload<{ select: typeof ACCOUNT_FIELDS }>;

/**
 * Creates an account with its audit entry; the one way accounts are made, whether an applicant
 * registers (actor = the new user, with a password, address not yet verified) or an adviser
 * invites someone (no password: the person sets one from the invitation link). `then` runs in
 * the same transaction (the link and its e-mail). A taken e-mail address is a field error,
 * decided by the database's unique index (no check-then-insert race).
 */
export async function createAccount<T>(
  input: { name: string; email: string; roles: Role[]; password: string | null },
  options: {
    actorId: string | "self";
    action: "user.register" | "user.create";
    emailTaken: string;
    then: (tx: Transaction, user: CreatedAccount) => Promise<T>;
  },
): Promise<{ user: CreatedAccount; extra: T }> {
  if (input.password !== null) assertPasswordAllowed(input.password, input.email);
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, roles: input.roles, passwordHash, emailVerifiedAt: null },
        select: ACCOUNT_FIELDS,
      });
      const actorId = options.actorId === "self" ? user.id : options.actorId;
      await audit(tx, { actorId, action: options.action, entityType: "User", entityId: user.id, after: user });
      return { user, extra: await options.then(tx, user) };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(options.emailTaken, { email: [options.emailTaken] });
    }
    throw error;
  }
}

/** The password rule with what we know of the person (their address); a field error otherwise. */
export function assertPasswordAllowed(password: string, email: string, field = "password"): void {
  const problem = passwordProblem(password, { email });
  if (problem) throw new DomainError(problem, { [field]: [problem] });
}
