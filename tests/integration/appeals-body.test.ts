// The klagenemnd's decision on a klage we sent it (forvaltningsloven § 34), registered by an
// adviser from its letter and carried out: stadfestet (final, nothing changes), omgjort (the place,
// the leave … given, with a letter naming its decision), opphevet (the klage opened again, decided
// anew, and sent again), hevet (closed undecided: nothing to carry out). For an applicant's klage
// and a student's.
import { beforeAll, describe, expect, it } from "vitest";
import { markAppealsBodyFollowedUpAction, registerAppealsBodyDecisionAction } from "@/lib/actions/admission";
import { correctAssessmentAction } from "@/lib/actions/assessment";
import { markStudentAppealsBodyToldAction } from "@/lib/actions/student-letters";
import { osloDate } from "@/lib/domain/application-deadline";
import { ARCHIVED_KULL_MESSAGE } from "@/lib/domain/cohort-life";
import { addDays } from "@/lib/domain/dates";
import { klageDeadline } from "@/lib/domain/klage";
import { CLASSMATE_HEALTH_MESSAGE } from "@/lib/permissions";
import { decideAppeal, markAppealsBodyFollowedUp, registerAdmissionAppeal, registerAppealsBodyDecision } from "@/lib/server/admission/appeals";
import { listAppeals } from "@/lib/server/admission/queries";
import { NOT_AT_APPEALS_BODY, NOTHING_TO_FOLLOW_UP } from "@/lib/server/appeals-body";
import { grantLeave, refuseLeave } from "@/lib/server/enrolments/leave";
import { AccessDeniedError } from "@/lib/server/errors";
import { assessSubmission, getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { sendCorrectionNotice } from "@/lib/server/cohorts/correction-notices";
import {
  countOpenAppeals,
  decideStudentAppeal,
  fileStudentAppeal,
  listCohortAppeals,
  markStudentAppealForwarded,
  markStudentAppealsBodyFollowedUp,
  markStudentAppealsBodyTold,
  registerStudentAppealsBodyDecision,
} from "@/lib/server/student-letters/appeals";
import { listStudentLetters } from "@/lib/server/student-letters/queries";
import { createDecision, createOpenCohort, createReviewedApplication, createSubmission, createUser, day } from "@/prisma/seed/factories";
import { makeCohort, planDays, viewerOf, type World } from "./cohort-world";
import { db, redirectOf, signInAs, submit } from "./support";

const DECIDED_AT = new Date("2027-03-01T10:00:00Z"); // a Monday: the klage deadline is 22 March
const UPHELD_AT = new Date("2027-04-10T09:00:00Z"); // the klage upheld and sent on
const NOW = new Date("2027-06-01T09:00:00Z"); // the klagenemnd's letter has come

let adviser: ReturnType<typeof viewerOf>;

/** A refused applicant's klage, upheld by the adviser and sent to the klagenemnd on 10 April. */
async function atAppealsBody(name: string, options: { capacity?: number; offers?: number; outcome?: "REFUSAL" | "WAITLIST" } = {}) {
  const { cohort } = await createOpenCohort(db(), { capacity: options.capacity ?? 2, deadline: "2027-02-01" });
  for (let index = 0; index < (options.offers ?? 0); index += 1) {
    const taken = await createReviewedApplication(db(), { cohortId: cohort.id, name: `Tatt plass ${index + 1}` });
    await createDecision(db(), { applicationId: taken.application.id, decidedById: adviser.id, outcome: "OFFER", answerDeadline: "2027-07-01", decidedAt: DECIDED_AT });
  }
  const outcome = options.outcome ?? "REFUSAL";
  const { user, application } = await createReviewedApplication(db(), { cohortId: cohort.id, name, qualified: outcome !== "REFUSAL" });
  await db().application.update({ where: { id: application.id }, data: { status: "DECIDED" } });
  const decision = await createDecision(db(), { applicationId: application.id, decidedById: adviser.id, outcome, decidedAt: DECIDED_AT });
  await db().decisionLetter.updateMany({ where: { decisionId: decision.id }, data: { klageDeadline: day(klageDeadline("2027-03-01")) } });
  const { appealId } = await registerAdmissionAppeal(adviser, { applicationId: application.id, text: "Jeg klager på avslaget. Vitnemålet viser 180 studiepoeng.", receivedOn: "2027-03-15", lateReason: null }, UPHELD_AT);
  await decideAppeal(adviser, appealId, { kind: "UPHOLD", grounds: "Vitnemålet viser 120 studiepoeng.", forwarded: true }, UPHELD_AT);
  return { user, application, decision, appealId, cohortId: cohort.id };
}

/**
 * Fagnotat 2 of `members` handed in twice, the last time «ikke godkjent» by the fagansvarlig: a
 * vedtak letter to each; `klage(index, at)` files that member's klage on hers.
 */
async function finalRejection(world: World, members: World["students"]) {
  const fagnotat = world.definitions.find((definition) => definition.number === 3)!;
  await db().submission.deleteMany({ where: { arbeidskravId: fagnotat.id, members: { some: { enrolmentId: { in: members.map((row) => row.enrolmentId) } } } } });
  const submission = await createSubmission(db(), {
    arbeidskravId: fagnotat.id,
    enrolmentIds: members.map((row) => row.enrolmentId),
    submittedById: members[0]!.userId,
    attempts: [
      { status: "NOT_APPROVED", assessorId: world.colleague.id, at: new Date("2025-03-01T10:00:00Z"), feedback: "Mangler refleksjon." },
      { status: "SUBMITTED", at: new Date("2025-03-20T10:00:00Z") },
    ],
  });
  const attempt = await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id, attempt: 2 }, select: { id: true } });
  await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: "NOT_APPROVED", feedback: "Drøftingen er for tynn." });
  const klage = async (index: number, at: Date) => {
    const member = members[index]!;
    const letter = await db().studentLetter.findFirstOrThrow({ where: { enrolmentId: member.enrolmentId, kind: "ARBEIDSKRAV_NOT_APPROVED" } });
    const self = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: member.userId } })), roles: ["STUDENT"] });
    return fileStudentAppeal(self, letter.id, { text: "Del to drøfter saken grundig." }, at);
  };
  return { submissionId: submission.id, attemptId: attempt.id, klage };
}

const reversal = { outcome: "REVERSED" as const, decidedOn: "2027-05-20", reference: "27/00412", summary: "Utdanningen fra Dronning Mauds Minne gir 180 studiepoeng." };

beforeAll(async () => {
  adviser = viewerOf(await createUser(db(), { roles: ["ADVISER"], name: "Siri Studieveileder" }));
});

describe("the klagenemnd's decision on an admission klage", () => {
  it("omgjort: the applicant is offered the place with a letter naming the decision; a full kull gets one place more; registered once, by an adviser, dated after the sending", async () => {
    const { user, application, decision, appealId, cohortId } = await atAppealsBody("Rolf Refusert", { capacity: 2, offers: 2 });
    // While it waits, the klage is on the adviser's list of open klager, with its form.
    const waiting = (await listAppeals(adviser, { open: true })).find((row) => row.id === appealId)!;
    expect(waiting.appealsBody).toEqual({ waiting: true, decision: null });

    const teacher = viewerOf(await createUser(db(), { roles: ["FACULTY"] }));
    await expect(registerAppealsBodyDecision(teacher, appealId, reversal, NOW)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(registerAppealsBodyDecision(viewerOf({ ...user, roles: ["APPLICANT"] }), appealId, reversal, NOW)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(registerAppealsBodyDecision(adviser, appealId, { ...reversal, decidedOn: "2027-04-09" }, NOW)).rejects.toMatchObject({
      message: "Noe må rettes før klagenemndas vedtak kan registreres. Se det som er merket nedenfor.",
      fieldErrors: { decidedOn: ["Datoen er før klagen ble sendt til klagenemnda. Skriv datoen på klagenemndas vedtak."] },
    });
    await expect(registerAppealsBodyDecision(adviser, appealId, { ...reversal, decidedOn: "2027-06-02" }, NOW)).rejects.toMatchObject({ fieldErrors: { decidedOn: ["Datoen kan ikke være etter i dag."] } });
    // The form: what was typed comes back with the messages at their fields, nothing saved.
    await signInAs(adviser);
    const typed = { appealId, outcome: "REVERSED", decidedOn: "31.02.2027", reference: "27/00412", summary: " " };
    const bad = await submit(registerAppealsBodyDecisionAction, typed);
    expect(bad).toMatchObject({ ok: false, values: { reference: "27/00412", decidedOn: "31.02.2027" } });
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["decidedOn", "summary"]);
    expect(await db().appealsBodyDecision.count({ where: { appealId } })).toBe(0);
    expect((await db().decision.findUniqueOrThrow({ where: { id: decision.id } })).outcome).toBe("REFUSAL");

    expect(await registerAppealsBodyDecision(adviser, appealId, reversal, NOW)).toEqual({ carriedOut: true });
    // The decision binds us: the full kull got one place more, audited with why.
    expect((await db().cohort.findUniqueOrThrow({ where: { id: cohortId } })).capacity).toBe(3);
    const [capacityEntry] = await db().auditLog.findMany({ where: { action: "cohort.capacity", entityId: cohortId } });
    expect(capacityEntry).toMatchObject({ actorId: adviser.id, before: { capacity: 2 }, after: { capacity: 3, reason: expect.stringContaining("klagenemnda") } });
    const offered = await db().decision.findUniqueOrThrow({ where: { id: decision.id }, include: { letters: { orderBy: { version: "asc" } } } });
    expect(offered).toMatchObject({ outcome: "OFFER", answerDeadline: day(addDays("2027-06-01", 7)) });
    const letter = offered.letters.at(-1)!;
    expect(letter.kind).toBe("OFFER");
    expect(letter.body).toContain("Den sentrale klagenemnda ved NTNU har tatt klagen din til følge i vedtak av 20. mai 2027, saksnummer 27/00412. Du får derfor tilbud om studieplass");
    expect(letter.body).toContain(`Klagenemndas begrunnelse: ${reversal.summary}`);
    expect(letter.body).not.toContain("120 studiepoeng");
    expect(await db().mailMessage.findUnique({ where: { dedupeKey: `decision-letter:${letter.id}` } })).toMatchObject({ userId: user.id });
    // The assessment now says why she qualifies; the klage stays as the adviser decided it.
    expect(await db().application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ qualified: true, qualificationGrounds: `Den sentrale klagenemnda ved NTNU tok klagen til følge: ${reversal.summary}` });
    expect(await db().appeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ status: "UPHELD" });
    const [entry] = await db().auditLog.findMany({ where: { action: "appeals_body.decision", entityId: appealId } });
    expect(entry).toMatchObject({ actorId: adviser.id, after: expect.objectContaining({ outcome: "REVERSED", decidedOn: "2027-05-20", reference: "27/00412" }) });

    // Once: the second registration is refused, and the klage has left the open list.
    await expect(registerAppealsBodyDecision(adviser, appealId, { ...reversal, outcome: "UPHELD" }, NOW)).rejects.toThrow(NOT_AT_APPEALS_BODY);
    expect((await listAppeals(adviser, { open: true })).some((row) => row.id === appealId)).toBe(false);
    const all = (await listAppeals(adviser, { open: false })).find((row) => row.id === appealId)!;
    expect(all.appealsBody).toMatchObject({ waiting: false, decision: { outcome: "REVERSED", reference: "27/00412", registeredBy: { name: "Siri Studieveileder" } } });
  });

  it("stadfestet: the refusal stands and nothing else changes; opphevet: the klage opens again, is decided anew and may be sent again; hevet: nothing changes", async () => {
    const upheld = await atAppealsBody("Ulla Stadfestet");
    const letters = await db().decisionLetter.count({ where: { decisionId: upheld.decision.id } });
    expect(await registerAppealsBodyDecision(adviser, upheld.appealId, { ...reversal, outcome: "UPHELD", reference: null }, NOW)).toEqual({ carriedOut: false });
    expect(await db().decisionLetter.count({ where: { decisionId: upheld.decision.id } })).toBe(letters);
    expect((await db().decision.findUniqueOrThrow({ where: { id: upheld.decision.id } })).outcome).toBe("REFUSAL");
    expect(await db().appealsBodyDecision.findFirstOrThrow({ where: { appealId: upheld.appealId } })).toMatchObject({ outcome: "UPHELD", reference: null, registeredById: adviser.id });

    const quashed = await atAppealsBody("Oda Opphevet");
    await registerAppealsBodyDecision(adviser, quashed.appealId, { ...reversal, outcome: "QUASHED", summary: "Avslaget mangler begrunnelse for vurderingen av utdanningen." }, NOW);
    expect(await db().appeal.findUniqueOrThrow({ where: { id: quashed.appealId } })).toMatchObject({ status: "RECEIVED", forwardedAt: null, decidedAt: null, grounds: null });
    const reopened = (await listAppeals(adviser, { open: true })).find((row) => row.id === quashed.appealId)!;
    expect(reopened).toMatchObject({ status: "RECEIVED", appealsBody: { waiting: false, decision: { outcome: "QUASHED" } } });
    // Decided anew, upheld with the grounds the klagenemnd asked for, and sent again: a new
    // sending, answered once more.
    const later = new Date("2027-06-03T09:00:00Z");
    await decideAppeal(adviser, quashed.appealId, { kind: "UPHOLD", grounds: "Utdanningen er vurdert på nytt: 120 studiepoeng, ikke 180.", forwarded: true }, later);
    expect((await listAppeals(adviser, { open: true })).find((row) => row.id === quashed.appealId)!.appealsBody).toMatchObject({ waiting: true, decision: { outcome: "QUASHED" } });
    await expect(registerAppealsBodyDecision(adviser, quashed.appealId, { ...reversal, outcome: "UPHELD", decidedOn: "2027-06-02" }, later)).rejects.toMatchObject({
      fieldErrors: { decidedOn: [expect.stringContaining("før klagen ble sendt")] },
    });
    await registerAppealsBodyDecision(adviser, quashed.appealId, { ...reversal, outcome: "UPHELD", decidedOn: "2027-06-03" }, later);
    expect(await db().appealsBodyDecision.count({ where: { appealId: quashed.appealId } })).toBe(2);
    // Hevet (the applicant withdrew the klage there): registered, nothing carried out or written,
    // and the klage leaves the open list.
    const closed = await atAppealsBody("Hege Hevet");
    const before = await db().decisionLetter.count({ where: { decisionId: closed.decision.id } });
    expect(await registerAppealsBodyDecision(adviser, closed.appealId, { ...reversal, outcome: "CLOSED", summary: "Klagen er trukket. Saken heves." }, NOW)).toEqual({ carriedOut: false });
    expect(await db().decisionLetter.count({ where: { decisionId: closed.decision.id } })).toBe(before);
    expect((await db().decision.findUniqueOrThrow({ where: { id: closed.decision.id } })).outcome).toBe("REFUSAL");
    expect((await listAppeals(adviser, { open: true })).some((row) => row.id === closed.appealId)).toBe(false);
    expect((await listAppeals(adviser, { open: false })).find((row) => row.id === closed.appealId)!.appealsBody).toMatchObject({ waiting: false, decision: { outcome: "CLOSED" } });
  });

  it("omgjort when it can no longer be carried out here: registered all the same, with why, and nothing half done", async () => {
    const { decision, appealId } = await atAppealsBody("Vilde Venteliste", { outcome: "WAITLIST" });
    await db().decision.update({ where: { id: decision.id }, data: { outcome: "OFFER", waitlistPosition: null, answerDeadline: day("2027-06-10") } });
    const letters = await db().decisionLetter.count({ where: { decisionId: decision.id } });
    expect(await registerAppealsBodyDecision(adviser, appealId, reversal, NOW)).toEqual({ carriedOut: false });
    expect(await db().decisionLetter.count({ where: { decisionId: decision.id } })).toBe(letters);
    // Moot: she has the place; nothing for anyone to follow up.
    expect(await db().appealsBodyDecision.findFirstOrThrow({ where: { appealId } })).toMatchObject({
      outcome: "REVERSED",
      notCarriedOut: "Søkeren hadde allerede fått tilbud om studieplass.",
      followUpNote: "Ingenting å gjennomføre: Søkeren hadde allerede fått tilbud om studieplass.",
      followedUpById: adviser.id,
    });
    expect((await listAppeals(adviser, { open: true })).some((row) => row.id === appealId)).toBe(false);

    // The kull completed: the assessment was changed before the offer was refused, and is put back.
    const late = await atAppealsBody("Kåre Kullslutt");
    await db().cohort.update({ where: { id: late.cohortId }, data: { completedAt: new Date("2027-05-25T10:00:00Z") } });
    expect(await registerAppealsBodyDecision(adviser, late.appealId, reversal, NOW)).toEqual({ carriedOut: false });
    expect(await db().application.findUniqueOrThrow({ where: { id: late.application.id } })).toMatchObject({ qualified: false });
    expect((await db().decision.findUniqueOrThrow({ where: { id: late.decision.id } })).outcome).toBe("REFUSAL");
    expect(await db().auditLog.count({ where: { action: "application.qualify", entityId: late.application.id } })).toBe(0);
    const [entry] = await db().auditLog.findMany({ where: { action: "appeals_body.not_carried_out", entityId: late.appealId } });
    expect(entry).toMatchObject({ actorId: adviser.id, after: expect.objectContaining({ notCarriedOut: "Kullet er avsluttet, så ingen kan få plass i det nå. Søkeren må få plass i et senere kull." }) });
    // A task on the open list until someone says what was done instead; then off it.
    const open = async () => (await listAppeals(adviser, { open: true })).find((row) => row.id === late.appealId);
    expect(await open()).toMatchObject({ followUpDue: true, appealsBody: { decision: { outcome: "REVERSED", notCarriedOut: expect.stringContaining("senere kull") } } });
    const teacher = viewerOf(await createUser(db(), { roles: ["FACULTY"] }));
    await expect(markAppealsBodyFollowedUp(teacher, late.appealId, "Plass i neste kull.", NOW)).rejects.toBeInstanceOf(AccessDeniedError);
    await signInAs(adviser);
    const blank = await submit(markAppealsBodyFollowedUpAction, { appealId: late.appealId, note: "  " });
    expect(blank).toMatchObject({ ok: false, fieldErrors: { note: [expect.stringMatching(/^Skriv hva som er gjort i stedet/)] } });
    await markAppealsBodyFollowedUp(adviser, late.appealId, "Søkeren har fått plass i kull H2028.", NOW);
    expect(await open()).toBeUndefined();
    const all = (await listAppeals(adviser, { open: false })).find((row) => row.id === late.appealId)!;
    expect(all).toMatchObject({ followUpDue: false, appealsBody: { decision: { followUpNote: "Søkeren har fått plass i kull H2028.", followedUpBy: { name: "Siri Studieveileder" } } } });
    const [followUp] = await db().auditLog.findMany({ where: { action: "appeals_body.follow_up", entityId: late.appealId } });
    expect(followUp).toMatchObject({ actorId: adviser.id, after: expect.objectContaining({ followUpNote: "Søkeren har fått plass i kull H2028." }) });
    await expect(markAppealsBodyFollowedUp(adviser, late.appealId, "Igjen.", NOW)).rejects.toThrow(NOTHING_TO_FOLLOW_UP);
    await expect(markAppealsBodyFollowedUp(adviser, appealId, "Ingenting.", NOW)).rejects.toThrow(NOTHING_TO_FOLLOW_UP);
  });

  it("is not registered for a klage not sent on; in an archived kull only a stadfestet is", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline: "2027-02-01" });
    const { application } = await createReviewedApplication(db(), { cohortId: cohort.id, name: "Nils Nylig", qualified: false });
    await db().application.update({ where: { id: application.id }, data: { status: "DECIDED" } });
    const decision = await createDecision(db(), { applicationId: application.id, decidedById: adviser.id, outcome: "REFUSAL", decidedAt: DECIDED_AT });
    await db().decisionLetter.updateMany({ where: { decisionId: decision.id }, data: { klageDeadline: day(klageDeadline("2027-03-01")) } });
    const { appealId } = await registerAdmissionAppeal(adviser, { applicationId: application.id, text: "Jeg klager på avslaget mitt.", receivedOn: "2027-03-15", lateReason: null }, UPHELD_AT);
    await expect(registerAppealsBodyDecision(adviser, appealId, reversal, NOW)).rejects.toThrow(NOT_AT_APPEALS_BODY);
    await decideAppeal(adviser, appealId, { kind: "UPHOLD", grounds: "Vitnemålet viser 120 studiepoeng.", forwarded: false }, UPHELD_AT);
    await expect(registerAppealsBodyDecision(adviser, appealId, reversal, NOW)).rejects.toThrow(NOT_AT_APPEALS_BODY);

    const archived = await atAppealsBody("Arne Arkiv");
    await db().cohort.update({ where: { id: archived.cohortId }, data: { completedAt: new Date("2027-05-01T10:00:00Z"), archivedAt: new Date("2027-05-02T10:00:00Z") } });
    await expect(registerAppealsBodyDecision(adviser, archived.appealId, reversal, NOW)).rejects.toThrow(ARCHIVED_KULL_MESSAGE);
    await expect(registerAppealsBodyDecision(adviser, archived.appealId, { ...reversal, outcome: "QUASHED" }, NOW)).rejects.toThrow(ARCHIVED_KULL_MESSAGE);
    expect(await db().appealsBodyDecision.count({ where: { appealId: { in: [appealId, archived.appealId] } } })).toBe(0);
    await registerAppealsBodyDecision(adviser, archived.appealId, { ...reversal, outcome: "UPHELD" }, NOW);
    expect(await db().appealsBodyDecision.count({ where: { appealId: archived.appealId } })).toBe(1);
  });
});

describe("the klagenemnd's decision on a student's klage", () => {
  it("omgjort: the refused leave is granted with a letter naming the decision; only the study administration registers it, never a classmate", async () => {
    const now = new Date();
    const today = osloDate(now);
    const world = await makeCohort({ students: 2, samlinger: planDays(addDays(today, -30), 12), heldBefore: today });
    const [refusedStudent, classmateStudent] = world.students;
    const refused = await refuseLeave(
      world.adviser,
      { enrolmentId: refusedStudent!.enrolmentId, from: today, to: addDays(today, 30), reason: "Sykdom", documentation: null, grounds: "Sykdommen er ikke dokumentert." },
      now,
    );
    const self = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: refusedStudent!.userId } })), roles: ["STUDENT"] });
    const appealId = await fileStudentAppeal(self, refused.letterId, { text: "Legeerklæringen kommer fra fastlegen min." }, now);
    const other = viewerOf(await createUser(db(), { name: "Annen studieveileder", roles: ["ADVISER"] }));
    await decideStudentAppeal(other, appealId, { kind: "UPHOLD", grounds: "Legeerklæringen er ikke kommet.", forwarded: false }, now);
    const input = { outcome: "REVERSED" as const, decidedOn: today, reference: null, summary: "Legeerklæringen dokumenterer sykdommen." };
    await expect(registerStudentAppealsBodyDecision(other, appealId, input, now)).rejects.toThrow(NOT_AT_APPEALS_BODY);
    await markStudentAppealForwarded(other, appealId, now);

    // The teaching team does not, nor an adviser who is a classmate (the leave is health data).
    await expect(registerStudentAppealsBodyDecision(world.teacher, appealId, input, now)).rejects.toBeInstanceOf(AccessDeniedError);
    const classmate = viewerOf({ id: classmateStudent!.userId, email: "klassekamerat@test.no", name: classmateStudent!.name, roles: ["ADVISER", "STUDENT"] });
    await expect(registerStudentAppealsBodyDecision(classmate, appealId, input, now)).rejects.toThrow(CLASSMATE_HEALTH_MESSAGE);
    const listedFor = async (viewer: typeof other) => (await listCohortAppeals(viewer, world.cohortId, { open: true })).find((row) => row.id === appealId);
    expect((await listedFor(world.adviser))!).toMatchObject({ canRegisterAppealsBody: true, appealsBody: { waiting: true } });
    expect((await listedFor(world.teacher))!.canRegisterAppealsBody).toBe(false);

    // The adviser who refused the leave may: nothing is left to judge. (A minute later: the
    // letters of a case are in the order they were made.)
    expect(await registerStudentAppealsBodyDecision(world.adviser, appealId, input, new Date(now.getTime() + 60_000))).toEqual({ letters: 1, notCarriedOut: null });
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: refused.leaveId } })).toMatchObject({ status: "GRANTED" });
    expect(await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ status: "UPHELD" });
    const letters = await listStudentLetters(self);
    const carried = letters.find((letter) => letter.kind === "KLAGE_REVERSED")!;
    expect(carried.subject).toBe("Klagenemnda har tatt klagen din til følge: permisjon");
    expect(carried.body).toContain("Klagenemnda har tatt klagen til følge i vedtak av");
    expect(carried.body).toContain("Legeerklæringen dokumenterer sykdommen.");
    expect(carried.body).toContain("Klageinstansens vedtak er endelig (§ 28 tredje ledd).");
    expect(letters.find((letter) => letter.id === refused.letterId)).toMatchObject({ replacedBy: { id: carried.id }, appeal: { appealsBody: { waiting: false, decision: { outcome: "REVERSED" } } } });
    expect(await listedFor(world.adviser)).toBeUndefined();
    await expect(registerStudentAppealsBodyDecision(world.adviser, appealId, input, now)).rejects.toThrow(NOT_AT_APPEALS_BODY);
  });

  it("omgjort while the student is on another leave granted since: registered with why it was not carried out, the refusal standing", async () => {
    const now = new Date();
    const today = osloDate(now);
    const world = await makeCohort({ students: 1, samlinger: planDays(addDays(today, -30), 12), heldBefore: today });
    const [row] = world.students;
    const refused = await refuseLeave(world.adviser, { enrolmentId: row!.enrolmentId, from: today, to: addDays(today, 30), reason: "Sykdom", documentation: null, grounds: "Ikke dokumentert." }, now);
    const self = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: row!.userId } })), roles: ["STUDENT"] });
    const appealId = await fileStudentAppeal(self, refused.letterId, { text: "Legeerklæringen kommer fra fastlegen min." }, now);
    const other = viewerOf(await createUser(db(), { name: "Tredje studieveileder", roles: ["ADVISER"] }));
    await decideStudentAppeal(other, appealId, { kind: "UPHOLD", grounds: "Legeerklæringen er ikke kommet.", forwarded: true }, now);
    await grantLeave(world.adviser, { enrolmentId: row!.enrolmentId, from: today, to: addDays(today, 10), reason: "Sykdom", documentation: "Legeerklæring" }, now);
    const later = new Date(now.getTime() + 60_000);
    const result = await registerStudentAppealsBodyDecision(other, appealId, { outcome: "REVERSED", decidedOn: today, reference: null, summary: "Sykdommen er dokumentert." }, later);
    expect(result).toMatchObject({ letters: 0, notCarriedOut: expect.stringMatching(/^Klagen kan ikke tas til følge nå: /) });
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: refused.leaveId } })).toMatchObject({ status: "REFUSED" });
    expect(await db().appealsBodyDecision.findFirstOrThrow({ where: { studentAppealId: appealId } })).toMatchObject({ outcome: "REVERSED", notCarriedOut: result.notCarriedOut });
    expect(await db().studentLetter.count({ where: { enrolmentId: row!.enrolmentId, kind: "KLAGE_REVERSED" } })).toBe(0);
    // On the kull's open list as a task, for the study administration to follow up.
    const listed = async () => (await listCohortAppeals(other, world.cohortId, { open: true })).find((entry) => entry.id === appealId);
    expect(await listed()).toMatchObject({ followUpDue: true, canFollowUp: true });
    expect((await listCohortAppeals(world.teacher, world.cohortId, { open: true })).find((entry) => entry.id === appealId)).toMatchObject({ canFollowUp: false });
    await expect(markStudentAppealsBodyFollowedUp(world.teacher, appealId, "Registrert for hånd.", later)).rejects.toBeInstanceOf(AccessDeniedError);
    await markStudentAppealsBodyFollowedUp(other, appealId, "Permisjonen er registrert for hånd fra den andre permisjonen sluttet.", later);
    expect(await listed()).toBeUndefined();
  });

  it("omgjort on a group's arbeidskrav: approved for all; a member's waiting klage is closed saying the klagenemnd decided; one also sent on is told, and its own answer has nothing left to carry out", async () => {
    const world = await makeCohort({ students: 3, samlinger: planDays("2025-01-07", 6), heldBefore: "2030-01-01", approved: () => 3 });
    const group = world.students.slice(0, 3);
    const rejected = await finalRejection(world, group);
    const attempt = { id: rejected.attemptId };
    const submission = { id: rejected.submissionId };
    const now = new Date();
    const klageOf = (index: number) => rejected.klage(index, now);
    const [first, waiting, alsoSent] = [await klageOf(0), await klageOf(1), await klageOf(2)];
    for (const appealId of [first, alsoSent]) await decideStudentAppeal(world.colleague, appealId, { kind: "UPHOLD", grounds: "Drøftingen er for tynn.", forwarded: true }, now);

    const later = new Date(now.getTime() + 60_000);
    const decision = { outcome: "REVERSED" as const, decidedOn: osloDate(later), reference: "25/00310", summary: "Del to drøfter egen praksis slik studieplanen krever." };
    expect(await registerStudentAppealsBodyDecision(world.adviser, first, decision, later)).toEqual({ letters: 3, notCarriedOut: null });
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("APPROVED");
    // The waiting klage: closed as taken, and its letter says who decided.
    expect(await db().studentAppeal.findUniqueOrThrow({ where: { id: waiting } })).toMatchObject({ status: "REVERSED", decidedById: world.adviser.id });
    const waitingLetter = await db().studentLetter.findFirstOrThrow({ where: { enrolmentId: group[1]!.enrolmentId, kind: "KLAGE_REVERSED" } });
    expect(waitingLetter.body).toContain("Den sentrale klagenemnda ved NTNU har tatt klagen fra et annet gruppemedlem på den samme vurderingen til følge i vedtak av");
    // The one also at the klagenemnd is told the decision no longer stands; when the klagenemnd's
    // own decision on it comes, it is registered, with nothing left to carry out.
    const told = await db().studentLetter.findFirstOrThrow({ where: { enrolmentId: group[2]!.enrolmentId, kind: "DECISION_CHANGED" } });
    expect(told.body).toContain("Et annet gruppemedlem klaget på vurderingen, og Den sentrale klagenemnda ved NTNU har tatt klagen til følge");
    // …and where her own klage stands: with the klagenemnd, which we tell; she need not act.
    expect(told.body).toContain("Klagen din i denne saken ligger hos Den sentrale klagenemnda ved NTNU. Vi gir klagenemnda beskjed om at vedtaket «");
    expect(told.body).toContain("er endret, så den ikke avgjør et vedtak som ikke gjelder lenger. Du trenger ikke gjøre noe.");
    // …and the klagenemnd, which has that member's case too, is to be told (a task on the list).
    expect((await listCohortAppeals(world.adviser, world.cohortId, { open: true })).find((row) => row.id === alsoSent)).toMatchObject({
      appealsBodyTell: { due: true, changedAt: later },
      canTellAppealsBody: true,
    });
    const answered = await registerStudentAppealsBodyDecision(world.adviser, alsoSent, decision, new Date(later.getTime() + 60_000));
    expect(answered).toEqual({ letters: 0, notCarriedOut: "Arbeidskravet var allerede godkjent." });
    expect((await listCohortAppeals(world.adviser, world.cohortId, { open: true })).some((row) => row.id === alsoSent)).toBe(false);

    // The approval is the klagenemnd's decision now: the fagansvarlig (who assessed it) may not
    // take it back here, neither by a forhåndsvarsel nor directly (forvaltningsloven § 35).
    const barred = "Den sentrale klagenemnda ved NTNU har tatt klagen på vurderingen til følge i vedtak av";
    const fields = { cohortId: world.cohortId, attemptId: attempt.id };
    await expect(sendCorrectionNotice(world.teacher, { ...fields, reason: "Oppgaven er skrevet av en annen." }, later)).rejects.toThrow(barred);
    await expect(correctAssessment(world.teacher, { ...fields, decision: "NOT_APPROVED", reason: "Oppgaven er skrevet av en annen." }, later)).rejects.toThrow(barred);
    const page = await getSubmissionForAssessment(world.teacher, world.cohortId, submission.id);
    expect(page).toMatchObject({ canCorrect: false, appealsBodyBar: expect.stringContaining("saksnummer 25/00310") });
    expect(await db().correctionNotice.count({ where: { attemptId: attempt.id } })).toBe(0);
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("APPROVED");
  });

  it("a stadfestet assessment is not approved here; while the klage waits there, only an approval is, and a stadfestet after it may be carried out", async () => {
    const world = await makeCohort({ students: 2, samlinger: planDays("2025-01-07", 6), heldBefore: "2030-01-01", approved: () => 3 });
    const now = new Date();
    const atAppealsBodyOnFinal = async (index: number) => {
      const rejected = await finalRejection(world, [world.students[index]!]);
      const appealId = await rejected.klage(0, now);
      await decideStudentAppeal(world.colleague, appealId, { kind: "UPHOLD", grounds: "Drøftingen er for tynn.", forwarded: true }, now);
      return { submissionId: rejected.submissionId, attemptId: rejected.attemptId, appealId };
    };
    const later = new Date(now.getTime() + 60_000);

    // Stadfestet: the «ikke godkjent» is the klagenemnd's, final; the fagansvarlig cannot approve it here.
    const upheld = await atAppealsBodyOnFinal(0);
    await registerStudentAppealsBodyDecision(world.adviser, upheld.appealId, { outcome: "UPHELD", decidedOn: osloDate(later), reference: null, summary: "Drøftingen er for tynn." }, later);
    const approve = { cohortId: world.cohortId, attemptId: upheld.attemptId, decision: "APPROVED" as const, reason: "Jeg leste feil." };
    await expect(correctAssessment(world.teacher, approve, later)).rejects.toThrow("Den sentrale klagenemnda ved NTNU har stadfestet vurderingen i vedtak av");
    expect(await getSubmissionForAssessment(world.teacher, world.cohortId, upheld.submissionId)).toMatchObject({ canCorrect: false, appealsBodyBar: expect.stringContaining("forvaltningsloven § 35") });
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: upheld.attemptId } })).status).toBe("NOT_APPROVED");
    expect(await db().assessmentChange.count({ where: { attemptId: upheld.attemptId } })).toBe(0);

    // Waiting there: the fagansvarlig may still approve it (our own decision, in her favour), but
    // not announce taking that back while the klagenemnd has the case.
    const waiting = await atAppealsBodyOnFinal(1);
    const page = await getSubmissionForAssessment(world.teacher, world.cohortId, waiting.submissionId);
    expect(page).toMatchObject({ canCorrect: true, appealsBodyBar: null });
    await signInAs(world.users.teacher);
    // The form is gone after it, so the browser goes to the page, which says what was done and what follows.
    const approved = await redirectOf(() => submit(correctAssessmentAction, { cohortId: world.cohortId, attemptId: waiting.attemptId, decision: "APPROVED", reason: "Del to drøfter saken grundig nok." }));
    expect(approved).toBe(`/kull/${world.cohortId}/arbeidskrav/${waiting.submissionId}?varsel=rettet-klagenemnd`);
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: waiting.attemptId } })).status).toBe("APPROVED");
    // Her letter says the decision changed, and that her klage at the klagenemnd needs nothing from her.
    const changed = await db().studentLetter.findFirstOrThrow({ where: { enrolmentId: world.students[1]!.enrolmentId, kind: "DECISION_CHANGED" } });
    expect(changed.body).toContain("Fagansvarlig har rettet vurderingen: Del to drøfter saken grundig nok.");
    expect(changed.body).toContain("Klagen din i denne saken ligger hos Den sentrale klagenemnda ved NTNU.");
    expect(changed.body).toContain("er endret, så den ikke avgjør et vedtak som ikke gjelder lenger. Du trenger ikke gjøre noe.");
    // The klagenemnd is to be told: a task on the kull's open klager list until the study
    // administration says it has told it; recorded with who and when, and audited, once.
    const listedAs = async (viewer: typeof world.adviser) => (await listCohortAppeals(viewer, world.cohortId, { open: true })).find((entry) => entry.id === waiting.appealId);
    expect(await listedAs(world.adviser)).toMatchObject({ appealsBodyTell: { due: true, toldAt: null }, canTellAppealsBody: true });
    expect(await listedAs(world.teacher)).toMatchObject({ appealsBodyTell: { due: true }, canTellAppealsBody: false });
    // …and on the study administration's start page, not on the teaching team's.
    const startPage = async (viewer: typeof world.adviser) => (await countOpenAppeals(viewer)).find((entry) => entry.cohortId === world.cohortId);
    expect(await startPage(world.adviser)).toMatchObject({ count: 0, toTell: 1 });
    expect(await startPage(world.teacher)).toBeUndefined();
    expect(await db().auditLog.count({ where: { action: "student_appeal.decision_changed", entityId: waiting.appealId, actorId: world.teacher.id } })).toBe(1);
    await expect(markStudentAppealsBodyTold(world.teacher, waiting.appealId, later)).rejects.toBeInstanceOf(AccessDeniedError);
    // The submission page keeps saying where her klage stands, now that the assessment is approved.
    const klageOnPage = async () => (await getSubmissionForAssessment(world.teacher, world.cohortId, waiting.submissionId)).members.map((member) => member.klage);
    expect(await klageOnPage()).toEqual(["Klagen er hos klagenemnda. Vedtaket er endret her siden, og studieveilederen gir klagenemnda beskjed under Klager."]);
    // Through the action, as the page's button posts it: it validates, and sends the browser to the
    // list with what was done (the button is gone after it).
    await signInAs(world.users.adviser);
    expect(await submit(markStudentAppealsBodyToldAction, { cohortId: world.cohortId, appealId: "ikke-en-id" })).toMatchObject({ ok: false });
    expect(await redirectOf(() => submit(markStudentAppealsBodyToldAction, { cohortId: world.cohortId, appealId: waiting.appealId }))).toBe(
      `/kull/${world.cohortId}/klager?klagenemnd=beskjed`,
    );
    expect(await klageOnPage()).toEqual(["Klagen er hos klagenemnda. Vedtaket er endret her siden, og klagenemnda har fått beskjed."]);
    expect(await startPage(world.adviser)).toBeUndefined();
    expect(await listedAs(world.adviser)).toMatchObject({ appealsBodyTell: { due: false, toldAt: expect.any(Date), toldBy: world.adviser.name }, canTellAppealsBody: false });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "student_appeal.appeals_body_told", entityId: waiting.appealId } })).toMatchObject({ actorId: world.adviser.id });
    await expect(markStudentAppealsBodyTold(world.adviser, waiting.appealId, later)).rejects.toThrow("Det er allerede registrert at klagenemnda har fått beskjed.");
    // Nothing to tell where the decision was not changed while the klage was there.
    await expect(markStudentAppealsBodyTold(world.adviser, upheld.appealId, later)).rejects.toThrow("Vedtaket klagen gjelder, er ikke endret mens klagen er hos klagenemnda.");
    // And the database: told only of a change that was made, by someone.
    await expect(db().studentAppeal.update({ where: { id: upheld.appealId }, data: { appealsBodyToldAt: later, appealsBodyToldById: world.adviser.id } })).rejects.toThrow(/StudentAppeal_appeals_body_told/);
    await expect(sendCorrectionNotice(world.teacher, { cohortId: world.cohortId, attemptId: waiting.attemptId, reason: "Likevel for tynn." }, later)).rejects.toThrow(
      "En klage på vurderingen er sendt til Den sentrale klagenemnda ved NTNU. Mens klagenemnda behandler den, kan vurderingen ikke rettes til ikke godkjent.",
    );
    expect(await getSubmissionForAssessment(world.teacher, world.cohortId, waiting.submissionId)).toMatchObject({ canCorrect: false, appealsBodyBar: expect.stringContaining("ikke rettes til ikke godkjent") });
    // The klagenemnd then stadfester the «ikke godkjent»: correcting back carries its decision out
    // (after a forhåndsvarsel), so the page offers it again.
    const after = new Date(later.getTime() + 60_000);
    await registerStudentAppealsBodyDecision(world.adviser, waiting.appealId, { outcome: "UPHELD", decidedOn: osloDate(after), reference: null, summary: "Drøftingen er for tynn." }, after);
    expect(await getSubmissionForAssessment(world.teacher, world.cohortId, waiting.submissionId)).toMatchObject({ canCorrect: true, appealsBodyBar: null, correctionNeedsNotice: true });
    await sendCorrectionNotice(world.teacher, { cohortId: world.cohortId, attemptId: waiting.attemptId, reason: "Klagenemnda har stadfestet at drøftingen er for tynn." }, after);
    expect(await db().correctionNotice.count({ where: { attemptId: waiting.attemptId, status: "PENDING" } })).toBe(1);
  });

  it("hevet after an approval here: the klage is closed undecided, the page says so, and the assessment is ours to correct again", async () => {
    const world = await makeCohort({ students: 1, samlinger: planDays("2025-01-07", 6), heldBefore: "2030-01-01", approved: () => 3 });
    const now = new Date();
    const rejected = await finalRejection(world, [world.students[0]!]);
    const appealId = await rejected.klage(0, now);
    await decideStudentAppeal(world.colleague, appealId, { kind: "UPHOLD", grounds: "Drøftingen er for tynn.", forwarded: true }, now);
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: rejected.attemptId, decision: "APPROVED", reason: "Del to holder likevel." }, now);
    await markStudentAppealsBodyTold(world.adviser, appealId, now);
    const later = new Date(now.getTime() + 60_000);
    expect(await registerStudentAppealsBodyDecision(world.adviser, appealId, { outcome: "CLOSED", decidedOn: osloDate(later), reference: null, summary: "Vurderingen er endret. Saken heves." }, later)).toEqual({
      letters: 0,
      notCarriedOut: null,
    });
    const page = await getSubmissionForAssessment(world.teacher, world.cohortId, rejected.submissionId);
    expect(page.members.map((member) => member.klage)).toEqual(["Klagenemnda avsluttet saken uten å avgjøre den (hevet)."]);
    // Nothing of the klagenemnd's binds: taking the approval back is our own decision again, after a forhåndsvarsel.
    expect(page).toMatchObject({ canCorrect: true, appealsBodyBar: null, correctionNeedsNotice: true });
    expect((await listCohortAppeals(world.adviser, world.cohortId, { open: true })).some((row) => row.id === appealId)).toBe(false);
    expect(await listStudentLetters(viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: world.students[0]!.userId } })), roles: ["STUDENT"] }))).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "ARBEIDSKRAV_NOT_APPROVED", appeal: expect.objectContaining({ appealsBody: { waiting: false, decision: expect.objectContaining({ outcome: "CLOSED" }) } }) })]),
    );
  });

  it("a group's assessment stadfestet on one member's klage is not overturned by taking another member's klage here", async () => {
    const world = await makeCohort({ students: 2, samlinger: planDays("2025-01-07", 6), heldBefore: "2030-01-01", approved: () => 3 });
    const rejected = await finalRejection(world, world.students.slice(0, 2));
    const attempt = { id: rejected.attemptId };
    const now = new Date();
    const klageOf = (index: number) => rejected.klage(index, now);
    const first = await klageOf(0);
    await decideStudentAppeal(world.colleague, first, { kind: "UPHOLD", grounds: "Drøftingen er for tynn.", forwarded: true }, now);
    const later = new Date(now.getTime() + 60_000);
    await registerStudentAppealsBodyDecision(world.adviser, first, { outcome: "UPHELD", decidedOn: osloDate(later), reference: "25/00311", summary: "Drøftingen er for tynn." }, later);

    const second = await klageOf(1);
    await expect(decideStudentAppeal(world.colleague, second, { kind: "REVERSE", grounds: "Del to holder." }, later)).rejects.toThrow(
      "Klagen kan ikke tas til følge her. Den sentrale klagenemnda ved NTNU har stadfestet vurderingen i vedtak av",
    );
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("NOT_APPROVED");
    expect(await db().studentAppeal.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ status: "RECEIVED" });
    // Upheld and sent on, it goes to the klagenemnd like the first.
    await decideStudentAppeal(world.colleague, second, { kind: "UPHOLD", grounds: "Klagenemnda har stadfestet vurderingen.", forwarded: true }, later);
  });
});
