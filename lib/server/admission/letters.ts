import "server-only";
// Issuing a decision letter: composed by lib/domain/decision-letter.ts from the facts, stored as
// a new version (never changed afterwards), made available in the portal today, and e-mailed
// through the mail queue with the letter's id as dedupe key (so a retry never mails it twice).
import { explainRankingPlace, type PriorityCategory, type RankingCandidate, type RankingResult } from "@/lib/domain/admission";
import { osloDate } from "@/lib/domain/application-deadline";
import { CASE_REFERENCE_PENDING, formatCaseReference } from "@/lib/domain/case-reference";
import { composeDecisionLetter, letterAsText, type LetterInput, type LetterKind, type WaitlistChangeCause } from "@/lib/domain/decision-letter";
import { formatDateNb } from "@/lib/domain/format";
import { env } from "@/lib/env";
import type { Transaction } from "@/lib/db/client";
import { day } from "@/lib/dates";
import { isoDate } from "@/lib/to-domain";
import { inOrder } from "@/lib/server/in-order";
import { queueMail, queueMails, type QueuedMail } from "@/lib/server/mail";
import { loadReviewSummaries, rankingCandidates, type ReviewSummary } from "./facts";
import type { Ranking } from "./ranking";

import { APPEALS_BODY } from "@/lib/domain/klage";

export { APPEALS_BODY };

export interface LetterContext {
  applicationId: string;
  decisionId: string;
  applicant: { userId: string; name: string; email: string };
  cohort: {
    name: string;
    capacity: number;
    programme: {
      name: string;
      credits: number;
      adviserName: string;
      adviserEmail: string;
      adviserPhone: string;
      offerWelcomeText: string | null;
      offerPracticalText: string | null;
    };
    /** The kull's first samling in its plan, where the study starts (an offer says when). */
    firstSamling: { days: string[]; location: string } | null;
  };
  review: ReviewSummary;
  qualificationGrounds: string | null;
  /** The case's reference number once the decision exists ("2026/00042"), else null. */
  reference: string | null;
  /** The adviser who decided, or the waiting list's own rules (the job: `automatic`). */
  decidedBy: LetterDecider;
  /** For ranked outcomes: the ranking the decision follows. */
  ranking?: {
    candidates: RankingCandidate[];
    result: RankingResult;
    rank: number | null;
    qualifiedCount: number;
    /** The adviser's moves in it, by application id (explainRankingPlace's `moves`). */
    moves?: ReadonlyMap<string, { toRank: number; reason: string }>;
  };
}

export type LetterDecider = { name: string } | { automatic: true };

export interface IssueLetterInput {
  kind: LetterKind;
  afterKlage?: boolean;
  waitlistPosition?: number | null;
  refusalReason?: "NOT_QUALIFIED" | "LIST_CLOSED";
  answerDeadline?: string;
  klage?: LetterInput["klage"];
  /** Waiting-list letters: the day the list closes (WAITLIST_CLOSED: the day it closed). */
  waitlistClosesOn?: string;
  waitlistChange?: { from: number; to: number; cause: WaitlistChangeCause };
  lastWaitlistPosition?: number;
  now: Date;
}

function rankingReasons(context: LetterContext): string[] {
  if (!context.ranking) return [];
  const { candidates, result } = context.ranking;
  const inRanking = [...result.admitted, ...result.waitlist].includes(context.applicationId);
  if (!inRanking) return [];
  return explainRankingPlace(candidates, result, context.applicationId, { includePlacement: false, moves: context.ranking.moves }).reasons;
}

/** The letter's input; `reference` is the decision's (a preview of a letter not yet sent has none). */
export function letterInput(context: LetterContext, input: IssueLetterInput, reference = context.reference): LetterInput {
  return {
    kind: input.kind,
    afterKlage: input.afterKlage,
    reference: reference ?? CASE_REFERENCE_PENDING,
    applicantName: context.applicant.name,
    programmeName: context.cohort.programme.name,
    programmeCredits: context.cohort.programme.credits,
    cohortName: context.cohort.name,
    madeAvailableOn: osloDate(input.now),
    category: { value: context.review.effective.category as PriorityCategory, reasons: context.review.effective.reasons },
    requirements: context.review.checks.map((check) => ({ label: check.label, met: check.met, facts: check.facts })),
    qualificationGrounds: context.qualificationGrounds,
    ranking: context.ranking
      ? {
          rank: context.ranking.rank,
          waitlistPosition: input.waitlistPosition ?? null,
          capacity: context.cohort.capacity,
          qualifiedCount: context.ranking.qualifiedCount,
          reasons: rankingReasons(context),
        }
      : input.waitlistPosition
        ? { rank: null, waitlistPosition: input.waitlistPosition, capacity: context.cohort.capacity, qualifiedCount: 0, reasons: [] }
        : undefined,
    refusalReason: input.refusalReason,
    answerDeadline: input.answerDeadline,
    klage: input.klage,
    waitlistClosesOn: input.waitlistClosesOn,
    waitlistChange: input.waitlistChange,
    lastWaitlistPosition: input.lastWaitlistPosition,
    // The job's letters are signed by the programme's study adviser, who answers for the list's
    // rules; the letter says the decision was made by them (composeDecisionLetter).
    decidedBy:
      "automatic" in context.decidedBy
        ? { name: context.cohort.programme.adviserName, title: "Studieveileder", automatic: true }
        : { name: context.decidedBy.name, title: "Studieveileder" },
    contact: {
      name: context.cohort.programme.adviserName,
      email: context.cohort.programme.adviserEmail,
      phone: context.cohort.programme.adviserPhone,
    },
    appealsBody: APPEALS_BODY,
    offerTexts: { welcome: context.cohort.programme.offerWelcomeText, practical: context.cohort.programme.offerPracticalText },
    firstSamling: context.cohort.firstSamling,
  };
}

const CONTEXT_SELECT = {
  id: true,
  fullName: true,
  qualificationGrounds: true,
  applicant: { select: { id: true, name: true, email: true } },
  decision: { select: { id: true, caseYear: true, caseNumber: true } },
  cohort: {
    select: {
      name: true,
      capacity: true,
      programme: { select: { name: true, credits: true, adviserName: true, adviserEmail: true, adviserPhone: true, offerWelcomeText: true, offerPracticalText: true } },
      samlinger: {
        orderBy: { number: "asc" },
        take: 1,
        select: { samling: { select: { location: true, days: { orderBy: { date: "asc" }, select: { date: true } } } } },
      },
    },
  },
} as const;

export type LoadedLetterContext = Omit<LetterContext, "decisionId"> & { decisionId: string | null };

/**
 * What letters need about each application, in two queries; with a ranking, each ranked
 * applicant's place and its explanation too.
 */
export async function loadLetterContexts(
  tx: Transaction,
  applicationIds: readonly string[],
  decidedBy: LetterDecider,
  ranking?: Ranking,
): Promise<Map<string, LoadedLetterContext>> {
  if (applicationIds.length === 0) return new Map();
  const [rows, reviews] = await inOrder(
    () => tx.application.findMany({ where: { id: { in: [...applicationIds] } }, select: CONTEXT_SELECT }),
    () => loadReviewSummaries(tx, applicationIds),
  );
  const candidates = ranking ? rankingCandidates(ranking.candidates) : [];
  const order = ranking ? ranking.rows.map((row) => row.applicationId) : [];
  const result = ranking ? { admitted: order.slice(0, ranking.places), waitlist: order.slice(ranking.places), rejected: [] } : null;
  const moves = new Map(ranking ? ranking.rows.flatMap((row) => (row.move ? [[row.applicationId, { toRank: row.move.toRank, reason: row.move.reason }] as const] : [])) : []);
  return new Map(
    rows.map((row) => {
      const rank = order.indexOf(row.id);
      return [
        row.id,
        {
          applicationId: row.id,
          decisionId: row.decision?.id ?? null,
          applicant: { userId: row.applicant.id, name: row.fullName ?? row.applicant.name, email: row.applicant.email },
          cohort: {
            name: row.cohort.name,
            capacity: row.cohort.capacity,
            programme: row.cohort.programme,
            firstSamling: row.cohort.samlinger[0]
              ? { days: row.cohort.samlinger[0].samling.days.map((day) => isoDate(day.date)), location: row.cohort.samlinger[0].samling.location }
              : null,
          },
          review: reviews.get(row.id)!,
          qualificationGrounds: row.qualificationGrounds,
          reference: row.decision ? formatCaseReference({ year: row.decision.caseYear, number: row.decision.caseNumber }) : null,
          decidedBy,
          ranking:
            result && rank >= 0 ? { candidates, result, rank: rank + 1, qualifiedCount: candidates.length, moves } : undefined,
        },
      ];
    }),
  );
}

/**
 * Stores the next version of the decision's letter and queues its e-mail, in the caller's
 * transaction. Returns the letter's id.
 */
export async function issueLetter(
  tx: Transaction,
  context: LetterContext,
  input: IssueLetterInput,
  actorId: string | null,
): Promise<{ id: string; version: number }> {
  // The case's reference is the decision's, given by the database when it was made.
  const decision = await tx.decision.findUniqueOrThrow({ where: { id: context.decisionId }, select: { caseYear: true, caseNumber: true } });
  const composed = composeDecisionLetter(letterInput(context, input, formatCaseReference({ year: decision.caseYear, number: decision.caseNumber })));
  const body = letterAsText(composed);
  const previous = await tx.decisionLetter.aggregate({ where: { decisionId: context.decisionId }, _max: { version: true } });
  const version = (previous._max.version ?? 0) + 1;
  const madeAvailableOn = osloDate(input.now);
  const letter = await tx.decisionLetter.create({
    data: {
      decisionId: context.decisionId,
      version,
      kind: input.kind,
      subject: composed.subject,
      body,
      madeAvailableOn: day(madeAvailableOn),
      klageDeadline: composed.klageDeadline ? day(composed.klageDeadline) : null,
      answerDeadline: input.answerDeadline ? day(input.answerDeadline) : null,
      createdById: actorId,
    },
    select: { id: true },
  });
  await tx.decision.update({ where: { id: context.decisionId }, data: { sentAt: input.now } });
  await queueMail(tx, letterMail(context, { id: letter.id, subject: composed.subject, body, madeAvailableOn }));
  return { id: letter.id, version };
}

/** The e-mail that brings a letter: the whole letter, and where to read it and download the PDF. */
function letterMail(context: LetterContext, letter: { id: string; subject: string; body: string; madeAvailableOn: string }): QueuedMail {
  const link = `${env().APP_URL}/soker/soknad/${context.applicationId}`;
  return {
    dedupeKey: `decision-letter:${letter.id}`,
    userId: context.applicant.userId,
    to: context.applicant.email,
    subject: letter.subject,
    text: [
      `Hei ${context.applicant.name},`,
      "",
      `Du har fått et vedtaksbrev i søknadsportalen ${formatDateNb(letter.madeAvailableOn)}. Brevet står i sin helhet nedenfor, og du kan også lese det og laste det ned som PDF her: ${link}`,
      "",
      letter.body,
    ].join("\n"),
  };
}

/**
 * The first letter of each of many decisions made together (a batch of decisions sent at once),
 * in the caller's transaction: the same letters, versions, `sentAt` and e-mails as `issueLetter`
 * for each, in four statements however many there are instead of six per decision (issue 21: 200
 * decisions took 2.4 s, most of it one statement after another). The decisions must be new (made
 * in this transaction, without letters): each letter is version 1. Returns each letter's id, in
 * the order given.
 */
export async function issueFirstLetters(
  tx: Transaction,
  letters: readonly { context: LetterContext; input: IssueLetterInput }[],
  actorId: string | null,
): Promise<{ id: string; version: number }[]> {
  if (letters.length === 0) return [];
  const now = letters[0]!.input.now;
  if (letters.some((letter) => letter.input.now.getTime() !== now.getTime())) throw new RangeError("Letters issued together are made at the same moment");
  const decisionIds = letters.map((letter) => letter.context.decisionId);
  const decisions = await tx.decision.findMany({ where: { id: { in: decisionIds } }, select: { id: true, caseYear: true, caseNumber: true } });
  const caseOf = new Map(decisions.map((decision) => [decision.id, formatCaseReference({ year: decision.caseYear, number: decision.caseNumber })]));
  const madeAvailableOn = osloDate(now);
  const composed = letters.map(({ context, input }) => {
    const letter = composeDecisionLetter(letterInput(context, input, caseOf.get(context.decisionId)!));
    return { letter, body: letterAsText(letter) };
  });
  const created = await tx.decisionLetter.createManyAndReturn({
    data: letters.map(({ context, input }, index) => ({
      decisionId: context.decisionId,
      version: 1,
      kind: input.kind,
      subject: composed[index]!.letter.subject,
      body: composed[index]!.body,
      madeAvailableOn: day(madeAvailableOn),
      klageDeadline: composed[index]!.letter.klageDeadline ? day(composed[index]!.letter.klageDeadline!) : null,
      answerDeadline: input.answerDeadline ? day(input.answerDeadline) : null,
      createdById: actorId,
    })),
    select: { id: true, decisionId: true },
  });
  const letterOf = new Map(created.map((letter) => [letter.decisionId, letter.id]));
  await tx.decision.updateMany({ where: { id: { in: decisionIds } }, data: { sentAt: now } });
  await queueMails(
    tx,
    letters.map(({ context }, index) =>
      letterMail(context, { id: letterOf.get(context.decisionId)!, subject: composed[index]!.letter.subject, body: composed[index]!.body, madeAvailableOn }),
    ),
  );
  return letters.map(({ context }) => ({ id: letterOf.get(context.decisionId)!, version: 1 }));
}
