import "server-only";
import { createAccount } from "./create-account";

/** Anyone may register; the account is an applicant's and nothing more. */
export async function registerApplicant(input: { name: string; email: string; password: string }) {
  return createAccount(
    { ...input, roles: ["APPLICANT"] },
    {
      actorId: "self",
      action: "user.register",
      emailTaken: "Det finnes allerede en konto med denne e-postadressen. Logg inn i stedet.",
    },
  );
}
