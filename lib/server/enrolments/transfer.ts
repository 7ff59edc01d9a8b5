import "server-only";
// Transfer to a later kull (rules: lib/domain/transfer.ts). In one transaction, after locking the
// student's enrolment and the new kull's row (its places are given one at a time):
// - the new kull must be a later one of the same programme, not over, with a free place: a
//   transfer counts toward the new kull's capacity, like an accepted offer (placesTaken counts
//   transfers in, and the capacity triggers refuse one too many);
// - a new enrolment in the new kull continues the old one (transferredFromId); the old one is
//   TRANSFERRED, its exam registration withdrawn, and its admission place given back only before
//   the old kull's waiting list closes (places.ts);
// - the adviser's choice of credits is checked (arbeidskravCreditProblems) and stored as explicit
//   records (ArbeidskravCredit, AttendanceCredit: which approved submission or attended day, for
//   which item or day, by whom, when), each audited;
// - a letter to the student lists what was credited and what remains, and the new enrolment's
//   standing is computed with the credits (refreshStandings, the last lock).
import { osloDate } from "@/lib/domain/application-deadline";
import { compareIsoDates } from "@/lib/domain/dates";
import { enrolmentChangeProblem, IN_KULL } from "@/lib/domain/enrolment";
import { isOwnCase, OWN_CASE_MESSAGE } from "@/lib/permissions";
import {
  arbeidskravCreditProblems,
  attendanceCreditSummary,
  attendanceCredits,
  awaitedCredits,
  correspondingSamlinger,
  creditProblem,
  proposeArbeidskravCredits,
  transferExamProblem,
  transferTargetProblem,
  type ArbeidskravCreditChoice,
  type KullForTransfer,
  type PlanSamling,
} from "@/lib/domain/transfer";
import { formatDateNb } from "@/lib/domain/format";
import { day } from "@/lib/dates";
import type { Database, Transaction } from "@/lib/db/client";
import { requestJob } from "@/lib/jobs/queue";
import { auditMany, audit } from "@/lib/server/audit";
import { lockCohort, placesTaken } from "@/lib/server/admission/places";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { inOrder } from "@/lib/server/in-order";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { issueStudentLetter } from "@/lib/server/student-letters/issue";
import { COHORT_FULL_MESSAGE, LOCKING_TRANSACTION, withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { sourcesOf, targetsOf } from "./credits";
import { closeOpenLeave, ENROLMENT_NOT_FOUND, lockEnrolmentToDecide, requireAdviser, signer, withdrawExamRegistration } from "./common";
import { givePlaceBack } from "./places";

type Client = Database | Transaction;

const KULL_SELECT = { id: true, programmeId: true, name: true, code: true, startsOn: true, endsOn: true, capacity: true, publishedAt: true, archivedAt: true } as const;

function kull(row: { id: string; programmeId: string; name: string; startsOn: Date; endsOn: Date; publishedAt: Date | null; archivedAt: Date | null }): KullForTransfer {
  return {
    id: row.id,
    programmeId: row.programmeId,
    name: row.name,
    startsOn: isoDate(row.startsOn),
    endsOn: isoDate(row.endsOn),
    published: row.publishedAt !== null,
    archived: row.archivedAt !== null,
  };
}

/** The places a kull has in use: admission's count (offers, transfers in) or its students, whichever is more. */
export async function placesInUse(client: Client, cohortId: string): Promise<number> {
  const tx = client as Transaction;
  const [admission, students] = await inOrder(
    () => placesTaken(tx, cohortId),
    () => tx.enrolment.count({ where: { cohortId, status: { in: [...IN_KULL] } } }),
  );
  return Math.max(admission, students);
}

/** A kull's plan: samlinger in number order, each with its days in date order. */
async function planOf(client: Client, cohortId: string): Promise<PlanSamling[]> {
  const rows = await (client as Transaction).cohortSamling.findMany({
    where: { cohortId },
    orderBy: { number: "asc" },
    select: { number: true, samling: { select: { title: true, days: { orderBy: { date: "asc" }, select: { id: true, date: true } } } } },
  });
  return rows.map((row) => ({ number: row.number, title: row.samling.title, days: row.samling.days.map((d) => ({ id: d.id, date: isoDate(d.date) })) }));
}

async function presentDays(client: Client, enrolmentId: string) {
  const rows = await (client as Transaction).attendance.findMany({ where: { enrolmentId, status: "PRESENT" }, select: { id: true, samlingDayId: true } });
  return new Map(rows.map((row) => [row.samlingDayId, row.id]));
}

// ─── The form ───────────────────────────────────────────────────────────────────────────────────

/** A registration that used an attempt: graded, or «ikke møtt». */
const USED_ATTEMPT = { OR: [{ grade: { not: null } }, { status: "NOT_ATTENDED" as const }] };

/**
 * What the transfer form needs: the student's kull, the later kull of the same programme (with
 * free places), and — for the chosen one — each required item with the proposed credit and the
 * approved work that may be chosen instead, and the corresponding samlinger with the days that
 * would be credited.
 */
export async function getTransferPlan(viewer: Viewer, input: { enrolmentId: string; toCohortId: string | null }, now = new Date()) {
  requireAdviser(viewer);
  const today = osloDate(now);
  const enrolment = await db().enrolment.findUnique({
    where: { id: input.enrolmentId },
    select: { id: true, status: true, userId: true, user: { select: { name: true, email: true } }, cohort: { select: KULL_SELECT } },
  });
  if (!enrolment) throw new NotFoundError(ENROLMENT_NOT_FOUND);
  const from = kull(enrolment.cohort);
  const later = await db().cohort.findMany({
    where: { programmeId: from.programmeId, startsOn: { gt: enrolment.cohort.startsOn }, endsOn: { gte: day(today) }, publishedAt: { not: null }, archivedAt: null },
    orderBy: { startsOn: "asc" },
    select: KULL_SELECT,
  });
  const candidates = await Promise.all(
    later.map(async (row) => {
      const used = await placesInUse(db(), row.id);
      return { id: row.id, name: row.name, startsOn: isoDate(row.startsOn), endsOn: isoDate(row.endsOn), capacity: row.capacity, placesLeft: Math.max(0, row.capacity - used) };
    }),
  );
  const attempts = await db().examRegistration.count({ where: { enrolmentId: enrolment.id, ...USED_ATTEMPT } });
  // Her own place: a colleague transfers her (lockEnrolmentToDecide refuses it), so no form.
  const problem = isOwnCase(viewer, [enrolment.userId])
    ? OWN_CASE_MESSAGE
    : (enrolmentChangeProblem("TRANSFER", enrolment.status) ?? transferExamProblem(attempts));
  const chosen = input.toCohortId ? later.find((row) => row.id === input.toCohortId) ?? null : null;
  if (input.toCohortId && !chosen) throw new NotFoundError("Fant ikke kullet studenten kan overføres til.");
  let target = null;
  if (chosen) {
    const [sources, targets, oldPlan, newPlan, present] = await Promise.all([
      sourcesOf(db(), enrolment.userId, chosen.id),
      targetsOf(db(), chosen.id),
      planOf(db(), from.id),
      planOf(db(), chosen.id),
      presentDays(db(), enrolment.id),
    ]);
    const proposal = proposeArbeidskravCredits(sources, targets);
    // Work still waiting for its assessment there counts here when approved (as long as «Ingen» is chosen for its item).
    const awaited = awaitedCredits(sources, targets, proposal);
    const corresponding = correspondingSamlinger(oldPlan, newPlan);
    const approved = sources.filter((source) => source.status === "APPROVED" && source.required);
    target = {
      cohort: { id: chosen.id, name: chosen.name, startsOn: isoDate(chosen.startsOn), endsOn: isoDate(chosen.endsOn) },
      // A full kull takes nobody: the transfer would be refused (a transfer takes a place).
      problem: transferTargetProblem(from, kull(chosen), today) ?? (candidates.find((row) => row.id === chosen.id)!.placesLeft === 0 ? COHORT_FULL_MESSAGE : null),
      arbeidskrav: targets
        .filter((item) => item.required)
        .map((item) => ({
          ...item,
          proposed: proposal.find((choice) => choice.targetId === item.arbeidskravId)?.sourceSubmissionId ?? null,
          awaiting: awaited
            .filter((choice) => choice.targetId === item.arbeidskravId)
            .map((choice) => sources.find((source) => source.submissionId === choice.sourceSubmissionId)!)
            .map((source) => `${source.title} i ${source.cohortName}`)[0] ?? null,
          // Only work the rules allow for this item (creditProblem): the server refuses the rest.
          options: approved
            .filter((source) => creditProblem(source, item) === null)
            .map((source) => ({ submissionId: source.submissionId, label: `${source.title}, ${source.cohortName}${source.groupSize > 1 ? " (gruppe)" : ""}${source.oralPresentation ? " (muntlig)" : ""}` })),
        })),
      samlinger: attendanceCreditSummary(corresponding, new Set(present.keys())),
      unmatchedSamlinger: newPlan.filter((samling) => !corresponding.some((row) => row.number === samling.number)).map((samling) => samling.number),
    };
  }
  return {
    student: { userId: enrolment.userId, name: enrolment.user.name, email: enrolment.user.email },
    from: { enrolmentId: enrolment.id, status: enrolment.status, cohort: { id: from.id, name: from.name, code: enrolment.cohort.code, startsOn: from.startsOn } },
    problem,
    candidates,
    target,
  };
}

export type TransferPlan = Awaited<ReturnType<typeof getTransferPlan>>;

// ─── The transfer ───────────────────────────────────────────────────────────────────────────────

export interface TransferInput {
  enrolmentId: string;
  toCohortId: string;
  /** The adviser's choice: which approved submission is credited to which required item. */
  credits: readonly ArbeidskravCreditChoice[];
  /** The corresponding samlinger (by number) whose attended days are credited. */
  samlinger: readonly number[];
}

export async function transferStudent(viewer: Viewer, input: TransferInput, now = new Date()) {
  requireAdviser(viewer);
  const today = osloDate(now);
  const result = await withRetry(() => db().$transaction(
    async (tx) => {
      // Her submissions in other kull are held (FOR SHARE) until the transfer commits, and first,
      // in the order an assessment takes its locks (the submission, then her enrolment for the
      // letter): an assessment or correction of one (FOR UPDATE in lockAttempts) either finished
      // before, and is read here, or waits and then finds the credit and her new enrolment
      // (credits.ts). Never a credit on a stale status, and no deadlock between the two.
      const mover = await tx.enrolment.findUnique({ where: { id: input.enrolmentId }, select: { userId: true } });
      if (mover) {
        await tx.$queryRaw`
          SELECT s."id" FROM "Submission" s
          JOIN "SubmissionMember" m ON m."submissionId" = s."id"
          JOIN "Enrolment" e ON e."id" = m."enrolmentId"
          WHERE e."userId" = ${mover.userId} AND e."cohortId" <> ${input.toCohortId}
          ORDER BY s."id"
          FOR SHARE OF s`;
      }
      const old = await lockEnrolmentToDecide(tx, viewer, input.enrolmentId, input.toCohortId);
      const problem = enrolmentChangeProblem("TRANSFER", old.status);
      if (problem) throw new DomainError(problem);
      const examProblem = transferExamProblem(await tx.examRegistration.count({ where: { enrolmentId: old.id, ...USED_ATTEMPT } }));
      if (examProblem) throw new DomainError(examProblem);
      const [fromRow, toRow] = await inOrder(
        () => tx.cohort.findUniqueOrThrow({ where: { id: old.cohortId }, select: KULL_SELECT }),
        () => tx.cohort.findUnique({ where: { id: input.toCohortId }, select: KULL_SELECT }),
      );
      if (!toRow) throw new DomainError("Fant ikke kullet.", { toCohortId: ["Velg et kull fra listen."] });
      const targetProblem = transferTargetProblem(kull(fromRow), kull(toRow), today);
      if (targetProblem) throw new DomainError(targetProblem, { toCohortId: [targetProblem] });
      const existing = await tx.enrolment.findUnique({ where: { userId_cohortId: { userId: old.userId, cohortId: toRow.id } }, select: { id: true } });
      if (existing) {
        const message = `Studenten har allerede en plass i ${toRow.name}.`;
        throw new DomainError(message, { toCohortId: [message] });
      }

      // The credits, checked against the sources and targets as they are now (held since the start).
      const [sources, targets, oldPlan, newPlan, present] = await inOrder(
        () => sourcesOf(tx, old.userId, toRow.id),
        () => targetsOf(tx, toRow.id),
        () => planOf(tx, fromRow.id),
        () => planOf(tx, toRow.id),
        () => presentDays(tx, old.id),
      );
      const creditProblems = arbeidskravCreditProblems(input.credits, sources, targets);
      if (Object.keys(creditProblems).length > 0) {
        throw new DomainError(
          "Noe av det som skal godkjennes, går ikke. Se arbeidskravene som er merket.",
          Object.fromEntries(Object.entries(creditProblems).map(([targetId, message]) => [`credit_${targetId}`, [message]])),
        );
      }
      const corresponding = correspondingSamlinger(oldPlan, newPlan);
      const unknown = input.samlinger.filter((number) => !corresponding.some((row) => row.number === number));
      if (unknown.length > 0) {
        throw new DomainError(`Samling ${unknown.join(", ")} i ${toRow.name} svarer ikke til en samling i ${fromRow.name} og kan ikke godkjennes.`, {
          samlinger: ["Velg bare samlinger som svarer til hverandre."],
        });
      }
      const dayCredits = attendanceCredits(corresponding, new Set(present.keys()), input.samlinger);

      // A place in the new kull (its row locked since lockEnrolmentToDecide; placesTaken and the triggers agree).
      const locked = await lockCohort(tx, toRow.id);
      if ((await placesInUse(tx, toRow.id)) >= locked.capacity) throw new DomainError(COHORT_FULL_MESSAGE, { toCohortId: [COHORT_FULL_MESSAGE] });

      // The old enrolment ends; an open leave ends with it (withdrawn if it has not begun).
      const openLeave = await closeOpenLeave(tx, old.id, viewer.id, today, `Overført til ${toRow.name}`, "STUDENT_TRANSFERRED");
      await tx.enrolment.update({ where: { id: old.id }, data: { status: "TRANSFERRED", endedOn: day(today), endReason: `Overført til ${toRow.name}` } });
      const exam = await withdrawExamRegistration(tx, old.id, viewer.id, `Overført til ${toRow.name}`, { keepBegun: false });
      const place = await givePlaceBack(tx, old, now);
      const created = await tx.enrolment.create({ data: { userId: old.userId, cohortId: toRow.id, transferredFromId: old.id, status: "ACTIVE" }, select: { id: true } });

      for (const credit of input.credits) {
        await tx.arbeidskravCredit.create({
          data: { enrolmentId: created.id, arbeidskravId: credit.targetId, sourceSubmissionId: credit.sourceSubmissionId, creditedById: viewer.id, creditedAt: now },
        });
      }
      for (const credit of dayCredits) {
        await tx.attendanceCredit.create({
          data: { enrolmentId: created.id, samlingDayId: credit.targetDayId, sourceAttendanceId: present.get(credit.sourceDayId)!, creditedById: viewer.id, creditedAt: now },
        });
      }
      const creditRows = await tx.arbeidskravCredit.findMany({ where: { enrolmentId: created.id }, select: { id: true, arbeidskravId: true, sourceSubmissionId: true } });
      const dayRows = await tx.attendanceCredit.findMany({ where: { enrolmentId: created.id }, select: { id: true, samlingDayId: true, sourceAttendanceId: true } });

      await audit(tx, {
        actorId: viewer.id,
        action: "enrolment.transfer",
        entityType: "Enrolment",
        entityId: old.id,
        before: { status: old.status, cohortId: fromRow.id },
        after: {
          status: "TRANSFERRED",
          toCohortId: toRow.id,
          newEnrolmentId: created.id,
          examWithdrawn: exam.withdrawn,
          placeReleased: place.released,
          leaveEnded: openLeave?.leaveId ?? null,
          leave: openLeave?.outcome ?? null,
        },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "enrolment.create",
        entityType: "Enrolment",
        entityId: created.id,
        before: null,
        after: { cohortId: toRow.id, status: "ACTIVE", transferredFromId: old.id, arbeidskravCredits: creditRows.length, attendanceCredits: dayRows.length },
      });
      await auditMany(tx, [
        ...creditRows.map((row) => ({
          actorId: viewer.id,
          action: "credit.arbeidskrav" as const,
          entityType: "ArbeidskravCredit" as const,
          entityId: row.id,
          after: { enrolmentId: created.id, arbeidskravId: row.arbeidskravId, sourceSubmissionId: row.sourceSubmissionId },
        })),
        ...dayRows.map((row) => ({
          actorId: viewer.id,
          action: "credit.attendance" as const,
          entityType: "AttendanceCredit" as const,
          entityId: row.id,
          after: { enrolmentId: created.id, samlingDayId: row.samlingDayId, sourceAttendanceId: row.sourceAttendanceId },
        })),
      ]);

      const targetById = new Map(targets.map((item) => [item.arbeidskravId, item]));
      const sourceById = new Map(sources.map((item) => [item.submissionId, item]));
      const creditedIds = new Set(input.credits.map((credit) => credit.targetId));
      // Work still waiting for its assessment in the old kull counts here when it is approved there (credits.ts).
      const awaited = awaitedCredits(sources, targets, input.credits);
      // The first day she is expected at: from today on, and not one credited from the earlier kull.
      const creditedDays = new Set(dayCredits.map((credit) => credit.targetDayId));
      const firstDay =
        newPlan
          .flatMap((samling) => samling.days)
          .filter((d) => !creditedDays.has(d.id))
          .map((d) => d.date)
          .filter((date) => compareIsoDates(date, today) >= 0)
          .sort(compareIsoDates)[0] ?? null;
      const creditedSamlinger = [...new Set(dayCredits.map((credit) => corresponding.find((row) => row.to.days.some((d) => d.id === credit.targetDayId))!.number))].sort((a, b) => a - b);
      const letter = await issueStudentLetter(tx, {
        enrolmentId: created.id,
        facts: {
          kind: "TRANSFER_CONFIRMED",
          fromCohortName: fromRow.name,
          credited: input.credits.map((credit) => {
            const source = sourceById.get(credit.sourceSubmissionId)!;
            return { title: targetById.get(credit.targetId)!.title, from: `${source.title} i ${source.cohortName}` };
          }),
          remaining: targets.filter((item) => item.required && !creditedIds.has(item.arbeidskravId) && !awaited.some((choice) => choice.targetId === item.arbeidskravId)).map((item) => item.title),
          awaited: awaited.map((choice) => {
            const source = sourceById.get(choice.sourceSubmissionId)!;
            return { title: targetById.get(choice.targetId)!.title, from: `${source.title} i ${source.cohortName}` };
          }),
          attendance: { days: dayCredits.length, samlinger: creditedSamlinger },
          firstDay,
        },
        decidedBy: await signer(tx, viewer, toRow.id),
        about: { type: "Enrolment", id: created.id },
        now,
      });
      await refreshStandings(
        tx,
        { cohortId: toRow.id, enrolmentIds: [created.id] },
        { actorId: viewer.id, cause: `Overført fra ${fromRow.name} ${formatDateNb(today)}`, now },
      );
      return { enrolmentId: created.id, letterId: letter.id, credited: creditRows.length, creditedDays: dayRows.length, placeReleased: place.released, toCohortName: toRow.name };
    },
    LOCKING_TRANSACTION,
  ));
  await requestJob("mail.deliver");
  if (result.placeReleased) await requestJob("admission.waitlist");
  return result;
}
