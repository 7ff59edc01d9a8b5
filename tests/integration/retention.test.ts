// The privacy.retention job against a real database and real files: what the rule says is due
// goes (rows and files), everything else stays — an open klage, a recent refusal, an admitted
// student's application, an undecided application of a recent intake — and each deletion leaves
// one audit entry with ids and counts only. Run twice: the second run changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { applyRetention } from "@/lib/server/retention/sweep";
import { storage } from "@/lib/storage";
import { attachPdf, createApplication, createCohort, createDecision, createProgramme, createUser, enrol, uniqueCohortCode } from "@/prisma/seed/factories";
import { db } from "./support";

const NOW = new Date("2026-12-03T10:00:00Z");
const PERIODS = { notAdmittedDocumentsMonths: 6, undecidedApplicationMonths: 6, deferralHealthDataMonths: 3, absenceReasonMonths: 3 };

interface Case {
  applicationId: string;
  storageKeys: string[];
  secret: string;
}
const cases: Record<string, Case> = {};
let adviserId: string;

async function applicant(name: string, cohortId: string, options: { status?: "DRAFT" | "SUBMITTED" | "DECIDED" } = {}): Promise<Case> {
  const user = await createUser(db(), { name, email: `${name.toLowerCase().replace(/\s+/g, ".")}.${Math.random().toString(36).slice(2, 8)}@example.no` });
  const application = await createApplication(db(), { applicantId: user.id, cohortId, status: options.status ?? "DECIDED", fullName: name });
  const documents = [];
  for (const kind of ["VITNEMAL", "TJENESTEBEVIS"] as const) {
    documents.push(await attachPdf(db(), { applicationId: application.id, uploadedById: user.id, kind, originalName: `${name} ${kind}.pdf` }));
  }
  return { applicationId: application.id, storageKeys: documents.map((document) => document.storageKey), secret: name };
}

async function fileExists(key: string) {
  const stream = await storage().read(key);
  await stream?.cancel();
  return stream !== null;
}

beforeAll(async () => {
  adviserId = (await createUser(db(), { roles: ["ADVISER"] })).id;
  const programme = await createProgramme(db());
  const { cohort: old } = await createCohort(db(), {
    programmeId: programme.id,
    code: uniqueCohortCode(),
    applicationOpensOn: "2025-12-01",
    applicationDeadline: "2026-02-01",
    offerAnswerDeadline: "2026-03-15",
    samlinger: [{ title: "Samling 1", days: ["2026-09-01"] }],
  });
  const { cohort: recent } = await createCohort(db(), {
    programmeId: programme.id,
    code: uniqueCohortCode(),
    applicationOpensOn: "2026-08-01",
    applicationDeadline: "2026-10-01",
    offerAnswerDeadline: "2026-11-15",
    samlinger: [{ title: "Samling 1", days: ["2027-01-10"] }],
  });

  cases.refusedLongAgo = await applicant("Rita Refusert", old.id);
  await createDecision(db(), { applicationId: cases.refusedLongAgo.applicationId, decidedById: adviserId, outcome: "REFUSAL", decidedAt: new Date("2026-03-02T10:00:00Z") });

  cases.openKlage = await applicant("Kåre Klager", old.id);
  const decision = await createDecision(db(), { applicationId: cases.openKlage.applicationId, decidedById: adviserId, outcome: "REFUSAL", decidedAt: new Date("2026-03-02T10:00:00Z") });
  const letter = await db().decisionLetter.findFirstOrThrow({ where: { decisionId: decision.id } });
  await db().appeal.create({ data: { applicationId: cases.openKlage.applicationId, decisionId: decision.id, letterId: letter.id, text: "Jeg klager.", filedAt: new Date("2026-03-10T10:00:00Z") } });

  cases.refusedRecently = await applicant("Nina Nylig", recent.id);
  await createDecision(db(), { applicationId: cases.refusedRecently.applicationId, decidedById: adviserId, outcome: "REFUSAL", decidedAt: new Date("2026-10-20T10:00:00Z") });

  cases.admitted = await applicant("Stine Student", old.id);
  await createDecision(db(), { applicationId: cases.admitted.applicationId, decidedById: adviserId, outcome: "OFFER", decidedAt: new Date("2026-03-02T10:00:00Z"), answerDeadline: "2026-03-15" });
  const admittedApplication = await db().application.findUniqueOrThrow({ where: { id: cases.admitted.applicationId }, select: { applicantId: true } });
  await db().decision.update({ where: { applicationId: cases.admitted.applicationId }, data: { answer: "ACCEPTED", answeredAt: new Date("2026-03-05T10:00:00Z") } });
  await enrol(db(), { userId: admittedApplication.applicantId, cohortId: old.id, applicationId: cases.admitted.applicationId });

  cases.oldDraft = await applicant("Ulf Utkast", old.id, { status: "DRAFT" });
  cases.recentDraft = await applicant("Vera Venter", recent.id, { status: "SUBMITTED" });
  // Sent to the old intake and never decided: the applicant is still owed a decision.
  cases.oldUnanswered = await applicant("Ola Ubesvart", old.id, { status: "SUBMITTED" });
});

describe("the retention job", () => {
  it("deletes the due documents and applications, rows and files, and keeps the rest", async () => {
    const run = await applyRetention(NOW, PERIODS);
    expect(run).toEqual({ documentsDeletedFrom: 1, documentsDeleted: 2, applicationsDeleted: 1, deferralsErased: 0, deferralDocumentsDeleted: 0, absenceReasonsErased: 0 });

    // Refused in March: the documents are gone from the database and the disk; the case stays.
    expect(await db().document.count({ where: { applicationId: cases.refusedLongAgo!.applicationId } })).toBe(0);
    for (const key of cases.refusedLongAgo!.storageKeys) expect(await fileExists(key)).toBe(false);
    expect(await db().application.count({ where: { id: cases.refusedLongAgo!.applicationId } })).toBe(1);
    expect(await db().decisionLetter.count({ where: { decision: { applicationId: cases.refusedLongAgo!.applicationId } } })).toBe(1);

    // A draft of an intake whose deadline was ten months ago: gone whole.
    expect(await db().application.count({ where: { id: cases.oldDraft!.applicationId } })).toBe(0);
    for (const key of cases.oldDraft!.storageKeys) expect(await fileExists(key)).toBe(false);

    // Kept: an open klage, a refusal six weeks old, a student's application, a recent intake, and
    // an old one sent but never decided (whatever its age).
    for (const name of ["openKlage", "refusedRecently", "admitted", "recentDraft", "oldUnanswered"]) {
      expect(await db().document.count({ where: { applicationId: cases[name]!.applicationId } }), name).toBe(2);
      for (const key of cases[name]!.storageKeys) expect(await fileExists(key), name).toBe(true);
    }
  });

  it("leaves one audit entry per deletion with ids and counts, nothing personal", async () => {
    const entries = await db().auditLog.findMany({ where: { action: { startsWith: "retention." } }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.entityId, entry.actorId])).toEqual(
      expect.arrayContaining([
        ["retention.delete_documents", cases.refusedLongAgo!.applicationId, null],
        ["retention.delete_application", cases.oldDraft!.applicationId, null],
      ]),
    );
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      const text = JSON.stringify({ ...entry, id: String(entry.id) });
      expect(entry.before).toBeNull();
      for (const person of Object.values(cases)) expect(text).not.toContain(person.secret);
      expect(text).not.toMatch(/@example\.no|\.pdf/);
    }
    expect(entries[0]!.after).toMatchObject({ rule: "not-admitted", documents: 2 });
    expect(entries[1]!.after).toMatchObject({ rule: "no-decision", documents: 2, positions: 0, educations: 0 });
  });

  it("does nothing the second time", async () => {
    const before = await db().auditLog.count();
    expect(await applyRetention(NOW, PERIODS)).toEqual({ documentsDeletedFrom: 0, documentsDeleted: 0, applicationsDeleted: 0, deferralsErased: 0, deferralDocumentsDeleted: 0, absenceReasonsErased: 0 });
    expect(await db().auditLog.count()).toBe(before);
  });

  it("deletes the klage's case once it is decided, sent on, answered by the klagenemnd, and the period has passed", async () => {
    await db().appeal.updateMany({
      where: { applicationId: cases.openKlage!.applicationId },
      data: { status: "UPHELD", decidedAt: new Date("2026-04-01T10:00:00Z"), decidedById: adviserId, grounds: "Vedtaket står." },
    });
    // Not taken, but not yet sent to the appeals body: still open, the documents stay.
    expect(await applyRetention(NOW, PERIODS)).toMatchObject({ documentsDeletedFrom: 0, documentsDeleted: 0 });
    const forwardedAt = new Date("2026-04-02T10:00:00Z");
    await db().appeal.updateMany({ where: { applicationId: cases.openKlage!.applicationId }, data: { forwardedAt } });
    // Sent on and waiting at the klagenemnd: still being handled (a quashing would bring it back to
    // be decided on these documents), though six months have passed since the sending.
    expect(await applyRetention(NOW, PERIODS)).toMatchObject({ documentsDeletedFrom: 0, documentsDeleted: 0 });
    // Its decision registered (stadfestet, 20 April): the period runs from it, due from 20 October;
    // the run is in December.
    const appeal = await db().appeal.findFirstOrThrow({ where: { applicationId: cases.openKlage!.applicationId }, select: { id: true } });
    await db().appealsBodyDecision.create({
      data: { appealId: appeal.id, forwardedAt, outcome: "UPHELD", decidedOn: new Date("2026-04-20T00:00:00Z"), summary: "Vedtaket står.", registeredById: adviserId },
    });
    expect(await applyRetention(NOW, PERIODS)).toEqual({ documentsDeletedFrom: 1, documentsDeleted: 2, applicationsDeleted: 0, deferralsErased: 0, deferralDocumentsDeleted: 0, absenceReasonsErased: 0 });
    for (const key of cases.openKlage!.storageKeys) expect(await fileExists(key)).toBe(false);
  });
});
