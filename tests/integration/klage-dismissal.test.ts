// A student's klage that came after the deadline and is not taken up: avvist (forvaltningsloven
// § 33 andre ledd, with § 31) as the adviser registers it. The avvisning is an enkeltvedtak of its
// own: a letter in a case of its own, with a klage right; a klage on it that is taken (here or by
// the klagenemnd) opens the late klage again, to be decided on its merits. The decision the late
// klage was about stands throughout.
import { beforeAll, describe, expect, it } from "vitest";
import { registerStudentAppealAction } from "@/lib/actions/student-letters";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { CLASSMATE_HEALTH_MESSAGE } from "@/lib/permissions";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { refuseLeave } from "@/lib/server/enrolments/leave";
import { AccessDeniedError } from "@/lib/server/errors";
import { getStudentOverview } from "@/lib/server/students/overview";
import {
  decideStudentAppeal,
  fileStudentAppeal,
  getKlageRegistration,
  listCohortAppeals,
  markStudentAppealForwarded,
  registerStudentAppeal,
  registerStudentAppealsBodyDecision,
} from "@/lib/server/student-letters/appeals";
import { getLetterForPdf, listStudentLetters } from "@/lib/server/student-letters/queries";
import { createStudentLetter, createSubmission, createUser } from "@/prisma/seed/factories";
import { makeCohort, planDays, viewerOf, type World } from "./cohort-world";
import { db, signInAs, submit } from "./support";

// The leave is refused on a Monday, so the klage deadline is three weeks later: 22 February.
const REFUSED_AT = new Date("2027-02-01T10:00:00Z");
const DEADLINE = "2027-02-22";
const NOW = new Date("2027-03-15T10:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const TEXT = "Jeg klager på avslaget på permisjon. Legeerklæringen kommer fra fastlegen min.";

let world: World;
let secondAdviser: ReturnType<typeof viewerOf>;
let thirdAdviser: ReturnType<typeof viewerOf>;

async function refusedLeave(index: number, at = REFUSED_AT) {
  const row = world.students[index]!;
  const from = addDays(osloDate(at), 7);
  const refused = await refuseLeave(
    world.adviser,
    { enrolmentId: row.enrolmentId, from, to: addDays(from, 28), reason: "Sykdom", documentation: null, grounds: "Sykdommen er ikke dokumentert." },
    at,
  );
  const self = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: row.userId } })), roles: ["STUDENT"] });
  return { ...refused, row, self };
}

/** Her klage on `letterId`, registered late and avvist by the second adviser; returns the klage and the avvisning letter. */
async function avvist(letterId: string) {
  const appealId = await registerStudentAppeal(
    secondAdviser,
    { letterId, text: TEXT, receivedOn: "2027-03-10", lateReason: null, dismissalGrounds: "Hun var innlagt på sykehus, men har ikke sagt hvorfor hun ventet en måned til." },
    NOW,
  );
  return { appealId, dismissal: (await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } })).outcomeLetterId! };
}

async function auditOf(action: string, entityId: string) {
  return db().auditLog.findMany({ where: { action, entityId }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  world = await makeCohort({ students: 8, samlinger: planDays("2027-01-11", 12), heldBefore: "2027-01-01" });
  secondAdviser = viewerOf(await createUser(db(), { name: "Andre studieveileder", roles: ["ADVISER"] }));
  thirdAdviser = viewerOf(await createUser(db(), { name: "Tredje studieveileder", roles: ["ADVISER"] }));
});

describe("a late klage avvist as it is registered", () => {
  it("is avvist by another adviser than the one who decided, with a letter that is an enkeltvedtak of its own; the decision stands", async () => {
    const { letterId, leaveId, row, self } = await refusedLeave(0);
    const register = (viewer: typeof secondAdviser, input: { receivedOn: string; lateReason?: string | null; dismissalGrounds?: string | null }) =>
      registerStudentAppeal(viewer, { letterId, text: TEXT, lateReason: null, ...input }, NOW);
    // In time: never avvist as too late.
    await expect(register(secondAdviser, { receivedOn: DEADLINE, dismissalGrounds: "For sen." })).rejects.toMatchObject({
      fieldErrors: { dismissalGrounds: [expect.stringContaining("innen klagefristen 22. februar 2027")] },
    });
    // Late: one of the two, never both.
    await expect(register(secondAdviser, { receivedOn: "2027-03-10", lateReason: "Innlagt.", dismissalGrounds: "For sen." })).rejects.toMatchObject({
      fieldErrors: { lateReason: [expect.stringContaining("enten")] },
    });
    // The one who refused the leave does not avvise the klage on it.
    await expect(register(world.adviser, { receivedOn: "2027-03-10", dismissalGrounds: "Ingen grunn oppgitt." })).rejects.toMatchObject({
      fieldErrors: { dismissalGrounds: [expect.stringMatching(/^Du fattet vedtaket selv/)] },
    });
    expect(await db().studentAppeal.count({ where: { letterId } })).toBe(0);

    const grounds = "Klagen kom nesten tre uker etter fristen, og det er ikke oppgitt noen grunn til forsinkelsen.";
    const appealId = await register(secondAdviser, { receivedOn: "2027-03-10", dismissalGrounds: ` ${grounds} ` });
    const appeal = await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } });
    expect(appeal).toMatchObject({ status: "DISMISSED", grounds, decidedById: secondAdviser.id, registeredById: secondAdviser.id, lateReason: null, text: TEXT });
    expect(osloDate(appeal.filedAt)).toBe("2027-03-10");
    const dismissal = await db().studentLetter.findUniqueOrThrow({ where: { id: appeal.outcomeLetterId! } });
    expect(dismissal).toMatchObject({ kind: "KLAGE_DISMISSED", enkeltvedtak: true, decidedById: secondAdviser.id, aboutType: "StudentAppeal", aboutId: appealId, grounds });
    expect(osloDate(dismissal.klageDeadline!)).toBe("2027-04-05");
    expect(dismissal.subject).toBe("Vedtak: klagen din på vedtaket om permisjon er avvist");
    expect(dismissal.body).toContain("ble sendt eller kom inn 10. mars 2027. Klagefristen var 22. februar 2027, så klagen kom for sent.");
    expect(dismissal.body).toContain("Klagen er derfor avvist: vi tar ikke stilling til det du klager på.");
    // A case of its own: not the refusal's.
    const refusal = await db().studentLetter.findUniqueOrThrow({ where: { id: letterId } });
    expect(dismissal.caseNumber).not.toBe(refusal.caseNumber);
    // Mailed, and audited once as an avvisning (no receipt: the letter is the answer).
    expect(await db().mailMessage.count({ where: { dedupeKey: `student-appeal-receipt:${appealId}` } })).toBe(0);
    expect(await db().mailMessage.count({ where: { userId: row.userId, subject: "Vedtak: klagen din på vedtaket om permisjon er avvist" } })).toBe(1);
    expect((await auditOf("student_appeal.dismiss", appealId)).map((entry) => entry.after)).toEqual([
      expect.objectContaining({ status: "DISMISSED", receivedOn: "2027-03-10", grounds, outcomeLetterId: dismissal.id, yearPassed: false }),
    ]);
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: leaveId } })).toMatchObject({ status: "REFUSED" });

    // She reads both: the refusal stands (avvist klage), the avvisning may be appealed.
    const letters = await listStudentLetters(self);
    expect(letters.find((letter) => letter.id === letterId)).toMatchObject({ replacedBy: null, appeal: { status: "DISMISSED" }, canAppeal: false });
    expect(letters.find((letter) => letter.id === dismissal.id)).toMatchObject({ enkeltvedtak: true, canAppeal: true, appeal: null });
    // The adviser's page and the kull's closed klager say it was avvist.
    expect((await getKlageRegistration(world.adviser, row.userId, letterId)).appeal).toMatchObject({ status: "DISMISSED", registeredBy: secondAdviser.name });
    expect((await listCohortAppeals(world.adviser, world.cohortId, { open: false })).find((entry) => entry.id === appealId)).toMatchObject({ status: "DISMISSED" });
    expect((await listCohortAppeals(world.adviser, world.cohortId, { open: true })).find((entry) => entry.id === appealId)).toBeUndefined();
    // Only a klage registered by staff, and not taken up, can be avvist (the database too).
    await expect(db().studentAppeal.update({ where: { id: appealId }, data: { lateReason: "Likevel." } })).rejects.toThrow(/StudentAppeal_dismissed_only_registered_late/);
  });

  it("a klage on the avvisning taken: the late klage is opened again and decided on its merits; only the avvisning is replaced", async () => {
    const { letterId, leaveId, self } = await refusedLeave(1);
    const dismissedId = await registerStudentAppeal(
      secondAdviser,
      { letterId, text: TEXT, receivedOn: "2027-03-10", lateReason: null, dismissalGrounds: "Ingen grunn til forsinkelsen er oppgitt." },
      NOW,
    );
    const dismissal = (await db().studentAppeal.findUniqueOrThrow({ where: { id: dismissedId } })).outcomeLetterId!;
    const onDismissal = await fileStudentAppeal(self, dismissal, { text: "Jeg lå på sykehus hele februar og kunne ikke klage i tide." }, later(1));
    // Decided by another adviser than the one who avviste.
    await expect(decideStudentAppeal(secondAdviser, onDismissal, { kind: "REVERSE", grounds: "x" }, later(2))).rejects.toThrow(/Du fattet vedtaket selv/);
    const reason = "Hun var innlagt på sykehus og kan ikke lastes for at klagen kom for sent.";
    await decideStudentAppeal(thirdAdviser, onDismissal, { kind: "REVERSE", grounds: reason }, later(2));

    const reopened = await db().studentAppeal.findUniqueOrThrow({ where: { id: dismissedId } });
    expect(reopened).toMatchObject({ status: "RECEIVED", decidedById: null, grounds: null, outcomeLetterId: null, lateReason: `Avvisningen er omgjort etter klage: ${reason}` });
    expect((await auditOf("student_appeal.reopen", dismissedId)).map((entry) => [entry.before, entry.after])).toEqual([
      [expect.objectContaining({ status: "DISMISSED", outcomeLetterId: dismissal }), expect.objectContaining({ status: "RECEIVED" })],
    ]);
    const letters = await listStudentLetters(self);
    const answer = letters.find((letter) => letter.kind === "KLAGE_REVERSED")!;
    expect(answer.subject).toBe("Klagen din er tatt til følge: avvisning av klage");
    expect(answer.body).toContain("blir tatt under behandling, og du får svar på den i et eget brev.");
    expect(letters.find((letter) => letter.id === dismissal)).toMatchObject({ replacedBy: { id: answer.id } });
    // The refusal is not replaced: the klage on it waits, on the open list, with why it is taken up.
    expect(letters.find((letter) => letter.id === letterId)).toMatchObject({ replacedBy: null, appeal: { status: "RECEIVED" } });
    expect((await listCohortAppeals(thirdAdviser, world.cohortId, { open: true })).find((entry) => entry.id === dismissedId)).toMatchObject({
      lateReason: expect.stringContaining("Avvisningen er omgjort"),
    });
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: leaveId } })).toMatchObject({ status: "REFUSED" });
    // Now on its merits: not by the one who refused the leave; taken by another, the leave is granted.
    await expect(decideStudentAppeal(world.adviser, dismissedId, { kind: "REVERSE", grounds: "x" }, later(3))).rejects.toThrow(/Du fattet vedtaket selv/);
    await decideStudentAppeal(thirdAdviser, dismissedId, { kind: "REVERSE", grounds: "Sykdommen er dokumentert nå." }, later(3));
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: leaveId } })).toMatchObject({ status: "GRANTED" });
  });

  it("a klage on the avvisning not taken goes to the klagenemnd; its omgjøring opens the late klage again", async () => {
    const { letterId, self } = await refusedLeave(2);
    const dismissedId = await registerStudentAppeal(
      secondAdviser,
      { letterId, text: TEXT, receivedOn: "2027-03-10", lateReason: null, dismissalGrounds: "Ingen grunn til forsinkelsen er oppgitt." },
      NOW,
    );
    const dismissal = (await db().studentAppeal.findUniqueOrThrow({ where: { id: dismissedId } })).outcomeLetterId!;
    const onDismissal = await fileStudentAppeal(self, dismissal, { text: "Brevet kom aldri fram til meg." }, later(1));
    await decideStudentAppeal(thirdAdviser, onDismissal, { kind: "UPHOLD", grounds: "Brevet ble gjort tilgjengelig i portalen.", forwarded: true }, later(2));
    const sentOn = await db().studentLetter.findFirstOrThrow({ where: { enrolmentId: world.students[2]!.enrolmentId, kind: "KLAGE_UPHELD" } });
    expect(sentOn.subject).toBe("Klagen din sendes til klagenemnda: avvisning av klage");
    expect(await db().studentAppeal.findUniqueOrThrow({ where: { id: dismissedId } })).toMatchObject({ status: "DISMISSED" });

    await registerStudentAppealsBodyDecision(
      thirdAdviser,
      onDismissal,
      { outcome: "REVERSED", decidedOn: osloDate(later(20)), reference: "27/00999", summary: "Klageren kan ikke lastes for forsinkelsen." },
      later(20),
    );
    expect(await db().studentAppeal.findUniqueOrThrow({ where: { id: dismissedId } })).toMatchObject({
      status: "RECEIVED",
      lateReason: "Den sentrale klagenemnda ved NTNU har omgjort avvisningen: Klageren kan ikke lastes for forsinkelsen.",
    });
    const carried = await db().studentLetter.findFirstOrThrow({ where: { enrolmentId: world.students[2]!.enrolmentId, kind: "KLAGE_REVERSED" } });
    expect(carried.subject).toBe("Klagenemnda har tatt klagen din til følge: avvisning av klage");
    // Sending it on again is for the klage on the avvisning, now settled; the late klage is open here.
    await expect(markStudentAppealForwarded(thirdAdviser, dismissedId, later(21))).rejects.toThrow();
  });

  it("the form: an avvisning's grounds come back with the message at its field, and nothing typed is lost", async () => {
    // The form's server action runs on today's clock: a leave refused ten days ago.
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    const { letterId, row } = await refusedLeave(3, tenDaysAgo);
    await signInAs(secondAdviser);
    const typed = { letterId, userId: row.userId, text: TEXT, receivedOn: osloDate(new Date()), lateReason: "", dismissalGrounds: "Kom for sent." };
    const bad = await submit(registerStudentAppealAction, typed);
    expect(bad).toMatchObject({ ok: false, values: { text: TEXT, dismissalGrounds: "Kom for sent." }, fieldErrors: { dismissalGrounds: [expect.stringContaining("innen klagefristen")] } });
    expect(await db().studentAppeal.count({ where: { letterId } })).toBe(0);
    // More than a year after the decision: only an avvisning, said at its field.
    const yearOn = addDays(osloDate(tenDaysAgo), 370);
    const yearLaterNow = new Date(new Date(`${yearOn}T10:00:00Z`).getTime() + 86_400_000);
    const yearLater = registerStudentAppeal(secondAdviser, { letterId, text: TEXT, receivedOn: yearOn, lateReason: "Innlagt.", dismissalGrounds: null }, yearLaterNow);
    await expect(yearLater).rejects.toMatchObject({ fieldErrors: { dismissalGrounds: [expect.stringContaining("Den må avvises")] } });
    const avvist = await registerStudentAppeal(
      secondAdviser,
      { letterId, text: TEXT, receivedOn: yearOn, lateReason: null, dismissalGrounds: "Det er gått mer enn ett år siden vedtaket." },
      yearLaterNow,
    );
    const letter = await db().studentLetter.findFirstOrThrow({ where: { aboutId: avvist, kind: "KLAGE_DISMISSED" } });
    expect(letter.legalBasis).toContain("når det er gått mer enn ett år siden vedtaket ble truffet (§ 31 tredje ledd)");
  });
});

describe("the avvisning, as the review found it", () => {
  it("is never made by an adviser who is the student's classmate (§ 6 andre ledd)", async () => {
    const { letterId } = await refusedLeave(4);
    const row = world.students[5]!;
    const classmate = viewerOf({ id: row.userId, email: "klassekamerat@test.no", name: row.name, roles: ["ADVISER", "STUDENT"] });
    await expect(
      registerStudentAppeal(classmate, { letterId, text: TEXT, receivedOn: "2027-03-10", lateReason: null, dismissalGrounds: "For sen." }, NOW),
    ).rejects.toMatchObject({ fieldErrors: { dismissalGrounds: [CLASSMATE_HEALTH_MESSAGE] } });
    expect(await db().studentAppeal.count({ where: { letterId } })).toBe(0);
  });

  it("the klage on it is decided neither by the one who avviste nor by the one whose decision the avvist klage was on", async () => {
    const { letterId, self } = await refusedLeave(5);
    const { dismissal } = await avvist(letterId);
    const onDismissal = await fileStudentAppeal(self, dismissal, { text: "Jeg var innlagt hele tiden og kunne ikke klage." }, later(1));
    // world.adviser refused the leave: upholding the avvisning would keep the klage on her own decision from being heard.
    await expect(decideStudentAppeal(world.adviser, onDismissal, { kind: "UPHOLD", grounds: "x", forwarded: false }, later(2))).rejects.toThrow(AccessDeniedError);
    const listed = (await listCohortAppeals(world.adviser, world.cohortId, { open: true })).find((entry) => entry.id === onDismissal)!;
    expect(listed).toMatchObject({ canDecide: false, whoDecides: "Klagen gjelder avvisningen av en klage på et vedtak du fattet selv, så en annen studieveileder må avgjøre den." });
    expect((await listCohortAppeals(thirdAdviser, world.cohortId, { open: true })).find((entry) => entry.id === onDismissal)).toMatchObject({ canDecide: true });
  });

  it("is not undone onto a decision that no longer stands: refused here, and registered as not carried out from the klagenemnd", async () => {
    const { letterId, leaveId, row, self } = await refusedLeave(6);
    const { appealId, dismissal } = await avvist(letterId);
    const onDismissal = await fileStudentAppeal(self, dismissal, { text: "Jeg var innlagt hele tiden og kunne ikke klage." }, later(1));
    // Meanwhile the refusal is replaced in its case (as a correction would).
    const refusal = await db().studentLetter.findUniqueOrThrow({ where: { id: letterId } });
    await createStudentLetter(db(), {
      enrolmentId: row.enrolmentId,
      facts: { kind: "DECISION_CHANGED", changed: { subject: refusal.subject, madeAvailableOn: "2027-02-01", matter: "permisjon" }, outcome: "Permisjonen er innvilget.", reason: "Legeerklæringen kom." },
      decidedBy: { id: world.adviser.id, name: world.adviser.name, title: "Studieveileder" },
      about: { type: "LeaveOfAbsence", id: leaveId },
      at: later(1),
      inCaseOf: { letterId },
    });
    await expect(decideStudentAppeal(thirdAdviser, onDismissal, { kind: "REVERSE", grounds: "Hun var innlagt." }, later(2))).rejects.toThrow(/erstattet av et senere vedtak/);
    await decideStudentAppeal(thirdAdviser, onDismissal, { kind: "UPHOLD", grounds: "Ingen grunn er oppgitt.", forwarded: true }, later(2));
    const result = await registerStudentAppealsBodyDecision(thirdAdviser, onDismissal, { outcome: "REVERSED", decidedOn: osloDate(later(20)), reference: null, summary: "Hun kan ikke lastes." }, later(20));
    expect(result.notCarriedOut).toMatch(/erstattet av et senere vedtak/);
    expect(await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ status: "DISMISSED" });
  });

  it("on a final «ikke godkjent»: her start page says it was avvist, why it came late is read only by those who handle health cases, and the klagenemnd with her klage on it is told of an approval", async () => {
    const row = world.students[7]!;
    const definition = world.definitions.find((item) => item.number === 2)!;
    await db().submission.deleteMany({ where: { arbeidskravId: definition.id, members: { some: { enrolmentId: row.enrolmentId } } } });
    await createSubmission(db(), {
      arbeidskravId: definition.id,
      enrolmentIds: [row.enrolmentId],
      submittedById: row.userId,
      attempts: [
        { status: "NOT_APPROVED", assessorId: world.teacher.id, at: new Date("2026-09-01T10:00:00Z"), feedback: "For kort." },
        { status: "NOT_APPROVED", assessorId: world.teacher.id, at: new Date("2026-10-01T10:00:00Z"), feedback: "Fortsatt for kort." },
      ],
    });
    const last = await db().submissionAttempt.findFirstOrThrow({ where: { submission: { arbeidskravId: definition.id, members: { some: { enrolmentId: row.enrolmentId } } } }, orderBy: { attempt: "desc" } });
    const maxAttempts = (await db().arbeidskravDefinition.findUniqueOrThrow({ where: { id: definition.id } })).maxAttempts;
    expect(last.attempt).toBe(maxAttempts);
    const vedtak = await createStudentLetter(db(), {
      enrolmentId: row.enrolmentId,
      facts: { kind: "ARBEIDSKRAV_NOT_APPROVED", arbeidskrav: { title: definition.title }, attempt: 2, maxAttempts, assessedOn: "2026-10-01", grounds: "Fortsatt for kort.", group: null, corrected: false },
      decidedBy: { id: world.teacher.id, name: world.teacher.name, title: "Faglærer" },
      about: { type: "SubmissionAttempt", id: last.id },
      at: new Date("2026-10-01T10:00:00Z"),
    });
    const now = new Date();
    const appealId = await registerStudentAppeal(
      world.adviser,
      { letterId: vedtak.id, text: TEXT, receivedOn: osloDate(now), lateReason: null, dismissalGrounds: "Hun har vært syk, men klagen kom to måneder etter fristen." },
      now,
    );
    const dismissal = (await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } })).outcomeLetterId!;
    const self = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: row.userId } })), roles: ["STUDENT"] });
    const [overview] = await getStudentOverview(self, now);
    expect(overview!.arbeidskrav.find((item) => item.number === 2)).toMatchObject({ finalRejection: true, klage: "DISMISSED" });

    // The teaching team reads the klage and the decision, not why it came late: the avvisning's
    // grounds, its letter and its PDF. The study administration does.
    const teacherRow = (await listCohortAppeals(world.teacher, world.cohortId, { open: false })).find((entry) => entry.id === appealId)!;
    expect(teacherRow).toMatchObject({ status: "DISMISSED", grounds: "(Skjult: kan ha helseopplysninger.)" });
    expect(teacherRow.text).toBe(TEXT);
    expect((await listCohortAppeals(secondAdviser, world.cohortId, { open: false })).find((entry) => entry.id === appealId)!.grounds).toContain("syk");
    expect(await getLetterForPdf(world.teacher, dismissal)).toBeNull();
    expect(await getLetterForPdf(world.teacher, vedtak.id)).not.toBeNull();
    expect(await getLetterForPdf(secondAdviser, dismissal)).not.toBeNull();

    // Her klage on the avvisning goes to the klagenemnd; the fagansvarlig then approves the work:
    // the klagenemnd has the case, so it is to be told, and her letter says so.
    const onDismissal = await fileStudentAppeal(self, dismissal, { text: "Jeg var syk og kunne ikke klage i tide." }, now);
    await decideStudentAppeal(thirdAdviser, onDismissal, { kind: "UPHOLD", grounds: "Sykdommen forklarer ikke to måneder.", forwarded: true }, now);
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: last.id, decision: "APPROVED", reason: "Oppgaven holder ved ny gjennomlesning." }, now);
    expect(await db().studentAppeal.findUniqueOrThrow({ where: { id: onDismissal } })).toMatchObject({ decisionChangedAt: now, appealsBodyToldAt: null });
    expect((await listCohortAppeals(secondAdviser, world.cohortId, { open: true })).find((entry) => entry.id === onDismissal)).toMatchObject({ appealsBodyTell: { due: true } });
    const changed = await db().studentLetter.findFirstOrThrow({ where: { enrolmentId: row.enrolmentId, kind: "DECISION_CHANGED" } });
    expect(changed.body).toContain("Klagen din i denne saken ligger hos Den sentrale klagenemnda ved NTNU. Vi gir klagenemnda beskjed om at vedtaket «");
  });
});
