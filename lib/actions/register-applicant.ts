"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formInput, formValues, type ActionState } from "@/lib/forms";
import { fieldErrorsFrom } from "@/lib/server/action";
import { requestClientAddress } from "@/lib/server/request-context";
import { registerApplicant } from "@/lib/server/users/register-applicant";
import { signIn } from "@/lib/server/auth";
import { DomainError } from "@/lib/server/errors";
import { checkbox, email, newPassword, requiredText, returnPath } from "@/lib/validation/common";

const schema = z
  .object({
    name: requiredText("Navn", 120),
    email,
    password: newPassword,
    passwordConfirm: z.string().optional(),
    privacy: checkbox,
    neste: returnPath,
  })
  .refine((input) => input.password === input.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "Passordene er ikke like.",
  })
  .refine((input) => input.privacy, {
    path: ["privacy"],
    message: "Du må bekrefte at du har lest hvordan vi behandler opplysningene dine.",
  });

/**
 * Anyone may register as an applicant; the account gets the APPLICANT role only, and a link to
 * verify the address is e-mailed. The new applicant is signed in at once and may fill in a draft.
 */
export async function registerApplicantAccount(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { password: _p, passwordConfirm: _c, ...values } = formValues(formData);
  const parsed = schema.safeParse(formInput(formData));
  if (!parsed.success) {
    return { ok: false, message: "Noe må rettes. Se feltene som er merket.", fieldErrors: fieldErrorsFrom(parsed.error), values };
  }
  try {
    await registerApplicant(parsed.data, { clientAddress: await requestClientAddress() });
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
    throw error;
  }
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: parsed.data.neste ?? "/soker" });
  } catch (error) {
    // The account exists; only the automatic sign-in was refused (a per-address limit).
    if (error instanceof AuthError) redirect(`/login?ny=1${parsed.data.neste ? `&neste=${encodeURIComponent(parsed.data.neste)}` : ""}`);
    throw error; // the redirect after a successful sign-in
  }
  return { ok: true };
}
