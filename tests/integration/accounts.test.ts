// Accounts people can recover and trust: forgotten password, e-mail verification, staff
// invitations, "Min konto", and idle sessions — through the real use cases and server actions.
import { describe, expect, it, vi } from "vitest";
import { changePasswordAction, requestEmailChangeAction, requestPasswordResetAction, resendVerificationAction, resetPasswordAction } from "@/lib/actions/account";
import { createUser as createUserAction, renewInvitationAction } from "@/lib/actions/manage-users";
import { submitApplicationAction } from "@/lib/actions/application";
import { FORBIDDEN_MESSAGE } from "@/lib/server/action";
import { verifyPassword } from "@/lib/server/auth/password";
import { SESSION_IDLE_SECONDS, SESSION_TOUCH_INTERVAL_SECONDS } from "@/lib/server/auth/sessions";
import { signInWithPassword } from "@/lib/server/auth/sign-in";
import { hashToken } from "@/lib/server/auth/tokens";
import { VERIFY_BEFORE_SUBMITTING } from "@/lib/server/applications/submission";
import { deliverQueuedMail } from "@/lib/server/mail";
import { cleanUpExpiredAccountData } from "@/lib/server/maintenance";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import { INVALID_VERIFICATION_LINK, verifyEmail } from "@/lib/server/users/email-verification";
import { acceptInvitation, INVALID_INVITATION_LINK } from "@/lib/server/users/invitations";
import { confirmEmailChange, signOutEverywhere } from "@/lib/server/users/my-account";
import { INVALID_RESET_LINK, requestPasswordReset, resetPassword } from "@/lib/server/users/password-reset";
import { registerApplicant } from "@/lib/server/users/register-applicant";
import { resolveViewer } from "@/lib/server/viewer";
import { attachPdf, COMPLETE_APPLICATION, createApplication, createOpenCohort, createUser, uniqueEmail } from "@/prisma/seed/factories";
import { db, mailTo, redirectOf, signInAs, signInAsNew, submit, tokenIn } from "./support";

// next-auth's sign-in needs a Next.js request; the actions that call it are driven in the
// end-to-end tests, and here through their use cases.
vi.mock("@/lib/server/auth", () => ({ signIn: vi.fn(), signOut: vi.fn(), SignInLimited: class extends Error {} }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {} }));

const OLD_PASSWORD = "gammelt-passord-til-test";
const NEW_PASSWORD = "tre ord i en setning";
const MINUTE = 60_000;

const setHeaders = (headers: Record<string, string>) => {
  (globalThis as { __testRequestHeaders?: Record<string, string> }).__testRequestHeaders = headers;
};

describe("forgotten password", () => {
  it("mails a one-time link stored only as a hash; the stored copy of the mail loses it once sent", async () => {
    const user = await createUser(db(), { password: OLD_PASSWORD });
    await requestPasswordReset(user.email, { clientAddress: "192.0.2.10" });
    const mail = await mailTo(user.email, /^Nytt passord/);
    expect(mail).not.toBeNull();
    const token = tokenIn(mail!.text, "/nytt-passord");
    const row = await db().accountToken.findFirstOrThrow({ where: { userId: user.id, purpose: "PASSWORD_RESET" } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * MINUTE);
    await deliverQueuedMail();
    const sent = await db().mailMessage.findUniqueOrThrow({ where: { id: mail!.id } });
    expect(sent.sentAt).not.toBeNull();
    expect(sent.text).not.toContain(token);
    expect(sent.text).toContain("/nytt-passord/[lenken er fjernet fra vår kopi]");
    const entry = await db().auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.password-reset-request" } });
    expect(JSON.stringify({ before: entry.before, after: entry.after })).not.toContain(token);
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const known = await createUser(db(), { password: OLD_PASSWORD });
    const unknown = uniqueEmail("finnes-ikke");
    setHeaders({ "x-forwarded-for": "192.0.2.11" });
    const knownAnswer = await redirectOf(() => submit(requestPasswordResetAction, { email: known.email }));
    const unknownAnswer = await redirectOf(() => submit(requestPasswordResetAction, { email: unknown }));
    expect(knownAnswer).toBe("/glemt-passord?sendt=1");
    expect(unknownAnswer).toBe(knownAnswer);
    expect(await db().mailMessage.count({ where: { to: known.email } })).toBe(1);
    expect(await db().mailMessage.count({ where: { to: unknown } })).toBe(0);
    expect(await db().accountToken.count({ where: { user: { email: unknown } } })).toBe(0);
  });

  it("works once, ends every session, verifies the address, clears the sign-in limit and is audited", async () => {
    const user = await createUser(db(), { password: OLD_PASSWORD, emailVerified: false });
    const elsewhere = await signInAs(user);
    // Someone has been guessing: the account is locked for now.
    for (let index = 0; index < 10; index += 1) await consumeRateLimit(RATE_LIMITS.signInAccount(user.email));
    await requestPasswordReset(user.email, { clientAddress: null });
    const token = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");

    expect(await resetPassword(token, NEW_PASSWORD)).toEqual({ email: user.email });
    expect(await resolveViewer(elsewhere)).toBeNull();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    const updated = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, emailVerifiedAt: true } });
    expect(await verifyPassword(NEW_PASSWORD, updated.passwordHash!)).toBe(true);
    expect(updated.emailVerifiedAt).not.toBeNull();
    expect(await signInWithPassword({ email: user.email, password: NEW_PASSWORD, clientAddress: null, userAgent: null })).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email: user.email, password: OLD_PASSWORD, clientAddress: null, userAgent: null })).toEqual({ ok: false, reason: "invalid" });
    expect(await db().auditLog.count({ where: { entityId: user.id, action: "user.password-reset", actorId: user.id } })).toBe(1);
    expect(await mailTo(user.email, /^Passordet ditt er endret/)).not.toBeNull();

    // Used once: the same link again does nothing.
    await expect(resetPassword(token, "et helt annet passord")).rejects.toThrow(INVALID_RESET_LINK);
  });

  it("signs the owner in after the reset even while others keep the account locked", async () => {
    const user = await createUser(db(), { password: OLD_PASSWORD });
    await requestPasswordReset(user.email, { clientAddress: null });
    const token = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");
    const { signIn } = await import("@/lib/server/auth");
    const signInMock = vi.mocked(signIn);
    signInMock.mockClear();
    await redirectOf(() => submit(resetPasswordAction, { token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }));
    // Someone keeps guessing, from everywhere: the account is locked again at once.
    for (let index = 0; index < 11; index += 1) {
      await signInWithPassword({ email: user.email, password: `gjett-${index}-igjen`, clientAddress: null, userAgent: null });
    }
    expect(await signInWithPassword({ email: user.email, password: NEW_PASSWORD, clientAddress: null, userAgent: null })).toMatchObject({ reason: "limited" });
    // The sign-in the reset makes (next-auth hands these fields to authorize) still gets in.
    expect(signInMock).toHaveBeenCalledTimes(1);
    const [provider, fields] = signInMock.mock.calls[0] as [string, { email: string; password: string; grant?: string }];
    expect(provider).toBe("credentials");
    expect(await signInWithPassword({ email: fields.email, password: fields.password, clientAddress: null, userAgent: null, ownerGrant: fields.grant ?? null })).toMatchObject({ ok: true });
  });

  it("works within 60 minutes and not after", async () => {
    const user = await createUser(db(), { password: OLD_PASSWORD });
    const issued = new Date();
    await requestPasswordReset(user.email, { clientAddress: null }, issued);
    const token = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");
    await expect(resetPassword(token, NEW_PASSWORD, new Date(issued.getTime() + 60 * MINUTE + 1000))).rejects.toThrow(INVALID_RESET_LINK);
    expect(await resetPassword(token, NEW_PASSWORD, new Date(issued.getTime() + 59 * MINUTE))).toEqual({ email: user.email });
  });

  it("only the newest link works, and a new password is checked against the rule and the address", async () => {
    const user = await createUser(db(), { password: OLD_PASSWORD, email: uniqueEmail("ola.nordmann") });
    await requestPasswordReset(user.email, { clientAddress: null });
    const first = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await requestPasswordReset(user.email, { clientAddress: null });
    const second = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");
    expect(second).not.toBe(first);
    await expect(resetPassword(first, NEW_PASSWORD)).rejects.toThrow(INVALID_RESET_LINK);
    await expect(resetPassword(second, "passord123")).rejects.toThrow(/blant de mest brukte/);
    await expect(resetPassword(second, user.email)).rejects.toThrow(/e-postadressen din/);
    expect(await resetPassword(second, NEW_PASSWORD)).toEqual({ email: user.email });
  });

  it("sends at most three links an hour to one address, and says the same every time", async () => {
    const user = await createUser(db(), { password: OLD_PASSWORD });
    for (let index = 0; index < 5; index += 1) await requestPasswordReset(user.email, { clientAddress: null });
    expect(await db().mailMessage.count({ where: { to: user.email } })).toBe(3);
  });

  it("slows one client address asking for many links, with a Norwegian message", async () => {
    setHeaders({ "x-forwarded-for": "192.0.2.99" });
    for (let index = 0; index < 10; index += 1) {
      await redirectOf(() => submit(requestPasswordResetAction, { email: uniqueEmail("spray") }));
    }
    const refused = await submit(requestPasswordResetAction, { email: uniqueEmail("spray") });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.message).toMatch(/^Du har bedt om mange lenker for å tilbakestille passord den siste timen\. Prøv igjen (?:\d{1,2}\. [a-zæøå]+ \d{4} )?kl\. \d\d\.\d\d\.$/);
  });
});

describe("e-mail verification for self-registered applicants", () => {
  it("lets an unverified applicant draft but not submit, and submit once the link is used", async () => {
    const email = uniqueEmail("ny.soker");
    const user = await registerApplicant({ name: "Nina Ny", email, password: OLD_PASSWORD }, { clientAddress: "192.0.2.20" });
    expect(user.emailVerifiedAt).toBeNull();
    const mail = await mailTo(email, /^Bekreft e-postadressen din/);
    const token = tokenIn(mail!.text, "/bekreft-epost");
    expect(await db().auditLog.count({ where: { entityId: user.id, action: "user.register" } })).toBe(1);

    await signInAs(user);
    const { cohort } = await createOpenCohort(db());
    const application = await createApplication(db(), { applicantId: user.id, cohortId: cohort.id, ...COMPLETE_APPLICATION });
    await attachPdf(db(), { applicationId: application.id, uploadedById: user.id, kind: "VITNEMAL", originalName: "vitnemål.pdf" });
    await attachPdf(db(), {
      applicationId: application.id,
      uploadedById: user.id,
      kind: "TJENESTEBEVIS",
      originalName: "tjenestebevis.pdf",
      positionId: application.positions[0]!.id,
    });
    const refused = await submit(submitApplicationAction, { applicationId: application.id, confirm: "on" });
    expect(refused).toMatchObject({ ok: false, message: VERIFY_BEFORE_SUBMITTING });
    expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("DRAFT");

    expect(await verifyEmail(token)).toEqual({ email });
    await expect(verifyEmail(token)).rejects.toThrow(INVALID_VERIFICATION_LINK);
    expect(await db().auditLog.count({ where: { entityId: user.id, action: "user.verify-email" } })).toBe(1);
    await signInAs(user); // a new request: the viewer is read afresh
    expect(await redirectOf(() => submit(submitApplicationAction, { applicationId: application.id, confirm: "on" }))).toBe(
      `/soker/soknad/${application.id}?sendt=1`,
    );
  });

  it("sends the link again on request; the old one stops working", async () => {
    const email = uniqueEmail("igjen");
    const user = await registerApplicant({ name: "Igjen Igjensen", email, password: OLD_PASSWORD }, { clientAddress: null });
    const first = tokenIn((await mailTo(email, /^Bekreft e-postadressen din/))!.text, "/bekreft-epost");
    await signInAs(user);
    const resent = await submit(resendVerificationAction, {});
    expect(resent).toMatchObject({ ok: true, message: `Vi har sendt en ny lenke til ${email}. Den forrige virker ikke lenger.` });
    const second = tokenIn((await mailTo(email, /^Bekreft e-postadressen din/))!.text, "/bekreft-epost");
    expect(second).not.toBe(first);
    await expect(verifyEmail(first)).rejects.toThrow(INVALID_VERIFICATION_LINK);
    expect(await verifyEmail(second)).toEqual({ email });
    await signInAs(user);
    expect(await submit(resendVerificationAction, {})).toMatchObject({ ok: false, message: "E-postadressen din er allerede bekreftet." });
  });

  it("does not verify an address the account no longer uses", async () => {
    const email = uniqueEmail("byttet");
    const user = await registerApplicant({ name: "Bytte Adresse", email, password: OLD_PASSWORD }, { clientAddress: null });
    const token = tokenIn((await mailTo(email, /^Bekreft e-postadressen din/))!.text, "/bekreft-epost");
    await db().user.update({ where: { id: user.id }, data: { email: uniqueEmail("ny-adresse") } });
    await expect(verifyEmail(token)).rejects.toThrow(INVALID_VERIFICATION_LINK);
  });

  it("limits new accounts per client address", async () => {
    for (let index = 0; index < 10; index += 1) {
      await registerApplicant({ name: "Mange Kontoer", email: uniqueEmail("mange"), password: OLD_PASSWORD }, { clientAddress: "192.0.2.21" });
    }
    await expect(
      registerApplicant({ name: "En For Mye", email: uniqueEmail("for-mye"), password: OLD_PASSWORD }, { clientAddress: "192.0.2.21" }),
    ).rejects.toThrow(/opprettet mange kontoer fra din nettverksadresse.*Prøv igjen (?:\d{1,2}\. [a-zæøå]+ \d{4} )?kl\./);
  }, 60_000);
});

describe("staff invitations", () => {
  it("creates an account without a password and mails a 7-day link to choose one", async () => {
    const adviser = await signInAsNew({ roles: ["ADVISER"], name: "Vera Veileder" });
    const email = uniqueEmail("ny.faglaerer");
    const result = await submit(createUserAction, { name: "Finn Faglærer", email, roles: "FACULTY" });
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toMatch(/Vi har sendt en invitasjon/);
    const created = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true, emailVerifiedAt: true } });
    expect(created).toMatchObject({ passwordHash: null, emailVerifiedAt: null });
    const mail = await mailTo(email, /^Du har fått en konto/);
    expect(mail!.text).toContain("Vera Veileder har opprettet en konto til deg");
    const token = tokenIn(mail!.text, "/invitasjon");
    const row = await db().accountToken.findFirstOrThrow({ where: { userId: created.id, purpose: "INVITATION" } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 60 * MINUTE);

    // Nobody can sign in to it before the invitation is used.
    expect(await signInWithPassword({ email, password: NEW_PASSWORD, clientAddress: null, userAgent: null })).toEqual({ ok: false, reason: "invalid" });
    expect(await acceptInvitation(token, NEW_PASSWORD)).toEqual({ email });
    const accepted = await db().user.findUniqueOrThrow({ where: { id: created.id }, select: { passwordHash: true, emailVerifiedAt: true } });
    expect(await verifyPassword(NEW_PASSWORD, accepted.passwordHash!)).toBe(true);
    expect(accepted.emailVerifiedAt).not.toBeNull();
    expect(await signInWithPassword({ email, password: NEW_PASSWORD, clientAddress: null, userAgent: null })).toMatchObject({ ok: true });
    await expect(acceptInvitation(token, "et annet passord igjen")).rejects.toThrow(INVALID_INVITATION_LINK);
    expect(await db().auditLog.count({ where: { entityId: created.id, action: "user.invitation-accept" } })).toBe(1);
    expect(adviser.id).toBeTruthy();
  });

  it("expires after 7 days; the adviser sends a new one, and only while no password is chosen", async () => {
    await signInAsNew({ roles: ["ADVISER"] });
    const email = uniqueEmail("invitert");
    await submit(createUserAction, { name: "Ida Invitert", email, roles: "STUDENT" });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const first = tokenIn((await mailTo(email, /^Du har fått en konto/))!.text, "/invitasjon");
    await expect(acceptInvitation(first, NEW_PASSWORD, new Date(Date.now() + 7 * 24 * 60 * MINUTE + 1000))).rejects.toThrow(INVALID_INVITATION_LINK);

    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await submit(renewInvitationAction, { userId: user.id })).toMatchObject({ ok: true, message: expect.stringMatching(/^Ny invitasjon sendt/) });
    const second = tokenIn((await mailTo(email, /^Du har fått en konto/))!.text, "/invitasjon");
    await expect(acceptInvitation(first, NEW_PASSWORD)).rejects.toThrow(INVALID_INVITATION_LINK);
    expect(await acceptInvitation(second, NEW_PASSWORD)).toEqual({ email });
    expect(await submit(renewInvitationAction, { userId: user.id })).toMatchObject({ ok: false, message: "Ida Invitert har allerede valgt passord." });

    await signInAsNew({ roles: ["APPLICANT"] });
    expect(await submit(renewInvitationAction, { userId: user.id })).toMatchObject({ ok: false, message: FORBIDDEN_MESSAGE });
  });

  it("an invitation link stops working once the person sets a password through «Glemt passord»", async () => {
    await signInAsNew({ roles: ["ADVISER"] });
    const email = uniqueEmail("glemte");
    await submit(createUserAction, { name: "Glemt Invitasjon", email, roles: "FACULTY" });
    const invitation = tokenIn((await mailTo(email, /^Du har fått en konto/))!.text, "/invitasjon");
    await requestPasswordReset(email, { clientAddress: null });
    const reset = tokenIn((await mailTo(email, /^Nytt passord/))!.text, "/nytt-passord");
    await resetPassword(reset, NEW_PASSWORD);
    await expect(acceptInvitation(invitation, "noen andre sitt passord")).rejects.toThrow(INVALID_INVITATION_LINK);
  });
});

describe("Min konto", () => {
  it("changes the password with the current one, and ends every other session but this one", async () => {
    const user = await createUser(db(), { password: OLD_PASSWORD });
    const other = await signInAs(user);
    const here = await signInAs(user);
    const wrong = await submit(changePasswordAction, { currentPassword: "feil-passord-her", newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["Feil passord."] } });
    expect(wrong.values).toEqual({});
    const changed = await submit(changePasswordAction, { currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD });
    expect(changed).toMatchObject({ ok: true, message: "Passordet er endret. Du er logget ut på én annen enhet." });
    expect(await resolveViewer(other)).toBeNull();
    expect(await resolveViewer(here)).toMatchObject({ id: user.id });
    expect(await mailTo(user.email, /^Passordet ditt er endret/)).not.toBeNull();
    expect(await db().auditLog.count({ where: { entityId: user.id, action: "user.password-change" } })).toBe(1);
  });

  it("stops a stolen session from guessing the current password", async () => {
    const user = await createUser(db(), { password: OLD_PASSWORD });
    await signInAs(user);
    for (let index = 0; index < 5; index += 1) {
      await submit(changePasswordAction, { currentPassword: `gjett-${index}-passord`, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD });
    }
    const refused = await submit(changePasswordAction, { currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD });
    expect(refused.message).toMatch(/^For mange feil passord\. Prøv igjen (?:\d{1,2}\. [a-zæøå]+ \d{4} )?kl\./);
  });

  it("changes the e-mail address only when the link sent to the new address is used; the old address is told", async () => {
    const user = await createUser(db(), { password: OLD_PASSWORD, name: "Endre Epost" });
    await signInAs(user);
    const newEmail = uniqueEmail("ny.adresse");
    const refused = await submit(requestEmailChangeAction, { newEmail, emailPassword: "feil-passord-her" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { emailPassword: ["Feil passord."] } });
    const requested = await submit(requestEmailChangeAction, { newEmail, emailPassword: OLD_PASSWORD });
    expect(requested).toMatchObject({ ok: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await mailTo(user.email, /^Noen har bedt om å endre e-postadressen/)).not.toBeNull();
    // A reset link sent to the old address before the change must not work after it.
    await requestPasswordReset(user.email, { clientAddress: null });
    const reset = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");

    const token = tokenIn((await mailTo(newEmail, /^Bekreft den nye e-postadressen/))!.text, "/bekreft-ny-epost");
    expect(await confirmEmailChange(token)).toEqual({ email: newEmail });
    const changed = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(changed.email).toBe(newEmail);
    expect(changed.emailVerifiedAt).not.toBeNull();
    expect(await mailTo(user.email, /^E-postadressen for kontoen din er endret/)).not.toBeNull();
    await expect(resetPassword(reset, NEW_PASSWORD)).rejects.toThrow(INVALID_RESET_LINK);
    await expect(confirmEmailChange(token)).rejects.toThrow(/Lenken virker ikke lenger/);
    expect(await db().auditLog.count({ where: { entityId: user.id, action: "user.email-change" } })).toBe(1);
  });

  it("refuses an address another account uses", async () => {
    const taken = await createUser(db());
    const user = await createUser(db(), { password: OLD_PASSWORD });
    await signInAs(user);
    const result = await submit(requestEmailChangeAction, { newEmail: taken.email, emailPassword: OLD_PASSWORD });
    expect(result).toMatchObject({ ok: false, fieldErrors: { newEmail: ["Den adressen brukes av en annen konto."] } });
  });

  it("signs out of every device", async () => {
    const user = await createUser(db(), { password: OLD_PASSWORD });
    const sessions = [await signInAs(user), await signInAs(user), await signInAs(user)];
    const viewer = (await resolveViewer(sessions[2]!))!;
    expect(await signOutEverywhere(viewer)).toBe(3);
    for (const session of sessions) expect(await resolveViewer(session)).toBeNull();
    expect(await db().auditLog.count({ where: { entityId: user.id, action: "user.sign-out-everywhere" } })).toBe(1);
  });
});

describe("idle sessions", () => {
  it("end after two hours without a request, and stay while in use", async () => {
    const user = await createUser(db());
    const start = Date.now();
    const idle = await signInAs(user);
    expect(await resolveViewer(idle, new Date(start + (SESSION_IDLE_SECONDS - 60) * 1000))).not.toBeNull();
    expect(await resolveViewer(idle, new Date(start + (SESSION_IDLE_SECONDS - 60 + SESSION_IDLE_SECONDS + SESSION_TOUCH_INTERVAL_SECONDS + 1) * 1000))).toBeNull();

    const busy = await signInAs(user);
    for (let minutes = 30; minutes <= 6 * 60; minutes += 30) {
      expect(await resolveViewer(busy, new Date(start + minutes * MINUTE)), `after ${minutes} minutes`).not.toBeNull();
    }
    // Two hours and more after its last request it has ended, and is gone.
    expect(await resolveViewer(busy, new Date(start + (6 * 60 + 126) * MINUTE))).toBeNull();
    expect(await db().session.count({ where: { id: busy } })).toBe(0);
  });

  it("are written at most every five minutes, not on every request", async () => {
    const user = await createUser(db());
    const sessionId = await signInAs(user);
    const { lastSeenAt } = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    await resolveViewer(sessionId, new Date(lastSeenAt.getTime() + 4 * MINUTE));
    expect((await db().session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(lastSeenAt);
    const later = new Date(lastSeenAt.getTime() + 6 * MINUTE);
    await resolveViewer(sessionId, later);
    expect((await db().session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(later);
  });

  it("are swept by the cleanup job with spent links and ended rate-limit windows", async () => {
    const user = await createUser(db());
    const sessionId = await signInAs(user);
    const result = await cleanUpExpiredAccountData(new Date(Date.now() + 11 * 3_600_000));
    expect(result.sessions).toBeGreaterThanOrEqual(1);
    expect(await db().session.count({ where: { id: sessionId } })).toBe(0);
  });
});
