import "server-only";
import { requestJob } from "@/lib/jobs/queue";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import { createAccount } from "./create-account";
import { sendVerificationLink } from "./email-verification";

/**
 * Anyone may register; the account is an applicant's and nothing more. The address is not yet
 * verified: a link goes to it, and the application cannot be sent before it is used. At most
 * RATE_LIMITS.registerAddress accounts per client address and hour.
 */
export async function registerApplicant(
  input: { name: string; email: string; password: string },
  context: { clientAddress: string | null },
) {
  if (context.clientAddress) await enforceRateLimit(RATE_LIMITS.registerAddress(context.clientAddress));
  const { user } = await createAccount(
    { ...input, roles: ["APPLICANT"] },
    {
      actorId: "self",
      action: "user.register",
      emailTaken: "Det finnes allerede en konto med denne e-postadressen. Logg inn i stedet, eller velg «Glemt passord».",
      then: (tx, created) => sendVerificationLink(tx, created),
    },
  );
  await requestJob("mail.deliver");
  return user;
}
