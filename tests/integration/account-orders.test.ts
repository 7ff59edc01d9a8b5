// Accounts when events come in an unusual order (found by an order-of-events review): a change of
// address asked for by whoever had the password must not outlive the owner's recovery; disabling
// voids every link still out; a password change checked against a password a reset has replaced
// is refused, never written over it; a klage on a decision a later letter replaced is refused.
import { describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/server/auth/password";
import { createSession } from "@/lib/server/auth/sessions";
import { signInWithPassword } from "@/lib/server/auth/sign-in";
import { assessSubmission, getArbeidskravOverview, getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { acceptInvitation } from "@/lib/server/users/invitations";
import { changePassword, confirmEmailChange, requestEmailChange, signOutEverywhere } from "@/lib/server/users/my-account";
import { requestPasswordReset, resetPassword } from "@/lib/server/users/password-reset";
import { createUserAccount, setUserDisabled } from "@/lib/server/users/manage-users";
import { fileStudentAppeal } from "@/lib/server/student-letters/appeals";
import { getStudentLetter } from "@/lib/server/student-letters/queries";
import { resolveViewer } from "@/lib/server/viewer";
import { OWN_CASE_MESSAGE } from "@/lib/permissions";
import { createSubmission, createUser, enrol, uniqueEmail } from "@/prisma/seed/factories";
import { makeCohort, planDays, viewerOf } from "./cohort-world";
import { connectRaw, db, mailTo, someoneWaitsFor, tokenIn } from "./support";

vi.mock("@/lib/server/auth", () => ({ signIn: vi.fn(), signOut: vi.fn(), SignInLimited: class extends Error {} }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {} }));

// A gate on hashing one particular password, to hold a request between its checks and its write.
const gate: { password: string | null; release: (() => void) | null; reached: (() => void) | null } = { password: null, release: null, reached: null };
vi.mock("@/lib/server/auth/password", async (original) => {
  const real = await original<typeof import("@/lib/server/auth/password")>();
  return {
    ...real,
    hashPassword: async (password: string) => {
      if (gate.password === password) {
        gate.reached?.();
        await new Promise<void>((resolve) => (gate.release = resolve));
      }
      return real.hashPassword(password);
    },
    // The same gate on checking a password (a sign-in between its check and its session).
    verifyPassword: async (password: string, hash: string) => {
      const valid = await real.verifyPassword(password, hash);
      if (gate.password === password) {
        gate.reached?.();
        await new Promise<void>((resolve) => (gate.release = resolve));
      }
      return valid;
    },
  };
});

const OLD = "gammelt-passord-til-test";
const OWNER_NEW = "eierens nye sikre passord";
const ATTACKER_NEW = "angriperens eget passord";


describe("a pending change of address and the owner's recovery", () => {
  it("a password reset voids the link sent to the other address", async () => {
    const user = await createUser(db(), { password: OLD });
    const stolen = await createSession(db(), user.id, "attacker");
    const attacker = (await resolveViewer(stolen))!;
    const attackerAddress = uniqueEmail("angriper");
    await requestEmailChange(attacker, { newEmail: attackerAddress, currentPassword: OLD });
    const changeToken = tokenIn((await mailTo(attackerAddress, /^Bekreft den nye/))!.text, "/bekreft-ny-epost");

    // The owner follows the advice in the notice: resets the password (every session ends).
    await requestPasswordReset(user.email, { clientAddress: null });
    const reset = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");
    await resetPassword(reset, OWNER_NEW);
    expect(await resolveViewer(stolen)).toBeNull();

    // Now the attacker uses the link: the account's address becomes theirs.
    const outcome = await confirmEmailChange(changeToken).then(
      (value) => ({ ok: true as const, value }),
      (error: Error) => ({ ok: false as const, message: error.message }),
    );
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(outcome.ok).toBe(false);
    expect(after.email).toBe(user.email);
  });

  it("so does «Logg ut på alle enheter» (the warning to the old address says so)", async () => {
    const user = await createUser(db(), { password: OLD });
    const stolen = await createSession(db(), user.id, "attacker");
    const attackerAddress = uniqueEmail("angriper2");
    await requestEmailChange((await resolveViewer(stolen))!, { newEmail: attackerAddress, currentPassword: OLD });
    const changeToken = tokenIn((await mailTo(attackerAddress, /^Bekreft den nye/))!.text, "/bekreft-ny-epost");
    const mine = await createSession(db(), user.id, "owner");
    await signOutEverywhere((await resolveViewer(mine))!);
    const outcome = await confirmEmailChange(changeToken).then(
      () => "changed",
      (error: Error) => error.message,
    );
    expect(outcome).not.toBe("changed");
  });
});

describe("disabling an account voids the links still out", () => {
  it("a reset link issued before it was disabled does not work once it is enabled again", async () => {
    const admin = viewerOf(await createUser(db(), { roles: ["ADMIN"] }));
    const user = await createUser(db(), { password: OLD, roles: ["STUDENT"] });
    await requestPasswordReset(user.email, { clientAddress: null });
    const reset = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");
    await setUserDisabled(admin, user.id, true);
    await setUserDisabled(admin, user.id, false);
    const outcome = await resetPassword(reset, OWNER_NEW).then(
      () => "reset",
      (error: Error) => error.message,
    );
    expect(outcome).not.toBe("reset");
  });

  it("nor does an invitation", async () => {
    const adviser = viewerOf(await createUser(db(), { roles: ["ADVISER"] }));
    const invited = await createUserAccount(adviser, { name: "Invitert Person", email: uniqueEmail("invitert"), roles: ["FACULTY"] });
    const token = tokenIn((await mailTo(invited.email, /^Du har fått en konto/))!.text, "/invitasjon");
    await setUserDisabled(adviser, invited.id, true);
    await setUserDisabled(adviser, invited.id, false);
    const outcome = await acceptInvitation(token, OWNER_NEW).then(
      () => "accepted",
      (error: Error) => error.message,
    );
    expect(outcome).not.toBe("accepted");
  });
});

describe("disabling an account while it is made an admin", () => {
  it("reads the roles under the row's lock: an adviser waits for the grant, then may not disable an admin", async () => {
    const adviser = viewerOf(await createUser(db(), { roles: ["ADVISER"] }));
    const target = await createUser(db(), { roles: ["FACULTY"] });
    const granting = await connectRaw();
    try {
      await granting.query("BEGIN");
      await granting.query(`UPDATE "User" SET "roles" = ARRAY['ADMIN']::"Role"[] WHERE "id" = $1`, [target.id]);
      const disabling = setUserDisabled(adviser, target.id, true).then(
        () => "disabled",
        (error: Error) => error.name,
      );
      expect(await someoneWaitsFor(granting)).toBe(true);
      await granting.query("COMMIT");
      expect(await disabling).toBe("AccessDeniedError");
      expect(await db().user.findUniqueOrThrow({ where: { id: target.id }, select: { disabledAt: true, roles: true } })).toEqual({ disabledAt: null, roles: ["ADMIN"] });
    } finally {
      await granting.end();
    }
  });
});

describe("a password change checked before a reset that came in between", () => {
  it("is refused once a reset has replaced the password it was checked against: the owner's new password stands", async () => {
    const user = await createUser(db(), { password: OLD });
    const stolen = await createSession(db(), user.id, "attacker");
    const attacker = (await resolveViewer(stolen))!;
    await requestPasswordReset(user.email, { clientAddress: null });
    const reset = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");

    // The attacker's change passes its current-password check, then (while hashing) the owner resets.
    gate.password = ATTACKER_NEW;
    const reached = new Promise<void>((resolve) => (gate.reached = resolve));
    const change = changePassword(attacker, { currentPassword: OLD, newPassword: ATTACKER_NEW }).then(
      () => "changed",
      (error: Error) => error.message,
    );
    await reached;
    await resetPassword(reset, OWNER_NEW);
    expect(await resolveViewer(stolen)).toBeNull();
    gate.release!();
    const outcome = await change;
    gate.password = null;
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    const ownerWorks = await verifyPassword(OWNER_NEW, after.passwordHash!);
    const attackerWorks = await verifyPassword(ATTACKER_NEW, after.passwordHash!);
    const signIn = await signInWithPassword({ email: user.email, password: ATTACKER_NEW, clientAddress: null, userAgent: null });
    expect(outcome).toBe("Passordet er endret et annet sted mens du skrev, og du er logget ut. Logg inn med det nye passordet.");
    expect(ownerWorks).toBe(true);
    expect(attackerWorks).toBe(false);
    expect(signIn.ok).toBe(false);
  });
});


describe("a sign-in whose password check was running when the owner reset the password", () => {
  it("gets no session: the reset stands, and the old password opens nothing", async () => {
    const user = await createUser(db(), { password: OLD });
    await requestPasswordReset(user.email, { clientAddress: null });
    const reset = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");

    // The attacker's sign-in has read the account and checked the old password; the owner resets.
    gate.password = OLD;
    const reached = new Promise<void>((resolve) => (gate.reached = resolve));
    const signingIn = signInWithPassword({ email: user.email, password: OLD, clientAddress: null, userAgent: "attacker" });
    await reached;
    gate.password = null;
    await resetPassword(reset, OWNER_NEW);
    gate.release!();
    expect(await signingIn).toEqual({ ok: false, reason: "invalid" });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    // The owner signs in with the new password as usual.
    expect(await signInWithPassword({ email: user.email, password: OWNER_NEW, clientAddress: null, userAgent: "owner" })).toMatchObject({ ok: true });
  });
});

describe("a change of address checked before a reset that came in between", () => {
  it("issues no link: the owner's recovery voids every link, also one asked for while it ran", async () => {
    const user = await createUser(db(), { password: OLD });
    const stolen = await createSession(db(), user.id, "attacker");
    const attacker = (await resolveViewer(stolen))!;
    await requestPasswordReset(user.email, { clientAddress: null });
    const reset = tokenIn((await mailTo(user.email, /^Nytt passord/))!.text, "/nytt-passord");

    gate.password = OLD;
    const reached = new Promise<void>((resolve) => (gate.reached = resolve));
    const asking = requestEmailChange(attacker, { newEmail: uniqueEmail(), currentPassword: OLD }).then(
      () => "issued",
      (error: Error) => error.message,
    );
    await reached;
    gate.password = null;
    await resetPassword(reset, OWNER_NEW);
    gate.release!();
    expect(await asking).toBe("Passordet er endret et annet sted mens du skrev, og du er logget ut. Logg inn med det nye passordet.");
    expect(await db().accountToken.count({ where: { userId: user.id, purpose: "EMAIL_CHANGE", usedAt: null } })).toBe(0);
  });
});

describe("a link used while the owner's new password is being written", () => {
  it("waits for it and finds the link void, instead of the two deadlocking into an error page", async () => {
    const user = await createUser(db(), { password: OLD });
    const session = await createSession(db(), user.id, "owner");
    const viewer = (await resolveViewer(session))!;
    const newAddress = uniqueEmail();
    await requestEmailChange(viewer, { newEmail: newAddress, currentPassword: OLD });
    const link = tokenIn((await mailTo(newAddress, /^Bekreft den nye/))!.text, "/bekreft-ny-epost");
    // The owner's reset under way (storeNewPassword's order: the user's row, then the links).
    const reset = await connectRaw();
    try {
      await reset.query("BEGIN");
      await reset.query(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, [user.id]);
      const confirming = confirmEmailChange(link).then(
        () => "changed",
        (error: Error) => error.message,
      );
      expect(await someoneWaitsFor(reset)).toBe(true);
      await reset.query(`UPDATE "AccountToken" SET "usedAt" = now() WHERE "userId" = $1 AND "usedAt" IS NULL`, [user.id]);
      await reset.query("COMMIT");
      expect(await confirming).not.toMatch(/deadlock|changed/);
    } finally {
      await reset.end();
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });
});

describe("a klage on a decision that no longer stands", () => {
  it("is refused by the server, as the page does not offer it, once the fagansvarlig corrected the decision", async () => {
    const world = await makeCohort({ students: 1, samlinger: planDays("2025-01-07", 3), heldBefore: "2030-01-01" });
    const student = world.students[0]!;
    const definition = world.definitions.find((d) => d.number === 5)!;
    await db().submission.deleteMany({ where: { arbeidskravId: definition.id, members: { some: { enrolmentId: student.enrolmentId } } } });
    const submission = await createSubmission(db(), {
      arbeidskravId: definition.id,
      enrolmentIds: [student.enrolmentId],
      submittedById: student.userId,
      attempts: [
        { status: "NOT_APPROVED", assessorId: world.colleague.id, at: new Date("2025-03-01T10:00:00Z"), feedback: "Kort." },
        { status: "SUBMITTED", at: new Date("2025-03-15T10:00:00Z") },
      ],
    });
    const finalId = (await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id, attempt: 2 } })).id;
    await assessSubmission(world.colleague, { cohortId: world.cohortId, attemptId: finalId, decision: "NOT_APPROVED", feedback: "Mangler oppsummering." });
    const [letter] = await db().studentLetter.findMany({ where: { enrolmentId: student.enrolmentId } });
    expect(letter!.enkeltvedtak).toBe(true);
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: finalId, decision: "APPROVED", reason: "Oppsummeringen står på siste side." });
    const me = viewerOf(await db().user.findUniqueOrThrow({ where: { id: student.userId } }));
    const view = await getStudentLetter(me, letter!.id);
    const outcome = await fileStudentAppeal(me, letter!.id, { text: "Jeg klager likevel på vedtaket om ikke godkjent." }).then(
      (id) => `filed ${id}`,
      (error: Error) => error.message,
    );
    expect(view.canAppeal).toBe(false);
    expect(outcome).toBe("Vedtaket gjelder ikke lenger: et senere brev i saken har erstattet det. Se det nyeste brevet under Brev.");
    expect(await db().studentAppeal.count({ where: { letterId: letter!.id } })).toBe(0);
  });
});

describe("a staff member who is also a student", () => {
  it("does not assess her own hand-in, nor correct its assessment (forvaltningsloven § 6); a colleague does", async () => {
    const world = await makeCohort({ students: 1, samlinger: [["2020-09-01"]], heldBefore: "2020-01-01", approved: () => 5 });
    const both = await createUser(db(), { name: "Veileder og student", roles: ["ADVISER", "STUDENT"] });
    const enrolment = await enrol(db(), { userId: both.id, cohortId: world.cohortId });
    const submission = await createSubmission(db(), {
      arbeidskravId: world.definitions[0]!.id,
      enrolmentIds: [enrolment.id],
      submittedById: both.id,
      attempts: [{ status: "SUBMITTED", at: new Date("2020-09-20T10:00:00Z") }],
    });
    const attempt = await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id } });
    // The pages say so instead of offering it: the waiting list and the hand-in's own page.
    const waitingOwn = async (viewer: ReturnType<typeof viewerOf>) =>
      (await getArbeidskravOverview(viewer, world.cohortId)).waiting.filter((row) => row.submissionId === submission.id).map((row) => row.own);
    expect(await waitingOwn(viewerOf(both))).toEqual([true]);
    expect(await waitingOwn(world.teacher)).toEqual([false]);
    expect((await getSubmissionForAssessment(viewerOf(both), world.cohortId, submission.id)).own).toBe(true);
    expect((await getSubmissionForAssessment(world.teacher, world.cohortId, submission.id)).own).toBe(false);
    await expect(assessSubmission(viewerOf(both), { cohortId: world.cohortId, attemptId: attempt.id, decision: "APPROVED", feedback: "Godkjent." })).rejects.toThrow(OWN_CASE_MESSAGE);
    expect(await db().submissionAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ status: "SUBMITTED", assessorId: null });
    await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: "APPROVED", feedback: "Godkjent." });
    // Nor as the kull's fagansvarlig.
    await db().cohortTeacher.updateMany({ where: { cohortId: world.cohortId }, data: { academicLead: false } });
    await db().cohortTeacher.create({ data: { cohortId: world.cohortId, userId: both.id, academicLead: true } });
    await expect(correctAssessment(viewerOf(both), { cohortId: world.cohortId, attemptId: attempt.id, decision: "NOT_APPROVED", reason: "Rettet." })).rejects.toThrow(OWN_CASE_MESSAGE);
  });
});
