// Nobody decides a case about themselves (forvaltningsloven § 6), in every use case that decides
// one: an account can be staff and student, or adviser and applicant. Checked inside each
// decision's transaction; a colleague decides the same case. (The assessment of arbeidskrav, the
// klage decider, the deferral decision and the attendance day have their own cases in
// assessment.test.ts, the student-letter and exam-sittings tests and attendance-register.test.ts.)
import { beforeAll, describe, expect, it } from "vitest";
import { GET as rankingCsv } from "@/app/(adviser)/veileder/opptak/[cohortId]/rangering/eksport/route";
import { GET as decisionLetterPdf } from "@/app/api/vedtak/[id]/route";
import { osloDate } from "@/lib/domain/application-deadline";
import { OWN_CASE_MESSAGE, OWN_INTAKE_MESSAGE } from "@/lib/permissions";
import { decideAppeal, fileAppeal, markAppealForwarded } from "@/lib/server/admission/appeals";
import { offerPlace, previewDecisionBatch, sendDecisionBatch } from "@/lib/server/admission/decisions";
import { OwnIntakeReadError } from "@/lib/server/admission/access";
import { countOpenAdmissionAppeals, getApplicationForReview, getIntakeOverview, listAppeals, listApplications, listDecisionEvents, parseApplicationFilter } from "@/lib/server/admission/queries";
import { openDocument } from "@/lib/server/documents/access";
import { NotFoundError } from "@/lib/server/errors";
import { moveCandidate, removeMove } from "@/lib/server/admission/ranking-moves";
import { setWaitlistClosingDate } from "@/lib/server/admission/waitlist";
import { judgeQualification } from "@/lib/server/admission/review";
import { completeStudent } from "@/lib/server/enrolments/completion";
import { cancelLeave, grantLeave, refuseLeave, registerReturn } from "@/lib/server/enrolments/leave";
import { getStudentRecord } from "@/lib/server/enrolments/queries";
import { getTransferPlan, transferStudent } from "@/lib/server/enrolments/transfer";
import { withdrawStudent } from "@/lib/server/enrolments/withdrawal";
import { setGrade } from "@/lib/server/exams/grades";
import { refuseExamAdmission } from "@/lib/server/exams/refusal";
import { getExamAdmission, registerForExam, withdrawFromExam } from "@/lib/server/exams/registration";
import { updateIntake } from "@/lib/server/intakes/edit";
import { isoDate } from "@/lib/to-domain";
import { assignTeachers, attachPdf, createOpenCohort, createReviewedApplication, createUser, day } from "@/prisma/seed/factories";
import { intakeFieldsOf, makeCohort, viewerOf, type World } from "./cohort-world";
import { afterHandIn, db, signInAs } from "./support";

const today = osloDate(new Date());
const daysFromToday = (days: number) => isoDate(new Date(day(today).getTime() + days * 86_400_000));

describe("a student who is also on the staff of her kull", () => {
  let world: World;
  let herself: ReturnType<typeof viewerOf>;
  const HER = 0;
  const SHORT = 1; // four arbeidskrav: may be refused the exam

  beforeAll(async () => {
    world = await makeCohort({
      students: 3,
      samlinger: [["2026-09-08", "2026-09-09"]],
      heldBefore: "2030-01-01",
      approved: (index) => (index === SHORT ? 4 : 5),
      exam: { startsOn: "2026-12-14", endsOn: "2026-12-16" },
    });
    const her = world.students[HER]!;
    await db().user.update({ where: { id: her.userId }, data: { roles: ["ADVISER", "FACULTY", "STUDENT"] } });
    await assignTeachers(db(), world.cohortId, [her.userId]);
    herself = viewerOf({ id: her.userId, email: "begge@test.no", name: her.name, roles: ["ADVISER", "FACULTY", "STUDENT"] });
    await registerForExam(world.teacher, { cohortId: world.cohortId }, new Date("2026-12-01T10:00:00Z"));
  });

  it("does not register herself, take herself off the exam, or grade it; a colleague grades it", async () => {
    const enrolmentId = world.students[HER]!.enrolmentId;
    // The exam page shows her row as hers, with no action (sitting-view's OwnRow); to a colleague, as anyone's.
    const selfOf = async (viewer: typeof herself) => (await getExamAdmission(viewer, world.cohortId)).students.map((s) => [s.enrolmentId, s.self]);
    expect(await selfOf(herself)).toEqual(world.students.map((s) => [s.enrolmentId, s.enrolmentId === enrolmentId]));
    expect((await selfOf(world.teacher)).filter(([, self]) => self)).toEqual([]);
    await expect(registerForExam(herself, { cohortId: world.cohortId, enrolmentIds: [enrolmentId] })).rejects.toThrow(OWN_CASE_MESSAGE);
    await expect(withdrawFromExam(herself, { cohortId: world.cohortId, enrolmentId })).rejects.toThrow(OWN_CASE_MESSAGE);
    const input = { cohortId: world.cohortId, enrolmentId, grade: "B" as const, reason: null };
    const graded = await afterHandIn(world.examId!);
    await expect(setGrade(herself, input, graded)).rejects.toThrow(OWN_CASE_MESSAGE);
    expect(await db().examRegistration.findFirstOrThrow({ where: { enrolmentId } })).toMatchObject({ status: "ADMITTED", grade: null });
    // She grades the others; a colleague grades her.
    await expect(setGrade(herself, { ...input, enrolmentId: world.students[2]!.enrolmentId }, graded)).resolves.toMatchObject({ changed: true });
    await expect(setGrade(world.teacher, input, graded)).resolves.toMatchObject({ changed: true });
  });

  it("does not refuse herself the exam, nor send a list that names her among others", async () => {
    const her = world.students[HER]!.enrolmentId;
    const ids = [world.students[SHORT]!.enrolmentId, her];
    await expect(refuseExamAdmission(herself, { cohortId: world.cohortId, enrolmentIds: [her] })).rejects.toThrow(OWN_CASE_MESSAGE);
    await expect(refuseExamAdmission(herself, { cohortId: world.cohortId, enrolmentIds: ids })).rejects.toThrow("Listen tar med deg selv");
    expect(await db().studentLetter.count({ where: { enrolmentId: { in: ids } } })).toBe(0);
  });

  it("does not grant or refuse her own leave, nor decide her withdrawal or completion", async () => {
    // On a fixed day inside the kull (it ends with the exam, 16 December): from today, a leave ten
    // days on began on or after the kull's last day from 6 December.
    const AT = new Date("2026-11-02T10:00:00Z");
    const DAY = "2026-11-02";
    const enrolmentId = world.students[HER]!.enrolmentId;
    // Her record offers her no change (the page says a colleague decides); a colleague's offers them.
    const own = await getStudentRecord(herself, world.students[HER]!.userId, AT);
    expect(own.self).toBe(true);
    expect(own.enrolments.map((e) => Object.values(e.actions).filter((action) => action === true))).toEqual([[]]);
    const colleagues = await getStudentRecord(world.adviser, world.students[HER]!.userId, AT);
    expect(colleagues.self).toBe(false);
    expect(colleagues.enrolments[0]!.actions).toMatchObject({ leave: true, withdraw: true, complete: true });
    // The transfer page, opened by its address, says why instead of offering the form.
    expect((await getTransferPlan(herself, { enrolmentId, toCohortId: null })).problem).toBe(OWN_CASE_MESSAGE);
    const leave = { enrolmentId, from: "2026-11-12", to: "2026-12-10", reason: "Fødselspermisjon", documentation: null };
    await expect(grantLeave(herself, leave, AT)).rejects.toThrow(OWN_CASE_MESSAGE);
    await expect(refuseLeave(herself, { ...leave, grounds: "Ikke dokumentert." }, AT)).rejects.toThrow(OWN_CASE_MESSAGE);
    await expect(withdrawStudent(herself, { enrolmentId, effectiveOn: DAY, requestedOn: DAY, reason: null }, AT)).rejects.toThrow(OWN_CASE_MESSAGE);
    await expect(completeStudent(herself, { enrolmentId }, AT)).rejects.toThrow(OWN_CASE_MESSAGE);
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "ACTIVE" });
    expect(await db().leaveOfAbsence.count({ where: { enrolmentId } })).toBe(0);
    // A colleague grants it. She neither cancels it nor registers her return, nor transfers herself.
    await expect(grantLeave(world.adviser, leave, AT)).resolves.toMatchObject({ started: false });
    await expect(cancelLeave(herself, { enrolmentId, requestedOn: DAY }, AT)).rejects.toThrow(OWN_CASE_MESSAGE);
    await expect(registerReturn(herself, { enrolmentId, returnedOn: DAY }, AT)).rejects.toThrow(OWN_CASE_MESSAGE);
    await expect(transferStudent(herself, { enrolmentId, toCohortId: world.cohortId, credits: [], samlinger: [] }, AT)).rejects.toThrow(OWN_CASE_MESSAGE);
    expect(await db().leaveOfAbsence.findFirstOrThrow({ where: { enrolmentId } })).toMatchObject({ status: "GRANTED" });
    await cancelLeave(world.adviser, { enrolmentId, requestedOn: DAY }, AT);
    expect(await db().leaveOfAbsence.findFirstOrThrow({ where: { enrolmentId } })).toMatchObject({ status: "CANCELLED" });
  });
});

describe("an adviser who has applied to the kull herself", () => {
  it("judges, offers, ranks, moves, sets the list's closing day and sends no decision in that kull; a colleague does, and she may again once she withdraws", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 2, deadline: daysFromToday(-3) });
    const own = (await createReviewedApplication(db(), { cohortId: cohort.id, name: "Vera Veileder" })).application;
    const other = (await createReviewedApplication(db(), { cohortId: cohort.id, qualified: null, name: "Ola Søker" })).application;
    const third = (await createReviewedApplication(db(), { cohortId: cohort.id, name: "Kari Søker" })).application;
    const vera = await db().user.update({ where: { id: own.applicantId }, data: { roles: ["APPLICANT", "ADVISER"] } });
    const asVera = viewerOf({ ...vera, roles: ["APPLICANT", "ADVISER"] });
    const colleague = viewerOf(await createUser(db(), { roles: ["ADVISER"], name: "Kollega Veileder" }));

    // She reads none of its applications (canViewApplication): the pages show OwnIntakeNotice
    // instead; the list is empty for her, a review is refused, and so are the letters' preview, a
    // document and a decision letter of theirs. A colleague reads them.
    const filter = parseApplicationFilter({});
    expect((await getIntakeOverview(asVera, cohort.id)).ownIntake).toBe(true);
    expect((await getIntakeOverview(colleague, cohort.id)).ownIntake).toBe(false);
    expect((await listApplications(asVera, cohort.id, filter)).total).toBe(0);
    expect((await listApplications(colleague, cohort.id, filter)).total).toBe(3);
    await expect(getApplicationForReview(asVera, other.id, filter)).rejects.toBeInstanceOf(OwnIntakeReadError);
    await expect(getApplicationForReview(asVera, own.id, filter)).rejects.toBeInstanceOf(OwnIntakeReadError);
    await expect(getApplicationForReview(colleague, own.id, filter)).resolves.toMatchObject({ application: { id: own.id } });
    await expect(previewDecisionBatch(asVera, cohort.id, { closeWaitlist: false })).rejects.toThrow(OWN_INTAKE_MESSAGE);
    const document = await attachPdf(db(), { applicationId: other.id, uploadedById: other.applicantId, kind: "VITNEMAL", originalName: "vitnemal.pdf" });
    await expect(openDocument(asVera, document.id)).rejects.toBeInstanceOf(NotFoundError);
    const opened = await openDocument(colleague, document.id);
    expect(opened).toMatchObject({ inlineAllowed: true });
    await opened.stream.cancel();

    await expect(judgeQualification(asVera, { applicationId: other.id, qualified: true, grounds: null })).rejects.toThrow(OWN_INTAKE_MESSAGE);
    await expect(offerPlace(asVera, third.id)).rejects.toThrow(OWN_INTAKE_MESSAGE);
    await expect(moveCandidate(asVera, { cohortId: cohort.id, applicationId: third.id, toRank: 1, reason: "Lang erfaring." })).rejects.toThrow(OWN_INTAKE_MESSAGE);
    await moveCandidate(colleague, { cohortId: cohort.id, applicationId: third.id, toRank: 1, reason: "Lang erfaring." });
    const move = await db().rankingMove.findFirstOrThrow({ where: { cohortId: cohort.id } });
    await expect(removeMove(asVera, { cohortId: cohort.id, moveId: move.id })).rejects.toThrow(OWN_INTAKE_MESSAGE);
    await expect(setWaitlistClosingDate(asVera, { cohortId: cohort.id, date: null })).rejects.toThrow(OWN_INTAKE_MESSAGE);
    const preview = await previewDecisionBatch(colleague, cohort.id, { closeWaitlist: false });
    await expect(sendDecisionBatch(asVera, cohort.id, { closeWaitlist: false, fingerprint: preview.plan.fingerprint })).rejects.toThrow(OWN_INTAKE_MESSAGE);
    expect(await db().decision.count({ where: { application: { cohortId: cohort.id } } })).toBe(0);
    expect(await db().rankingMove.findMany({ where: { cohortId: cohort.id }, select: { id: true } })).toEqual([{ id: move.id }]);
    expect(await db().application.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ qualified: null });

    await judgeQualification(colleague, { applicationId: other.id, qualified: true, grounds: null });
    expect(await db().application.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ qualified: true });
    // Withdrawn, her application no longer makes her a party.
    await db().application.update({ where: { id: own.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    expect((await getIntakeOverview(asVera, cohort.id)).ownIntake).toBe(false);
    await expect(offerPlace(asVera, third.id)).resolves.toEqual(expect.any(String));
  });

  it("neither decides nor forwards a klage in that kull, nor edits its places; a colleague decides it", async () => {
    const { cohort } = await createOpenCohort(db(), { capacity: 1, deadline: daysFromToday(-3) });
    const own = (await createReviewedApplication(db(), { cohortId: cohort.id, name: "Vera Veileder" })).application;
    const refused = await createReviewedApplication(db(), { cohortId: cohort.id, qualified: false, name: "Rolf Refusert" });
    const vera = await db().user.update({ where: { id: own.applicantId }, data: { roles: ["APPLICANT", "ADVISER"] } });
    const asVera = viewerOf({ ...vera, roles: ["APPLICANT", "ADVISER"] });
    const colleague = viewerOf(await createUser(db(), { roles: ["ADVISER"], name: "Kollega Veileder" }));
    const preview = await previewDecisionBatch(colleague, cohort.id, { closeWaitlist: false });
    await sendDecisionBatch(colleague, cohort.id, { closeWaitlist: false, fingerprint: preview.plan.fingerprint });
    const appealId = await fileAppeal(viewerOf(refused.user), refused.application.id, { text: "Jeg har 180 studiepoeng.", file: null });

    // Nor does she get the ranking as CSV or a competitor's decision letter; a colleague does.
    const letter = await db().decisionLetter.findFirstOrThrow({ where: { decision: { applicationId: refused.application.id } }, select: { id: true } });
    const statuses = async (viewer: { id: string }) => {
      await signInAs(viewer);
      const csv = await rankingCsv(new Request(`http://localhost/veileder/opptak/${cohort.id}/rangering/eksport`), { params: Promise.resolve({ cohortId: cohort.id }) });
      const pdf = await decisionLetterPdf(new Request(`http://localhost/api/vedtak/${letter.id}`), { params: Promise.resolve({ id: letter.id }) });
      await Promise.all([csv.body?.cancel(), pdf.body?.cancel()]);
      return [csv.status, pdf.status];
    };
    expect(await statuses(asVera)).toEqual([404, 404]);
    expect(await statuses(colleague)).toEqual([200, 200]);
    // The klage list leaves it out for her (a competitor's klage is not hers to read); a colleague has it.
    const listed = async (viewer: typeof colleague) => (await listAppeals(viewer, { open: true })).filter((row) => row.id === appealId).length;
    expect(await listed(asVera)).toBe(0);
    expect(await listed(colleague)).toBe(1);
    // Nor the decisions' history (the vedtak page's list of audited steps).
    expect(await listDecisionEvents(asVera, cohort.id)).toEqual([]);
    expect((await listDecisionEvents(colleague, cohort.id)).map((event) => event.application?.fullName).sort()).toEqual(["Rolf Refusert", "Vera Veileder"]);
    // Nor is it counted on her start page.
    expect(await countOpenAdmissionAppeals(asVera)).toEqual({ received: 0, toForward: 0 });
    expect(await countOpenAdmissionAppeals(colleague)).toEqual({ received: 1, toForward: 0 });
    const upheld = { kind: "UPHOLD" as const, grounds: "Vitnemålet viser 120 studiepoeng.", forwarded: false };
    await expect(decideAppeal(asVera, appealId, upheld)).rejects.toThrow(OWN_INTAKE_MESSAGE);
    await expect(markAppealForwarded(asVera, appealId)).rejects.toThrow(OWN_INTAKE_MESSAGE);
    await expect(updateIntake(asVera, { ...(await intakeFieldsOf(cohort.id)), capacity: 2 })).rejects.toThrow(OWN_INTAKE_MESSAGE);
    expect(await db().appeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ status: "RECEIVED", decidedById: null, forwardedAt: null });
    expect(await db().cohort.findUniqueOrThrow({ where: { id: cohort.id } })).toMatchObject({ capacity: 1 });

    await expect(decideAppeal(colleague, appealId, upheld)).resolves.toBe("DECIDED");
    expect(await db().appeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ decidedById: colleague.id });
  });
});
