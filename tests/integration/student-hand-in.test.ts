// Handing in arbeidskrav through the real route handler: alone or for a group of classmates, a
// PDF and/or a text, resubmission after "ikke godkjent" by any member, late hand-ins marked, a
// receipt to every member, and nothing for anyone outside (another cohort, a crafted POST).
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as handIn } from "@/app/api/student/arbeidskrav/[id]/innlevering/route";
import { GET as download } from "@/app/api/dokumenter/[id]/route";
import { DomainError } from "@/lib/server/errors";
import { handInArbeidskrav } from "@/lib/server/students/hand-in";
import { getStudentOverview } from "@/lib/server/students/overview";
import { resolveViewer } from "@/lib/server/viewer";
import { createUser, enrol } from "@/prisma/seed/factories";
import { makePdf } from "@/prisma/seed/pdf";
import { studentCohort } from "./student-fixtures";
import { db, signInAs } from "./support";

const pdf = (name = "innlevering.pdf") => new File([Buffer.from(makePdf("Innlevering", ["Tekst"]))], name, { type: "application/pdf" });

type Fixture = Awaited<ReturnType<typeof studentCohort>>;
let fx: Fixture;
let other: Fixture;

beforeAll(async () => {
  fx = await studentCohort({ students: 7 });
  other = await studentCohort({ students: 1 });
});

async function post(
  arbeidskravId: string,
  fields: { text?: string; file?: File; members?: string[] },
  headers: Record<string, string> = { accept: "application/json" },
) {
  const form = new FormData();
  if (fields.text !== undefined) form.append("text", fields.text);
  if (fields.file) form.append("file", fields.file);
  for (const member of fields.members ?? []) form.append("members", member);
  // A browser on the app's own page sends its origin (a post with none is refused).
  const request = new NextRequest(`http://localhost/api/student/arbeidskrav/${arbeidskravId}/innlevering`, {
    method: "POST",
    body: form,
    headers: { origin: "http://localhost", ...headers },
  });
  const response = await handIn(request, { params: Promise.resolve({ id: arbeidskravId }) });
  const body = response.headers.get("content-type")?.includes("json") ? ((await response.json()) as { ok: boolean; message: string; fieldErrors?: Record<string, string[]> }) : null;
  return { status: response.status, body, response };
}

const student = (index: number) => fx.students[index]!;
const asStudent = (index: number) => signInAs(student(index).user);

async function submissionOf(enrolmentId: string, arbeidskravId: string) {
  return db().submissionMember.findUnique({
    where: { enrolmentId_arbeidskravId: { enrolmentId, arbeidskravId } },
    select: {
      submission: {
        select: {
          id: true,
          status: true,
          members: { select: { enrolmentId: true } },
          attempts: { orderBy: { attempt: "asc" }, select: { id: true, attempt: true, text: true, submittedById: true, documents: { select: { id: true } } } },
        },
      },
    },
  });
}

describe("handing in alone", () => {
  it("takes a PDF, marks a hand-in after the due date as late, and queues a receipt", async () => {
    await asStudent(0);
    const overdue = fx.byNumber(1); // fagnotat 1, due five days ago
    const response = await post(overdue.id, { file: pdf("fagnotat-1.pdf"), text: "Kort kommentar." });
    expect(response.status).toBe(201);
    expect(response.body?.message).toMatch(/Innleveringen er mottatt\. Den er levert etter fristen og merkes som levert for sent\./);
    const stored = await submissionOf(student(0).enrolment.id, overdue.id);
    expect(stored!.submission.status).toBe("SUBMITTED");
    expect(stored!.submission.attempts).toMatchObject([{ attempt: 1, text: "Kort kommentar.", submittedById: student(0).user.id }]);
    expect(stored!.submission.attempts[0]!.documents).toHaveLength(1);
    const receipt = await db().mailMessage.findUniqueOrThrow({
      where: { dedupeKey: `hand-in-receipt:${stored!.submission.attempts[0]!.id}:${student(0).enrolment.id}` },
    });
    expect(receipt.to).toBe(student(0).user.email);
    expect(receipt.text).toContain("levert for sent");
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: stored!.submission.id, action: "submission.hand_in" } });
    expect(audit.actorId).toBe(student(0).user.id);

    const viewer = (await resolveViewer(await signInAs(student(0).user)))!;
    const [overview] = await getStudentOverview(viewer);
    const item = overview!.arbeidskrav.find((candidate) => candidate.id === overdue.id)!;
    expect(item.status).toBe("SUBMITTED");
    expect(item.submission!.attempts[0]).toMatchObject({ late: true, deadline: overview!.arbeidskrav[0]!.dueDate, submittedBy: student(0).user.name });
    // The student downloads their own file through the one download route.
    const documentId = stored!.submission.attempts[0]!.documents[0]!.id;
    const file = await download(new Request(`http://localhost/api/dokumenter/${documentId}`), { params: Promise.resolve({ id: documentId }) });
    expect(file.status).toBe(200);
  });

  it("takes a text alone, and refuses a hand-in with neither text nor PDF", async () => {
    await asStudent(6);
    const empty = await post(fx.byNumber(2).id, { text: "   " });
    expect(empty.status).toBe(422);
    expect(empty.body?.fieldErrors?.file?.[0]).toMatch(/PDF eller skriv en tekst/);
    const textOnly = await post(fx.byNumber(2).id, { text: "Treningsmålet mitt var å gi tydeligere tilbakemeldinger." });
    expect(textOnly.status).toBe(201);
    expect(textOnly.body?.message).not.toMatch(/for sent/);
  });

  it("refuses a file that is not a PDF, and an individual arbeidskrav handed in with others", async () => {
    await asStudent(5);
    const fake = new File(["<html>not a pdf</html>"], "oppgave.pdf", { type: "application/pdf" });
    const notPdf = await post(fx.byNumber(4).id, { file: fake });
    expect(notPdf.status).toBe(422);
    expect(notPdf.body?.message).toMatch(/ikke en PDF-fil/);
    const withOthers = await post(fx.byNumber(4).id, { file: pdf(), members: [student(4).enrolment.id] });
    expect(withOthers.status).toBe(422);
    expect(withOthers.body?.fieldErrors?.members?.[0]).toMatch(/skal leveres individuelt/);
    expect(await submissionOf(student(5).enrolment.id, fx.byNumber(4).id)).toBeNull();
    expect(await submissionOf(student(4).enrolment.id, fx.byNumber(4).id)).toBeNull();
  });
});

describe("a group hand-in", () => {
  it("makes every chosen classmate a member who sees it and gets a receipt", async () => {
    await asStudent(1);
    const fagnotat2 = fx.byNumber(3);
    const response = await post(fagnotat2.id, { file: pdf("fagnotat-2.pdf"), members: [student(2).enrolment.id, student(3).enrolment.id, ""] });
    expect(response.status).toBe(201);
    expect(response.body?.message).toMatch(/Alle i gruppen får en kvittering/);
    const stored = await submissionOf(student(2).enrolment.id, fagnotat2.id);
    expect(stored!.submission.members.map((m) => m.enrolmentId).sort()).toEqual(
      [student(1).enrolment.id, student(2).enrolment.id, student(3).enrolment.id].sort(),
    );
    const attemptId = stored!.submission.attempts[0]!.id;
    const receipts = await db().mailMessage.findMany({ where: { dedupeKey: { startsWith: `hand-in-receipt:${attemptId}:` } } });
    expect(receipts.map((mail) => mail.to).sort()).toEqual([student(1), student(2), student(3)].map((s) => s.user.email).sort());
    // The classmates chosen are in the group once they confirm; the receipt tells them so.
    expect(receipts.find((mail) => mail.to === student(2).user.email)!.text).toContain(
      `Du er lagt til i gruppen av ${student(1).user.name}, og er ikke med før du har bekreftet det på arbeidskravets side`,
    );
    expect(receipts.find((mail) => mail.to === student(1).user.email)!.text).not.toContain("bekreftet");
    const confirmed = await db().submissionMember.findMany({ where: { submissionId: stored!.submission.id }, select: { enrolmentId: true, confirmedAt: true, addedById: true } });
    expect(confirmed.filter((member) => member.confirmedAt !== null).map((member) => member.enrolmentId)).toEqual([student(1).enrolment.id]);
    expect(confirmed.filter((member) => member.confirmedAt === null).every((member) => member.addedById === student(1).user.id)).toBe(true);

    // A member sees the group's hand-in and may open its file; a classmate outside the group does not.
    const documentId = stored!.submission.attempts[0]!.documents[0]!.id;
    for (const [index, expected] of [[2, 200], [4, 404]] as const) {
      const viewer = (await resolveViewer(await signInAs(student(index).user)))!;
      const [overview] = await getStudentOverview(viewer);
      const item = overview!.arbeidskrav.find((candidate) => candidate.id === fagnotat2.id)!;
      expect(item.status).toBe(index === 2 ? "SUBMITTED" : "NOT_SUBMITTED");
      expect(item.submission === null).toBe(index !== 2);
      const file = await download(new Request(`http://localhost/api/dokumenter/${documentId}`), { params: Promise.resolve({ id: documentId }) });
      expect(file.status).toBe(expected);
    }
  });

  it("cannot add a classmate who is already in another hand-in of it, and says who", async () => {
    await asStudent(4);
    const fagnotat2 = fx.byNumber(3);
    const response = await post(fagnotat2.id, { file: pdf(), members: [student(2).enrolment.id] });
    expect(response.status).toBe(422);
    expect(response.body?.message).toBe(
      `${student(2).user.name} er allerede med i en annen innlevering av ${fagnotat2.title}, og kan ikke legges til i gruppen din.`,
    );
    expect(await submissionOf(student(4).enrolment.id, fagnotat2.id)).toBeNull();
  });

  it("refuses more members than the arbeidskrav allows, and anyone from outside the cohort", async () => {
    await asStudent(4);
    const fagnotat2 = fx.byNumber(3);
    const tooMany = await post(fagnotat2.id, { file: pdf(), members: [student(5).enrolment.id, student(6).enrolment.id, student(0).enrolment.id] });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body?.fieldErrors?.members?.[0]).toMatch(/høyst 3 deltakere \(har 4\)/);
    const outsider = await post(fagnotat2.id, { file: pdf(), members: [other.students[0]!.enrolment.id] });
    expect(outsider.status).toBe(422);
    expect(outsider.body?.message).toBe("Du kan bare levere sammen med studenter som er aktive i ditt eget kull.");
    const madeUp = await post(fagnotat2.id, { file: pdf(), members: ["c000000000000000000000000"] });
    expect(madeUp.status).toBe(422);
    const malformed = await post(fagnotat2.id, { file: pdf(), members: ["'; DROP TABLE \"Enrolment\"; --"] });
    expect(malformed.status).toBe(400);
    expect(await submissionOf(student(4).enrolment.id, fagnotat2.id)).toBeNull();
  });

  it("decides two groups claiming the same classmate at the same moment one after the other", async () => {
    const fagnotat2 = fx.byNumber(3);
    const viewers = await Promise.all([4, 5].map(async (index) => (await resolveViewer(await signInAs(student(index).user)))!));
    const results = await Promise.allSettled(
      viewers.map((viewer) => handInArbeidskrav(viewer, fagnotat2.id, { text: "Gruppenotat", file: null, memberEnrolmentIds: [student(6).enrolment.id] })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    const members = await db().submissionMember.findMany({ where: { arbeidskravId: fagnotat2.id, enrolmentId: student(6).enrolment.id } });
    expect(members).toHaveLength(1);
  });

  it("waits for assessment, then lets any member hand in again for the whole group", async () => {
    const fagnotat2 = fx.byNumber(3);
    await asStudent(3);
    const early = await post(fagnotat2.id, { text: "Ny versjon" });
    expect(early.status).toBe(422);
    expect(early.body?.message).toMatch(/venter på vurdering/);

    // The faculty assess it as not approved (the colleague's use case does this; here, the rows).
    const stored = await submissionOf(student(1).enrolment.id, fagnotat2.id);
    await db().submissionAttempt.update({ where: { id: stored!.submission.attempts[0]!.id }, data: { status: "NOT_APPROVED", assessedAt: new Date(), assessorId: fx.teacher.id, feedback: "Avgrens problemstillingen." } });
    await db().submission.update({ where: { id: stored!.submission.id }, data: { status: "NOT_APPROVED" } });

    const again = await post(fagnotat2.id, { file: pdf("fagnotat-2-ny.pdf"), members: [student(4).enrolment.id] });
    expect(again.status).toBe(201);
    expect(again.body?.message).toMatch(/^Innlevering nr\. 2 er mottatt\./);
    const after = await submissionOf(student(1).enrolment.id, fagnotat2.id);
    expect(after!.submission.status).toBe("SUBMITTED");
    expect(after!.submission.attempts.map((attempt) => [attempt.attempt, attempt.submittedById])).toEqual([
      [1, student(1).user.id],
      [2, student(3).user.id],
    ]);
    // The group stays as it was: the members field is ignored on a resubmission.
    expect(after!.submission.members).toHaveLength(3);
    expect(await db().auditLog.count({ where: { entityId: stored!.submission.id, action: "submission.resubmit" } })).toBe(1);
  });
});

describe("what a student cannot do", () => {
  it("hands in nothing for an arbeidskrav of another cohort, or with a malformed id", async () => {
    await asStudent(0);
    const foreign = await post(other.byNumber(2).id, { file: pdf() });
    expect(foreign.status).toBe(404);
    const malformed = await post("../../etc/passwd", { file: pdf() });
    expect(malformed.status).toBe(404);
    expect(await db().submissionMember.count({ where: { arbeidskravId: other.byNumber(2).id } })).toBe(0);
  });

  it("refuses a post from another site, a signed-out visitor and a non-student", async () => {
    await asStudent(0);
    const crossSite = await post(fx.byNumber(5).id, { file: pdf() }, { accept: "application/json", origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    const faculty = await createUser(db(), { roles: ["FACULTY"] });
    await signInAs(faculty);
    expect((await post(fx.byNumber(5).id, { file: pdf() })).status).toBe(403);
    (globalThis as { __testSessionId?: string | null }).__testSessionId = null;
    expect((await post(fx.byNumber(5).id, { file: pdf() })).status).toBe(401);
    expect(await db().submissionMember.count({ where: { arbeidskravId: fx.byNumber(5).id } })).toBe(0);
  });

  it("refuses a body over the size limit before reading it", async () => {
    await asStudent(0);
    const response = await post(fx.byNumber(5).id, { file: pdf() }, { accept: "application/json", "content-length": String(11 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });

  it("without JavaScript, comes back to the arbeidskrav's page with the message", async () => {
    await asStudent(0);
    const response = await post(fx.byNumber(5).id, { text: "Oppsummering" }, {});
    expect(response.status).toBe(303);
    expect(response.response.headers.get("location")).toBe(`http://localhost/student/arbeidskrav/${fx.byNumber(5).id}`);
    expect(response.response.headers.get("set-cookie")).toContain("bvl-innlevering=");
  });

  it("the database keeps group members in the arbeidskrav's cohort, whatever the code does", async () => {
    const outsider = await createUser(db(), { roles: ["STUDENT"] });
    const enrolment = await enrol(db(), { userId: outsider.id, cohortId: other.cohort.id });
    const submission = await db().submission.create({ data: { arbeidskravId: fx.byNumber(4).id } });
    await expect(
      db().submissionMember.create({ data: { submissionId: submission.id, arbeidskravId: fx.byNumber(4).id, enrolmentId: enrolment.id } }),
    ).rejects.toThrow(/SubmissionMember_same_cohort|not in the cohort/);
  });
});
