// Innsyn through the real route handler: the zip is unpacked and read. A student gets her account,
// application (with its documents' metadata and the files themselves), decision and letter,
// enrolment, attendance, hand-in, exam registration, the mail sent to her and the audit entries
// about her — and nothing of another applicant. An administrator may export anyone; an adviser,
// another person and the signed-out may not, and a refused request leaves no audit entry. Every
// export is audited. Her own export holds no grade before the grades are published.
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/innsyn/[userId]/route";
import { audit } from "@/lib/server/audit";
import {
  attachPdf,
  createApplication,
  createArbeidskrav,
  createCohort,
  createDecision,
  createProgramme,
  createSubmission,
  createUser,
  enrol,
  standardArbeidskrav,
  uniqueCohortCode,
} from "@/prisma/seed/factories";
import { db, signInAs, signOutTestSession } from "./support";

const people: Record<string, { id: string; email: string; name: string }> = {};
let examId: string;

beforeAll(async () => {
  people.student = await createUser(db(), { name: "Ingrid Innsyn", email: "ingrid.innsyn@example.no", roles: ["STUDENT"] });
  people.other = await createUser(db(), { name: "Oskar Annen", email: "oskar.annen@example.no", roles: ["APPLICANT"] });
  people.admin = await createUser(db(), { name: "Ada Admin", roles: ["ADMIN", "ADVISER"] });
  people.adviser = await createUser(db(), { name: "Vera Veileder", roles: ["ADVISER"] });

  const programme = await createProgramme(db());
  const { cohort } = await createCohort(db(), {
    programmeId: programme.id,
    code: uniqueCohortCode(),
    applicationOpensOn: "2030-01-01",
    applicationDeadline: "2030-02-01",
    offerAnswerDeadline: "2030-03-01",
    samlinger: [{ title: "Samling 1", days: ["2030-09-10"] }],
    exam: { startsOn: "2030-11-19", endsOn: "2030-11-21" },
  });
  const mine = await createApplication(db(), { applicantId: people.student!.id, cohortId: cohort.id, status: "DECIDED", fullName: "Ingrid Innsyn", phone: "912 34 567" });
  await attachPdf(db(), { applicationId: mine.id, uploadedById: people.student!.id, kind: "VITNEMAL", originalName: "vitnemål Ingrid.pdf" });
  await createDecision(db(), { applicationId: mine.id, decidedById: people.admin!.id, outcome: "OFFER", answerDeadline: "2030-03-01" });
  const enrolment = await enrol(db(), { userId: people.student!.id, cohortId: cohort.id, applicationId: mine.id });
  const definition = (await createArbeidskrav(db(), cohort.id, standardArbeidskrav(["2030-10-01"])))[0]!;
  await createSubmission(db(), {
    arbeidskravId: definition.id,
    enrolmentIds: [enrolment.id],
    submittedById: people.student!.id,
    attempts: [{ status: "SUBMITTED", at: new Date("2030-09-20T10:00:00Z"), pdf: { originalName: "fagnotat Ingrid.pdf", title: "Fagnotat" } }],
  });
  examId = (await db().exam.findFirstOrThrow({ where: { cohortId: cohort.id } })).id;
  await db().examRegistration.create({
    data: { examId, enrolmentId: enrolment.id, status: "ADMITTED", decidedById: people.admin!.id, grade: "B", gradedById: people.admin!.id, gradedAt: new Date("2030-12-01T10:00:00Z") },
  });
  await db().mailMessage.create({ data: { dedupeKey: "test:ingrid", to: people.student!.email, userId: people.student!.id, subject: "Velkommen", text: "Hei Ingrid" } });
  await db().$transaction((tx) => audit(tx, { actorId: people.admin!.id, action: "application.qualify", entityType: "Application", entityId: mine.id, after: { qualified: true } }));

  // Someone else, in the same intake: none of this may reach Ingrid's export.
  const theirs = await createApplication(db(), { applicantId: people.other!.id, cohortId: cohort.id, status: "SUBMITTED", fullName: "Oskar Annen" });
  await attachPdf(db(), { applicationId: theirs.id, uploadedById: people.other!.id, kind: "VITNEMAL", originalName: "vitnemål Oskar.pdf" });
  await db().mailMessage.create({ data: { dedupeKey: "test:oskar", to: people.other!.email, userId: people.other!.id, subject: "Kvittering", text: "Hei Oskar" } });
  await db().$transaction((tx) => audit(tx, { actorId: people.admin!.id, action: "application.qualify", entityType: "Application", entityId: theirs.id, after: { qualified: false } }));
});

async function exportAs(as: string | null, subject = "student") {
  if (as) await signInAs(people[as]!);
  else signOutTestSession();
  const id = people[subject]!.id;
  const response = await exportRoute(new Request(`http://localhost/api/innsyn/${id}`), { params: Promise.resolve({ userId: id }) });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const exportsOf = (userId: string) => db().auditLog.count({ where: { action: "privacy.export", entityId: userId } });

describe("the innsyn export", () => {
  it("gives the person a zip with every row about her and her files, and nothing about anyone else", async () => {
    const { response, bytes } = await exportAs("student");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="innsyn-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");

    const entries = unzipSync(bytes);
    const data = JSON.parse(strFromU8(entries["innsyn.json"]!));
    expect(data.account).toMatchObject({ id: people.student!.id, email: "ingrid.innsyn@example.no", hasPassword: false });
    expect(data.account.passwordHash).toBeUndefined();
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]).toMatchObject({ fullName: "Ingrid Innsyn", phone: "912 34 567" });
    expect(data.applications[0].decision.letters).toHaveLength(1);
    expect(data.enrolments).toHaveLength(1);
    expect(data.enrolments[0].submissions[0].attempts[0].documents).toHaveLength(1);
    expect(data.enrolments[0].examRegistrations).toHaveLength(1);
    expect(data.mail.map((message: { subject: string }) => message.subject)).toEqual(["Velkommen"]);
    expect(data.auditEntries.map((entry: { action: string }) => entry.action)).toContain("application.qualify");
    // In words too, beside the code.
    expect(data.auditEntries).toContainEqual(expect.objectContaining({ action: "application.qualify", description: "Opptaksgrunnlag vurdert", about: "Søknad" }));

    // The files: both PDFs, at the paths the JSON names.
    const paths = [data.applications[0].documents[0].file, data.enrolments[0].submissions[0].attempts[0].documents[0].file];
    for (const path of paths) {
      expect(path).toMatch(/^filer\/[a-z_]+\/[a-z0-9]+-.+\.pdf$/);
      expect(strFromU8(entries[path]!.subarray(0, 5))).toBe("%PDF-");
    }
    expect(Object.keys(entries).sort()).toEqual(["innsyn.json", ...paths].sort());

    // Nothing of Oskar's, anywhere in the zip.
    const everything = Object.values(entries).map((entry) => strFromU8(entry, true)).join("\n");
    for (const trace of ["Oskar", "oskar.annen@example.no", people.other!.id, "Kvittering"]) expect(everything).not.toContain(trace);
  });

  it("holds her grade only once the grades are published (her own export), the administrator's always", async () => {
    const before = JSON.parse(strFromU8(unzipSync((await exportAs("student")).bytes)["innsyn.json"]!));
    expect(before.enrolments[0].examRegistrations[0].grade).toBeNull();
    const admins = JSON.parse(strFromU8(unzipSync((await exportAs("admin")).bytes)["innsyn.json"]!));
    expect(admins.enrolments[0].examRegistrations[0].grade).toBe("B");
    await db().exam.update({ where: { id: examId }, data: { gradesPublishedAt: new Date() } });
    const after = JSON.parse(strFromU8(unzipSync((await exportAs("student")).bytes)["innsyn.json"]!));
    expect(after.enrolments[0].examRegistrations[0].grade).toBe("B");
  });

  it("is audited every time, with who asked", async () => {
    const before = await exportsOf(people.student!.id);
    await exportAs("admin");
    expect(await exportsOf(people.student!.id)).toBe(before + 1);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "privacy.export", entityId: people.student!.id }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorId: people.admin!.id, entityType: "User", after: { by: "admin", files: 2 } });
  });

  it("is refused to another person, an adviser and the signed-out, with no audit entry", async () => {
    const before = await exportsOf(people.student!.id);
    expect((await exportAs("other")).response.status).toBe(404);
    expect((await exportAs("adviser")).response.status).toBe(404);
    expect((await exportAs(null)).response.status).toBe(401);
    expect(await exportsOf(people.student!.id)).toBe(before);
  });

  it("answers 404 for an unknown person and a malformed id", async () => {
    await signInAs(people.admin!);
    for (const id of ["cunknownpersonid00000000", "x".repeat(5000), "abc\u0000"]) {
      const response = await exportRoute(new Request("http://localhost/api/innsyn/x"), { params: Promise.resolve({ userId: id }) });
      expect(response.status).toBe(404);
    }
  });
});
