import "server-only";
// The cohort's places and the admission calendar, read by every use case that decides: the
// cohort row locked (places are given one at a time), the places taken, and the two dates that
// say what may be decided now: the application deadline (nothing before it is over) and the day
// the waiting list closes.
import { decisionsBeforeDeadlineProblem, isWaitlistClosed, waitlistClosingDate } from "@/lib/domain/admission-decisions";
import { day } from "@/lib/dates";
import type { Database, Transaction } from "@/lib/db/client";
import { IN_KULL } from "@/lib/domain/enrolment";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { isoDate } from "@/lib/to-domain";

export interface LockedCohort {
  id: string;
  capacity: number;
  offerAnswerDeadline: Date;
  applicationDeadline: Date;
  waitlistClosesOn: Date | null;
  startsOn: Date;
  completedAt: Date | null;
}

/** Locks the cohort row for the rest of the transaction: places are given one at a time. */
export async function lockCohort(tx: Transaction, cohortId: string): Promise<LockedCohort> {
  const rows = await tx.$queryRaw<LockedCohort[]>`
    SELECT "id", "capacity", "offerAnswerDeadline", "applicationDeadline", "waitlistClosesOn", "startsOn", "completedAt"
    FROM "Cohort" WHERE "id" = ${cohortId} FOR UPDATE`;
  const cohort = rows[0];
  if (!cohort) throw new NotFoundError("Fant ikke kullet.");
  return cohort;
}

/**
 * The places taken: open offers, accepted ones whose student has not given the place back, and
 * students transferred in from an earlier kull (a transfer counts toward the kull's places). A
 * student who leaves before the waiting list closes gives the place back (Enrolment.placeReleasedAt,
 * lib/server/enrolments/places.ts); after that day the place stays taken. The capacity trigger
 * (migration *_enrolment_changes_leave_transfer_credits) counts the same.
 */
export async function placesTaken(client: Transaction | Database, cohortId: string): Promise<number> {
  const tx = client as Transaction;
  const offers = await tx.decision.count({
    where: {
      application: { cohortId },
      outcome: "OFFER",
      OR: [{ answer: null }, { answer: "ACCEPTED", application: { OR: [{ enrolment: { is: null } }, { enrolment: { is: { placeReleasedAt: null } } }] } }],
    },
  });
  const transfers = await tx.enrolment.count({ where: { cohortId, transferredFromId: { not: null }, placeReleasedAt: null } });
  return offers + transfers;
}

/**
 * The fewest places the kull may be given now: what either capacity trigger counts, the places
 * taken (open offers too: an offer is a decision the applicant may rely on, and only a reversal
 * under forvaltningsloven § 35 takes it back, never a smaller number) and the students in the
 * kull (active, on leave, completed).
 */
/** The decisions on a cohort's waiting list now: applicants who withdrew have left it. */
export function onWaitlist(cohortId: string) {
  return { application: { cohortId, status: { not: "WITHDRAWN" as const } }, outcome: "WAITLIST" as const };
}

/** How many are on the cohort's waiting list now. */
export function waitlistLength(client: Transaction | Database, cohortId: string): Promise<number> {
  return client.decision.count({ where: onWaitlist(cohortId) });
}

export async function placesFloor(client: Transaction | Database, cohortId: string): Promise<number> {
  const tx = client as Transaction;
  const taken = await placesTaken(tx, cohortId);
  const inKull = await tx.enrolment.count({ where: { cohortId, status: { in: [...IN_KULL] } } });
  return Math.max(taken, inKull);
}

/** Refuses every decision and offer until the application deadline is over (Oslo). */
export function assertDecisionsOpen(cohort: { applicationDeadline: Date }, now: Date): void {
  const problem = decisionsBeforeDeadlineProblem(isoDate(cohort.applicationDeadline), now);
  if (problem) throw new DomainError(problem);
}

/** The day the cohort's waiting list closes: its own date, else the first samling day, else startsOn. */
export async function waitlistClosingDateOf(
  client: Transaction | Database,
  cohort: { id: string; waitlistClosesOn: Date | null; startsOn: Date },
): Promise<string> {
  if (cohort.waitlistClosesOn) return isoDate(cohort.waitlistClosesOn);
  const first = await (client as Transaction).samlingDay.findFirst({
    where: { samling: { cohorts: { some: { cohortId: cohort.id } } } },
    orderBy: { date: "asc" },
    select: { date: true },
  });
  return waitlistClosingDate({ waitlistClosesOn: null, startsOn: isoDate(cohort.startsOn), samlingDays: first ? [isoDate(first.date)] : [] });
}

/**
 * Keeps the day the waiting list closed on the kull once it has come, under the kull's lock, where
 * anyone is refused as «ventelisten er stengt» (the job closing the list, a round of decisions).
 * By default the day is read from the plan (the first samling day): a plan changed afterwards
 * must not open a list whose applicants were told it had closed.
 */
export async function keepClosingDay(tx: Transaction, cohort: Pick<LockedCohort, "id" | "waitlistClosesOn">, closesOn: string, now: Date): Promise<void> {
  if (cohort.waitlistClosesOn === null && isWaitlistClosed(closesOn, now)) {
    await tx.cohort.update({ where: { id: cohort.id }, data: { waitlistClosesOn: day(closesOn) } });
  }
}

/** The short grounds stored on a decision (the letter has them in full). */
export const GROUNDS = {
  OFFER: "Oppfyller opptakskravene og er rangert innenfor antall studieplasser.",
  WAITLIST: "Oppfyller opptakskravene, men er rangert utenfor antall studieplasser.",
  NOT_QUALIFIED: "Oppfyller ikke opptakskravene.",
  LIST_CLOSED: "Oppfyller opptakskravene, men alle plassene er fordelt og ventelisten er stengt.",
} as const;
