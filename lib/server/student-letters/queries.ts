import "server-only";
// Reading letters to students: the student's own (/student/brev), always with their own user id
// in the `where`, and one letter as PDF for the student it is to or the staff of their cohort.
import { osloDate } from "@/lib/domain/application-deadline";
import { formatCaseReference } from "@/lib/domain/case-reference";
import { mayRespondToNotice, noticeDeadlinePassed } from "@/lib/domain/correction-notice";
import { appealsBodyStanding, isKlageInTime } from "@/lib/domain/klage";
import { NOTICE_OUTCOME_KINDS, replacedStudentLetters } from "@/lib/domain/student-letter";
import { HEALTH_CASE_ABOUT } from "@/lib/domain/student-letter";
import { canHandleHealthCases } from "@/lib/permissions";
import { isCohortStaff, isStudentOfKull } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

const LETTER_SELECT = {
  id: true,
  kind: true,
  subject: true,
  body: true,
  enkeltvedtak: true,
  madeAvailableOn: true,
  klageDeadline: true,
  decidedAt: true,
  caseYear: true,
  caseNumber: true,
  enrolment: { select: { cohort: { select: { name: true, code: true } } } },
  appeals: {
    select: {
      id: true,
      text: true,
      filedAt: true,
      /** Registered by staff (it came by e-mail or post): its day, not the hour it was registered. */
      registeredById: true,
      status: true,
      grounds: true,
      decidedAt: true,
      forwardedAt: true,
      outcomeLetterId: true,
      appealsBodyDecisions: { orderBy: { registeredAt: "desc" }, take: 1, select: { forwardedAt: true, outcome: true, decidedOn: true, notCarriedOut: true, followedUpAt: true } },
    },
  },
  outcomeOf: { select: { letterId: true } },
  // A forhåndsvarsel: where its case stands and her uttalelse (lib/server/cohorts/correction-notices.ts).
  noticeOf: { select: { response: true, respondedAt: true, notice: { select: { id: true, status: true, respondBy: true } } } },
  opening: { select: { openedAt: true } },
} as const;

function requireStudent(viewer: Viewer) {
  if (!viewer.roles.includes("STUDENT")) throw new AccessDeniedError();
}

type LetterRow = Awaited<ReturnType<typeof loadOwn>>[number];

function loadOwn(viewer: Viewer, where: { id?: string; caseNumber?: number } = {}) {
  return db().studentLetter.findMany({
    where: { userId: viewer.id, ...where },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    select: LETTER_SELECT,
  });
}

/** The later letter in the same case that replaced each enkeltvedtak (lib/domain/student-letter.ts). */
function replacements(rows: readonly LetterRow[]) {
  const replaced = replacedStudentLetters(rows.map((row) => ({ id: row.id, kind: row.kind, caseNumber: row.caseNumber, order: row.decidedAt.getTime(), row })));
  return (id: string) => {
    const by = replaced.get(id)?.row;
    return by ? { id: by.id, subject: by.subject, madeAvailableOn: isoDate(by.madeAvailableOn) } : null;
  };
}

function shape(row: LetterRow, today: string, replacedBy: (id: string) => { id: string; subject: string; madeAvailableOn: string } | null) {
  const madeAvailableOn = isoDate(row.madeAvailableOn);
  const klageDeadline = row.klageDeadline ? isoDate(row.klageDeadline) : null;
  const row0 = row.appeals[0] ?? null;
  const appeal = row0 ? { ...row0, appealsBody: appealsBodyStanding(row0, row0.appealsBodyDecisions) } : null;
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    enkeltvedtak: row.enkeltvedtak,
    madeAvailableOn,
    klageDeadline,
    cohort: row.enrolment.cohort,
    reference: formatCaseReference({ year: row.caseYear, number: row.caseNumber }),
    /** The later letter in the same case after which this decision no longer stands, or null. */
    replacedBy: replacedBy(row.id),
    appeal,
    /** The letter this one answers (a klage's outcome). */
    answersLetterId: row.outcomeOf?.letterId ?? null,
    /** She has not opened it yet (lib/server/student-letters/opening.ts): «ny». */
    isNew: row.opening === null,
    /** A forhåndsvarsel: its case's state and her uttalelse, which she may write while it is open. */
    notice: row.noticeOf
      ? {
          id: row.noticeOf.notice.id,
          status: row.noticeOf.notice.status,
          respondBy: isoDate(row.noticeOf.notice.respondBy),
          response: row.noticeOf.response,
          respondedAt: row.noticeOf.respondedAt,
          mayRespond: mayRespondToNotice(row.noticeOf.notice.status),
        }
      : null,
    /** A klage may be filed now: an enkeltvedtak that still stands, within its deadline, not appealed yet. */
    canAppeal: row.enkeltvedtak && klageDeadline !== null && appeal === null && replacedBy(row.id) === null && isKlageInTime(madeAvailableOn, today),
  };
}

/** The viewer's letters, newest first. */
export async function listStudentLetters(viewer: Viewer, now = new Date()) {
  requireStudent(viewer);
  const today = osloDate(now);
  const rows = await loadOwn(viewer);
  const replacedBy = replacements(rows);
  return rows.map((row) => shape(row, today, replacedBy));
}

export type StudentLetterView = ReturnType<typeof shape>;

/** One of the viewer's letters, or NotFound (someone else's is as unknown as one that does not exist). */
export async function getStudentLetter(viewer: Viewer, letterId: string, now = new Date()) {
  requireStudent(viewer);
  const [row] = await loadOwn(viewer, { id: letterId });
  if (!row) throw new NotFoundError("Fant ikke brevet.");
  const sameCase = await loadOwn(viewer, { caseNumber: row.caseNumber });
  const today = osloDate(now);
  const shaped = shape(row, today, replacements(sameCase));
  // A forhåndsvarsel: the letter that ended its case (the decision, or the withdrawal), and
  // whether its deadline has passed.
  const outcome = row.noticeOf ? sameCase.find((other) => other.id !== row.id && NOTICE_OUTCOME_KINDS.includes(other.kind)) : undefined;
  return {
    ...shaped,
    notice: shaped.notice
      ? { ...shaped.notice, deadlinePassed: noticeDeadlinePassed(shaped.notice.respondBy, today), outcome: outcome ? { id: outcome.id, subject: outcome.subject } : null }
      : null,
  };
}

/** A letter for its PDF: the student's own, or any letter to a student of a cohort the viewer is staff of. Null otherwise. */
export async function getLetterForPdf(viewer: Viewer, letterId: string) {
  const letter = await db().studentLetter.findUnique({
    where: { id: letterId },
    select: {
      id: true,
      userId: true,
      subject: true,
      body: true,
      madeAvailableOn: true,
      caseYear: true,
      caseNumber: true,
      enrolment: { select: { cohortId: true, cohort: { select: { code: true, programme: { select: { name: true } } } } } },
    },
  });
  if (!letter) return null;
  if (letter.userId !== viewer.id) {
    if (!(await isCohortStaff(viewer, letter.enrolment.cohortId))) return null;
    // A case about utsatt eksamen or a leave (the request's letters, and a klage's outcome in its
    // case), or about the avvisning of a late klage (why it came late: carriesHealthData), tells of
    // the student's health: only those who handle such cases read it (canHandleHealthCases).
    const healthCase =
      (await db().studentLetter.count({
        where: {
          userId: letter.userId,
          caseYear: letter.caseYear,
          caseNumber: letter.caseNumber,
          OR: [{ aboutType: { in: [...HEALTH_CASE_ABOUT] } }, { kind: "KLAGE_DISMISSED" }],
        },
      })) > 0;
    if (healthCase && !canHandleHealthCases(viewer, { viewerIsStudentOfKull: await isStudentOfKull(viewer, letter.enrolment.cohortId) })) return null;
  }
  return { ...letter, madeAvailableOn: isoDate(letter.madeAvailableOn), reference: formatCaseReference({ year: letter.caseYear, number: letter.caseNumber }) };
}
