import "server-only";
// Klage on a student's enkeltvedtak: the student files one per letter, until its klage deadline
// (forvaltningsloven § 29, lib/domain/klage.ts); staff of the cohort see them oldest first. The
// klage is decided by someone other than the one who made the decision (lib/permissions.ts
// canDecideStudentAppeal; a CHECK in the database too): a klage on an arbeidskrav by a member of
// the cohort's teaching team, a klage on admission to the exam by an adviser. It is
//   - reversed: the decision is changed in the student's favour in the room that owns it (the
//     arbeidskrav is approved, lib/server/cohorts/assessment-changes.ts; the student is registered
//     for the exam, lib/server/exams/refusal.ts; utsatt eksamen is granted,
//     lib/server/exams/deferrals.ts; the leave is granted, lib/server/enrolments/leave.ts), with an
//     outcome letter; or
//   - upheld: an outcome letter says the case goes to the appeals body, and it is marked sent
//     (at once or later; the sending happens outside the app).
// Every step is audited, and the letters are mailed in the same transaction.
//
// A group's arbeidskrav is one piece of work: when a member's klage is reversed, the group's
// attempt is approved, so the other members' open klager on it are reversed with it (each with
// their own letter), and members who did not appeal get a letter saying their decision no longer
// stands.
import { osloDate } from "@/lib/domain/application-deadline";
import { formatCaseReference } from "@/lib/domain/case-reference";
import { ARCHIVED_KULL_MESSAGE } from "@/lib/domain/cohort-life";
import { addMonths, compareIsoDates } from "@/lib/domain/dates";
import { leaveKlagePreview } from "@/lib/domain/enrolment";
import { formatDateNb } from "@/lib/domain/format";
import { APPEALS_BODY, appealsBodyDecisionRef, appealsBodyFollowUpDue, appealsBodyStanding, appealsBodyToBeTold, isKlageInTime, klageRegistration, registeredFiledAt } from "@/lib/domain/klage";
import { carriesHealthData, KLAGE_HANDLER, replacedStudentLetters, type StudentLetterKind } from "@/lib/domain/student-letter";
import type { Transaction } from "@/lib/db/client";
import { requestJob } from "@/lib/jobs/queue";
import {
  canDecideStudentAppeal,
  canHandleHealthCases,
  canRegisterAppealsBodyDecision,
  CLASSMATE_HEALTH_MESSAGE,
  hasAnyRole,
  isOwnCase,
  isStaff,
  NOBODY_MAY_DECIDE_MESSAGE,
  OWN_CASE_MESSAGE,
  someoneMayDecideStudentAppeal,
  type AppealDeciderCandidate,
} from "@/lib/permissions";
import { APPEALS_BODY_DECISION_SELECT, appealsBodyBarOnCorrection, carryOutAppealsBodyDecision, recordAppealsBodyDecision, recordAppealsBodyFollowUp, type AppealsBodyDecisionInput } from "@/lib/server/appeals-body";
import { audit } from "@/lib/server/audit";
import { approveAfterKlage } from "@/lib/server/cohorts/assessment-changes";
import { isCohortStaff, isStudentOfKull } from "@/lib/server/cohorts/access";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { db } from "@/lib/server/db";
import { inOrder } from "@/lib/server/in-order";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { grantDeferralAfterKlage } from "@/lib/server/exams/deferrals";
import { grantLeaveAfterKlage, leaveKlageOutcomes } from "@/lib/server/enrolments/leave";
import { admitAfterKlage } from "@/lib/server/exams/refusal";
import { queueMail } from "@/lib/server/mail";
import { LOCKING_TRANSACTION, withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { deciderTitle, enkeltvedtakLettersAbout, issueStudentLetter } from "./issue";

// ─── The student files ──────────────────────────────────────────────────────────────────────────

/** Whether a later letter in the letter's case has replaced it (replacedStudentLetters). */
async function replacedInCase(client: Transaction | ReturnType<typeof db>, letter: { id: string; userId: string; caseYear: number; caseNumber: number }) {
  const inCase = await (client as Transaction).studentLetter.findMany({
    where: { userId: letter.userId, caseYear: letter.caseYear, caseNumber: letter.caseNumber },
    select: { id: true, kind: true, caseNumber: true, decidedAt: true },
  });
  return replacedStudentLetters(inCase.map((row) => ({ ...row, order: row.decidedAt.getTime() }))).has(letter.id);
}

/** The letter a klage is filed on, locked (its enrolment: the letter row is never updated), and checked appealable. */
async function lockAppealableLetter(tx: Transaction, letterId: string, ownerUserId: string | null) {
  // Two klager on one letter at once are decided one after the other (and the unique index has the last word).
  const [letter] = await tx.$queryRaw<
    {
      id: string;
      enrolmentId: string;
      cohortId: string;
      userId: string;
      email: string;
      name: string;
      enkeltvedtak: boolean;
      madeAvailableOn: Date;
      klageDeadline: Date | null;
      decidedById: string;
      subject: string;
      kind: StudentLetterKind;
      aboutType: string;
      aboutId: string;
      caseYear: number;
      caseNumber: number;
    }[]
  >`
    SELECT l."id", l."enrolmentId", e."cohortId", l."userId", u."email", u."name", l."enkeltvedtak", l."madeAvailableOn", l."klageDeadline", l."decidedById", l."subject",
           l."kind"::text AS "kind", l."aboutType", l."aboutId", l."caseYear", l."caseNumber"
    FROM "StudentLetter" l JOIN "Enrolment" e ON e."id" = l."enrolmentId" JOIN "User" u ON u."id" = l."userId"
    WHERE l."id" = ${letterId} AND (${ownerUserId}::text IS NULL OR l."userId" = ${ownerUserId})
    FOR UPDATE OF e`;
  if (!letter) throw new NotFoundError("Fant ikke brevet.");
  if (!letter.enkeltvedtak || !letter.klageDeadline) throw new DomainError("Dette brevet er ikke et vedtak du kan klage på.");
  const existing = await tx.studentAppeal.findUnique({ where: { letterId }, select: { id: true } });
  if (existing) throw new DomainError(ownerUserId ? "Du har allerede klaget på dette vedtaket." : "Det er allerede registrert en klage på dette vedtaket.");
  // The page offers no klage on a decision a later letter in the case replaced (a correction,
  // say): nor does the server, or staff would hold a klage on a decision that no longer stands.
  if (await replacedInCase(tx, letter)) {
    throw new DomainError("Vedtaket gjelder ikke lenger: et senere brev i saken har erstattet det. Se det nyeste brevet under Brev.");
  }
  return { ...letter, klageDeadline: letter.klageDeadline };
}

/** The klage, its audit entry and the receipt to the student: one step for both ways a klage comes in. */
async function recordStudentAppeal(
  tx: Transaction,
  letter: Awaited<ReturnType<typeof lockAppealableLetter>>,
  input: { text: string; filedAt: Date; actor: Viewer; registeredById: string | null; lateReason: string | null },
) {
  const appeal = await tx.studentAppeal.create({
    data: {
      letterId: letter.id,
      letterDecidedById: letter.decidedById,
      enrolmentId: letter.enrolmentId,
      text: input.text,
      filedAt: input.filedAt,
      registeredById: input.registeredById,
      lateReason: input.lateReason,
    },
    select: { id: true },
  });
  const receivedOn = osloDate(input.filedAt);
  await audit(tx, {
    actorId: input.actor.id,
    action: input.registeredById ? "student_appeal.register" : "student_appeal.file",
    entityType: "StudentAppeal",
    entityId: appeal.id,
    after: {
      letterId: letter.id,
      enrolmentId: letter.enrolmentId,
      status: "RECEIVED",
      ...(input.registeredById ? { receivedOn, lateReason: input.lateReason } : {}),
    },
  });
  await queueMail(tx, {
    dedupeKey: `student-appeal-receipt:${appeal.id}`,
    userId: letter.userId,
    to: letter.email,
    subject: "Vi har mottatt klagen din",
    text: [
      `Hei ${letter.name},`,
      "",
      // «Klagen er datert»: the klage's day, not the decision's (a walk read «vedtaket …, datert» as the decision's date).
      input.registeredById
        ? `Vi har registrert klagen din på vedtaket «${letter.subject}». Klagen er datert ${formatDateNb(receivedOn)}. Den behandles av en annen enn den som fattet vedtaket, og du får svar under Brev i studentportalen og på e-post.`
        : `Vi har mottatt klagen din på vedtaket «${letter.subject}» ${formatDateNb(receivedOn)}. Den behandles av en annen enn den som fattet vedtaket, og du får svar under Brev i studentportalen og på e-post.`,
      `Saksnummer: ${formatCaseReference({ year: letter.caseYear, number: letter.caseNumber })}`,
      ...(input.lateReason ? [`Klagen kom etter klagefristen, men vi tar den under behandling (forvaltningsloven § 31): ${input.lateReason}`] : []),
      `Holder vi fast på vedtaket, sender vi klagen til ${APPEALS_BODY} for endelig avgjørelse.`,
    ].join("\n"),
  });
  return appeal.id;
}

function duplicateKlage(error: unknown, message: string): unknown {
  return error instanceof Error && /StudentAppeal_letterId_key|Unique constraint/.test(error.message) ? new DomainError(message) : error;
}

export async function fileStudentAppeal(viewer: Viewer, letterId: string, input: { text: string }, now = new Date()) {
  if (!viewer.roles.includes("STUDENT")) throw new AccessDeniedError();
  const text = input.text.trim();
  try {
    const appealId = await db().$transaction(async (tx) => {
      const letter = await lockAppealableLetter(tx, letterId, viewer.id);
      if (!isKlageInTime(isoDate(letter.madeAvailableOn), osloDate(now))) {
        throw new DomainError(
          `Klagefristen gikk ut ${formatDateNb(isoDate(letter.klageDeadline))}. Kontakt studieveilederen hvis du mener du har en god grunn til å klage for sent.`,
        );
      }
      return recordStudentAppeal(tx, letter, { text, filedAt: now, actor: viewer, registeredById: null, lateReason: null });
    });
    await requestJob("mail.deliver");
    return appealId;
  } catch (error) {
    throw duplicateKlage(error, "Du har allerede klaget på dette vedtaket.");
  }
}

/**
 * A klage that came by e-mail or post (forvaltningsloven § 32 asks only that it is in writing),
 * registered by an adviser on the day it reached us. One that came after the deadline is either
 * taken up with why (§ 31: the student cannot be blamed for the delay, or there are special
 * reasons) or avvist with why (§ 33 andre ledd; always after a year, § 31 third paragraph):
 * klageRegistration. Taken up, it is the same klage as one filed in the portal: the student gets
 * the receipt, and someone other than the decider decides it. Avvist, it is registered as avvist
 * (DISMISSED) at once, and the student gets the avvisning as a letter: an enkeltvedtak of its own
 * (§ 2 third paragraph), in a case of its own, with its own klage right (decideStudentAppeal on
 * that letter; taken, the late klage is opened again: reopenDismissedKlage). The avvisning is made
 * by the adviser who registers it, never by the one who made the decision (a CHECK too).
 */
export async function registerStudentAppeal(
  viewer: Viewer,
  input: { letterId: string; text: string; receivedOn: string; lateReason: string | null; dismissalGrounds?: string | null },
  now = new Date(),
) {
  if (!isStaff(viewer)) throw new AccessDeniedError("Det er studieveilederen som registrerer klager som kommer på e-post eller brev.");
  const text = input.text.trim();
  const today = osloDate(now);
  try {
    const appealId = await db().$transaction(async (tx) => {
      const letter = await lockAppealableLetter(tx, input.letterId, null);
      if (!(await isCohortStaff(viewer, letter.cohortId, tx))) throw new NotFoundError("Fant ikke brevet.");
      // Her own klage she files in the portal as any student; its registration is not hers to make.
      if (isOwnCase(viewer, [letter.userId])) throw new DomainError(OWN_CASE_MESSAGE);
      const registration = klageRegistration({
        receivedOn: input.receivedOn,
        today,
        madeAvailableOn: isoDate(letter.madeAvailableOn),
        lateReason: input.lateReason,
        dismissalGrounds: input.dismissalGrounds ?? null,
      });
      if (!registration.ok) throw new DomainError(registration.message, { [registration.field]: [registration.message] });
      const filedAt = registeredFiledAt(input.receivedOn, now);
      if (registration.dismissed) {
        return dismissLateKlage(tx, letter, { text, filedAt, receivedOn: input.receivedOn, grounds: registration.grounds, yearPassed: registration.yearPassed, adviser: viewer, now });
      }
      return recordStudentAppeal(tx, letter, { text, filedAt, actor: viewer, registeredById: viewer.id, lateReason: registration.lateReason });
    });
    await requestJob("mail.deliver");
    return appealId;
  } catch (error) {
    throw duplicateKlage(error, "Det er allerede registrert en klage på dette vedtaket.");
  }
}

/**
 * A late klage avvist as it is registered: the klage (DISMISSED, with the avvisning's grounds),
 * the KLAGE_DISMISSED letter to the student (mailed with it, issueStudentLetter), and one audit
 * entry. No receipt: the letter is the answer.
 */
async function dismissLateKlage(
  tx: Transaction,
  letter: Awaited<ReturnType<typeof lockAppealableLetter>>,
  input: { text: string; filedAt: Date; receivedOn: string; grounds: string; yearPassed: boolean; adviser: Viewer; now: Date },
) {
  const { adviser } = input;
  if (letter.decidedById === adviser.id) {
    const message = "Du fattet vedtaket selv, og kan ikke avvise klagen på det. En annen studieveileder må registrere og avvise den.";
    throw new DomainError(message, { dismissalGrounds: [message] });
  }
  // An avvisning is a decision on the klage, so made as one (canDecideStudentAppeal, as an
  // adviser's): never by a classmate (forvaltningsloven § 6 andre ledd), whatever it is about.
  const classmate = await isStudentOfKull(adviser, letter.cohortId, tx);
  const access = { handler: "ADVISER" as const, decidedById: letter.decidedById, studentUserId: letter.userId, viewerOnTeachingTeam: false, aboutHealth: true, viewerIsStudentOfKull: classmate };
  if (!canDecideStudentAppeal(adviser, access)) {
    const message = classmate ? CLASSMATE_HEALTH_MESSAGE : "Det er en studieveileder som avviser en klage som kom for sent.";
    throw new DomainError(message, { dismissalGrounds: [message] });
  }
  const appeal = await tx.studentAppeal.create({
    data: { letterId: letter.id, letterDecidedById: letter.decidedById, enrolmentId: letter.enrolmentId, text: input.text, filedAt: input.filedAt, registeredById: adviser.id },
    select: { id: true },
  });
  const arbeidskravTitle = letter.aboutType === "SubmissionAttempt" ? await attemptTitle(tx, letter.aboutId) : null;
  const outcomeLetter = await issueStudentLetter(tx, {
    enrolmentId: letter.enrolmentId,
    facts: {
      kind: "KLAGE_DISMISSED",
      klage: { receivedOn: input.receivedOn, grounds: input.grounds },
      appealed: { subject: letter.subject, madeAvailableOn: isoDate(letter.madeAvailableOn), matter: matterOf(letter.kind, arbeidskravTitle), klageDeadline: isoDate(letter.klageDeadline) },
      yearPassed: input.yearPassed,
    },
    decidedBy: { id: adviser.id, name: adviser.name, title: await deciderTitle(tx, adviser.id, letter.cohortId) },
    about: { type: "StudentAppeal", id: appeal.id },
    now: input.now,
  });
  await tx.studentAppeal.update({
    where: { id: appeal.id },
    data: { status: "DISMISSED", grounds: input.grounds, decidedById: adviser.id, decidedAt: input.now, outcomeLetterId: outcomeLetter.id },
  });
  await audit(tx, {
    actorId: adviser.id,
    action: "student_appeal.dismiss",
    entityType: "StudentAppeal",
    entityId: appeal.id,
    after: { letterId: letter.id, enrolmentId: letter.enrolmentId, status: "DISMISSED", receivedOn: input.receivedOn, grounds: input.grounds, yearPassed: input.yearPassed, outcomeLetterId: outcomeLetter.id },
  });
  return appeal.id;
}

/**
 * A klage on an avvisning taken (here, or by the klagenemnd): the late klage is taken up after
 * all, as if registered with a § 31 reason (the grounds), and waits to be decided on its merits
 * by someone other than the one who made the decision. Returns the outcome letter's sentence.
 */
async function reopenDismissedKlage(tx: Transaction, input: { dismissalLetterId: string; dismissedAppealId: string; grounds: string; byAppealsBody: boolean; decider: Viewer }): Promise<string> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "StudentAppeal" WHERE "id" = ${input.dismissedAppealId} FOR UPDATE`;
  const dismissed = row
    ? await tx.studentAppeal.findUnique({
        where: { id: row.id },
        select: {
          id: true,
          status: true,
          grounds: true,
          filedAt: true,
          outcomeLetterId: true,
          letter: {
            select: {
              id: true,
              userId: true,
              caseYear: true,
              caseNumber: true,
              subject: true,
              madeAvailableOn: true,
              enrolment: { select: { cohort: { select: { archivedAt: true } } } },
            },
          },
        },
      })
    : null;
  if (!dismissed || dismissed.status !== "DISMISSED" || dismissed.outcomeLetterId !== input.dismissalLetterId) {
    throw new DomainError("Klagen som ble avvist, er ikke avvist lenger, så det er ingenting å omgjøre.");
  }
  const { letter } = dismissed;
  if (letter.enrolment.cohort.archivedAt) throw new DomainError(ARCHIVED_KULL_MESSAGE);
  // More than a year after the decision no klage is taken up, whoever asks (§ 31 third paragraph).
  if (compareIsoDates(osloDate(dismissed.filedAt), addMonths(isoDate(letter.madeAvailableOn), 12)) > 0) {
    throw new DomainError("Klagen kom mer enn ett år etter vedtaket, og da kan den ikke tas under behandling (forvaltningsloven § 31 tredje ledd). Avvisningen står.");
  }
  // The decision it was on may have been replaced since (a correction, a group member's klage):
  // then there is nothing left for the klage to be decided on.
  if (await replacedInCase(tx, letter)) {
    throw new DomainError("Vedtaket klagen gjaldt, er erstattet av et senere vedtak i saken, så klagen har ikke lenger noe å ta stilling til.");
  }
  const lateReason = `${input.byAppealsBody ? `${APPEALS_BODY} har omgjort avvisningen` : "Avvisningen er omgjort etter klage"}: ${input.grounds}`;
  await tx.studentAppeal.update({
    where: { id: dismissed.id },
    data: { status: "RECEIVED", grounds: null, decidedById: null, decidedAt: null, outcomeLetterId: null, lateReason },
  });
  await audit(tx, {
    actorId: input.decider.id,
    action: "student_appeal.reopen",
    entityType: "StudentAppeal",
    entityId: dismissed.id,
    before: { status: "DISMISSED", grounds: dismissed.grounds, outcomeLetterId: dismissed.outcomeLetterId },
    after: { status: "RECEIVED", lateReason },
  });
  return `Klagen din på vedtaket «${dismissed.letter.subject}» fra ${formatDateNb(isoDate(dismissed.letter.madeAvailableOn))} blir tatt under behandling, og du får svar på den i et eget brev.`;
}

// ─── Staff read ─────────────────────────────────────────────────────────────────────────────────

const APPEAL_SELECT = {
  id: true,
  text: true,
  filedAt: true,
  status: true,
  grounds: true,
  decidedAt: true,
  forwardedAt: true,
  decidedBy: { select: { name: true } },
  /** A klage that came by e-mail or post: who registered it, and why a late one is taken up. */
  registeredBy: { select: { name: true } },
  lateReason: true,
  enrolment: { select: { id: true, cohortId: true, userId: true, user: { select: { name: true, email: true } } } },
  letter: {
    select: {
      id: true,
      kind: true,
      subject: true,
      body: true,
      madeAvailableOn: true,
      klageDeadline: true,
      decidedById: true,
      decidedBy: { select: { name: true } },
      aboutId: true,
    },
  },
  outcomeLetter: { select: { id: true, subject: true } },
  appealsBodyDecisions: { orderBy: { registeredAt: "desc" }, select: APPEALS_BODY_DECISION_SELECT },
  decisionChangedAt: true,
  appealsBodyToldAt: true,
  appealsBodyToldBy: { select: { name: true } },
} as const;

/** Who handles a klage on this kind, in words for the page ("et annet medlem av undervisningsteamet"). */
export function handlerNb(kind: StudentLetterKind): string {
  return KLAGE_HANDLER[kind] === "ADVISER" ? "en studieveileder" : "en faglærer i kullets undervisningsteam (helst fagansvarlig)";
}

/** To the one whose decision an avvist klage was on, at the klage on the avvisning. */
const FIRST_DECIDER_MESSAGE = "Klagen gjelder avvisningen av en klage på et vedtak du fattet selv, så en annen studieveileder må avgjøre den.";

/** In place of a text that may tell of a student's health, for those who do not handle health cases. */
const HIDDEN_HEALTH = "(Skjult: kan ha helseopplysninger.)";

/**
 * Klager on an avvisning: who made the decision each avvist klage was on (never their decider
 * either: canDecideStudentAppeal's `barredId`), by the avvist klage's id. One statement, only
 * when there is such a klage.
 */
async function firstDecidersOf(appeals: readonly { letter: { kind: StudentLetterKind; aboutId: string } }[]): Promise<Map<string, string>> {
  const dismissedIds = appeals.filter((appeal) => appeal.letter.kind === "KLAGE_DISMISSED").map((appeal) => appeal.letter.aboutId);
  if (dismissedIds.length === 0) return new Map();
  const rows = await db().studentAppeal.findMany({ where: { id: { in: dismissedIds } }, select: { id: true, letterDecidedById: true } });
  return new Map(rows.map((row) => [row.id, row.letterDecidedById]));
}

/** A cohort's klager on student decisions, oldest first (the waiting ones, or all), for its staff. */
export async function listCohortAppeals(viewer: Viewer, cohortId: string, options: { open: boolean }) {
  if (!(await isCohortStaff(viewer, cohortId))) throw new NotFoundError("Fant ikke kullet.");
  const [appeals, team, classmate] = await Promise.all([
    db().studentAppeal.findMany({
      // Open: waiting here, or sent to the klagenemnd and its decision not registered (kept below).
      where: { enrolment: { cohortId }, ...(options.open ? { OR: [{ status: "RECEIVED" as const }, { status: "UPHELD" as const, forwardedAt: { not: null } }] } : {}) },
      // (Sent on includes a reversal by the klagenemnd not carried out here and not followed up: kept below as a task.)
      orderBy: { filedAt: "asc" },
      select: APPEAL_SELECT,
    }),
    db().cohortTeacher.findUnique({ where: { cohortId_userId: { cohortId, userId: viewer.id } }, select: { userId: true } }),
    isStudentOfKull(viewer, cohortId),
  ]);
  // What taking each waiting klage on a refused leave would do now, said before it is decided.
  const leaveIds = appeals.filter((appeal) => appeal.status === "RECEIVED" && appeal.letter.kind === "LEAVE_REFUSED").map((appeal) => appeal.letter.aboutId);
  const leaveOutcomes = await leaveKlageOutcomes(db(), leaveIds, osloDate(new Date()));
  const firstDeciders = await firstDecidersOf(appeals);
  // A waiting klage on «ikke adgang»: the sitting's days, so the decider sees whether it can be
  // decided in time for her to sit it (a walk: its klage deadline was the exam's first day, and
  // nothing said so). One statement, only when there is such a klage.
  const refusals = appeals.filter((appeal) => appeal.status === "RECEIVED" && appeal.letter.kind === "EXAM_ADMISSION_REFUSED");
  // And whether she meets the requirements now, by the rules (as admitAfterKlage decides): then
  // the refusal has lost its ground and the klage is to be taken. Three statements more, after it
  // (one after another: the page holds few pool connections, issue 21).
  const [refusalRows, refusalEligibility] =
    refusals.length > 0
      ? await inOrder(
          () => db().examRegistration.findMany({ where: { id: { in: refusals.map((appeal) => appeal.letter.aboutId) } }, select: { id: true, exam: { select: { startsOn: true, endsOn: true } } } }),
          () => evaluateCohortEligibility(db(), cohortId, { today: osloDate(new Date()), enrolmentIds: refusals.map((appeal) => appeal.enrolment.id) }),
        )
      : [[], null];
  const sittings = new Map(refusalRows.map((row) => [row.id, { startsOn: isoDate(row.exam.startsOn), endsOn: isoDate(row.exam.endsOn) }]));
  const meetsRequirements = (enrolmentId: string) => {
    const evaluated = refusalEligibility?.byEnrolment.get(enrolmentId);
    return evaluated ? evaluated.eligibility.eligible : undefined;
  };
  // Everyone who might decide a waiting klage (few: the staff and faculty accounts), read only
  // when one waits, so the list can say when nobody may (someoneMayDecideStudentAppeal).
  const candidates: AppealDeciderCandidate[] = appeals.some((appeal) => appeal.status === "RECEIVED")
    ? (
        await db().user.findMany({
          where: { disabledAt: null, roles: { hasSome: ["FACULTY", "ADVISER", "ADMIN"] } },
          select: { id: true, roles: true, teaching: { where: { cohortId }, select: { userId: true } }, enrolments: { where: { cohortId }, select: { id: true } } },
        })
      ).map((user) => ({ id: user.id, roles: user.roles, onTeachingTeam: user.teaching.length > 0, studentOfKull: isStaff(user) && user.enrolments.length > 0 }))
    : [];
  const mayReadHealth = canHandleHealthCases(viewer, { viewerIsStudentOfKull: classmate });
  const listed = appeals.map(({ appealsBodyDecisions, ...appeal }) => {
    const handler = KLAGE_HANDLER[appeal.letter.kind]!;
    const standing = appealsBodyStanding(appeal, appealsBodyDecisions);
    const leave = appeal.letter.kind === "LEAVE_REFUSED" ? leaveOutcomes.get(appeal.letter.aboutId) : undefined;
    const aboutHealth = carriesHealthData(appeal.letter.kind);
    // A klage on a refused request for utsatt eksamen tells of the student's health (her account
    // and the letter's grounds): read only by those who handle such requests (canHandleHealthCases).
    const healthHidden = aboutHealth && !mayReadHealth;
    // Why a klage came late (a § 31 reason, or an avvisning's grounds) is most often her health:
    // read, whatever the klage is about, only by those who handle health cases.
    const lateHidden = healthHidden || ((appeal.status === "DISMISSED" || appeal.lateReason !== null) && !mayReadHealth);
    const firstDecider = appeal.letter.kind === "KLAGE_DISMISSED" ? (firstDeciders.get(appeal.letter.aboutId) ?? null) : null;
    const canDecide = canDecideStudentAppeal(viewer, {
      handler,
      decidedById: appeal.letter.decidedById,
      studentUserId: appeal.enrolment.userId,
      viewerOnTeachingTeam: team !== null,
      aboutHealth,
      viewerIsStudentOfKull: classmate,
      barredId: firstDecider,
    });
    const nobodyMayDecide =
      appeal.status === "RECEIVED" &&
      !someoneMayDecideStudentAppeal(candidates, { handler, decidedById: appeal.letter.decidedById, studentUserId: appeal.enrolment.userId, aboutHealth, barredId: firstDecider });
    return {
      ...appeal,
      /** Null where it is health data the viewer may not read (healthHidden). */
      text: healthHidden ? null : appeal.text,
      lateReason: lateHidden && appeal.lateReason !== null ? HIDDEN_HEALTH : appeal.lateReason,
      grounds: appeal.grounds !== null && (healthHidden || (appeal.status === "DISMISSED" && lateHidden)) ? HIDDEN_HEALTH : appeal.grounds,
      healthHidden,
      letter: {
        ...appeal.letter,
        body: healthHidden ? null : appeal.letter.body,
        madeAvailableOn: isoDate(appeal.letter.madeAvailableOn),
        klageDeadline: appeal.letter.klageDeadline ? isoDate(appeal.letter.klageDeadline) : null,
      },
      canDecide,
      /** Why not, in words (the decider, or the wrong kind of staff). */
      whoDecides:
        aboutHealth && classmate && isStaff(viewer)
          ? CLASSMATE_HEALTH_MESSAGE
          : appeal.letter.decidedById === viewer.id
          ? `Du fattet vedtaket, så klagen må avgjøres av ${handlerNb(appeal.letter.kind)} som ikke var med på det.`
          : firstDecider === viewer.id
          ? FIRST_DECIDER_MESSAGE
          : `Klagen avgjøres av ${handlerNb(appeal.letter.kind)}, ikke av ${appeal.letter.decidedBy.name}, som fattet vedtaket.`,
      /** A waiting klage on «ikke adgang»: the days of the sitting it is about. */
      sitting: (() => {
        const sitting = appeal.status === "RECEIVED" && appeal.letter.kind === "EXAM_ADMISSION_REFUSED" ? sittings.get(appeal.letter.aboutId) : undefined;
        return sitting ? { ...sitting, meetsRequirements: meetsRequirements(appeal.enrolment.id) } : null;
      })(),
      /** When nobody at all may decide it now: what must change, for everyone who reads the list. */
      nobodyMayDecide: nobodyMayDecide ? NOBODY_MAY_DECIDE_MESSAGE[handler] : null,
      canForward: appeal.status === "UPHELD" && !appeal.forwardedAt && (canDecide || isStaff(viewer)),
      /** Where it stands with the klagenemnd; its grounds hidden as the klage's text is. */
      appealsBody: {
        waiting: standing.waiting,
        decision:
          standing.decision && healthHidden
            ? { ...standing.decision, summary: HIDDEN_HEALTH, followUpNote: standing.decision.followUpNote ? HIDDEN_HEALTH : null }
            : standing.decision,
      },
      canRegisterAppealsBody:
        standing.waiting && canRegisterAppealsBodyDecision(viewer, { studentUserId: appeal.enrolment.userId, aboutHealth, viewerIsStudentOfKull: classmate }),
      /**
       * The decision was changed here in her favour while the klage waited at the klagenemnd:
       * when, whether the klagenemnd is still to be told (a task), and when it was, by whom.
       */
      appealsBodyTell: appeal.decisionChangedAt
        ? {
            changedAt: appeal.decisionChangedAt,
            due: appealsBodyToBeTold({ waiting: standing.waiting, decisionChangedAt: appeal.decisionChangedAt, appealsBodyToldAt: appeal.appealsBodyToldAt }),
            toldAt: appeal.appealsBodyToldAt,
            toldBy: appeal.appealsBodyToldBy?.name ?? null,
          }
        : null,
      canTellAppealsBody:
        appealsBodyToBeTold({ waiting: standing.waiting, decisionChangedAt: appeal.decisionChangedAt, appealsBodyToldAt: appeal.appealsBodyToldAt }) &&
        canRegisterAppealsBodyDecision(viewer, { studentUserId: appeal.enrolment.userId, aboutHealth, viewerIsStudentOfKull: classmate }),
      followUpDue: appealsBodyFollowUpDue(standing),
      canFollowUp:
        appealsBodyFollowUpDue(standing) && canRegisterAppealsBodyDecision(viewer, { studentUserId: appeal.enrolment.userId, aboutHealth, viewerIsStudentOfKull: classmate }),
      /** For a waiting klage on a refused leave: what taking it would do now. */
      reversePreview: leave ? leaveKlagePreview(leave.leave, leave.outcome) : null,
    };
  });
  return options.open ? listed.filter((appeal) => appeal.status === "RECEIVED" || appeal.appealsBody.waiting || appeal.followUpDue) : listed;
}

export type CohortAppeal = Awaited<ReturnType<typeof listCohortAppeals>>[number];

/**
 * How many klager wait in each of the viewer's cohorts, and how many of them she may decide
 * herself (for the start pages: a faculty member is not sent to a klage on her own decision, nor
 * an adviser to one on an arbeidskrav).
 */
export async function countOpenAppeals(viewer: Viewer) {
  const where = isStaff(viewer) ? {} : { cohort: { teachers: { some: { userId: viewer.id } } } };
  // The study administration also tells the klagenemnd of a decision changed here while it has the
  // klage (appealsBodyToBeTold): a task on its start page too, not only on the kull's klager list.
  const tells = hasAnyRole(viewer, ["ADVISER", "ADMIN"]);
  // One statement: the open klager with their kull and the viewer's ties to it, counted here
  // (issue 21: a count per student and then a second read for the students' kull). Open klager
  // are few at any time. A second only when one is on an avvisning (firstDecidersOf).
  const rows = await db().studentAppeal.findMany({
    where: {
      enrolment: where,
      OR: [
        { status: "RECEIVED" },
        ...(tells ? [{ status: "UPHELD" as const, forwardedAt: { not: null }, decisionChangedAt: { not: null }, appealsBodyToldAt: null }] : []),
      ],
    },
    select: {
      status: true,
      forwardedAt: true,
      decisionChangedAt: true,
      appealsBodyToldAt: true,
      appealsBodyDecisions: { orderBy: { registeredAt: "desc" }, select: { forwardedAt: true } },
      letter: { select: { kind: true, decidedById: true, aboutId: true } },
      enrolment: {
        select: {
          userId: true,
          cohort: {
            select: {
              id: true,
              name: true,
              programme: { select: { name: true } },
              teachers: { where: { userId: viewer.id }, select: { userId: true } },
              enrolments: { where: { userId: viewer.id }, select: { id: true } },
            },
          },
        },
      },
    },
  });
  const open = rows.filter((row) => row.status === "RECEIVED");
  const firstDeciders = await firstDecidersOf(open);
  // With the programme: two programmes may each have a «Kull V2027» (a walk).
  type Entry = { cohortId: string; cohortName: string; programme: string; count: number; mine: number; othersBy: "ADVISER" | "TEACHING_TEAM" | "MIXED" | null; toTell: number };
  const byCohort = new Map<string, Entry>();
  const entryOf = (cohort: (typeof rows)[number]["enrolment"]["cohort"]) =>
    byCohort.get(cohort.id) ?? { cohortId: cohort.id, cohortName: cohort.name, programme: cohort.programme.name, count: 0, mine: 0, othersBy: null, toTell: 0 };
  for (const row of rows) {
    if (row.status === "RECEIVED") continue;
    if (!appealsBodyToBeTold({ ...row, waiting: appealsBodyStanding(row, row.appealsBodyDecisions).waiting })) continue;
    // Hers to do as on the list (canTellAppealsBody): never her own case, nor a classmate's health case.
    const classmate = row.enrolment.cohort.enrolments.length > 0;
    if (!canRegisterAppealsBodyDecision(viewer, { studentUserId: row.enrolment.userId, aboutHealth: carriesHealthData(row.letter.kind), viewerIsStudentOfKull: classmate })) continue;
    const entry = entryOf(row.enrolment.cohort);
    entry.toTell += 1;
    byCohort.set(entry.cohortId, entry);
  }
  for (const { letter, enrolment } of open) {
    const { cohort } = enrolment;
    const entry = entryOf(cohort);
    entry.count += 1;
    const handler = KLAGE_HANDLER[letter.kind];
    const mine =
      handler !== null &&
      canDecideStudentAppeal(viewer, {
        handler,
        decidedById: letter.decidedById,
        studentUserId: enrolment.userId,
        viewerOnTeachingTeam: cohort.teachers.length > 0,
        aboutHealth: carriesHealthData(letter.kind),
        viewerIsStudentOfKull: isStaff(viewer) && cohort.enrolments.length > 0,
        barredId: letter.kind === "KLAGE_DISMISSED" ? (firstDeciders.get(letter.aboutId) ?? null) : null,
      });
    if (mine) entry.mine += 1;
    // Who decides the others: said on the page instead of «andre» (a walk).
    else if (handler) entry.othersBy = entry.othersBy === null || entry.othersBy === handler ? handler : "MIXED";
    byCohort.set(cohort.id, entry);
  }
  return [...byCohort.values()].sort((a, b) => a.programme.localeCompare(b.programme, "nb") || a.cohortName.localeCompare(b.cohortName, "nb"));
}

// ─── Staff decide ───────────────────────────────────────────────────────────────────────────────

export type StudentAppealOutcome = { kind: "REVERSE"; grounds: string } | { kind: "UPHOLD"; grounds: string; forwarded: boolean };

type LockedAppeal = Awaited<ReturnType<typeof lockAppeal>>;

async function lockAppeal(tx: Transaction, appealId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "StudentAppeal" WHERE "id" = ${appealId} FOR UPDATE`;
  if (!row) throw new NotFoundError("Fant ikke klagen.");
  return tx.studentAppeal.findUniqueOrThrow({
    where: { id: appealId },
    select: {
      id: true,
      status: true,
      filedAt: true,
      enrolmentId: true,
      enrolment: { select: { cohortId: true, userId: true } },
      letter: { select: { id: true, kind: true, subject: true, madeAvailableOn: true, decidedById: true, aboutType: true, aboutId: true } },
    },
  });
}

async function requireDecider(tx: Transaction, viewer: Viewer, appeal: Awaited<ReturnType<typeof lockAppeal>>) {
  const cohortId = appeal.enrolment.cohortId;
  if (!(await isCohortStaff(viewer, cohortId, tx))) throw new NotFoundError("Fant ikke klagen.");
  const handler = KLAGE_HANDLER[appeal.letter.kind];
  if (!handler) throw new DomainError("Dette brevet kan ikke påklages.");
  const onTeam = (await tx.cohortTeacher.findUnique({ where: { cohortId_userId: { cohortId, userId: viewer.id } }, select: { userId: true } })) !== null;
  const aboutHealth = carriesHealthData(appeal.letter.kind);
  const classmate = aboutHealth && (await isStudentOfKull(viewer, cohortId, tx));
  const access = { handler, decidedById: appeal.letter.decidedById, studentUserId: appeal.enrolment.userId, viewerOnTeachingTeam: onTeam, aboutHealth, viewerIsStudentOfKull: classmate };
  // A klage on an avvisning: nor the one whose decision the avvist klage was on (upholding the
  // avvisning would keep the klage on her own decision from being heard).
  if (appeal.letter.kind === "KLAGE_DISMISSED") {
    const dismissed = await tx.studentAppeal.findUnique({ where: { id: appeal.letter.aboutId }, select: { letterDecidedById: true } });
    if (dismissed?.letterDecidedById === viewer.id) {
      throw new AccessDeniedError(FIRST_DECIDER_MESSAGE);
    }
  }
  if (!canDecideStudentAppeal(viewer, access)) {
    if (isOwnCase(viewer, [appeal.enrolment.userId])) throw new AccessDeniedError(OWN_CASE_MESSAGE);
    if (classmate && isStaff(viewer)) throw new AccessDeniedError(CLASSMATE_HEALTH_MESSAGE);
    throw new AccessDeniedError(
      appeal.letter.decidedById === viewer.id
        ? `Du fattet vedtaket selv, og kan ikke avgjøre klagen på det. Klagen må avgjøres av ${handlerNb(appeal.letter.kind)}.`
        : `Klagen avgjøres av ${handlerNb(appeal.letter.kind)}.`,
    );
  }
  return cohortId;
}

function matterOf(kind: StudentLetterKind, arbeidskravTitle: string | null): string {
  if (kind === "KLAGE_DISMISSED") return "avvisning av klage";
  if (kind === "EXAM_ADMISSION_REFUSED") return "adgang til eksamen";
  if (kind === "EXAM_DEFERRAL_REFUSED") return "utsatt eksamen";
  if (kind === "LEAVE_REFUSED") return "permisjon";
  return arbeidskravTitle ?? "arbeidskravet";
}

async function attemptTitle(tx: Transaction, attemptId: string): Promise<string> {
  const row = await tx.submissionAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { submission: { select: { arbeidskrav: { select: { title: true } } } } } });
  return row.submission.arbeidskrav.title;
}

/** Closes one klage with its outcome letter (and the audit entry). */
async function closeAppeal(
  tx: Transaction,
  input: {
    appealId: string;
    status: "REVERSED" | "UPHELD";
    grounds: string;
    forwarded: boolean;
    outcomeLetterId: string;
    decider: Viewer;
    now: Date;
  },
) {
  await tx.studentAppeal.update({
    where: { id: input.appealId },
    data: {
      status: input.status,
      grounds: input.grounds,
      decidedById: input.decider.id,
      decidedAt: input.now,
      forwardedAt: input.status === "UPHELD" && input.forwarded ? input.now : null,
      outcomeLetterId: input.outcomeLetterId,
    },
  });
  await audit(tx, {
    actorId: input.decider.id,
    action: input.status === "UPHELD" ? "student_appeal.uphold" : "student_appeal.reverse",
    entityType: "StudentAppeal",
    entityId: input.appealId,
    before: { status: "RECEIVED" },
    after: { status: input.status, grounds: input.grounds, forwarded: input.status === "UPHELD" && input.forwarded, outcomeLetterId: input.outcomeLetterId },
  });
}

/**
 * What taking a klage does, by the kind of decision: the student admitted to the exam, the
 * utsatt eksamen or the leave granted, the arbeidskrav approved (for every member of a group).
 * The student gets the KLAGE_REVERSED letter. Decided here (`appealsBody` null), the klage is
 * closed as taken; carrying out the klagenemnd's decision, it stays as we decided it (upheld and
 * sent), and the letter names the klagenemnd's decision instead. A group member's own klage
 * waiting on the same attempt is taken with it; any other member is told the decision no longer
 * stands. Returns how many letters were written.
 */
async function carryOutReversal(
  tx: Transaction,
  appeal: LockedAppeal,
  input: { grounds: string; decider: Viewer; signedBy: { id: string; name: string; title: string }; appealsBody: { decidedOn: string; reference: string | null } | null; now: Date },
): Promise<number> {
  const { letter } = appeal;
  const { grounds, decider, signedBy, now } = input;
  const arbeidskravTitle = letter.aboutType === "SubmissionAttempt" ? await attemptTitle(tx, letter.aboutId) : null;
  const appealed = { subject: letter.subject, madeAvailableOn: isoDate(letter.madeAvailableOn), matter: matterOf(letter.kind, arbeidskravTitle) };
  const byAppealsBody = input.appealsBody ? { appealsBody: input.appealsBody } : {};
  const answerOwn = async (sentence: string, appealedLetter = appealed) => {
    const outcomeLetter = await issueStudentLetter(tx, {
      enrolmentId: appeal.enrolmentId,
      facts: { kind: "KLAGE_REVERSED", klage: { filedOn: osloDate(appeal.filedAt), grounds }, appealed: appealedLetter, outcome: sentence, ...byAppealsBody },
      decidedBy: signedBy,
      about: { type: "StudentAppeal", id: appeal.id },
      inCaseOf: { letterId: letter.id },
      now,
    });
    if (!input.appealsBody) await closeAppeal(tx, { appealId: appeal.id, status: "REVERSED", grounds, forwarded: false, outcomeLetterId: outcomeLetter.id, decider, now });
  };

  if (letter.kind === "KLAGE_DISMISSED") {
    await answerOwn(await reopenDismissedKlage(tx, { dismissalLetterId: letter.id, dismissedAppealId: letter.aboutId, grounds, byAppealsBody: Boolean(input.appealsBody), decider }));
    return 1;
  }
  if (letter.kind === "EXAM_ADMISSION_REFUSED") {
    await answerOwn(await admitAfterKlage(tx, { registrationId: letter.aboutId, decider, appealId: appeal.id, now }));
    return 1;
  }
  if (letter.kind === "EXAM_DEFERRAL_REFUSED") {
    await answerOwn(await grantDeferralAfterKlage(tx, { deferralId: letter.aboutId, decider, appealId: appeal.id, now }));
    return 1;
  }
  if (letter.kind === "LEAVE_REFUSED") {
    await answerOwn(await grantLeaveAfterKlage(tx, { leaveId: letter.aboutId, decider, appealId: appeal.id, now }));
    return 1;
  }
  if (letter.kind === "ARBEIDSKRAV_NOT_APPROVED") {
    // A group's assessment is one: when the klagenemnd has stadfestet it on another member's klage,
    // taking this member's klage here would overturn its decision (forvaltningsloven § 35).
    const barred = input.appealsBody ? null : await appealsBodyBarOnCorrection(tx, letter.aboutId, "APPROVED");
    if (barred) throw new DomainError(`Klagen kan ikke tas til følge her. ${barred}`);
    const approved = await approveAfterKlage(tx, { attemptId: letter.aboutId, decider, grounds, appealId: appeal.id, now });
    const sentence = `${approved.title} er godkjent.`;
    const taken = input.appealsBody ? `${APPEALS_BODY} har tatt klagen til følge` : "klagen er tatt til følge";
    // Every current member: their open klage on this attempt is taken with this one; anyone
    // else whose decision it was is told it no longer stands.
    const letters = await enkeltvedtakLettersAbout(tx, { type: "SubmissionAttempt", id: letter.aboutId });
    let issued = 0;
    for (const memberLetter of letters) {
      if (!approved.members.includes(memberLetter.enrolmentId)) continue;
      const memberAppealed = { subject: memberLetter.subject, madeAvailableOn: memberLetter.madeAvailableOn, matter: approved.title };
      const open = memberLetter.appeal?.status === "RECEIVED" ? memberLetter.appeal : null;
      if (memberLetter.id === letter.id) {
        await answerOwn(sentence, memberAppealed);
      } else if (open) {
        const filed = (await tx.studentAppeal.findUniqueOrThrow({ where: { id: open.id }, select: { filedAt: true } })).filedAt;
        // Her klage has nothing left to decide: the attempt is approved. The one who carries out the
        // klagenemnd's decision closes it, saying so; never someone who assessed it (also a CHECK).
        if (input.appealsBody && memberLetter.decidedById === decider.id) {
          throw new DomainError("Du vurderte oppgaven selv, og kan ikke avslutte klagen fra et annet gruppemedlem på den. En annen studieveileder må registrere klagenemndas vedtak.");
        }
        const memberGrounds = input.appealsBody
          ? `${APPEALS_BODY} har tatt klagen fra et annet gruppemedlem på den samme vurderingen til følge ${appealsBodyDecisionRef(input.appealsBody)}: ${grounds}`
          : `${grounds} (Avgjort sammen med klagen fra et annet gruppemedlem.)`;
        const outcomeLetter = await issueStudentLetter(tx, {
          enrolmentId: memberLetter.enrolmentId,
          facts: {
            kind: "KLAGE_REVERSED",
            klage: { filedOn: osloDate(filed), grounds: memberGrounds },
            appealed: memberAppealed,
            outcome: sentence,
          },
          decidedBy: signedBy,
          about: { type: "StudentAppeal", id: open.id },
          inCaseOf: { letterId: memberLetter.id },
          now,
        });
        await closeAppeal(tx, { appealId: open.id, status: "REVERSED", grounds, forwarded: false, outcomeLetterId: outcomeLetter.id, decider, now });
      } else {
        await issueStudentLetter(tx, {
          enrolmentId: memberLetter.enrolmentId,
          facts: {
            kind: "DECISION_CHANGED",
            changed: memberAppealed,
            outcome: sentence,
            reason: `Et annet gruppemedlem klaget på vurderingen, og ${taken}: ${grounds}`,
            klageAtAppealsBody: approved.atAppealsBody.has(memberLetter.enrolmentId),
          },
          decidedBy: signedBy,
          about: { type: "SubmissionAttempt", id: letter.aboutId },
          inCaseOf: { letterId: memberLetter.id },
          now,
        });
      }
      issued += 1;
    }
    return issued;
  }
  throw new DomainError("Denne typen vedtak kan ikke endres her.");
}

export async function decideStudentAppeal(viewer: Viewer, appealId: string, outcome: StudentAppealOutcome, now = new Date()) {
  const grounds = outcome.grounds.trim();
  if (!grounds) throw new DomainError("Skriv en begrunnelse.", { grounds: ["Skriv begrunnelsen for avgjørelsen. Den står i brevet til studenten."] });
  const result = await withRetry(() =>
    db().$transaction(async (tx) => {
      const appeal = await lockAppeal(tx, appealId);
      const cohortId = await requireDecider(tx, viewer, appeal);
      if (appeal.status !== "RECEIVED") throw new DomainError("Klagen er allerede avgjort.");
      const letter = appeal.letter;
      const title = await deciderTitle(tx, viewer.id, cohortId);
      const signedBy = { id: viewer.id, name: viewer.name, title };

      if (outcome.kind === "UPHOLD") {
        const klage = { filedOn: osloDate(appeal.filedAt), grounds };
        const arbeidskravTitle = letter.aboutType === "SubmissionAttempt" ? await attemptTitle(tx, letter.aboutId) : null;
        const appealed = { subject: letter.subject, madeAvailableOn: isoDate(letter.madeAvailableOn), matter: matterOf(letter.kind, arbeidskravTitle) };
        const about = { type: "StudentAppeal", id: appeal.id };
        const outcomeLetter = await issueStudentLetter(tx, {
          enrolmentId: appeal.enrolmentId,
          facts: { kind: "KLAGE_UPHELD", klage, appealed },
          decidedBy: signedBy,
          about,
          inCaseOf: { letterId: letter.id },
          now,
        });
        await closeAppeal(tx, { appealId: appeal.id, status: "UPHELD", grounds, forwarded: outcome.forwarded, outcomeLetterId: outcomeLetter.id, decider: viewer, now });
        return { status: "UPHELD" as const, letters: 1 };
      }

      const letters = await carryOutReversal(tx, appeal, { grounds, decider: viewer, signedBy, appealsBody: null, now });
      return { status: "REVERSED" as const, letters };
    }, LOCKING_TRANSACTION),
  );
  await requestJob("mail.deliver");
  return result;
}

/**
 * Who registers the klagenemnd's decision on this klage and follows it up
 * (canRegisterAppealsBodyDecision), with why not in words; the kull's id for the one who may.
 */
async function requireAppealsBodyRegistrar(tx: Transaction, viewer: Viewer, appeal: LockedAppeal): Promise<string> {
  const cohortId = appeal.enrolment.cohortId;
  if (!(await isCohortStaff(viewer, cohortId, tx))) throw new NotFoundError("Fant ikke klagen.");
  const aboutHealth = carriesHealthData(appeal.letter.kind);
  const classmate = aboutHealth && (await isStudentOfKull(viewer, cohortId, tx));
  if (!canRegisterAppealsBodyDecision(viewer, { studentUserId: appeal.enrolment.userId, aboutHealth, viewerIsStudentOfKull: classmate })) {
    if (isOwnCase(viewer, [appeal.enrolment.userId])) throw new AccessDeniedError(OWN_CASE_MESSAGE);
    if (classmate && isStaff(viewer)) throw new AccessDeniedError(CLASSMATE_HEALTH_MESSAGE);
    throw new AccessDeniedError("Det er studieveilederen som registrerer og følger opp klagenemndas vedtak.");
  }
  return cohortId;
}

/**
 * Registers the klagenemnd's decision on a student's klage we sent it, from its letter, and
 * carries it out. Stadfestet: the decision stands for good (the klagenemnd writes to the student
 * itself). Omgjort: done as when the klage is taken here (carryOutReversal), with a letter that
 * names the klagenemnd's decision. Opphevet: the klage is opened again, to be decided anew by
 * whoever decides such klager. Registered by the study administration (canRegisterAppealsBodyDecision).
 */
export async function registerStudentAppealsBodyDecision(viewer: Viewer, appealId: string, input: AppealsBodyDecisionInput, now = new Date()) {
  const result = await withRetry(() =>
    db().$transaction(async (tx) => {
      const appeal = await lockAppeal(tx, appealId);
      const cohortId = await requireAppealsBodyRegistrar(tx, viewer, appeal);
      const current = await tx.studentAppeal.findUniqueOrThrow({ where: { id: appeal.id }, select: { forwardedAt: true } });
      const recorded = await recordAppealsBodyDecision(tx, { type: "StudentAppeal", id: appeal.id, status: appeal.status, forwardedAt: current.forwardedAt }, input, viewer.id, now);
      if (input.outcome !== "REVERSED") return { letters: 0, notCarriedOut: null };
      const signedBy = { id: viewer.id, name: viewer.name, title: await deciderTitle(tx, viewer.id, cohortId) };
      const appealsBody = { decidedOn: input.decidedOn, reference: input.reference?.trim() || null };
      // When it cannot be done any more (the attempt approved since, the leave's time over …),
      // the decision is registered with why, for someone to follow up.
      const done = await carryOutAppealsBodyDecision<number>(tx, { id: recorded.id, klage: { type: "StudentAppeal", id: appeal.id } }, viewer.id, async () => {
        // Approved already (with another group member's klage): nothing left to do.
        if (appeal.letter.kind === "ARBEIDSKRAV_NOT_APPROVED") {
          const attempt = await tx.submissionAttempt.findUnique({ where: { id: appeal.letter.aboutId }, select: { status: true } });
          if (attempt?.status === "APPROVED") return { notCarriedOut: "Arbeidskravet var allerede godkjent.", moot: true };
        }
        return carryOutReversal(tx, appeal, { grounds: input.summary.trim(), decider: viewer, signedBy, appealsBody, now });
      });
      return done.carried ? { letters: done.value, notCarriedOut: null } : { letters: 0, notCarriedOut: done.reason };
    }, LOCKING_TRANSACTION),
  );
  if (result.letters > 0) await requestJob("mail.deliver");
  return result;
}

/** The klagenemnd's reversal not carried out here, followed up: what was done instead (recordAppealsBodyFollowUp). */
export async function markStudentAppealsBodyFollowedUp(viewer: Viewer, appealId: string, note: string, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const appeal = await lockAppeal(tx, appealId);
    await requireAppealsBodyRegistrar(tx, viewer, appeal);
    await recordAppealsBodyFollowUp(tx, { type: "StudentAppeal", id: appeal.id }, note, viewer.id, now);
  });
}

/**
 * The study administration has told the klagenemnd that the decision a klage waiting there is
 * about was changed here in the student's favour (appealsBodyToBeTold): recorded, with who and
 * when, and audited; the task leaves the klager list. By those who register the klagenemnd's
 * decisions (canRegisterAppealsBodyDecision).
 */
export async function markStudentAppealsBodyTold(viewer: Viewer, appealId: string, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const appeal = await lockAppeal(tx, appealId);
    await requireAppealsBodyRegistrar(tx, viewer, appeal);
    const current = await tx.studentAppeal.findUniqueOrThrow({
      where: { id: appeal.id },
      select: {
        status: true,
        forwardedAt: true,
        decisionChangedAt: true,
        appealsBodyToldAt: true,
        appealsBodyDecisions: { orderBy: { registeredAt: "desc" }, select: { forwardedAt: true } },
        enrolment: { select: { cohort: { select: { archivedAt: true } } } },
      },
    });
    if (current.appealsBodyToldAt) throw new DomainError("Det er allerede registrert at klagenemnda har fått beskjed.");
    // An archived kull's record is closed (the database refuses the change): said, not a failure.
    if (current.enrolment.cohort.archivedAt) throw new DomainError(ARCHIVED_KULL_MESSAGE);
    const { waiting } = appealsBodyStanding(current, current.appealsBodyDecisions);
    if (!appealsBodyToBeTold({ waiting, decisionChangedAt: current.decisionChangedAt, appealsBodyToldAt: null })) {
      throw new DomainError(
        current.decisionChangedAt && !waiting
          ? "Klagenemnda har allerede avgjort klagen, så det er ingenting å gi beskjed om."
          : "Vedtaket klagen gjelder, er ikke endret mens klagen er hos klagenemnda.",
      );
    }
    await tx.studentAppeal.update({ where: { id: appeal.id }, data: { appealsBodyToldAt: now, appealsBodyToldById: viewer.id } });
    await audit(tx, {
      actorId: viewer.id,
      action: "student_appeal.appeals_body_told",
      entityType: "StudentAppeal",
      entityId: appeal.id,
      before: { appealsBodyToldAt: null },
      after: { appealsBodyToldAt: now, decisionChangedAt: current.decisionChangedAt, to: APPEALS_BODY },
    });
  });
}

/** Marks an upheld klage as sent to the appeals body (a status; the sending happens outside). */
export async function markStudentAppealForwarded(viewer: Viewer, appealId: string, now = new Date()) {
  await db().$transaction(async (tx) => {
    const appeal = await lockAppeal(tx, appealId);
    if (!(await isCohortStaff(viewer, appeal.enrolment.cohortId, tx))) throw new NotFoundError("Fant ikke klagen.");
    const current = await tx.studentAppeal.findUniqueOrThrow({ where: { id: appealId }, select: { status: true, forwardedAt: true } });
    if (current.status !== "UPHELD") throw new DomainError("Bare en klage som ikke er tatt til følge, sendes til klagenemnda.");
    if (current.forwardedAt) throw new DomainError("Klagen er allerede merket som oversendt.");
    await tx.studentAppeal.update({ where: { id: appealId }, data: { forwardedAt: now } });
    await audit(tx, {
      actorId: viewer.id,
      action: "student_appeal.forward",
      entityType: "StudentAppeal",
      entityId: appealId,
      before: { forwardedAt: null },
      after: { forwardedAt: now, to: APPEALS_BODY },
    });
  });
}

/**
 * One of a student's letters, for registering a klage on it that came by e-mail or post: the
 * letter, the klage already registered (by the student or staff), or why none can be.
 */
export async function getKlageRegistration(viewer: Viewer, userId: string, letterId: string) {
  if (!isStaff(viewer)) throw new AccessDeniedError("Det er studieveilederen som registrerer klager som kommer på e-post eller brev.");
  const letter = await db().studentLetter.findFirst({
    where: { id: letterId, userId },
    select: {
      id: true,
      kind: true,
      subject: true,
      madeAvailableOn: true,
      klageDeadline: true,
      enkeltvedtak: true,
      caseYear: true,
      caseNumber: true,
      user: { select: { name: true } },
      enrolment: { select: { cohortId: true, cohort: { select: { name: true } } } },
      appeals: { select: { filedAt: true, status: true, lateReason: true, grounds: true, outcomeLetterId: true, registeredBy: { select: { name: true } } } },
    },
  });
  if (!letter || !(await isCohortStaff(viewer, letter.enrolment.cohortId))) throw new NotFoundError("Fant ikke brevet.");
  const replaced = await replacedInCase(db(), { id: letter.id, userId, caseYear: letter.caseYear, caseNumber: letter.caseNumber });
  const appeal = letter.appeals[0] ?? null;
  // Why it came late (a § 31 reason, an avvisning's grounds) is most often her health: not for an adviser who is her classmate.
  const mayReadHealth = canHandleHealthCases(viewer, { viewerIsStudentOfKull: await isStudentOfKull(viewer, letter.enrolment.cohortId) });
  return {
    student: { id: userId, name: letter.user.name },
    cohort: { id: letter.enrolment.cohortId, name: letter.enrolment.cohort.name },
    letter: {
      id: letter.id,
      subject: letter.subject,
      madeAvailableOn: isoDate(letter.madeAvailableOn),
      klageDeadline: letter.klageDeadline ? isoDate(letter.klageDeadline) : null,
    },
    appeal: appeal
      ? {
          receivedOn: osloDate(appeal.filedAt),
          status: appeal.status,
          lateReason: appeal.lateReason !== null && !mayReadHealth ? HIDDEN_HEALTH : appeal.lateReason,
          registeredBy: appeal.registeredBy?.name ?? null,
          dismissalGrounds: appeal.status !== "DISMISSED" ? null : mayReadHealth ? appeal.grounds : HIDDEN_HEALTH,
          /** DISMISSED: the avvisning's letter (its PDF), for the adviser to read what the student got. */
          dismissalLetterId: appeal.status === "DISMISSED" && mayReadHealth ? appeal.outcomeLetterId : null,
        }
      : null,
    /** Why no klage can be registered on it (null: one can). */
    problem: !letter.enkeltvedtak || !letter.klageDeadline
      ? "Brevet er ikke et vedtak som kan påklages."
      : replaced
        ? "Vedtaket gjelder ikke lenger: et senere brev i saken har erstattet det."
        : isOwnCase(viewer, [userId])
          ? OWN_CASE_MESSAGE
          : null,
  };
}
