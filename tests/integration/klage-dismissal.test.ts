// A student's klage that came after the deadline and is not taken up: avvist (forvaltningsloven
// § 33 andre ledd, with § 31) as the adviser registers it. The avvisning is an enkeltvedtak of its
// own: a letter in a case of its own, with a klage right; a klage on it that is taken (here or by
// the klagenemnd) opens the late klage again, to be decided on its merits. The decision the late
// klage was about stands throughout.
import { beforeAll, describe, expect, it } from "vitest";
import { registerStudentAppealAction } from "@/lib/actions/student-letters";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { refuseLeave } from "@/lib/server/enrolments/leave";
import {
  decideStudentAppeal,
  fileStudentAppeal,
  getKlageRegistration,
  listCohortAppeals,
  markStudentAppealForwarded,
  registerStudentAppeal,
  registerStudentAppealsBodyDecision,
} from "@/lib/server/student-letters/appeals";
import { listStudentLetters } from "@/lib/server/student-letters/queries";
import { createUser } from "@/prisma/seed/factories";
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

async function auditOf(action: string, entityId: string) {
  return db().auditLog.findMany({ where: { action, entityId }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  world = await makeCohort({ students: 4, samlinger: planDays("2027-01-11", 12), heldBefore: "2027-01-01" });
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
    expect(dismissal.subject).toBe("Vedtak: klagen din er avvist fordi den kom for sent: permisjon");
    expect(dismissal.body).toContain("kom 10. mars 2027. Klagefristen var 22. februar 2027. Klagen kom for sent, og den er avvist");
    // A case of its own: not the refusal's.
    const refusal = await db().studentLetter.findUniqueOrThrow({ where: { id: letterId } });
    expect(dismissal.caseNumber).not.toBe(refusal.caseNumber);
    // Mailed, and audited once as an avvisning (no receipt: the letter is the answer).
    expect(await db().mailMessage.count({ where: { dedupeKey: `student-appeal-receipt:${appealId}` } })).toBe(0);
    expect(await db().mailMessage.count({ where: { userId: row.userId, subject: { contains: "avvist" } } })).toBe(1);
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
    expect(sentOn.subject).toBe("Klagen din sendes til klageinstansen: avvisning av klage");
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
    expect(letter.legalBasis).toContain("mer enn ett år etter vedtaket");
  });
});
