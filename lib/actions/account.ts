"use server";
// Account actions: forgotten password, links from e-mails (reset, invitation, verification,
// new address), and "Min konto". The ones behind an e-mail link need no session: the link is the
// proof (definePublicAction); the rest are the signed-in person's own (defineAction, any role).
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { signIn, signOut } from "@/lib/server/auth";
import { ownerSignInGrant } from "@/lib/server/auth/sign-in";
import { defineAction, definePublicAction } from "@/lib/server/action";
import { requestClientAddress } from "@/lib/server/request-context";
import { resendVerificationLink, verifyEmail } from "@/lib/server/users/email-verification";
import { acceptInvitation } from "@/lib/server/users/invitations";
import { changePassword, confirmEmailChange, requestEmailChange, signOutEverywhere } from "@/lib/server/users/my-account";
import { requestPasswordReset, resetPassword } from "@/lib/server/users/password-reset";
import { email, newPassword } from "@/lib/validation/common";

const EVERYONE = Object.values(Role);
const token = z.string({ error: "Lenken mangler." }).max(100, "Lenken er ugyldig.");
const currentPassword = (message: string) => z.string({ error: message }).min(1, message).max(200);

const newPasswordPair = {
  password: newPassword,
  passwordConfirm: z.string().optional(),
};
const samePasswords = (input: { password: string; passwordConfirm?: string }) => input.password === input.passwordConfirm;
const notSame = { path: ["passwordConfirm"], message: "Passordene er ikke like." };

/**
 * Signs in with the password just chosen and goes on. The link has proved the person owns the
 * account, so the sign-in carries an owner's grant: the per-account lock that others may be
 * keeping up does not hold it (lib/server/auth/sign-in.ts). If it is refused all the same (the
 * per-address limit), the password is still set: the sign-in page says so.
 */
async function signInWithNewPassword(address: string, password: string, redirectTo: string): Promise<never> {
  try {
    await signIn("credentials", { email: address, password, grant: ownerSignInGrant(address), redirectTo });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login?passord=nytt");
    throw error; // the redirect after a successful sign-in
  }
  redirect(redirectTo);
}

/** "Glemt passord". Every answer is the same page, whether or not the address has an account. */
export const requestPasswordResetAction = definePublicAction({
  schema: z.object({ email }),
  async handler({ input }) {
    await requestPasswordReset(input.email, { clientAddress: await requestClientAddress() });
    redirect("/glemt-passord?sendt=1");
  },
});

export const resetPasswordAction = definePublicAction({
  schema: z.object({ token, ...newPasswordPair }).refine(samePasswords, notSame),
  async handler({ input }) {
    const { email: address } = await resetPassword(input.token, input.password);
    await signInWithNewPassword(address, input.password, "/min-konto?passord=nytt");
  },
});

export const acceptInvitationAction = definePublicAction({
  schema: z.object({ token, ...newPasswordPair }).refine(samePasswords, notSame),
  async handler({ input }) {
    const { email: address } = await acceptInvitation(input.token, input.password);
    await signInWithNewPassword(address, input.password, "/min-side");
  },
});

export const verifyEmailAction = definePublicAction({
  schema: z.object({ token }),
  async handler({ input }) {
    const { email: address } = await verifyEmail(input.token);
    return { message: `E-postadressen ${address} er bekreftet.` };
  },
});

export const confirmEmailChangeAction = definePublicAction({
  schema: z.object({ token }),
  async handler({ input }) {
    const { email: address } = await confirmEmailChange(input.token);
    return { message: `E-postadressen for kontoen din er nå ${address}.` };
  },
});

export const resendVerificationAction = defineAction({
  roles: EVERYONE,
  schema: z.object({}),
  async handler({ viewer }) {
    const { email: address } = await resendVerificationLink(viewer);
    return { message: `Vi har sendt en ny lenke til ${address}. Den forrige virker ikke lenger.` };
  },
});

export const changePasswordAction = defineAction({
  roles: EVERYONE,
  schema: z
    .object({ currentPassword: currentPassword("Skriv det nåværende passordet ditt."), newPassword, newPasswordConfirm: z.string().optional() })
    .refine((input) => input.newPassword === input.newPasswordConfirm, { path: ["newPasswordConfirm"], message: "Passordene er ikke like." }),
  async handler({ viewer, input }) {
    const { endedSessions } = await changePassword(viewer, input);
    return {
      message:
        endedSessions > 0
          ? `Passordet er endret. Du er logget ut på ${endedSessions === 1 ? "én annen enhet" : `${endedSessions} andre enheter`}.`
          : "Passordet er endret.",
      values: {},
    };
  },
});

export const requestEmailChangeAction = defineAction({
  roles: EVERYONE,
  schema: z.object({
    newEmail: email,
    emailPassword: currentPassword("Skriv passordet ditt for å bekrefte at det er deg."),
  }),
  async handler({ viewer, input }) {
    await requestEmailChange(viewer, { newEmail: input.newEmail, currentPassword: input.emailPassword });
    return {
      message: `Vi har sendt en lenke til ${input.newEmail}. Adressen endres når du åpner lenken. Vi har også sagt fra til ${viewer.email}.`,
      values: {},
    };
  },
});

export const signOutEverywhereAction = defineAction({
  roles: EVERYONE,
  schema: z.object({}),
  async handler({ viewer }) {
    await signOutEverywhere(viewer);
    await signOut({ redirectTo: "/login?utlogget=alle" });
  },
});
