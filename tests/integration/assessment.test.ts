// Assessing arbeidskrav: a group's approval holds for every member, each member gets exactly one
// e-mail (dedupe key arbeidskrav-assessed:<attemptId>:<enrolmentId>), "not approved" needs
// feedback, an attempt is assessed once, and the read ledertreningsoppgaver are approved in one
// confirmed step, exactly those. The database refuses a group of four. A hand-in after «ikke
// godkjent» is late only by its own resubmission deadline.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveReadLedertreningAction, assessSubmissionAction } from "@/lib/actions/assessment";
import { assessSubmission, getArbeidskravOverview, getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { deliverQueuedMail, readOutbox } from "@/lib/server/mail";
import { createSubmission } from "@/prisma/seed/factories";
import { makeCohort, planDays, type World } from "./cohort-world";
import { connectRaw, db, signInAs, submit } from "./support";

let world: World;
let raw: pg.Client;
let groupSubmissionId: string;
let groupAttemptId: string;

beforeAll(async () => {
  // Six students, everything held and attended; fagnotat 1 and ledertrening 1 approved, the rest not handed in yet.
  world = await makeCohort({ students: 6, samlinger: planDays("2025-01-07", 6), heldBefore: "2030-01-01", approved: () => 2 });
  await db().submission.deleteMany({ where: { arbeidskrav: { cohortId: world.cohortId, number: { gt: 2 } } } });
  const fagnotat2 = world.definitions.find((d) => d.number === 3)!;
  const group = world.students.slice(0, 3);
  const submission = await createSubmission(db(), {
    arbeidskravId: fagnotat2.id,
    enrolmentIds: group.map((s) => s.enrolmentId),
    submittedById: group[0]!.userId,
    attempts: [{ status: "SUBMITTED", at: new Date("2025-03-01T10:00:00Z"), pdf: { originalName: "fagnotat.pdf", title: "Fagnotat 2" } }],
  });
  groupSubmissionId = submission.id;
  groupAttemptId = (await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id } })).id;
  raw = await connectRaw();
});
afterAll(async () => {
  await raw.end();
});

describe("assessing a group's fagnotat", () => {
  it("shows the submission with its members, attempts and the PDF", async () => {
    const submission = await getSubmissionForAssessment(world.teacher, world.cohortId, groupSubmissionId);
    expect(submission.members.map((m) => m.name)).toEqual(["Student 01", "Student 02", "Student 03"]);
    expect(submission.attempts).toHaveLength(1);
    expect(submission.attempts[0]!.documents.map((d) => d.originalName)).toEqual(["fagnotat.pdf"]);
  });

  it("refuses 'not approved' without feedback", async () => {
    await signInAs(world.users.teacher);
    const result = await submit(assessSubmissionAction, { cohortId: world.cohortId, attemptId: groupAttemptId, decision: "NOT_APPROVED", feedback: " " });
    expect(result).toMatchObject({ ok: false, fieldErrors: { feedback: ["Skriv hva som mangler for at arbeidskravet kan godkjennes."] } });
  });

  it("approves for every member, e-mails each member once, and is not assessed twice", async () => {
    await signInAs(world.users.teacher);
    const result = await submit(assessSubmissionAction, {
      cohortId: world.cohortId,
      attemptId: groupAttemptId,
      decision: "APPROVED",
      feedback: "Godt gruppearbeid.",
    });
    expect(result).toMatchObject({ ok: true, message: "Fagnotat 2 (gruppe eller individuelt) er godkjent. De 3 i gruppen får e-post." });
    const evaluation = await evaluateCohortEligibility(db(), world.cohortId, { today: "2026-01-01" });
    const approved = world.students.map((s) => evaluation.byEnrolment.get(s.enrolmentId)!.eligibility.arbeidskrav.approved);
    expect(approved).toEqual([3, 3, 3, 2, 2, 2]);

    const keys = (await db().mailMessage.findMany({ where: { dedupeKey: { startsWith: `arbeidskrav-assessed:${groupAttemptId}:` } }, select: { dedupeKey: true } }))
      .map((m) => m.dedupeKey)
      .sort();
    expect(keys).toEqual(world.students.slice(0, 3).map((s) => `arbeidskrav-assessed:${groupAttemptId}:${s.enrolmentId}`).sort());
    await deliverQueuedMail();
    const outbox = (await readOutbox(100)).filter((mail) => mail.subject === "Arbeidskrav godkjent: Fagnotat 2 (gruppe eller individuelt)");
    expect(outbox).toHaveLength(3);
    expect(outbox[0]!.text).toContain("Godt gruppearbeid.");
    // Each member greeted by name, sent to the arbeidskrav itself, and signed (as the other e-mails).
    const definitionId = (await db().submissionAttempt.findUniqueOrThrow({ where: { id: groupAttemptId }, select: { submission: { select: { arbeidskravId: true } } } })).submission.arbeidskravId;
    expect(outbox.map((mail) => mail.text.split("\n")[0]).sort()).toEqual(world.students.slice(0, 3).map((s) => `Hei ${s.name},`).sort());
    for (const mail of outbox) expect(mail.text).toContain(`/student/arbeidskrav/${definitionId}\n\nHilsen studieadministrasjonen, NTNU`);

    const again = await submit(assessSubmissionAction, { cohortId: world.cohortId, attemptId: groupAttemptId, decision: "NOT_APPROVED", feedback: "Nei" });
    expect(again).toMatchObject({ ok: false, message: "Fagnotat 2 (gruppe eller individuelt) er allerede vurdert." });
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "submission.assess", entityId: groupAttemptId } });
    expect(entry).toMatchObject({ actorId: world.teacher.id, before: { status: "SUBMITTED" }, after: { status: "APPROVED", feedback: "Godt gruppearbeid." } });
  });
});

describe("approving the ledertreningsoppgaver one has read", () => {
  let attempts: string[];
  let fagnotatAttempt: string;

  beforeAll(async () => {
    const ledertrening2 = world.definitions.find((d) => d.number === 4)!;
    const fagnotat2 = world.definitions.find((d) => d.number === 3)!;
    attempts = [];
    for (const student of world.students.slice(3)) {
      const submission = await createSubmission(db(), {
        arbeidskravId: ledertrening2.id,
        enrolmentIds: [student.enrolmentId],
        submittedById: student.userId,
        attempts: [{ status: "SUBMITTED", at: new Date("2025-04-01T10:00:00Z") }],
      });
      attempts.push((await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id } })).id);
    }
    const fagnotat = await createSubmission(db(), {
      arbeidskravId: fagnotat2.id,
      enrolmentIds: [world.students[3]!.enrolmentId],
      submittedById: world.students[3]!.userId,
      attempts: [{ status: "SUBMITTED", at: new Date("2025-04-01T10:00:00Z") }],
    });
    fagnotatAttempt = (await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: fagnotat.id } })).id;
  });

  it("lists them as waiting in the overview, with counts per arbeidskrav", async () => {
    const overview = await getArbeidskravOverview(world.teacher, world.cohortId);
    expect(overview.waiting.map((w) => w.arbeidskrav.number).sort()).toEqual([3, 4, 4, 4]);
    const ledertrening2 = overview.definitions.find((d) => d.number === 4)!;
    expect(ledertrening2.counts).toEqual({ SUBMITTED: 3, APPROVED: 0, NOT_APPROVED: 0, NOT_SUBMITTED: 3, CREDITED: 0, AWAITED: 0, handedIn: 3 });
  });

  it("refuses the whole batch when one of them is not a ledertreningsoppgave", async () => {
    await signInAs(world.users.colleague);
    const result = await submit(approveReadLedertreningAction, { cohortId: world.cohortId, attemptIds: [attempts[0]!, fagnotatAttempt] });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Ingen ble godkjent\. .* er ikke en ledertreningsoppgave/);
    expect(await db().submissionAttempt.count({ where: { id: { in: attempts }, status: "APPROVED" } })).toBe(0);
  });

  it("approves exactly the ticked ones, each with its audit entry and e-mail", async () => {
    await signInAs(world.users.colleague);
    const result = await submit(approveReadLedertreningAction, { cohortId: world.cohortId, attemptIds: [attempts[0]!, attempts[2]!] });
    expect(result).toMatchObject({ ok: true, message: "2 ledertreningsoppgaver er godkjent. Studentene får e-post." });
    const statuses = await db().submissionAttempt.findMany({ where: { id: { in: attempts } }, select: { id: true, status: true, assessorId: true } });
    expect(statuses.filter((s) => s.status === "APPROVED").map((s) => s.id).sort()).toEqual([attempts[0]!, attempts[2]!].sort());
    expect(statuses.find((s) => s.id === attempts[0])!.assessorId).toBe(world.colleague.id);
    expect(await db().auditLog.count({ where: { action: "submission.assess", entityId: { in: attempts } } })).toBe(2);
    expect(await db().mailMessage.count({ where: { dedupeKey: { in: [attempts[0]!, attempts[2]!].map((a, i) => `arbeidskrav-assessed:${a}:${world.students[3 + i * 2]!.enrolmentId}`) } } })).toBe(2);
  });

  it("the same attempt is not assessed again by a second, late click", async () => {
    await expect(assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: attempts[0]!, decision: "APPROVED", feedback: null })).rejects.toThrow(
      "Ledertreningsoppgave 2 er allerede vurdert.",
    );
  });
});

describe("group size in the database", () => {
  it("refuses a group of four, and a second member on an individual arbeidskrav", async () => {
    const otherCohort = await makeCohort({ students: 4, samlinger: [["2025-01-07"]], heldBefore: "2030-01-01", approved: () => 0 });
    await db().submission.deleteMany({ where: { arbeidskrav: { cohortId: otherCohort.cohortId } } });
    const definition = otherCohort.definitions.find((d) => d.number === 3)!;
    await expect(
      createSubmission(db(), {
        arbeidskravId: definition.id,
        enrolmentIds: otherCohort.students.map((s) => s.enrolmentId),
        submittedById: otherCohort.students[0]!.userId,
        attempts: [{ status: "SUBMITTED", at: new Date() }],
      }),
    ).rejects.toThrow(/SubmissionMember_group_size|allows 3/);
    expect(await db().submission.count({ where: { arbeidskravId: definition.id } })).toBe(0);
    const individual = otherCohort.definitions.find((d) => d.number === 1)!;
    await expect(
      createSubmission(db(), {
        arbeidskravId: individual.id,
        enrolmentIds: otherCohort.students.slice(0, 2).map((s) => s.enrolmentId),
        submittedById: otherCohort.students[0]!.userId,
        attempts: [{ status: "SUBMITTED", at: new Date() }],
      }),
    ).rejects.toThrow(/allows 1/);
  });
});

describe("a hand-in after «ikke godkjent»", () => {
  it("is measured against its own resubmission deadline, on the waiting list and the submission's page, as the student sees it", async () => {
    // Ledertreningsoppgave 3 was due 1 February 2021; the first hand-in (20 January) was assessed
    // «ikke godkjent» a week later (27 January, as the factory assesses), so the second was due three
    // weeks after that (17 February). It came on 9 February: late by the due date, on time by its own.
    const ledertrening3 = world.definitions.find((d) => d.number === 5)!;
    const student = world.students[5]!;
    const submission = await createSubmission(db(), {
      arbeidskravId: ledertrening3.id,
      enrolmentIds: [student.enrolmentId],
      submittedById: student.userId,
      attempts: [
        { status: "NOT_APPROVED", assessorId: world.colleague.id, at: new Date("2021-01-20T10:00:00Z"), feedback: "Refleksjonen mangler." },
        { status: "SUBMITTED", at: new Date("2021-02-09T10:00:00Z") },
      ],
    });
    const waiting = (await getArbeidskravOverview(world.teacher, world.cohortId)).waiting.find((row) => row.submissionId === submission.id)!;
    expect(waiting).toMatchObject({ attempt: 2, late: false });
    const page = await getSubmissionForAssessment(world.teacher, world.cohortId, submission.id);
    expect(page.attempts.map((attempt) => [attempt.attempt, attempt.late])).toEqual([
      [2, false],
      [1, false],
    ]);
  });
});
