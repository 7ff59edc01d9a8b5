import "server-only";
// The klageinstans's decision on a klage we sent it (Den sentrale klagenemnda ved NTNU;
// forvaltningsloven § 34), registered from its letter: one piece for an applicant's klage
// (lib/server/admission/appeals.ts) and a student's (lib/server/student-letters/appeals.ts). Each
// of them locks its klage, checks who may, and carries out a reversal its own way; this writes the
// decision, audits it, and opens a quashed klage again.
import { osloDate } from "@/lib/domain/application-deadline";
import { appealsBodyCorrectionBar, appealsBodyDecisionProblem, appealsBodyStanding, type AppealsBodyOutcome } from "@/lib/domain/klage";
import { day } from "@/lib/dates";
import type { Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit, auditMany } from "@/lib/server/audit";
import type { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { isoDate } from "@/lib/to-domain";
import { APPEALS_BODY_DECISION_INVALID } from "@/lib/validation/klage";

export interface AppealsBodyDecisionInput {
  outcome: AppealsBodyOutcome;
  /** The day of the klagenemnd's decision ("YYYY-MM-DD"). */
  decidedOn: string;
  /** Its case number, if its letter gives one. */
  reference: string | null;
  /** Its grounds in short, from its letter. */
  summary: string;
}

export type KlageRef = { type: "Appeal" | "StudentAppeal"; id: string; status: string; forwardedAt: Date | null };

/** The message when a klage is not (or no longer) waiting for the klagenemnd. */
export const NOT_AT_APPEALS_BODY = "Klagen er ikke sendt til klagenemnda, eller klagenemndas vedtak er allerede registrert. Last siden på nytt.";

/**
 * The klagenemnd's decision, for the klage's current sending: only a klage upheld and sent, once
 * (also the database's unique index), dated on or after the day it was sent and not after today.
 * A quashed klage is opened again (RECEIVED, its decision here cleared; the audit log keeps it),
 * to be decided anew. The caller has locked the klage's row.
 */
export async function recordAppealsBodyDecision(tx: Transaction, klage: KlageRef, input: AppealsBodyDecisionInput, actorId: string, now: Date): Promise<{ id: string }> {
  if (klage.status !== "UPHELD" || !klage.forwardedAt) throw new DomainError(NOT_AT_APPEALS_BODY);
  const where = klage.type === "Appeal" ? { appealId: klage.id } : { studentAppealId: klage.id };
  const already = await tx.appealsBodyDecision.findFirst({ where: { ...where, forwardedAt: klage.forwardedAt }, select: { id: true } });
  if (already) throw new DomainError(NOT_AT_APPEALS_BODY);
  const problem = appealsBodyDecisionProblem({ decidedOn: input.decidedOn, forwardedOn: osloDate(klage.forwardedAt), today: osloDate(now) });
  // The summary says what to do; the field says what is wrong (and the form's hint gives the day sent).
  if (problem) throw new DomainError(APPEALS_BODY_DECISION_INVALID, { decidedOn: [problem] });
  const summary = input.summary.trim();
  const reference = input.reference?.trim() || null;
  const row = await tx.appealsBodyDecision.create({
    data: { ...where, forwardedAt: klage.forwardedAt, outcome: input.outcome, decidedOn: day(input.decidedOn), reference, summary, registeredById: actorId, registeredAt: now },
    select: { id: true },
  });
  if (input.outcome === "QUASHED") {
    const reopened = { status: "RECEIVED" as const, grounds: null, decidedById: null, decidedAt: null, forwardedAt: null };
    if (klage.type === "Appeal") {
      // One waiting klage per decision (the database's partial unique index): never two at once.
      const decision = await tx.appeal.findUniqueOrThrow({ where: { id: klage.id }, select: { decisionId: true } });
      const waiting = await tx.appeal.count({ where: { decisionId: decision.decisionId, status: "RECEIVED" } });
      if (waiting > 0) throw new DomainError("Søkeren har en annen klage på det samme vedtaket som venter. Avgjør den først.");
      await tx.appeal.update({ where: { id: klage.id }, data: { ...reopened, partly: false } });
    } else {
      await tx.studentAppeal.update({ where: { id: klage.id }, data: { ...reopened, outcomeLetterId: null } });
    }
  }
  await audit(tx, {
    actorId,
    action: "appeals_body.decision",
    entityType: klage.type,
    entityId: klage.id,
    before: { status: klage.status, forwardedAt: klage.forwardedAt },
    after: {
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      reference,
      summary,
      decisionId: row.id,
      ...(input.outcome === "QUASHED" ? { status: "RECEIVED", reopened: true } : {}),
    },
  });
  return row;
}

/**
 * Carries out the klagenemnd's reversal, or, when it cannot be done here, keeps the decision all
 * the same with why (AppealsBodyDecision.notCarriedOut, audited) for someone to follow up: the
 * decision binds us and is registered whatever happened since (she was offered a place another
 * way, the attempt was approved since, the kull is completed …); a `moot` one (nothing is left to
 * do) needs no follow-up. `carry` runs under a savepoint,
 * so what it wrote before it refused is undone; only a DomainError (a reason in words) is kept so,
 * anything else ends the transaction as usual.
 */
export async function carryOutAppealsBodyDecision<T>(
  tx: Transaction,
  decision: { id: string; klage: { type: "Appeal" | "StudentAppeal"; id: string } },
  actorId: string,
  carry: () => Promise<T | { notCarriedOut: string; moot?: boolean }>,
): Promise<{ carried: true; value: T } | { carried: false; reason: string }> {
  await tx.$executeRaw`SAVEPOINT appeals_body_carry_out`;
  let outcome: T | { notCarriedOut: string; moot?: boolean };
  try {
    outcome = await carry();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT appeals_body_carry_out`;
    outcome = { notCarriedOut: error.message };
  }
  await tx.$executeRaw`RELEASE SAVEPOINT appeals_body_carry_out`;
  if (typeof outcome === "object" && outcome !== null && "notCarriedOut" in outcome) {
    const reason = outcome.notCarriedOut;
    // Moot (she already has what the klagenemnd gave her, or has withdrawn): nothing for anyone
    // to follow up, so it is followed up here and now, saying so.
    const moot = "moot" in outcome && outcome.moot === true;
    await tx.appealsBodyDecision.update({
      where: { id: decision.id },
      data: { notCarriedOut: reason, ...(moot ? { followedUpAt: new Date(), followedUpById: actorId, followUpNote: `Ingenting å gjennomføre: ${reason}` } : {}) },
    });
    await audit(tx, {
      actorId,
      action: "appeals_body.not_carried_out",
      entityType: decision.klage.type,
      entityId: decision.klage.id,
      after: { decisionId: decision.id, notCarriedOut: reason },
    });
    return { carried: false, reason };
  }
  return { carried: true, value: outcome as T };
}

/** Why a klage's follow-up cannot be registered. */
export const NOTHING_TO_FOLLOW_UP = "Klagen har ikke et vedtak fra klagenemnda som venter på oppfølging. Last siden på nytt.";

/**
 * Marks the klagenemnd's reversal that could not be carried out here as followed up: what was
 * done instead (she got a place in a later kull, the leave was registered by hand …), by whom and
 * when, audited. Until then the klage stays on the open klager list. The caller has locked the
 * klage's row and checked who may.
 */
export async function recordAppealsBodyFollowUp(tx: Transaction, klage: { type: "Appeal" | "StudentAppeal"; id: string }, note: string, actorId: string, now: Date) {
  const where = klage.type === "Appeal" ? { appealId: klage.id } : { studentAppealId: klage.id };
  const latest = await tx.appealsBodyDecision.findFirst({ where, orderBy: { registeredAt: "desc" }, select: { id: true, notCarriedOut: true, followedUpAt: true } });
  if (!latest?.notCarriedOut || latest.followedUpAt) throw new DomainError(NOTHING_TO_FOLLOW_UP);
  const followUpNote = note.trim();
  await tx.appealsBodyDecision.update({ where: { id: latest.id }, data: { followedUpAt: now, followedUpById: actorId, followUpNote } });
  await audit(tx, {
    actorId,
    action: "appeals_body.follow_up",
    entityType: klage.type,
    entityId: klage.id,
    before: { decisionId: latest.id, notCarriedOut: latest.notCarriedOut, followedUp: false },
    after: { followedUpAt: now, followUpNote },
  });
}

/** A klagenemnd's decision as the klager's pages show it. */
export const APPEALS_BODY_DECISION_SELECT = {
  forwardedAt: true,
  outcome: true,
  decidedOn: true,
  reference: true,
  summary: true,
  notCarriedOut: true,
  followedUpAt: true,
  followUpNote: true,
  followedUpBy: { select: { name: true } },
  registeredAt: true,
  registeredBy: { select: { name: true } },
} satisfies Prisma.AppealsBodyDecisionSelect;

/**
 * The klager on any letter about a decision (every member's, for a group's assessment), or about
 * a StudentAppeal (the avvisning of such a klage), with the klagenemnd's decisions (newest first).
 */
async function klagerOnDecision(client: Transaction | ReturnType<typeof db>, about: { type: "SubmissionAttempt" | "ExamRegistration" | "StudentAppeal"; id: string | string[] }) {
  const klager = await (client as Transaction).studentAppeal.findMany({
    where: { letter: { aboutType: about.type, aboutId: typeof about.id === "string" ? about.id : { in: about.id } } },
    select: {
      id: true,
      enrolmentId: true,
      status: true,
      forwardedAt: true,
      decisionChangedAt: true,
      appealsBodyDecisions: { orderBy: { registeredAt: "desc" }, select: { forwardedAt: true, outcome: true, decidedOn: true, reference: true } },
    },
  });
  return klager.map((klage) => ({ ...klage, decisions: klage.appealsBodyDecisions.map((decision) => ({ ...decision, decidedOn: isoDate(decision.decidedOn) })) }));
}

/**
 * Why the klagenemnd bars correcting the assessment of `attemptId` to `to` (appealsBodyCorrectionBar),
 * from the klager on any member's letter about it, or null.
 */
export async function appealsBodyBarOnCorrection(client: Transaction | ReturnType<typeof db>, attemptId: string, to: "APPROVED" | "NOT_APPROVED"): Promise<string | null> {
  return appealsBodyCorrectionBar(await klagerOnDecision(client, { type: "SubmissionAttempt", id: attemptId }), to);
}

/**
 * A decision was changed here in the student's favour (an assessment approved, a refused student
 * registered for the exam) while klager in its case wait at the klagenemnd: each is marked
 * (StudentAppeal.decisionChangedAt, audited), so the klager list asks the study administration to
 * tell the klagenemnd (appealsBodyToBeTold). A klage on the decision itself, or on the avvisning
 * of a late klage on it (the klagenemnd has the case all the same). Returns the enrolments whose
 * klage waits there, so each student's letter that the decision changed can say where it stands.
 */
export async function markDecisionChangedAtAppealsBody(
  tx: Transaction,
  about: { type: "SubmissionAttempt" | "ExamRegistration"; id: string },
  actorId: string,
  now: Date,
): Promise<Set<string>> {
  const onDecision = await klagerOnDecision(tx, about);
  // A late klage avvist: the klage on its avvisning letter (one more statement, only then).
  const dismissed = onDecision.filter((klage) => klage.status === "DISMISSED").map((klage) => klage.id);
  const onDismissals = dismissed.length > 0 ? await klagerOnDecision(tx, { type: "StudentAppeal", id: dismissed }) : [];
  const waiting = [...onDecision, ...onDismissals].filter((klage) => appealsBodyStanding(klage, klage.decisions).waiting);
  // Changed again after an earlier change (back and forth): the first change is what it is to be told of.
  const unmarked = waiting.filter((klage) => klage.decisionChangedAt === null);
  if (unmarked.length > 0) {
    await tx.studentAppeal.updateMany({ where: { id: { in: unmarked.map((klage) => klage.id) } }, data: { decisionChangedAt: now } });
    await auditMany(
      tx,
      unmarked.map((klage) => ({
        actorId,
        action: "student_appeal.decision_changed",
        entityType: "StudentAppeal",
        entityId: klage.id,
        before: { decisionChangedAt: null },
        after: { decisionChangedAt: now, aboutType: about.type, aboutId: about.id },
      })),
    );
  }
  return new Set(waiting.map((klage) => klage.enrolmentId));
}
