// Work still waiting for its assessment in the old kull when the student moved to a later one
// (lib/server/enrolments/credits.ts): the transfer names it, and it counts in the new kull once it
// is approved there, whoever approves it and by which route (an assessment, a correction), audited
// and told to her. Before this, a credit was made only at the transfer, and work approved after it
// never counted: she had to hand it in again.
import { beforeAll, describe, expect, it } from "vitest";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { standingFromEligibility } from "@/lib/domain/standing";
import { assessSubmission, getArbeidskravOverview, getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { getStudentRecord } from "@/lib/server/enrolments/queries";
import { getTransferPlan, transferStudent } from "@/lib/server/enrolments/transfer";
import { getStudentArbeidskrav } from "@/lib/server/students/arbeidskrav";
import { withdrawStudent } from "@/lib/server/enrolments/withdrawal";
import { DomainError } from "@/lib/server/errors";
import { createArbeidskrav, createCohort, createProgramme, createSubmission, enrol, standardArbeidskrav, uniqueCohortCode } from "@/prisma/seed/factories";
import { makeCohort, makeLaterKull, planDays, viewerOf, type World } from "./cohort-world";
import { connectRaw, db, someoneWaitsFor } from "./support";

const NOW = new Date();
const TODAY = osloDate(NOW);
const WAITING = 0; // Ledertreningsoppgave 3 not assessed at the transfer
const REFUSED = 1; // Ledertreningsoppgave 3 not approved at the transfer, corrected later
const LEFT = 2; // waiting as well, but withdrawn from the new kull before the approval
const RACED = 3; // transferred while Fagnotat 1 is being corrected in the old kull
const OWN = 4; // waiting as well, but hands the item in in the new kull before the approval

let world: World;
let laterId: string;
const moved = new Map<number, string>();
const student = (index: number) => world.students[index]!;

async function latestAttempt(enrolmentId: string, number: number) {
  return db().submissionAttempt.findFirstOrThrow({
    where: { submission: { arbeidskrav: { cohortId: world.cohortId, number }, members: { some: { enrolmentId } } } },
    orderBy: { attempt: "desc" },
    select: { id: true, submissionId: true },
  });
}

async function standingsMatch() {
  const evaluation = await evaluateCohortEligibility(db(), laterId, { today: TODAY });
  const stored = await db().standing.findMany({ where: { enrolment: { cohortId: laterId, status: { in: ["ACTIVE", "ON_LEAVE"] } } } });
  for (const row of stored) {
    const { enrolmentId, status, attendanceState, scheduledDays, attendedDays, absentDays, approvedRequired, requiredTotal } = row;
    expect({ status, attendanceState, scheduledDays, attendedDays, absentDays, approvedRequired, requiredTotal }, enrolmentId).toEqual(
      standingFromEligibility(evaluation.byEnrolment.get(enrolmentId)!.eligibility),
    );
  }
}

beforeAll(async () => {
  world = await makeCohort({
    students: 5,
    samlinger: planDays(addDays(TODAY, -30), 12),
    heldBefore: TODAY,
    approved: () => 4,
    exam: { startsOn: addDays(TODAY, 60), endsOn: addDays(TODAY, 62) },
  });
  laterId = await makeLaterKull(world.programmeId, TODAY);
  // The refused student's Ledertreningsoppgave 3 was not approved before she moved.
  await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: (await latestAttempt(student(REFUSED).enrolmentId, 5)).id, decision: "NOT_APPROVED", feedback: "Mangler refleksjon." });
});

describe("work waiting for its assessment at the transfer", () => {
  it("the form and the letter name it as counting once approved, and it is not listed as to be handed in", async () => {
    for (const index of [WAITING, REFUSED, LEFT, OWN]) {
      const plan = await getTransferPlan(world.adviser, { enrolmentId: student(index).enrolmentId, toCohortId: laterId }, NOW);
      // Only work the rules allow is offered: the oral fagnotat 2 only from the oral one, never fagnotat 1.
      const oral = plan.target!.arbeidskrav.find((item) => item.number === 3)!;
      expect(oral.options.map((option) => option.submissionId)).toEqual([oral.proposed]);
      const last = plan.target!.arbeidskrav.find((item) => item.number === 5)!;
      expect(last.proposed).toBeNull();
      expect(last.awaiting).toEqual(index === REFUSED ? null : expect.stringMatching(/^Ledertreningsoppgave 3 i Kull /));
      const credits = plan.target!.arbeidskrav.filter((item) => item.proposed).map((item) => ({ targetId: item.arbeidskravId, sourceSubmissionId: item.proposed! }));
      expect(credits).toHaveLength(4);
      const result = await transferStudent(world.adviser, { enrolmentId: student(index).enrolmentId, toCohortId: laterId, credits, samlinger: [] }, NOW);
      moved.set(index, result.enrolmentId);
      // The adviser's record of her says what still waits there.
      const record = await getStudentRecord(world.adviser, student(index).userId, NOW);
      expect(record.enrolments.find((row) => row.id === result.enrolmentId)!.awaiting.map((row) => [row.title, row.from])).toEqual(
        index === REFUSED ? [] : [["Ledertreningsoppgave 3", expect.stringMatching(/^Ledertreningsoppgave 3 i Kull /)]],
      );
      const letter = await db().studentLetter.findUniqueOrThrow({ where: { id: result.letterId } });
      if (index === REFUSED) {
        expect(letter.body).toContain("Arbeidskrav du skal levere i det nye kullet: Ledertreningsoppgave 3.");
        expect(letter.body).not.toContain("ikke vurdert ennå");
      } else {
        expect(letter.body).toContain("Alle de andre obligatoriske arbeidskravene er godkjent.");
        expect(letter.body).toMatch(/Ledertreningsoppgave 3 i Kull \S+ er ikke vurdert ennå\. Blir det godkjent før du har levert Ledertreningsoppgave 3 i det nye kullet, teller det som Ledertreningsoppgave 3 der/);
      }
    }
    expect(await db().standing.findUniqueOrThrow({ where: { enrolmentId: moved.get(WAITING)! } })).toMatchObject({ approvedRequired: 4 });
    // The new kull's staff read it too, at the item it counts as (not as a hand-in to chase).
    const overview = await getArbeidskravOverview(world.adviser, laterId, NOW);
    const last = overview.definitions.findIndex((definition) => definition.number === 5);
    for (const index of [WAITING, REFUSED, LEFT, OWN]) {
      const row = overview.students.find((candidate) => candidate.enrolmentId === moved.get(index))!;
      expect(row.items[last], `student ${index}`).toMatchObject({
        status: "NOT_SUBMITTED",
        awaitedFrom: index === REFUSED ? null : expect.stringMatching(/^Ledertreningsoppgave 3 i Kull /),
      });
      expect(row.items.filter((item) => item.awaitedFrom !== null)).toHaveLength(index === REFUSED ? 0 : 1);
    }
    // The item's counts say how many of those not handed in here wait there.
    expect(overview.definitions[last]!.counts).toMatchObject({ NOT_SUBMITTED: 4, AWAITED: 3 });
  });

  it("«ikke godkjent» in the old kull brings nothing", async () => {
    const attempt = await latestAttempt(student(WAITING).enrolmentId, 5);
    // The old kull's assessor reads that she moved, and that an approval counts there.
    const review = await getSubmissionForAssessment(world.teacher, world.cohortId, attempt.submissionId);
    expect(review.members.map((member) => member.movedTo)).toEqual([expect.stringMatching(/^Kull /)]);
    await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: "NOT_APPROVED", feedback: "Mangler kilder." });
    expect(await db().arbeidskravCredit.count({ where: { enrolmentId: moved.get(WAITING)! } })).toBe(4);
    // Handed in again there (by the old kull's rules, a new attempt), and waiting again.
    await db().submissionAttempt.create({ data: { submissionId: attempt.submissionId, attempt: 2, submittedById: student(WAITING).userId, text: "Med kilder" } });
    await db().submission.update({ where: { id: attempt.submissionId }, data: { status: "SUBMITTED" } });
  });

  it("approved there: credited in the new kull by whoever approved it, audited, mailed, and the stored standing follows", async () => {
    const enrolmentId = moved.get(WAITING)!;
    const attempt = await latestAttempt(student(WAITING).enrolmentId, 5);
    await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: "APPROVED", feedback: null });

    const credit = await db().arbeidskravCredit.findFirstOrThrow({ where: { enrolmentId, sourceSubmissionId: attempt.submissionId }, include: { arbeidskrav: true } });
    expect(credit).toMatchObject({ creditedById: world.teacher.id, arbeidskrav: { cohortId: laterId, number: 5 } });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "credit.arbeidskrav", entityId: credit.id } })).toMatchObject({
      actorId: world.teacher.id,
      before: null,
      after: { enrolmentId, arbeidskravId: credit.arbeidskravId, sourceSubmissionId: attempt.submissionId, approvedAfterTransfer: true },
    });
    const mail = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `arbeidskrav-credit:${credit.id}` } });
    expect(mail.userId).toBe(student(WAITING).userId);
    expect(mail.text).toMatch(/^Hei Student 01,\n\nLedertreningsoppgave 3 i Kull \S+ er godkjent\. Det teller som Ledertreningsoppgave 3 i Kull \S+, og du trenger ikke levere Ledertreningsoppgave 3 der\./);
    expect(await db().standing.findUniqueOrThrow({ where: { enrolmentId } })).toMatchObject({ approvedRequired: 5, requiredTotal: 5 });
    await standingsMatch();
    // On the new kull's overview it is approved, credited, and no longer awaited.
    const overview = await getArbeidskravOverview(world.adviser, laterId, NOW);
    const item = overview.students.find((row) => row.enrolmentId === enrolmentId)!.items.find((row) => row.arbeidskravId === credit.arbeidskravId)!;
    expect(item).toMatchObject({ status: "APPROVED", creditedFrom: expect.stringMatching(/^Ledertreningsoppgave 3, Kull /), awaitedFrom: null });
  });

  it("a «ikke godkjent» corrected to «godkjent» after the transfer counts too", async () => {
    const enrolmentId = moved.get(REFUSED)!;
    const attempt = await latestAttempt(student(REFUSED).enrolmentId, 5);
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: "APPROVED", reason: "Refleksjonen står i vedlegget." }, NOW);
    expect(await db().arbeidskravCredit.count({ where: { enrolmentId, arbeidskrav: { number: 5 } } })).toBe(1);
    expect(await db().standing.findUniqueOrThrow({ where: { enrolmentId } })).toMatchObject({ approvedRequired: 5 });
    await standingsMatch();
  });

  it("once she has handed the item in in the new kull herself, her own work there decides it: no credit", async () => {
    const enrolmentId = moved.get(OWN)!;
    const item = await db().arbeidskravDefinition.findFirstOrThrow({ where: { cohortId: laterId, number: 5 } });
    // Her page in the new kull says the earlier work waits, and what handing in here first means.
    const self = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: student(OWN).userId } })), roles: ["STUDENT"] });
    expect((await getStudentArbeidskrav(self, item.id)).awaiting).toEqual({
      arbeidskravId: item.id,
      title: "Ledertreningsoppgave 3",
      from: expect.stringMatching(/^Ledertreningsoppgave 3 i Kull /),
      cohortName: expect.stringMatching(/^Kull /),
    });
    await createSubmission(db(), { arbeidskravId: item.id, enrolmentIds: [enrolmentId], submittedById: student(OWN).userId, attempts: [{ status: "SUBMITTED", at: NOW }] });
    expect((await getStudentArbeidskrav(self, item.id)).awaiting).toBeNull();
    // Her new kull's overview shows her own hand-in there, no longer the earlier work.
    const overview = await getArbeidskravOverview(world.adviser, laterId, NOW);
    expect(overview.students.find((row) => row.enrolmentId === enrolmentId)!.items.find((row) => row.arbeidskravId === item.id)).toMatchObject({ status: "SUBMITTED", awaitedFrom: null });
    await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: (await latestAttempt(student(OWN).enrolmentId, 5)).id, decision: "APPROVED", feedback: null });
    expect(await db().arbeidskravCredit.count({ where: { enrolmentId } })).toBe(4);
    expect(await db().mailMessage.count({ where: { userId: student(OWN).userId, dedupeKey: { startsWith: "arbeidskrav-credit:" } } })).toBe(0);
    await standingsMatch();
  });

  it("nothing is credited to an enrolment that has ended", async () => {
    const enrolmentId = moved.get(LEFT)!;
    await withdrawStudent(world.adviser, { enrolmentId, effectiveOn: TODAY, requestedOn: TODAY, reason: null }, NOW);
    await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: (await latestAttempt(student(LEFT).enrolmentId, 5)).id, decision: "APPROVED", feedback: null });
    expect(await db().arbeidskravCredit.count({ where: { enrolmentId } })).toBe(4);
  });
});

describe("a transfer at the moment an approval it credits is corrected in the old kull", () => {
  it("waits for the correction and is refused with it, instead of crediting what is no longer approved", async () => {
    const plan = await getTransferPlan(world.adviser, { enrolmentId: student(RACED).enrolmentId, toCohortId: laterId }, NOW);
    const credits = plan.target!.arbeidskrav.filter((item) => item.proposed).map((item) => ({ targetId: item.arbeidskravId, sourceSubmissionId: item.proposed! }));
    const first = plan.target!.arbeidskrav.find((item) => item.number === 1)!;
    // The correction holds the submission (as lockAttempts does) and changes it, not yet committed.
    const correction = await connectRaw();
    try {
      await correction.query("BEGIN");
      await correction.query(`SELECT "id" FROM "Submission" WHERE "id" = $1 FOR UPDATE`, [first.proposed]);
      await correction.query(`UPDATE "Submission" SET "status" = 'NOT_APPROVED' WHERE "id" = $1`, [first.proposed]);
      const transfer = transferStudent(world.adviser, { enrolmentId: student(RACED).enrolmentId, toCohortId: laterId, credits, samlinger: [] }, NOW).catch((error) => error);
      expect(await someoneWaitsFor(correction)).toBe(true);
      await correction.query("COMMIT");
      const error = await transfer;
      expect(error).toBeInstanceOf(DomainError);
      expect(error.fieldErrors[`credit_${first.arbeidskravId}`]).toEqual([expect.stringMatching(/^Fagnotat 1 \(individuelt\) er ikke godkjent i Kull /)]);
    } finally {
      await correction.end();
    }
    expect(await db().enrolment.count({ where: { cohortId: laterId, userId: student(RACED).userId } })).toBe(0);
  });
});

describe("work in another programme", () => {
  it("is never offered as a credit: a transfer credits the programme's own coursework only", async () => {
    const other = await createProgramme(db(), "INSTITUSJONSLEDELSE");
    const { cohort } = await createCohort(db(), {
      programmeId: other.id,
      code: uniqueCohortCode(),
      applicationOpensOn: "2020-01-01",
      applicationDeadline: "2020-02-01",
      offerAnswerDeadline: "2020-03-01",
      samlinger: planDays(addDays(TODAY, -400), 3).map((days, index) => ({ title: `Samling ${index + 1}`, days })),
    });
    const items = await createArbeidskrav(db(), cohort.id, standardArbeidskrav(["2020-10-01"]));
    const first = items[0]!;
    const there = await enrol(db(), { userId: student(RACED).userId, cohortId: cohort.id, status: "COMPLETED" });
    const elsewhere = await createSubmission(db(), { arbeidskravId: first.id, enrolmentIds: [there.id], submittedById: student(RACED).userId, attempts: [{ status: "APPROVED", assessorId: world.teacher.id, at: NOW }] });
    const plan = await getTransferPlan(world.adviser, { enrolmentId: student(RACED).enrolmentId, toCohortId: laterId }, NOW);
    const options = plan.target!.arbeidskrav.flatMap((item) => item.options.map((option) => option.submissionId));
    expect(options.length).toBeGreaterThan(0);
    expect(options).not.toContain(elsewhere.id);

    // The database refuses such a credit too (migration arbeidskrav_credit_same_programme): the
    // withdrawn student's Ledertreningsoppgave 3 is not credited in the new kull, and her approved
    // one in the other programme may not be.
    const left = await enrol(db(), { userId: student(LEFT).userId, cohortId: cohort.id, status: "COMPLETED" });
    const hers = await createSubmission(db(), { arbeidskravId: items[4]!.id, enrolmentIds: [left.id], submittedById: student(LEFT).userId, attempts: [{ status: "APPROVED", assessorId: world.teacher.id, at: NOW }] });
    const target = await db().arbeidskravDefinition.findFirstOrThrow({ where: { cohortId: laterId, number: 5 } });
    await expect(
      db().arbeidskravCredit.create({ data: { enrolmentId: moved.get(LEFT)!, arbeidskravId: target.id, sourceSubmissionId: hers.id, creditedById: world.adviser.id } }),
    ).rejects.toThrow(/ArbeidskravCredit_valid|another kull of the programme/);
  });
});
