import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";

export async function registerApplicant(input: { name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, roles: ["APPLICANT"], passwordHash },
        select: { id: true, email: true, name: true, roles: true },
      });
      await audit(tx, { actorId: user.id, action: "user.register", entityType: "User", entityId: user.id, after: user });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("Det finnes allerede en konto med denne e-postadressen.", {
        email: ["Det finnes allerede en konto med denne e-postadressen. Logg inn i stedet."],
      });
    }
    throw error;
  }
}
