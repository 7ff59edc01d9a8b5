// The exam beyond the first sitting, use case by use case with their audit entries, letters and
// mail: later sittings saved with Oslo times; utsatt eksamen asked for with documentation,
// granted (a letter, the student placed on the deferred sitting) or refused (an enkeltvedtak
// with a klage deadline); ny eksamen registered for by the student or an adviser under the course
// rule, the attempts and the deadline; results at every sitting; the FS export of a sitting
// carries the grade that counts (the best) and the sitting it is from.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { publishGrades, setGrade } from "@/lib/server/exams/grades";
import { CLASSMATE_HEALTH_MESSAGE, OWN_CASE_MESSAGE } from "@/lib/permissions";
import { openDocument } from "@/lib/server/documents/access";
import { grantDeferral, listDeferrals, refuseDeferral, requestDeferral } from "@/lib/server/exams/deferrals";
import { registerForExam, getExamAdmission } from "@/lib/server/exams/registration";
import { registerForResit, withdrawFromResit } from "@/lib/server/exams/resit";
import { examResultsCsv, getExamProtocol } from "@/lib/server/exams/results";
import { deleteLaterSitting, saveLaterSitting, setSittingTask, uploadSittingTask } from "@/lib/server/exams/sittings";
import { storage } from "@/lib/storage";
import { getStudentOverview } from "@/lib/server/students/overview";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { osloDate } from "@/lib/domain/application-deadline";
import { isoDate } from "@/lib/to-domain";
import { decideStudentAppeal, fileStudentAppeal, getKlageRegistration, listCohortAppeals, registerStudentAppeal } from "@/lib/server/student-letters/appeals";
import { getLetterForPdf } from "@/lib/server/student-letters/queries";
import { createUser } from "@/prisma/seed/factories";
import { makePdf } from "@/prisma/seed/pdf";
import { makeCohort, viewerOf, type World } from "./cohort-world";
import { GET as downloadCalendar } from "@/app/api/student/kalender/route";
import { deleteLaterSittingAction } from "@/lib/actions/exam";
import { registerStudentAppealAction } from "@/lib/actions/student-letters";
import { connectRaw, db, redirectOf, signInAs, someoneWaitsFor, submit } from "./support";

let world: World;
const ILL = 0; // ill before the ordinary exam: granted utsatt eksamen
const REFUSED = 1; // asks for a deferral without grounds: refused; then F, registers for ny eksamen
const PASSED = 2; // B at the ordinary exam: may improve once
const SHORT = 3; // four arbeidskrav approved: not eligible, never registered
const KLAGE = 4; // refused a deferral, klage taken by another adviser: granted
let resitId: string;
let deferredId: string;

const student = (index: number) => viewerOf({ id: world.students[index]!.userId, email: `s${index}@test.no`, name: world.students[index]!.name, roles: ["STUDENT"] });
const enrolmentOf = (index: number) => world.students[index]!.enrolmentId;
/** A student of the kull who is also an adviser (the student who passed). */
const classmateAdviser = () => viewerOf({ id: world.students[PASSED]!.userId, email: `s${PASSED}@test.no`, name: world.students[PASSED]!.name, roles: ["ADVISER", "STUDENT"] });
const legeerklaering = () => new File([Buffer.from(makePdf("Legeerklæring", ["Syk 13.–16. desember 2026."]))], "legeerklaering.pdf", { type: "application/pdf" });
const at = (iso: string) => new Date(iso);

async function auditOf(action: string, entityId?: string) {
  return db().auditLog.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { id: "asc" } });
}

function csvRows(csv: string) {
  return csv.replace(/^\uFEFF/, "").trim().split("\r\n").map((line) => line.split(";"));
}

beforeAll(async () => {
  world = await makeCohort({
    students: 5,
    samlinger: [["2026-09-08", "2026-09-09"]],
    heldBefore: "2030-01-01",
    approved: (index) => (index === SHORT ? 4 : 5),
    exam: { startsOn: "2026-12-14", endsOn: "2026-12-16" },
  });
  await registerForExam(world.teacher, { cohortId: world.cohortId }, at("2026-12-01T10:00:00Z"));
});

describe("later sittings", () => {
  it("are saved by the staff with Oslo wall-clock times stored as instants, audited; a resit needs a deadline before its first day", async () => {
    const now = at("2026-12-20T10:00:00Z");
    const bad = saveLaterSitting(
      world.adviser,
      { cohortId: world.cohortId, examId: null, kind: "RESIT", title: "Ny eksamen", firstDay: "2027-02-02", startTime: "09:00", handInDay: "2027-02-04", handInTime: "14:00", registrationClosesOn: "2027-02-02" },
      now,
    );
    await expect(bad).rejects.toMatchObject({ fieldErrors: { registrationClosesOn: ["Oppmeldingsfristen må være før første eksamensdag."] } });
    const resit = await saveLaterSitting(
      world.adviser,
      { cohortId: world.cohortId, examId: null, kind: "RESIT", title: "Ny eksamen", firstDay: "2027-02-02", startTime: "09:00", handInDay: "2027-02-04", handInTime: "14:00", registrationClosesOn: "2027-01-20" },
      now,
    );
    resitId = resit.id;
    // Winter time: 09:00 in Oslo is 08:00 UTC.
    expect(resit.startsAt.toISOString()).toBe("2027-02-02T08:00:00.000Z");
    expect(resit.handInAt.toISOString()).toBe("2027-02-04T13:00:00.000Z");
    const deferred = await saveLaterSitting(
      world.adviser,
      { cohortId: world.cohortId, examId: null, kind: "DEFERRED", title: "Utsatt eksamen", firstDay: "2027-02-09", startTime: "09:00", handInDay: "2027-02-11", handInTime: "14:00", registrationClosesOn: null },
      now,
    );
    deferredId = deferred.id;
    const created = await auditOf("exam.create");
    expect(created.map((entry) => entry.entityId)).toEqual(expect.arrayContaining([resitId, deferredId]));
    expect(created.find((entry) => entry.entityId === resitId)!.after).toMatchObject({ kind: "RESIT", registrationClosesOn: "2027-01-20", startsAt: "2027-02-02T08:00:00.000Z" });
  });

  it("are not saved twice (one kind, one first day), and one made by mistake is deleted while nobody is registered, with its task files", async () => {
    const now = at("2026-12-20T10:00:00Z");
    const again = { cohortId: world.cohortId, examId: null, kind: "RESIT" as const, title: "Ny eksamen", firstDay: "2027-02-02", startTime: "09:00", handInDay: "2027-02-04", handInTime: "14:00", registrationClosesOn: "2027-01-20" };
    await expect(saveLaterSitting(world.adviser, again, now)).rejects.toMatchObject({
      fieldErrors: { firstDay: ["Kullet har allerede en ny eksamen som starter 2. februar 2027. Endre den i stedet."] },
    });
    const mistake = await saveLaterSitting(world.adviser, { ...again, firstDay: "2027-03-02", handInDay: "2027-03-04", registrationClosesOn: "2027-02-20" }, now);
    const { document: uploaded } = await uploadSittingTask(world.adviser, mistake.id, new File([Buffer.from(makePdf("Oppgave", ["Drøft."]))], "oppgave.pdf", { type: "application/pdf" }), now);
    const task = await db().document.findUniqueOrThrow({ where: { id: uploaded.id }, select: { id: true, storageKey: true } });
    const stored = await storage().read(task.storageKey);
    expect(stored).not.toBeNull();
    await stored!.cancel();
    // Not the ordinary sitting, not by someone outside the kull.
    await expect(deleteLaterSitting(world.adviser, { cohortId: world.cohortId, examId: world.examId! }, now)).rejects.toThrow(DomainError);
    await expect(deleteLaterSitting(viewerOf(await createUser(db(), { name: "Utenfor", roles: ["FACULTY"] })), { cohortId: world.cohortId, examId: mistake.id }, now)).rejects.toThrow();
    await signInAs(world.users.adviser);
    expect(await redirectOf(() => submit(deleteLaterSittingAction, { cohortId: world.cohortId, examId: mistake.id }))).toBe(`/kull/${world.cohortId}/eksamen?slettet=ny`);
    expect(await db().exam.count({ where: { id: mistake.id } })).toBe(0);
    expect(await db().document.count({ where: { id: task.id } })).toBe(0);
    expect(await storage().read(task.storageKey)).toBeNull();
    expect((await auditOf("exam.delete", mistake.id)).map((entry) => [entry.actorId, entry.before])).toEqual([[world.adviser.id, expect.objectContaining({ kind: "RESIT", documents: 1 })]]);
  });
});

describe("utsatt eksamen", () => {
  it("asked for with nothing filled in: the form is told every missing field at once, the documentation too", async () => {
    const { POST } = await import("@/app/api/student/eksamen/[examId]/utsettelse/route");
    await signInAs(await db().user.findUniqueOrThrow({ where: { id: world.students[ILL]!.userId } }));
    const form = new FormData();
    form.append("explanation", "");
    form.append("file", new File([], ""));
    const response = await POST(
      new NextRequest(`http://localhost/api/student/eksamen/${world.examId}/utsettelse`, { method: "POST", body: form, headers: { accept: "application/json", origin: "http://localhost" } }),
      { params: Promise.resolve({ examId: world.examId! }) },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(body.fieldErrors).toEqual({
      reason: ["Velg hvorfor du søker."],
      explanation: ["Skriv kort hva som skjedde, og når."],
      file: ["Last opp dokumentasjonen som PDF, for eksempel en legeerklæring."],
    });
    expect(await db().examDeferral.count({ where: { registration: { enrolmentId: enrolmentOf(ILL) } } })).toBe(0);
  });

  it("is asked for with documentation before the exam; a grant places the student on the deferred sitting with a letter, audited", async () => {
    const requestedAt = at("2026-12-13T18:00:00Z");
    await expect(requestDeferral(student(ILL), world.examId!, { reason: "ILLNESS", explanation: "Syk.", file: null }, requestedAt)).rejects.toMatchObject({
      fieldErrors: { file: ["Last opp dokumentasjonen som PDF, for eksempel en legeerklæring."] },
    });
    const { id } = await requestDeferral(student(ILL), world.examId!, { reason: "ILLNESS", explanation: "Høy feber fra 13. desember.", file: legeerklaering() }, requestedAt);
    const request = await db().examDeferral.findUniqueOrThrow({ where: { id }, include: { documents: true } });
    expect(request).toMatchObject({ status: "REQUESTED", reason: "ILLNESS" });
    expect(request.documents.map((document) => document.kind)).toEqual(["DEFERRAL_DOCUMENTATION"]);
    const [requested] = await auditOf("exam_deferral.request", id);
    // Health data: the log records that the account exists, not what it says.
    expect(requested!.after).toMatchObject({ status: "REQUESTED", explanationLength: "Høy feber fra 13. desember.".length });
    expect(JSON.stringify(requested!.after)).not.toContain("feber");
    expect(await db().mailMessage.count({ where: { dedupeKey: `exam-deferral-receipt:${id}` } })).toBe(1);
    // A second request for the same sitting waits for the first.
    await expect(requestDeferral(student(ILL), world.examId!, { reason: "ILLNESS", explanation: "Igjen.", file: legeerklaering() }, requestedAt)).rejects.toThrow(
      "Du har allerede søkt om utsatt eksamen for denne eksamenen.",
    );
    // The teaching team does not decide: advisers do.
    await expect(grantDeferral(world.teacher, { cohortId: world.cohortId, deferralId: id, sittingId: deferredId, note: null }, at("2026-12-21T10:00:00Z"))).rejects.toThrow();
    // Nor the student herself, were she an adviser too (forvaltningsloven § 6).
    const herselfAdviser = viewerOf({ id: world.students[ILL]!.userId, email: `s${ILL}@test.no`, name: world.students[ILL]!.name, roles: ["ADVISER", "STUDENT"] });
    await expect(grantDeferral(herselfAdviser, { cohortId: world.cohortId, deferralId: id, sittingId: deferredId, note: null }, at("2026-12-21T10:00:00Z"))).rejects.toThrow(OWN_CASE_MESSAGE);
    // The list shows it to her as her own, without the decision; to a colleague, with it.
    const ownOf = async (viewer: typeof herselfAdviser) => (await listDeferrals(viewer, world.cohortId)).requests.filter((row) => row.id === id).map((row) => row.own);
    expect(await ownOf(herselfAdviser)).toEqual([true]);
    expect(await ownOf(world.adviser)).toEqual([false]);
    // An adviser who is a classmate (a student of the kull) neither reads the account and the
    // legeerklæring nor decides (forvaltningsloven § 6 second paragraph); a colleague does both.
    const classmate = classmateAdviser();
    const seenBy = async (viewer: typeof classmate) => {
      const list = await listDeferrals(viewer, world.cohortId);
      const row = list.requests.find((entry) => entry.id === id)!;
      return { mayDecide: list.mayDecide, classmate: list.classmate, reason: row.reason, explanation: row.explanation, documents: row.documents.length };
    };
    expect(await seenBy(classmate)).toEqual({ mayDecide: false, classmate: true, reason: null, explanation: null, documents: 0 });
    expect(await seenBy(world.adviser)).toEqual({ mayDecide: true, classmate: false, reason: "ILLNESS", explanation: "Høy feber fra 13. desember.", documents: 1 });
    await expect(grantDeferral(classmate, { cohortId: world.cohortId, deferralId: id, sittingId: deferredId, note: null }, at("2026-12-21T10:00:00Z"))).rejects.toThrow(CLASSMATE_HEALTH_MESSAGE);
    await expect(refuseDeferral(classmate, { cohortId: world.cohortId, deferralId: id, grounds: "Nei." }, at("2026-12-21T10:00:00Z"))).rejects.toThrow(CLASSMATE_HEALTH_MESSAGE);
    await expect(openDocument(classmate, request.documents[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    const opened = await openDocument(world.adviser, request.documents[0]!.id);
    await opened.stream.cancel();
    // The student reads her own.
    await (await openDocument(student(ILL), request.documents[0]!.id)).stream.cancel();

    const granted = await grantDeferral(world.adviser, { cohortId: world.cohortId, deferralId: id, sittingId: deferredId, note: null }, at("2026-12-21T10:00:00Z"));
    const registrations = await db().examRegistration.findMany({ where: { enrolmentId: enrolmentOf(ILL) }, select: { examId: true, status: true } });
    expect(registrations).toEqual(
      expect.arrayContaining([
        { examId: world.examId!, status: "DEFERRED" },
        { examId: deferredId, status: "ADMITTED" },
      ]),
    );
    const letter = await db().studentLetter.findUniqueOrThrow({ where: { id: granted.letterId } });
    expect(letter).toMatchObject({ kind: "EXAM_DEFERRAL_GRANTED", enkeltvedtak: false, aboutType: "ExamDeferral", aboutId: id, klageDeadline: null });
    expect(letter.body).toContain("Eksamen starter tirsdag 9. februar 2027 kl. 09.00 og skal leveres senest torsdag 11. februar 2027 kl. 14.00 (norsk tid).");
    expect((await auditOf("exam_deferral.grant", id)).map((entry) => entry.after)).toEqual([expect.objectContaining({ status: "GRANTED", sittingId: deferredId })]);
    expect(await auditOf("exam.defer")).toHaveLength(1);
    // The teaching team sees that she has utsatt eksamen, not why: the reason and the note are health data.
    const forTeam = (await listDeferrals(world.teacher, world.cohortId)).requests.find((row) => row.id === id)!;
    expect(forTeam).toMatchObject({ status: "GRANTED", reason: null, grounds: null, explanation: null, documents: [] });
  });

  it("refused is an enkeltvedtak with grounds, legal basis and a klage deadline, audited; the student keeps the sitting", async () => {
    const { id } = await requestDeferral(student(REFUSED), world.examId!, { reason: "OTHER", explanation: "Travelt på jobb.", file: legeerklaering() }, at("2026-12-12T10:00:00Z"));
    await expect(refuseDeferral(world.adviser, { cohortId: world.cohortId, deferralId: id, grounds: "  " }, at("2026-12-13T10:00:00Z"))).rejects.toBeInstanceOf(DomainError);
    const refused = await refuseDeferral(world.adviser, { cohortId: world.cohortId, deferralId: id, grounds: "Arbeidspress er ikke en tungtveiende grunn." }, at("2026-12-13T10:00:00Z"));
    const letter = await db().studentLetter.findUniqueOrThrow({ where: { id: refused.letterId } });
    expect(letter).toMatchObject({ kind: "EXAM_DEFERRAL_REFUSED", enkeltvedtak: true, grounds: "Arbeidspress er ikke en tungtveiende grunn." });
    expect(letter.legalBasis).toBeTruthy();
    expect(letter.klageDeadline).not.toBeNull();
    expect((await auditOf("exam_deferral.refuse", id))[0]!.after).toMatchObject({ status: "REFUSED", letterId: letter.id });
    expect(await db().examRegistration.findFirstOrThrow({ where: { examId: world.examId!, enrolmentId: enrolmentOf(REFUSED) } })).toMatchObject({ status: "ADMITTED" });
    // Decided once: a new outcome is a new letter, never a changed one.
    await expect(grantDeferral(world.adviser, { cohortId: world.cohortId, deferralId: id, sittingId: deferredId, note: null }, at("2026-12-13T11:00:00Z"))).rejects.toThrow("Søknaden er allerede avgjort.");
  });

  it("refused, and a klage that came by e-mail after the deadline: registered by an adviser only with why (fvl. § 31), then handled as any klage", async () => {
    const letter = await db().studentLetter.findFirstOrThrow({ where: { enrolmentId: enrolmentOf(REFUSED), kind: "EXAM_DEFERRAL_REFUSED" } });
    expect(isoDate(letter.klageDeadline!)).toBe("2027-01-04"); // 3 January is a Sunday
    const now = at("2027-01-20T10:00:00Z");
    const text = "Jeg sendte dette på e-post fordi jeg lå på sykehus da fristen gikk ut.";
    // The student can no longer file it in the portal.
    await expect(fileStudentAppeal(student(REFUSED), letter.id, { text }, now)).rejects.toThrow(/^Klagefristen gikk ut 4\. januar 2027/);
    const register = (viewer: typeof world.adviser, receivedOn: string, lateReason: string | null) =>
      registerStudentAppeal(viewer, { letterId: letter.id, text, receivedOn, lateReason }, now);
    await expect(register(world.teacher, "2027-01-15", "Innlagt.")).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(register(world.adviser, "2027-01-21", null)).rejects.toMatchObject({ fieldErrors: { receivedOn: ["Datoen kan ikke være etter i dag."] } });
    await expect(register(world.adviser, "2026-12-12", null)).rejects.toMatchObject({ fieldErrors: { receivedOn: [expect.stringMatching(/^Vedtaket ble gjort tilgjengelig 13\. desember 2026/)] } });
    await expect(register(world.adviser, "2027-01-15", "  ")).rejects.toMatchObject({ fieldErrors: { lateReason: [expect.stringMatching(/^Klagen kom etter klagefristen 4\. januar 2027/)] } });
    // The form: what was typed comes back with the message at its field.
    await signInAs(world.adviser);
    const typed = { letterId: letter.id, userId: world.students[REFUSED]!.userId, text: "For kort.", receivedOn: "32.01.2027", lateReason: "Innlagt." };
    const bad = await submit(registerStudentAppealAction, typed);
    expect(bad).toMatchObject({ ok: false, values: { text: "For kort.", lateReason: "Innlagt." } });
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["receivedOn", "text"]);
    expect(await db().studentAppeal.count({ where: { letterId: letter.id } })).toBe(0);

    const appealId = await register(world.adviser, "2027-01-15", "Studenten var innlagt på sykehus fra 28. desember til 14. januar.");
    const appeal = await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } });
    expect(appeal).toMatchObject({ status: "RECEIVED", registeredById: world.adviser.id, lateReason: "Studenten var innlagt på sykehus fra 28. desember til 14. januar.", text });
    expect(osloDate(appeal.filedAt)).toBe("2027-01-15");
    expect((await auditOf("student_appeal.register", appealId))[0]!.after).toMatchObject({ receivedOn: "2027-01-15", lateReason: expect.any(String) });
    const receipt = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `student-appeal-receipt:${appealId}` } });
    expect(receipt.text).toContain(`Vi har registrert klagen din på vedtaket «${letter.subject}». Klagen er datert 15. januar 2027.`);
    expect(receipt.text).toContain(`Saksnummer: ${letter.caseYear}/${String(letter.caseNumber).padStart(5, "0")}`);
    expect(receipt.text).toContain("Klagen kom etter klagefristen, men vi tar den under behandling (forvaltningsloven § 31)");
    await expect(register(world.adviser, "2027-01-16", null)).rejects.toThrow("Det er allerede registrert en klage på dette vedtaket.");
    // The decider's list says how it came, and why it is taken up.
    const listed = (await listCohortAppeals(world.adviser, world.cohortId, { open: true })).find((row) => row.id === appealId)!;
    expect(listed).toMatchObject({ registeredBy: { name: world.adviser.name }, lateReason: expect.stringContaining("innlagt") });
    // The page has it; a late klage without a registering adviser is refused by the database too.
    expect((await getKlageRegistration(world.adviser, world.students[REFUSED]!.userId, letter.id)).appeal).toMatchObject({ receivedOn: "2027-01-15", registeredBy: world.adviser.name });
    await expect(db().studentAppeal.update({ where: { id: appealId }, data: { registeredById: null } })).rejects.toThrow(/StudentAppeal_late_only_by_staff/);
  });

  it("refused, and the klage taken by another adviser: granted onto the next deferred sitting, with an outcome letter", async () => {
    const { id } = await requestDeferral(student(KLAGE), world.examId!, { reason: "ILLNESS", explanation: "Syk.", file: legeerklaering() }, at("2026-12-12T10:00:00Z"));
    const refused = await refuseDeferral(world.adviser, { cohortId: world.cohortId, deferralId: id, grounds: "Legeerklæringen gjelder ikke eksamensdagene." }, at("2026-12-13T10:00:00Z"));
    await fileStudentAppeal(student(KLAGE), refused.letterId, { text: "Legeerklæringen dekker hele uken." }, at("2026-12-14T10:00:00Z"));
    const appeal = await db().studentAppeal.findFirstOrThrow({ where: { letterId: refused.letterId } });
    // The adviser who refused does not decide the klage on it.
    await expect(decideStudentAppeal(world.adviser, appeal.id, { kind: "REVERSE", grounds: "Dekker uken." }, at("2026-12-22T10:00:00Z"))).rejects.toThrow();
    // Nor an adviser who is a classmate: the klage is about the student's health.
    const classmate = classmateAdviser();
    await expect(decideStudentAppeal(classmate, appeal.id, { kind: "REVERSE", grounds: "Dekker uken." }, at("2026-12-22T10:00:00Z"))).rejects.toThrow(CLASSMATE_HEALTH_MESSAGE);
    const listed = (await listCohortAppeals(classmate, world.cohortId, { open: true })).find((row) => row.id === appeal.id)!;
    expect(listed).toMatchObject({ canDecide: false, whoDecides: CLASSMATE_HEALTH_MESSAGE });
    // What the klage and the refusal say is health data: neither she nor the teaching team reads
    // it, on the klager page or as the letter's PDF; the advisers who handle it and the student do.
    const readBy = async (viewer: typeof classmate) => {
      const row = (await listCohortAppeals(viewer, world.cohortId, { open: true })).find((entry) => entry.id === appeal.id)!;
      return { text: row.text !== null, body: row.letter.body !== null, pdf: (await getLetterForPdf(viewer, refused.letterId)) !== null };
    };
    expect(await readBy(classmate)).toEqual({ text: false, body: false, pdf: false });
    expect(await readBy(world.teacher)).toEqual({ text: false, body: false, pdf: false });
    expect(await readBy(world.adviser)).toEqual({ text: true, body: true, pdf: true });
    expect(await getLetterForPdf(student(KLAGE), refused.letterId)).not.toBeNull();
    const other = viewerOf(await createUser(db(), { name: "Annen studieveileder", roles: ["ADVISER"] }));
    await decideStudentAppeal(other, appeal.id, { kind: "REVERSE", grounds: "Legeerklæringen dekker hele eksamensuken." }, at("2026-12-22T10:00:00Z"));
    expect(await db().examDeferral.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "GRANTED", sittingId: deferredId, decidedById: other.id });
    expect(await db().examRegistration.findFirstOrThrow({ where: { examId: deferredId, enrolmentId: enrolmentOf(KLAGE) } })).toMatchObject({ status: "ADMITTED" });
    const outcome = await db().studentLetter.findFirstOrThrow({ where: { enrolmentId: enrolmentOf(KLAGE), kind: "KLAGE_REVERSED" } });
    expect(outcome.body).toContain("Du får utsatt eksamen og er meldt opp til Utsatt eksamen: Utsatt eksamen");
    expect((await auditOf("exam_deferral.grant", id))[0]!.after).toMatchObject({ appealId: appeal.id });
  });

  it("is refused to a student whose withdrawal is under way while she asks (her «ikke møtt» stays as it was)", async () => {
    const kull = await makeCohort({ students: 1, samlinger: [["2026-09-08"]], heldBefore: "2030-01-01", approved: () => 5, exam: { startsOn: "2026-12-14", endsOn: "2026-12-14" } });
    await registerForExam(kull.teacher, { cohortId: kull.cohortId }, at("2026-12-01T10:00:00Z"));
    const { enrolmentId, userId, name } = kull.students[0]!;
    // «Ikke møtt»: a withdrawal leaves such a registration as it is, so only the enrolment says she left.
    await db().examRegistration.updateMany({ where: { enrolmentId }, data: { status: "NOT_ATTENDED" } });
    const she = viewerOf({ id: userId, email: "trukket@test.no", name, roles: ["STUDENT"] });
    const holder = await connectRaw();
    try {
      // A withdrawal under way (it holds the enrolment's row) commits after the request's early
      // check, while the request waits for that row.
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "Enrolment" WHERE "id" = $1 FOR UPDATE`, [enrolmentId]);
      const request = requestDeferral(she, kull.examId!, { reason: "ILLNESS", explanation: "Syk.", file: legeerklaering() }, at("2026-12-15T10:00:00Z"));
      const settled = request.then(() => "created", (error: unknown) => error);
      expect(await someoneWaitsFor(holder)).toBe(true);
      await holder.query(`UPDATE "Enrolment" SET "status" = 'WITHDRAWN' WHERE "id" = $1`, [enrolmentId]);
      await holder.query("COMMIT");
      expect(await settled).toBeInstanceOf(NotFoundError);
    } finally {
      await holder.end();
    }
    expect(await db().examDeferral.count({ where: { registration: { enrolmentId } } })).toBe(0);
  });
});

describe("results and ny eksamen", () => {
  it("sets and publishes no result before the hand-in has passed (14:00 Oslo on the last day)", async () => {
    const during = at("2026-12-16T12:59:00Z");
    const notYet = "Eksamenen er ikke over. Resultater settes etter innleveringsfristen onsdag 16. desember 2026 kl. 14.00.";
    for (const grade of ["B", "NOT_ATTENDED"] as const) {
      await expect(setGrade(world.teacher, { cohortId: world.cohortId, enrolmentId: enrolmentOf(PASSED), grade, reason: null }, during)).rejects.toThrow(notYet);
    }
    await expect(publishGrades(world.teacher, { cohortId: world.cohortId }, during)).rejects.toThrow(notYet);
    expect(await db().examRegistration.count({ where: { examId: world.examId!, OR: [{ grade: { not: null } }, { status: "NOT_ATTENDED" }] } })).toBe(0);
    expect((await db().exam.findUniqueOrThrow({ where: { id: world.examId! } })).gradesPublishedAt).toBeNull();
  });

  it("records a grade at the ordinary sitting, audited", async () => {
    await setGrade(world.teacher, { cohortId: world.cohortId, enrolmentId: enrolmentOf(REFUSED), grade: "F", reason: null }, at("2026-12-17T10:00:00Z"));
    await setGrade(world.teacher, { cohortId: world.cohortId, enrolmentId: enrolmentOf(PASSED), grade: "B", reason: null }, at("2026-12-17T10:00:00Z"));
    await publishGrades(world.teacher, { cohortId: world.cohortId }, at("2026-12-17T12:00:00Z"));
    expect((await auditOf("exam.grade")).map((entry) => entry.after)).toEqual(expect.arrayContaining([expect.objectContaining({ grade: "F" }), expect.objectContaining({ grade: "B" })]));
  });

  it("is open to a student with F who is eligible, by the student, audited and confirmed by mail", async () => {
    const now = at("2027-01-10T10:00:00Z");
    const result = await registerForResit(student(REFUSED), { examId: resitId }, now);
    expect(result).toMatchObject({ improvement: false, attempt: 2, of: 3 });
    const [entry] = await auditOf("exam.register", result.registrationId);
    expect(entry!.after).toMatchObject({ kind: "RESIT", by: "student", attemptsUsed: 1, improvement: false });
    expect(await db().mailMessage.count({ where: { dedupeKey: { startsWith: `exam-registered:${result.registrationId}:` } } })).toBe(1);
    await expect(registerForResit(student(REFUSED), { examId: resitId }, now)).rejects.toThrow("Du er allerede meldt opp til denne eksamenen.");
    // The calendar has the sitting the student is to sit, from its start to its hand-in, and not the others.
    await signInAs({ id: world.students[REFUSED]!.userId });
    const ics = await (await downloadCalendar()).text();
    expect(ics).toContain(`UID:eksamen-${resitId}@`);
    expect(ics).toContain("DTSTART:20270202T080000Z");
    expect(ics).toContain("DTEND:20270204T130000Z");
    expect(ics).not.toContain(`eksamen-${deferredId}@`);
  });

  it("lets a student who passed improve once, and withdraw before the deadline without using an attempt", async () => {
    const result = await registerForResit(student(PASSED), { examId: resitId }, at("2027-01-11T10:00:00Z"));
    expect(result.improvement).toBe(true);
    await withdrawFromResit(student(PASSED), { examId: resitId }, at("2027-01-12T10:00:00Z"));
    expect(await db().examRegistration.findFirstOrThrow({ where: { examId: resitId, enrolmentId: enrolmentOf(PASSED) } })).toMatchObject({ status: "WITHDRAWN" });
    expect((await auditOf("exam.withdraw")).at(-1)!.after).toMatchObject({ status: "WITHDRAWN", kind: "RESIT", by: "student" });
  });

  it("is closed to a student who is not eligible, and to everyone after the deadline (Oslo end of day)", async () => {
    const adviser = world.adviser;
    await expect(registerForResit(adviser, { examId: resitId, enrolmentId: enrolmentOf(SHORT) }, at("2027-01-10T10:00:00Z"))).rejects.toThrow(
      /ikke rett til å gå opp til eksamen: kravene til oppmøte og arbeidskrav er ikke oppfylt/,
    );
    // 20 January ends at 23:00 UTC (winter time).
    await expect(registerForResit(student(PASSED), { examId: resitId }, at("2027-01-20T23:00:00Z"))).rejects.toThrow("Fristen for å melde seg opp gikk ut 20. januar 2027.");
    // The teaching team does not register for ny eksamen: advisers do.
    await expect(registerForResit(world.teacher, { examId: resitId, enrolmentId: enrolmentOf(PASSED) }, at("2027-01-10T10:00:00Z"))).rejects.toThrow();
  });

  it("is closed to a student on leave, and to one transferred to a later kull (who sits the exam there), by her and by an adviser", async () => {
    const when = at("2027-01-10T10:00:00Z");
    const setStatus = (status: "ACTIVE" | "ON_LEAVE" | "TRANSFERRED") => db().enrolment.update({ where: { id: enrolmentOf(PASSED) }, data: { status } });
    try {
      await setStatus("ON_LEAVE");
      await expect(registerForResit(student(PASSED), { examId: resitId }, when)).rejects.toThrow("Du har permisjon, og kan ikke meldes opp til eksamen mens du har det.");
      await expect(registerForResit(world.adviser, { examId: resitId, enrolmentId: enrolmentOf(PASSED) }, when)).rejects.toThrow(/Studenten har permisjon\. Registrer at studenten er tilbake/);
      const [overview] = await getStudentOverview(student(PASSED), when);
      expect(overview!.exams.sittings.find((sitting) => sitting.id === resitId)!.resitProblem).toMatchObject({ code: "ON_LEAVE" });
      await setStatus("TRANSFERRED");
      await expect(registerForResit(student(PASSED), { examId: resitId }, when)).rejects.toThrow("Du er overført til et senere kull, og går opp til eksamen med det kullet.");
      await expect(registerForResit(world.adviser, { examId: resitId, enrolmentId: enrolmentOf(PASSED) }, when)).rejects.toThrow(DomainError);
      expect(await db().examRegistration.count({ where: { examId: resitId, enrolmentId: enrolmentOf(PASSED), status: "ADMITTED" } })).toBe(0);
    } finally {
      await setStatus("ACTIVE");
    }
  });

  it("has its own task, set by the staff and audited, shown to the students registered there from the start", async () => {
    await setSittingTask(world.teacher, { cohortId: world.cohortId, examId: resitId, taskTitle: "Ledelse i endring", taskText: "Drøft en endring du har ledet." });
    expect((await auditOf("exam.task", resitId))[0]!.after).toEqual({ taskTitle: "Ledelse i endring", taskTextLength: "Drøft en endring du har ledet.".length });
    const taskAt = async (index: number, iso: string) =>
      (await getStudentOverview(student(index), at(iso)))[0]!.exams.sittings.find((sitting) => sitting.id === resitId)?.task ?? null;
    expect(await taskAt(REFUSED, "2027-02-02T07:59:59Z")).toBeNull();
    expect(await taskAt(REFUSED, "2027-02-02T08:00:00Z")).toMatchObject({ title: "Ledelse i endring", text: "Drøft en endring du har ledet." });
    // Withdrawn: not to sit it, so no task.
    expect(await taskAt(PASSED, "2027-02-02T08:00:00Z")).toBeNull();
    // Once the hand-in has passed, the task stands as it was given: no new text, no new file.
    const after = at("2027-02-04T13:00:00Z");
    const fixed = "Innleveringsfristen er ute, så oppgaven står slik den ble gitt, og den kan ikke endres.";
    await expect(setSittingTask(world.teacher, { cohortId: world.cohortId, examId: resitId, taskTitle: "Endret", taskText: null }, after)).rejects.toThrow(fixed);
    const documents = await db().document.count({ where: { examId: resitId } });
    await expect(uploadSittingTask(world.teacher, resitId, new File([Buffer.from(makePdf("Oppgave", ["Senere."]))], "senere.pdf", { type: "application/pdf" }), after)).rejects.toThrow(fixed);
    expect(await db().document.count({ where: { examId: resitId } })).toBe(documents);
    expect(await taskAt(REFUSED, "2027-02-04T13:00:00Z")).toMatchObject({ title: "Ledelse i endring" });
  });

  it("grades each later sitting; the FS export of a sitting carries the grade that counts and the sitting it is from", async () => {
    await setGrade(world.teacher, { cohortId: world.cohortId, examId: resitId, enrolmentId: enrolmentOf(REFUSED), grade: "D", reason: null }, at("2027-02-20T10:00:00Z"));
    await setGrade(world.teacher, { cohortId: world.cohortId, examId: deferredId, enrolmentId: enrolmentOf(ILL), grade: "C", reason: null }, at("2027-02-20T10:00:00Z"));
    const resit = csvRows((await examResultsCsv(world.teacher, world.cohortId, resitId)).csv);
    const header = resit[0]!;
    const column = (name: string) => header.indexOf(name);
    const refusedRow = resit.find((row) => row[0] === world.students[REFUSED]!.name)!;
    // Best of F (ordinary, autumn 2026) and D (ny eksamen, spring 2027): D, from the ny eksamen.
    expect(refusedRow[column("Karakter")]).toBe("D");
    expect(refusedRow[column("Termin")]).toBe("VÅR 2027");
    expect(refusedRow[column("Resultat på denne eksamen")]).toBe("D");
    // Only those registered there: the student who withdrew is not in the export.
    expect(resit.slice(1).map((row) => row[0])).toEqual([world.students[REFUSED]!.name]);
    // The ordinary sitting's export carries the counting grade too, and says what was given there.
    const ordinary = csvRows((await examResultsCsv(world.teacher, world.cohortId)).csv);
    const again = ordinary.find((row) => row[0] === world.students[REFUSED]!.name)!;
    expect(again[column("Karakter")]).toBe("D");
    expect(again[column("Resultat på denne eksamen")]).toBe("F");
    const deferred = csvRows((await examResultsCsv(world.teacher, world.cohortId, deferredId)).csv);
    expect(deferred.find((row) => row[0] === world.students[ILL]!.name)![column("Karakter")]).toBe("C");
    // The protocol of the ny eksamen names its result and that the counting grade is this one.
    const protocol = await getExamProtocol(world.teacher, world.cohortId, at("2027-03-01T10:00:00Z"), resitId);
    expect(protocol).toMatchObject({ kind: "RESIT", term: "VÅR 2027" });
    expect(protocol.students).toEqual([expect.objectContaining({ name: world.students[REFUSED]!.name, grade: "D", countingElsewhere: null })]);
    // On the staff page: every sitting's result and the grade that counts.
    const admission = await getExamAdmission(world.adviser, world.cohortId, at("2027-03-01T10:00:00Z"), resitId);
    const row = admission.students.find((s) => s.enrolmentId === enrolmentOf(REFUSED))!;
    expect(row.history.map((item) => [item.kind, item.outcome, item.grade])).toEqual([
      ["ORDINARY", "GRADED", "F"],
      ["RESIT", "GRADED", "D"],
    ]);
    expect(row.counting).toMatchObject({ grade: "D", examId: resitId });
    expect(row.attempts).toMatchObject({ used: 2, allowed: 3 });
  });

  it("shows the student a later sitting's result, and the grade that counts, once that sitting's grades are published", async () => {
    const now = at("2027-03-01T10:00:00Z");
    const before = (await getStudentOverview(student(REFUSED), now))[0]!.exams;
    expect(before.sittings.find((sitting) => sitting.id === resitId)!.grade).toBeNull();
    expect(before.counting).toMatchObject({ grade: "F", kind: "ORDINARY" });
    await publishGrades(world.teacher, { cohortId: world.cohortId, examId: resitId }, now);
    expect((await auditOf("exam.publish_grades", resitId)).length).toBe(1);
    const after = (await getStudentOverview(student(REFUSED), now))[0]!.exams;
    expect(after.sittings.find((sitting) => sitting.id === resitId)!.grade).toBe("D");
    expect(after.counting).toMatchObject({ grade: "D", kind: "RESIT" });
    expect(after.attempts).toMatchObject({ used: 2, allowed: 3, passed: true });
  });
});
