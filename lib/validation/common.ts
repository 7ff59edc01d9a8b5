// zod building blocks with Norwegian messages, shared by every form schema.
import { z } from "zod";
import { passwordProblem } from "@/lib/domain/password-policy";

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} må fylles ut.` })
    .trim()
    .min(1, `${label} må fylles ut.`)
    .max(max, `${label} kan ha høyst ${max} tegn.`);

export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${label} kan ha høyst ${max} tegn.`)
    .optional()
    .transform((value) => (value ? value : null));

const emailAddress = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .toLowerCase()
    .min(1, missing)
    .max(254, "E-postadressen er for lang.")
    .pipe(z.email("Skriv en gyldig e-postadresse, for eksempel navn@kommune.no."));

/** The user's own address (sign-in, registration). */
export const email = emailAddress("Skriv inn e-postadressen din.");

/** Someone else's address, typed by staff who create the account. */
export const personEmail = emailAddress("Skriv inn e-postadressen til personen.");

/**
 * A new password under the NIST rules (lib/domain/password-policy.ts): length, not on the list of
 * common passwords. Whether it is the person's own e-mail address is checked where the address is
 * known (the use cases call passwordProblem with it).
 */
export const newPassword = z.string({ error: "Velg et passord." }).superRefine((value, context) => {
  const problem = passwordProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

/** An HTML checkbox: "on" when ticked, absent when not. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** A path inside this site to return to (never another site: no "//", no backslash, no spaces). */
export function safeReturnPath(value: string | null | undefined): string | null {
  return value && /^\/(?![/\\])[^\s\\]*$/.test(value) ? value : null;
}

export const returnPath = z
  .string()
  .optional()
  .transform((value) => safeReturnPath(value));
