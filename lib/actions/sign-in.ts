"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/forms";
import { formInput, formValues } from "@/lib/forms";
import { signIn, SignInLimited } from "@/lib/server/auth";
import { fieldErrorsFrom } from "@/lib/server/action";
import { feideConfigured } from "@/lib/env";
import { email, returnPath, safeReturnPath } from "@/lib/validation/common";

const schema = z.object({
  email,
  password: z.string({ error: "Skriv inn passordet ditt." }).min(1, "Skriv inn passordet ditt."),
  neste: returnPath,
});

/** Signs in with e-mail and password. On success next-auth redirects (to /min-side or `neste`). */
export async function signInWithPassword(_previous: ActionState, formData: FormData): Promise<ActionState> {
  // The password is never sent back to the page.
  const { password: _password, ...values } = formValues(formData);
  const parsed = schema.safeParse(formInput(formData));
  if (!parsed.success) {
    return { ok: false, message: "Fyll inn e-post og passord.", fieldErrors: fieldErrorsFrom(parsed.error), values };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: parsed.data.neste ?? "/min-side",
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof SignInLimited) {
      return { ok: false, message: `${error.retryMessage} Har du glemt passordet, kan du lage et nytt med «Glemt passord».`, values };
    }
    if (error instanceof AuthError) {
      if (error.type !== "CredentialsSignin") {
        // Not a wrong password: something failed on our side (the log has it).
        return { ok: false, message: "Innloggingen virker ikke akkurat nå. Prøv igjen om litt.", values };
      }
      return { ok: false, message: "Feil e-postadresse eller passord.", values };
    }
    throw error; // the redirect after a successful sign-in
  }
}

/**
 * "Logg inn med Feide": hands over to Feide, coming back to `neste` (a path in the app) or
 * /min-side. A named action, not a closure in the page: a closure's captured values travel
 * encrypted in the form, and a crafted post without them made Next.js throw. Without Feide
 * configured (the button is not shown then) it goes back to the sign-in page.
 */
export async function signInWithFeide(formData: FormData): Promise<void> {
  if (!feideConfigured()) redirect("/login");
  const next = safeReturnPath(typeof formData.get("neste") === "string" ? (formData.get("neste") as string) : undefined);
  await signIn("feide", { redirectTo: next ?? "/min-side" });
}
