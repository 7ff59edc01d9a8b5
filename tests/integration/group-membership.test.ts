// The members of a group hand-in before it is assessed: classmates chosen by the one who hands in
// are "ikke bekreftet" until they confirm; a member may leave (and hands in alone afterwards, never
// covered by the group's approval); a confirmed member may add a classmate within the group size,
// never one who is in another submission. Whoever has not confirmed when the faculty assess is
// taken out of the group. Every change is audited and e-mailed to the members.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addGroupMemberAction, confirmGroupMembershipAction, leaveGroupAction } from "@/lib/actions/student";
import { assessSubmission } from "@/lib/server/cohorts/assessment";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { getStudentArbeidskrav } from "@/lib/server/students/arbeidskrav";
import { addGroupMember, leaveGroup } from "@/lib/server/students/group";
import { handInArbeidskrav } from "@/lib/server/students/hand-in";
import { resolveViewer, type Viewer } from "@/lib/server/viewer";
import { studentCohort } from "./student-fixtures";
import { connectRaw, db, signInAs, submit } from "./support";

type Fixture = Awaited<ReturnType<typeof studentCohort>>;
let fx: Fixture;
let other: Fixture;
let raw: pg.Client;
let submissionId: string;

const student = (index: number) => fx.students[index]!;
async function as(index: number): Promise<Viewer> {
  return (await resolveViewer(await signInAs(student(index).user)))!;
}
const fagnotat2 = () => fx.byNumber(3); // alone or in a group of up to three
const membersOf = async (id: string) =>
  (await db().submissionMember.findMany({ where: { submissionId: id }, select: { enrolmentId: true, confirmedAt: true, addedById: true } })).sort((a, b) =>
    a.enrolmentId.localeCompare(b.enrolmentId),
  );
const changeMails = (index: number) => db().mailMessage.findMany({ where: { dedupeKey: { startsWith: "group-change:" }, userId: student(index).user.id }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  fx = await studentCohort({ students: 7 });
  other = await studentCohort({ students: 1 });
  // Student 0 hands in fagnotat 2 for 0, 1 and 2.
  const result = await handInArbeidskrav(await as(0), fagnotat2().id, {
    text: "Fagnotat om samarbeid.",
    file: null,
    memberEnrolmentIds: [student(1).enrolment.id, student(2).enrolment.id],
  });
  submissionId = result.submissionId;
  raw = await connectRaw();
});
afterAll(async () => {
  await raw.end();
});

describe("confirming", () => {
  it("the one who handed in is confirmed; the classmates they chose are not, until they confirm", async () => {
    const members = await membersOf(submissionId);
    expect(members.find((m) => m.enrolmentId === student(0).enrolment.id)!.confirmedAt).not.toBeNull();
    for (const index of [1, 2]) expect(members.find((m) => m.enrolmentId === student(index).enrolment.id)).toMatchObject({ confirmedAt: null, addedById: student(0).user.id });
    const page = await getStudentArbeidskrav(await as(1), fagnotat2().id);
    expect(page.membership).toMatchObject({ confirmed: false, canConfirm: true, canAdd: false, addedBy: student(0).user.name });
    expect(page.arbeidskrav.submission!.members.find((m) => m.isViewer)!.confirmed).toBe(false);
  });

  it("a member confirms once; it is audited and the group is told", async () => {
    await as(1);
    expect(await submit(confirmGroupMembershipAction, { submissionId })).toMatchObject({ ok: true, message: "Du har bekreftet at du er med i gruppen for Fagnotat 2 (gruppe eller individuelt)." });
    expect((await membersOf(submissionId)).find((m) => m.enrolmentId === student(1).enrolment.id)!.confirmedAt).not.toBeNull();
    expect(await submit(confirmGroupMembershipAction, { submissionId })).toMatchObject({ ok: false, message: "Du har allerede bekreftet at du er med." });
    expect(await db().auditLog.count({ where: { action: "submission.member_confirm", entityId: submissionId } })).toBe(1);
    expect((await changeMails(0)).at(-1)!.text).toContain(`${student(1).user.name} har bekreftet sin plass i gruppen`);
  });

  it("someone outside the group learns nothing about it", async () => {
    await as(5);
    expect(await submit(confirmGroupMembershipAction, { submissionId })).toMatchObject({ ok: false, message: "Fant ikke innleveringen." });
    await signInAs(other.students[0]!.user);
    expect(await submit(leaveGroupAction, { submissionId })).toMatchObject({ ok: false, message: "Fant ikke innleveringen." });
  });
});

describe("adding and leaving before the assessment", () => {
  it("an unconfirmed member cannot add anyone; a confirmed one adds within the size, never someone from another submission or cohort", async () => {
    await as(2);
    expect(await submit(addGroupMemberAction, { submissionId, enrolmentId: student(3).enrolment.id })).toMatchObject({
      ok: false,
      fieldErrors: { enrolmentId: ["Bekreft først at du selv er med i gruppen."] },
    });
    await as(0);
    expect(await submit(addGroupMemberAction, { submissionId, enrolmentId: student(3).enrolment.id })).toMatchObject({
      ok: false,
      fieldErrors: { enrolmentId: ["Gruppen kan ha høyst 3 deltakere."] },
    });
    expect(await submit(addGroupMemberAction, { submissionId, enrolmentId: other.students[0]!.enrolment.id })).toMatchObject({
      ok: false,
      message: "Du kan bare legge til studenter som er aktive i ditt eget kull.",
    });
    expect(await submit(addGroupMemberAction, { submissionId, enrolmentId: "" })).toMatchObject({ ok: false, fieldErrors: { enrolmentId: ["Velg hvem du vil legge til."] } });
  });

  it("the wrongly added classmate leaves; the group is told, and the one who left hands in alone", async () => {
    await as(2);
    expect(await submit(leaveGroupAction, { submissionId })).toMatchObject({ ok: true, message: "Du har gått ut av gruppen for Fagnotat 2 (gruppe eller individuelt). Du leverer arbeidskravet selv." });
    expect((await membersOf(submissionId)).map((m) => m.enrolmentId)).toEqual([student(0).enrolment.id, student(1).enrolment.id].sort());
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "submission.member_leave", entityId: submissionId } })).toMatchObject({
      actorId: student(2).user.id,
      after: { left: student(2).enrolment.id },
    });
    expect((await changeMails(2)).at(-1)!.text).toContain("Du leverer arbeidskravet selv.");
    expect((await changeMails(0)).at(-1)!.text).toContain(`${student(2).user.name} har gått ut av gruppen`);
    const own = await handInArbeidskrav(await as(2), fagnotat2().id, { text: "Mitt eget fagnotat.", file: null, memberEnrolmentIds: [] });
    expect(own.submissionId).not.toBe(submissionId);
  });

  it("a confirmed member adds a classmate, who is not confirmed until they say so; someone in another submission is refused", async () => {
    await as(1);
    expect(await submit(addGroupMemberAction, { submissionId, enrolmentId: student(2).enrolment.id })).toMatchObject({
      ok: false,
      fieldErrors: { enrolmentId: ["Studenten er allerede med i en annen innlevering av dette arbeidskravet."] },
    });
    expect(await submit(addGroupMemberAction, { submissionId, enrolmentId: student(3).enrolment.id })).toMatchObject({ ok: true });
    expect((await membersOf(submissionId)).find((m) => m.enrolmentId === student(3).enrolment.id)).toMatchObject({ confirmedAt: null, addedById: student(1).user.id });
    const welcome = (await changeMails(3)).at(-1)!;
    expect(welcome.text).toContain(`${student(1).user.name} har lagt deg til i gruppen`);
    expect(welcome.text).toContain("Du er ikke med før du har bekreftet det");
    expect(await db().auditLog.count({ where: { action: "submission.member_add", entityId: submissionId } })).toBe(1);
  });

  it("the database keeps the smallest group when members leave, whatever the code does", async () => {
    const must = await db().arbeidskravDefinition.update({ where: { id: fagnotat2().id }, data: { minGroupSize: 3 } });
    await expect(raw.query(`DELETE FROM "SubmissionMember" WHERE "submissionId" = $1 AND "enrolmentId" = $2`, [submissionId, student(3).enrolment.id])).rejects.toThrow(
      /would have 2 members; arbeidskrav .* needs at least 3/,
    );
    await db().arbeidskravDefinition.update({ where: { id: must.id }, data: { minGroupSize: 1 } });
  });
});

describe("at the assessment", () => {
  it("takes out whoever has not confirmed (told by e-mail, audited), and the approval covers only the confirmed members", async () => {
    const attempt = await db().submissionAttempt.findFirstOrThrow({ where: { submissionId }, select: { id: true } });
    const teacher = (await resolveViewer(await signInAs(fx.teacher)))!;
    await assessSubmission(teacher, { cohortId: fx.cohort.id, attemptId: attempt.id, decision: "APPROVED", feedback: "Godt samarbeid." });
    expect((await membersOf(submissionId)).map((m) => m.enrolmentId)).toEqual([student(0).enrolment.id, student(1).enrolment.id].sort());
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "submission.member_exclude", entityId: submissionId } })).toMatchObject({
      after: { removed: student(3).enrolment.id, reason: "not confirmed at assessment" },
    });
    const excluded = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `group-excluded:${attempt.id}:${student(3).enrolment.id}` } });
    expect(excluded.text).toContain("vurderingen gjelder ikke deg");
    const evaluation = await evaluateCohortEligibility(db(), fx.cohort.id, { today: fx.today });
    const approvedFagnotat2 = (index: number) =>
      evaluation.byEnrolment.get(student(index).enrolment.id)!.eligibility.arbeidskrav.approved;
    expect([0, 1, 2, 3].map(approvedFagnotat2)).toEqual([1, 1, 0, 0]);
    // The mail about the assessment goes to the members it covers.
    const assessed = await db().mailMessage.findMany({ where: { dedupeKey: { startsWith: `arbeidskrav-assessed:${attempt.id}:` } }, select: { userId: true } });
    expect(assessed.map((mail) => mail.userId).sort()).toEqual([student(0).user.id, student(1).user.id].sort());
  });

  it("after the assessment the group is closed", async () => {
    await as(1);
    expect(await submit(leaveGroupAction, { submissionId })).toMatchObject({ ok: false, message: "Innleveringen er vurdert, så gruppen kan ikke endres lenger." });
    await as(0);
    expect(await submit(addGroupMemberAction, { submissionId, enrolmentId: student(4).enrolment.id })).toMatchObject({
      ok: false,
      fieldErrors: { enrolmentId: ["Innleveringen er vurdert, så gruppen kan ikke endres lenger."] },
    });
    await expect(leaveGroup(await as(0), submissionId)).rejects.toThrow("Innleveringen er vurdert");
    await expect(addGroupMember(await as(0), submissionId, student(4).enrolment.id)).rejects.toThrow("Innleveringen er vurdert");
  });
});
