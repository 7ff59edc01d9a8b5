/**
 * Letters to a student, composed from the facts of the decision they tell about. Three kinds are
 * individual decisions (enkeltvedtak) under the Public Administration Act, like admission
 * (lib/domain/decision-letter.ts): "ikke godkjent" on the final attempt of an arbeidskrav, "ikke
 * adgang til eksamen" and a refused request for utsatt eksamen. Such a letter states the decision, the rules it rests on (the legal
 * basis, named plainly: no section numbers we cannot vouch for), the grounds, the right to appeal
 * with the deadline computed from the day it was made available (lib/domain/klage.ts), the right
 * to see the case documents, and who decided and when. A klage's outcome, and a decision that no
 * longer stands, are letters too; they give no new right to appeal.
 *
 * Changes to the enrolment (lib/domain/enrolment.ts) are letters too: a granted leave, the return
 * from it, a withdrawal, completion and a transfer to a later kull confirm what was decided at
 * the student's request and what it means; a refused leave is an enkeltvedtak under NTNU's rules
 * (the student asked and got no), with grounds, legal basis and the right to appeal, handled by
 * an adviser other than the one who refused.
 *
 * Add a kind here (and to StudentLetterKind in prisma/schema.prisma) for a new letter. The server
 * issues every kind the same way (issueStudentLetter in lib/server/student-letters/issue.ts).
 */
import { DEFERRAL_REASON_LABELS, type DeferralReason } from "./exam-deferral";
import { formatExamMomentNb, osloWallClock } from "./exam-time";
import { countNoun, formatDateNb, joinNb } from "./format";
import { completedStudyLines } from "./enrolment";
import { APPEALS_BODY, appealsBodyDecisionRef, klageDeadline } from "./klage";
import {
  closingSection,
  finalDecisionSection,
  klageSection,
  legalBasisSection,
  legalBasisText,
  letterheadSection,
  replacesSentence,
  type ComposedLetter,
  type LetterContact,
  type LetterSection,
} from "./letter";

export type StudentLetterKind =
  | "ARBEIDSKRAV_NOT_APPROVED"
  | "EXAM_ADMISSION_REFUSED"
  | "KLAGE_REVERSED"
  | "KLAGE_UPHELD"
  | "DECISION_CHANGED"
  | "EXAM_DEFERRAL_GRANTED"
  | "EXAM_DEFERRAL_REFUSED"
  | "LEAVE_GRANTED"
  | "LEAVE_REFUSED"
  | "LEAVE_ENDED"
  | "LEAVE_CANCELLED"
  | "WITHDRAWAL_CONFIRMED"
  | "COMPLETION_CONFIRMED"
  | "TRANSFER_CONFIRMED"
  | "CORRECTION_NOTICE"
  | "CORRECTION_NOTICE_WITHDRAWN"
  | "KLAGE_DISMISSED";

export const STUDENT_LETTER_KINDS: readonly StudentLetterKind[] = [
  "ARBEIDSKRAV_NOT_APPROVED",
  "EXAM_ADMISSION_REFUSED",
  "KLAGE_REVERSED",
  "KLAGE_UPHELD",
  "DECISION_CHANGED",
  "EXAM_DEFERRAL_GRANTED",
  "EXAM_DEFERRAL_REFUSED",
  "LEAVE_GRANTED",
  "LEAVE_REFUSED",
  "LEAVE_ENDED",
  "LEAVE_CANCELLED",
  "WITHDRAWAL_CONFIRMED",
  "COMPLETION_CONFIRMED",
  "TRANSFER_CONFIRMED",
  "CORRECTION_NOTICE",
  "CORRECTION_NOTICE_WITHDRAWN",
  "KLAGE_DISMISSED",
];

/** What each kind is called in lists ("Vedtak om arbeidskrav"). */
export const STUDENT_LETTER_KIND_LABELS: Record<StudentLetterKind, string> = {
  ARBEIDSKRAV_NOT_APPROVED: "Vedtak om arbeidskrav",
  EXAM_ADMISSION_REFUSED: "Vedtak om adgang til eksamen",
  KLAGE_REVERSED: "Klage tatt til følge",
  KLAGE_UPHELD: "Klage sendt til klagenemnda",
  DECISION_CHANGED: "Endret vedtak",
  EXAM_DEFERRAL_GRANTED: "Utsatt eksamen innvilget",
  EXAM_DEFERRAL_REFUSED: "Vedtak om utsatt eksamen",
  LEAVE_GRANTED: "Permisjon innvilget",
  LEAVE_REFUSED: "Vedtak om permisjon",
  LEAVE_ENDED: "Tilbake fra permisjon",
  LEAVE_CANCELLED: "Permisjon trukket tilbake",
  WITHDRAWAL_CONFIRMED: "Bekreftelse på at du har sluttet",
  COMPLETION_CONFIRMED: "Bekreftelse på fullført videreutdanning",
  TRANSFER_CONFIRMED: "Overføring til senere kull",
  CORRECTION_NOTICE: "Forhåndsvarsel",
  CORRECTION_NOTICE_WITHDRAWN: "Forhåndsvarsel trukket tilbake",
  KLAGE_DISMISSED: "Vedtak om avvisning av klage",
};

/**
 * Who decides a klage on each kind of enkeltvedtak (never the person who made the decision;
 * lib/permissions.ts canDecideStudentAppeal): an arbeidskrav is an academic judgement, so a
 * member of the cohort's teaching team (the fagansvarlig first of all) reconsiders it; admission
 * to the exam follows from registered facts and is the study administration's, so an adviser
 * handles that klage, and so does a refused deferral (utsatt eksamen: documentation weighed by the
 * study administration; another adviser than the one who refused). Letters that are not
 * enkeltvedtak cannot be appealed (null).
 */
export type KlageHandler = "TEACHING_TEAM" | "ADVISER";

export const KLAGE_HANDLER: Record<StudentLetterKind, KlageHandler | null> = {
  ARBEIDSKRAV_NOT_APPROVED: "TEACHING_TEAM",
  EXAM_ADMISSION_REFUSED: "ADVISER",
  KLAGE_REVERSED: null,
  KLAGE_UPHELD: null,
  DECISION_CHANGED: null,
  EXAM_DEFERRAL_GRANTED: null,
  EXAM_DEFERRAL_REFUSED: "ADVISER",
  LEAVE_GRANTED: null,
  // Leave follows NTNU's rules on documented grounds: the study administration's decision, so
  // another adviser reconsiders it.
  LEAVE_REFUSED: "ADVISER",
  LEAVE_ENDED: null,
  LEAVE_CANCELLED: null,
  WITHDRAWAL_CONFIRMED: null,
  COMPLETION_CONFIRMED: null,
  TRANSFER_CONFIRMED: null,
  // A forhåndsvarsel is not a decision (forvaltningsloven § 16): the student speaks to it, and
  // may klage on the decision that may follow.
  CORRECTION_NOTICE: null,
  CORRECTION_NOTICE_WITHDRAWN: null,
  // An avvisning of a late klage is the study administration's (it registers such a klage), so
  // another adviser reconsiders it; not taken, it goes to the klagenemnd like any other.
  KLAGE_DISMISSED: "ADVISER",
};

/**
 * The cases that carry health data (lib/permissions.ts canHandleHealthCases): a request for utsatt
 * eksamen and a leave, by the record their letters are about (StudentLetter.aboutType). Their
 * letters, and the klager on their refusals, are read only by those who handle health cases.
 */
export const HEALTH_CASE_ABOUT = ["ExamDeferral", "LeaveOfAbsence"] as const;

/**
 * A klage on a letter of this kind carries health data: the refusal of utsatt eksamen or of a
 * leave; and the avvisning of a late klage, as a klage on it argues why the klage came late (most
 * often illness: forvaltningsloven § 31, the party cannot be blamed).
 */
export function carriesHealthData(kind: StudentLetterKind): boolean {
  return kind === "EXAM_DEFERRAL_REFUSED" || kind === "LEAVE_REFUSED" || kind === "KLAGE_DISMISSED";
}

export function isEnkeltvedtak(kind: StudentLetterKind): boolean {
  return KLAGE_HANDLER[kind] !== null;
}

/**
 * The letters that answer an earlier letter and so continue its case (its reference): a klage's
 * outcome, the notice that an earlier decision no longer stands, and the end of a leave (the
 * return, or the leave withdrawn before it began), which belongs to the case of the decision that
 * granted it (the grant, or the refusal a klage reversed). Every other letter opens a case of its
 * own: an enkeltvedtak, and the confirmations that give what was asked (leave granted,
 * withdrawal, completion, transfer, utsatt eksamen granted).
 */
export const ANSWERS_EARLIER_LETTER: Record<StudentLetterKind, boolean> = {
  ARBEIDSKRAV_NOT_APPROVED: false,
  EXAM_ADMISSION_REFUSED: false,
  KLAGE_REVERSED: true,
  KLAGE_UPHELD: true,
  DECISION_CHANGED: true,
  EXAM_DEFERRAL_GRANTED: false,
  EXAM_DEFERRAL_REFUSED: false,
  LEAVE_GRANTED: false,
  LEAVE_REFUSED: false,
  LEAVE_ENDED: true,
  LEAVE_CANCELLED: true,
  WITHDRAWAL_CONFIRMED: false,
  COMPLETION_CONFIRMED: false,
  TRANSFER_CONFIRMED: false,
  CORRECTION_NOTICE: false,
  CORRECTION_NOTICE_WITHDRAWN: true,
  // A decision of its own (forvaltningsloven § 2 third paragraph), so a case of its own: a klage
  // on it taken replaces the avvisning only, never the decision the late klage was about.
  KLAGE_DISMISSED: false,
};

export function opensCase(kind: StudentLetterKind): boolean {
  return !ANSWERS_EARLIER_LETTER[kind];
}

/**
 * A decision announced by a forhåndsvarsel (lib/domain/correction-notice.ts) continues the
 * notice's case: the notice opened it, the decision is made in it. The decision is still a letter
 * that opens a case where there was no notice.
 */
export const DECIDES_NOTICE: Partial<Record<StudentLetterKind, StudentLetterKind>> = { ARBEIDSKRAV_NOT_APPROVED: "CORRECTION_NOTICE" };

/** The letters that end a forhåndsvarsel's case: the decision it announced, or its withdrawal. */
export const NOTICE_OUTCOME_KINDS: readonly StudentLetterKind[] = ["ARBEIDSKRAV_NOT_APPROVED", "CORRECTION_NOTICE_WITHDRAWN"];

/** Whether a letter of `kind` may carry the case of an earlier letter of `earlierKind`. */
export function continuesCaseOf(kind: StudentLetterKind, earlierKind: StudentLetterKind): boolean {
  return !opensCase(kind) || DECIDES_NOTICE[kind] === earlierKind;
}

/**
 * The kinds whose case number no other letter carries (the partial unique index
 * StudentLetter_caseNumber_opened_key): those that open a case, except a notice, whose case the
 * decision it announces continues. The notice draws its number from the sequence like every
 * letter that opens a case, so no other case has it.
 */
export function holdsCaseAlone(kind: StudentLetterKind): boolean {
  return opensCase(kind) && !Object.values(DECIDES_NOTICE).includes(kind);
}

/** The laws every decision on a student's studies rests on, named plainly. */
export const STUDY_REGULATIONS =
  "Lov om universiteter og høyskoler (universitets- og høyskoleloven) og forskrift om studier og eksamen ved NTNU (studieforskriften)";

/** The legal basis of "ikke godkjent" on the final attempt of an arbeidskrav. */
export function arbeidskravLegalBasis(programmeName: string, maxAttempts: number): string {
  return (
    `${STUDY_REGULATIONS}, med studieplanen for ${programmeName}. ` +
    `Etter studieplanen må alle arbeidskravene være godkjent for at du skal ha rett til å gå opp til eksamen, ` +
    `og hvert arbeidskrav kan leveres ${countNoun(maxAttempts, "gang", "ganger")}.`
  );
}

/** The legal basis of "ikke adgang til eksamen". */
export function examAdmissionLegalBasis(programmeName: string, requirements: { attendancePercent: number; arbeidskrav: number }): string {
  return (
    `${STUDY_REGULATIONS}, med studieplanen for ${programmeName}. ` +
    `Etter studieplanen har du rett til å gå opp til eksamen når du har møtt på minst ${requirements.attendancePercent} % av samlingsdagene ` +
    `og har fått godkjent alle de ${requirements.arbeidskrav} arbeidskravene.`
  );
}

/** The legal basis of a decision on utsatt eksamen. */
export function examDeferralLegalBasis(programmeName: string): string {
  return (
    `${STUDY_REGULATIONS}, med studieplanen for ${programmeName}. ` +
    "Etter studieforskriften kan en student som er meldt opp til eksamen, men som på grunn av sykdom eller en annen tungtveiende grunn " +
    "ikke kan gå opp eller må avbryte eksamen, få ta utsatt eksamen når grunnen er dokumentert."
  );
}

/** The legal basis of a decision on leave of absence. */
export function leaveLegalBasis(programmeName: string): string {
  return (
    `${STUDY_REGULATIONS}, med studieplanen for ${programmeName}. ` +
    "Etter studieforskriften kan du få permisjon fra studiet når det er tungtveiende grunner til det, for eksempel sykdom, fødsel, omsorg for barn eller andre forhold du ikke rår over, og grunnen skal dokumenteres."
  );
}

const ORDINALS = ["første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuende", "åttende", "niende"];

/** "første", "andre" … for the attempts a study plan allows (1–9). */
export function attemptOrdinal(attempt: number): string {
  const word = ORDINALS[attempt - 1];
  if (!Number.isInteger(attempt) || !word) throw new RangeError(`attempt must be 1–9, got ${attempt}`);
  return word;
}

export interface StudentLetterParty {
  studentName: string;
  /**
   * The case's reference number (lib/domain/case-reference.ts): an enkeltvedtak or a confirmation
   * opens a case; a letter that answers one (a klage's outcome, a decision that no longer stands,
   * the end of a leave) carries its case (ANSWERS_EARLIER_LETTER).
   */
  reference: string;
  programmeName: string;
  cohortName: string;
  /** The day the letter is made available on /student/brev (the klage period starts here). */
  madeAvailableOn: string;
  decidedBy: { name: string; title: string };
  contact: LetterContact;
}

/** An earlier letter this one answers or replaces. */
export interface EarlierLetter {
  subject: string;
  madeAvailableOn: string;
  /** What it was about, for the new subject: "Ledertreningsoppgave 1", "adgang til eksamen". */
  matter: string;
}

export type StudentLetterFacts =
  | {
      kind: "ARBEIDSKRAV_NOT_APPROVED";
      arbeidskrav: { title: string };
      attempt: number;
      maxAttempts: number;
      /** The day of the assessment (or of the correction that made it "ikke godkjent"). */
      assessedOn: string;
      /** The assessor's feedback, or the fagansvarlig's reason for the correction: the grounds. */
      grounds: string;
      /** The group's members by name when the work was a group's (each gets a letter of their own). */
      group: string[] | null;
      /** The decision is a correction of an approval by the cohort's fagansvarlig. */
      corrected: boolean;
      /** The forhåndsvarsel the correction was announced by, the day this member spoke to it (null: did not), and whether another member did. */
      notice?: { sentOn: string; respondBy: string; respondedOn: string | null; othersSpoke: boolean };
    }
  | {
      kind: "EXAM_ADMISSION_REFUSED";
      exam: { title: string; startsOn: string; endsOn: string };
      requirements: { attendancePercent: number; arbeidskrav: number };
      /** Why the requirements are not met, in sentences to the student (lib/domain/eligibility.ts). */
      reasons: string[];
    }
  | {
      kind: "KLAGE_REVERSED";
      klage: { filedOn: string; grounds: string };
      appealed: EarlierLetter;
      outcome: string;
      /** The klageinstans took the klage we sent it: the letter carries out its decision, and `klage.grounds` are its grounds. */
      appealsBody?: { decidedOn: string; reference: string | null };
    }
  | { kind: "KLAGE_UPHELD"; klage: { filedOn: string; grounds: string }; appealed: EarlierLetter }
  | {
      kind: "KLAGE_DISMISSED";
      /** The late klage: the day it was sent or came in, and why it is avvist (the grounds). */
      klage: { receivedOn: string; grounds: string };
      /** The decision the klage was on, and its klage deadline. */
      appealed: EarlierLetter & { klageDeadline: string };
      /** More than a year had passed since the decision (§ 31 third paragraph: never taken up). */
      yearPassed: boolean;
    }
  | {
      kind: "DECISION_CHANGED";
      changed: EarlierLetter;
      outcome: string;
      reason: string;
      /**
       * Her klage in the case (on the earlier decision, or on the avvisning of a late klage on it)
       * waits at the klagenemnd (StudentAppeal.decisionChangedAt is set with this letter): the
       * letter says the klagenemnd is told, and that she need not act.
       */
      klageAtAppealsBody?: boolean;
    }
  | {
      kind: "EXAM_DEFERRAL_GRANTED";
      /** The sitting the student misses, and the deferred sitting they are registered for. */
      missed: DeferralSitting;
      sitting: DeferralSitting;
      reason: DeferralReason;
      requestedOn: string;
      /** The adviser's note, if any. */
      note: string | null;
    }
  | {
      kind: "EXAM_DEFERRAL_REFUSED";
      missed: DeferralSitting;
      reason: DeferralReason;
      requestedOn: string;
      /** The adviser's grounds. */
      grounds: string;
      /** The missed sitting's hand-in has passed (no hand-in then means "ikke møtt", an attempt). */
      over: boolean;
    }
  | {
      kind: "LEAVE_GRANTED";
      leave: { from: string; to: string };
      /** The student's own words for why (the request). */
      reason: string;
      /** Samling days of the kull inside the leave. */
      samlingDays: number;
      /** Absences the kull's rule allows over all its days. */
      maxAbsences: number;
      attendancePercent: number;
      /** An exam registration was withdrawn with the leave. */
      examWithdrawn: boolean;
      /** A registration for a sitting already begun stays, to be graded (withdrawExamRegistration). */
      examKept?: boolean;
      /** Granted after its last day: the period is over, she was never put on leave (leaveIsOver). */
      over?: boolean;
    }
  | { kind: "LEAVE_REFUSED"; leave: { from: string; to: string }; reason: string; grounds: string }
  | {
      kind: "LEAVE_ENDED";
      leave: { from: string; to: string };
      returnedOn: string;
      samlingDays: number;
      /** Granted utsatt eksamen the leave took her off: registered there again, or its sitting began while she was away. */
      deferred?: readonly { sitting: string; restored: boolean }[];
    }
  /** `requestedOn`: the day the student asked (requestedOnProblem), confirmed in the letter. */
  | { kind: "LEAVE_CANCELLED"; leave: { from: string; to: string }; samlingDays: number; requestedOn: string }
  | { kind: "WITHDRAWAL_CONFIRMED"; effectiveOn: string; reason: string | null; examWithdrawn: boolean; requestedOn: string }
  | {
      kind: "COMPLETION_CONFIRMED";
      exam: { title: string; startsOn: string };
      grade: string;
      credits: number;
      courseCode: string;
      /** A granted leave that had not begun, withdrawn with the completion (closeOpenLeave). */
      leaveCancelled?: { from: string; to: string } | null;
    }
  | {
      kind: "TRANSFER_CONFIRMED";
      fromCohortName: string;
      /** Required items of the new kull credited from the earlier one ("Fagnotat 1" ← "Fagnotat 1, Kull H2025"). */
      credited: { title: string; from: string }[];
      /** Required items of the new kull still to do. */
      remaining: string[];
      /** Required items that work still waiting for its assessment in the earlier kull counts as, once approved there. */
      awaited?: { title: string; from: string }[];
      /** Samling days of the new kull credited as attended, and in which samlinger. */
      attendance: { days: number; samlinger: number[] };
      /** The new kull's first samling day the student is expected at, if any is left. */
      firstDay: string | null;
    }
  | {
      /** Forhåndsvarsel: the fagansvarlig intends to correct an approved final attempt to "ikke godkjent". */
      kind: "CORRECTION_NOTICE";
      arbeidskrav: { title: string };
      attempt: number;
      maxAttempts: number;
      /** The day the attempt was approved. */
      approvedOn: string;
      /** The fagansvarlig's reason for the intended correction. */
      reason: string;
      /** The last day to speak (correctionNoticeDeadline). */
      respondBy: string;
      group: string[] | null;
      /** The arbeidskrav counts toward the exam (ArbeidskravDefinition.required); a RangeError otherwise. */
      required: boolean;
      /**
       * The last notice on the same hand-in that she was sent and that was withdrawn: she was told
       * the assessment would not be corrected, so this one says the case is taken up again.
       */
      earlier?: { sentOn: string; withdrawnOn: string } | null;
    }
  | { kind: "CORRECTION_NOTICE_WITHDRAWN"; notice: EarlierLetter; note: string | null };

/** A sitting as a letter names it: "Ordinær eksamen: Individuell skriftlig hjemmeeksamen". */
export interface DeferralSitting {
  kindLabel: string;
  title: string;
  startsAt: Date;
  handInAt: Date;
}

export type StudentLetterInput = StudentLetterParty & StudentLetterFacts;

export interface ComposedStudentLetter extends ComposedLetter {
  kind: StudentLetterKind;
  enkeltvedtak: boolean;
  /** Enkeltvedtak: the grounds and the legal basis as stored with the letter. */
  grounds: string | null;
  legalBasis: string | null;
}

function nonEmpty(value: string, name: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new RangeError(`${name} must not be empty`);
  return trimmed;
}

/**
 * Someone's own words as a paragraph of the letter, ending as a sentence: a short text without a
 * full stop ("Fødsel") would otherwise read as a heading where the letter is shown and printed.
 */
function ownWords(value: string, name: string): string {
  const text = nonEmpty(value, name);
  return /[.!?:;…»"')\]]$/.test(text) ? text : `${text}.`;
}

function klageRight(input: StudentLetterParty, deadline: string): LetterSection {
  return klageSection({
    madeAvailableOn: input.madeAvailableOn,
    deadline,
    portal: "i studentportalen",
    how:
      "Du klager under «Brev» i studentportalen. Skriv hva du klager på og hvorfor. Klagen behandles av en annen enn den som fattet vedtaket. " +
      `Får du ikke medhold, sender vi klagen til ${APPEALS_BODY}.`,
  });
}

/** In the decision that follows a forhåndsvarsel: the notice, and whether this student spoke to it. */
function noticeSpokenTo(notice: { sentOn: string; respondBy: string; respondedOn: string | null; othersSpoke: boolean }): string {
  const sent = `Du fikk forhåndsvarsel ${formatDateNb(notice.sentOn)}, med frist ${formatDateNb(notice.respondBy)} for å uttale deg.`;
  const spoken = notice.respondedOn
    ? ` Vi fikk uttalelsen din ${formatDateNb(notice.respondedOn)}, og fagansvarlig har vurdert den${notice.othersSpoke ? " sammen med det de andre i gruppen skrev" : ""}.`
    : ` Vi fikk ingen uttalelse fra deg${notice.othersSpoke ? "; fagansvarlig har vurdert det de andre i gruppen skrev" : ""}.`;
  return sent + spoken;
}

function osloDay(instant: Date): string {
  return osloWallClock(instant).date;
}

/** A leave keeps a registration for a sitting already begun (withdrawExamRegistration). */
const EXAM_BEGUN_KEPT =
  "Eksamenen som allerede har begynt, står du fortsatt oppmeldt til: det du leverer, blir sensurert som vanlig. Leverer du ikke, regnes det som «ikke møtt» (et forsøk), med mindre du søker om og får utsatt eksamen, for eksempel med legeerklæring.";

/**
 * What a leave that begins does to the exam (withdrawExamRegistration's answer), in a letter that
 * grants it: the grant's own, or a klage's outcome that starts it.
 */
export function leaveExamSentence(exam: { withdrawn: boolean; kept: boolean }): string {
  return exam.withdrawn
    ? "Du er meldt av eksamen. Kommer du tilbake i tide og fyller kravene, melder faglærerne deg opp igjen."
    : exam.kept
      ? EXAM_BEGUN_KEPT
      : "Du blir ikke meldt opp til eksamen mens du har permisjon.";
}

/** "ordinær eksamen: Individuell skriftlig hjemmeeksamen, fredag 23. oktober 2026 kl. 09.00 – søndag 25. oktober 2026 kl. 14.00". */
function sittingNb(sitting: DeferralSitting): string {
  return `${sitting.kindLabel.toLowerCase()}: ${sitting.title}, ${formatExamMomentNb(sitting.startsAt)} – ${formatExamMomentNb(sitting.handInAt)}`;
}

function earlier(letter: EarlierLetter): string {
  return `«${letter.subject}» fra ${formatDateNb(letter.madeAvailableOn)}`;
}

/** The legal basis of a klage's outcome, by who decided it. */
const KLAGE_OUTCOME_BASIS = { TAKEN: "KLAGE_GRANTED", SENT_ON: "KLAGE", APPEALS_BODY: "APPEALS_BODY" } as const;

/**
 * A letter on a klage's outcome (taken here, sent on to the klagenemnd, or taken by it and carried
 * out here): not an enkeltvedtak of its own, so no klage deadline; its grounds, the rules the klage
 * was handled by, and that the klagenemnd's decision is final (it will decide; it has decided).
 */
function klageOutcome(
  kind: "KLAGE_REVERSED" | "KLAGE_UPHELD",
  greeting: LetterSection,
  closing: LetterSection,
  letter: {
    subject: string;
    title: string;
    heading: string;
    paragraphs: string[];
    groundsHeading: string;
    grounds: string;
    /** "APPEALS_BODY": the klagenemnd decided, and its decision is final (said in the basis); "SENT_ON": it will decide, finally; "TAKEN": taken here. */
    by: "TAKEN" | "SENT_ON" | "APPEALS_BODY";
  },
): ComposedStudentLetter {
  return {
    kind,
    subject: letter.subject,
    title: letter.title,
    sections: [
      greeting,
      { heading: letter.heading, paragraphs: letter.paragraphs },
      { heading: letter.groundsHeading, paragraphs: [ownWords(letter.grounds, "grounds")] },
      legalBasisSection(STUDY_REGULATIONS + ".", KLAGE_OUTCOME_BASIS[letter.by]),
      ...(letter.by === "SENT_ON" ? [finalDecisionSection()] : []),
      closing,
    ],
    klageDeadline: null,
    enkeltvedtak: false,
    grounds: null,
    legalBasis: null,
  };
}

export function composeStudentLetter(input: StudentLetterInput): ComposedStudentLetter {
  const greeting = letterheadSection({
    recipientName: input.studentName,
    reference: input.reference,
    madeAvailableOn: input.madeAvailableOn,
    programmeName: input.programmeName,
    cohortName: input.cohortName,
  });
  const closing = closingSection(input);
  const study = `${input.programmeName}, ${input.cohortName}`;
  switch (input.kind) {
    case "ARBEIDSKRAV_NOT_APPROVED": {
      const grounds = nonEmpty(input.grounds, "grounds");
      if (input.attempt < input.maxAttempts) throw new RangeError("only the final attempt's 'ikke godkjent' is an enkeltvedtak");
      const rules = arbeidskravLegalBasis(input.programmeName, input.maxAttempts);
      const deadline = klageDeadline(input.madeAvailableOn);
      const decision = [
        (input.corrected ? "Fagansvarlig har rettet vurderingen av innleveringen din fra godkjent til ikke godkjent. " : "") +
          `${input.arbeidskrav.title} (${input.cohortName}) er vurdert til ikke godkjent. Dette var den ${attemptOrdinal(input.attempt)} innleveringen, ` +
          `og studieplanen gir ${countNoun(input.maxAttempts, "innlevering", "innleveringer")} av hvert arbeidskrav. Arbeidskravet er derfor endelig ikke godkjent.`,
      ];
      if (input.group && input.group.length > 1) {
        decision.push(`Innleveringen var et gruppearbeid (${joinNb(input.group)}). Vedtaket gjelder deg; hver i gruppen får sitt eget brev.`);
      }
      decision.push(
        `Uten dette arbeidskravet godkjent har du ikke rett til å gå opp til eksamen med ${input.cohortName}. Kontakt studieveilederen om hva du kan gjøre videre, for eksempel å fortsette i et senere kull.`,
      );
      return {
        kind: input.kind,
        subject: `Vedtak: ${input.arbeidskrav.title} er ikke godkjent`,
        title: "Vedtak om arbeidskrav (enkeltvedtak)",
        sections: [
          greeting,
          { heading: "Vedtak", paragraphs: decision },
          legalBasisSection(rules, "ENKELTVEDTAK"),
          {
            heading: "Begrunnelse",
            paragraphs: [
              ...(input.notice ? [noticeSpokenTo(input.notice)] : []),
              `${input.corrected ? "Fagansvarliges begrunnelse for rettingen" : "Faglærerens vurdering"} (${formatDateNb(input.assessedOn)}):`,
              grounds,
            ],
          },
          klageRight(input, deadline),
          closing,
        ],
        klageDeadline: deadline,
        enkeltvedtak: true,
        grounds,
        legalBasis: legalBasisText(rules),
      };
    }
    case "EXAM_ADMISSION_REFUSED": {
      if (input.reasons.length === 0) throw new RangeError("a refusal needs its reasons");
      const grounds = input.reasons.map((reason) => nonEmpty(reason, "reason")).join(" ");
      const rules = examAdmissionLegalBasis(input.programmeName, input.requirements);
      const deadline = klageDeadline(input.madeAvailableOn);
      return {
        kind: input.kind,
        subject: `Vedtak: ikke adgang til eksamen, ${input.exam.title}`,
        title: "Vedtak om adgang til eksamen (enkeltvedtak)",
        sections: [
          greeting,
          {
            heading: "Vedtak",
            paragraphs: [
              `Du får ikke adgang til eksamen: ${input.exam.title}, ${formatDateNb(input.exam.startsOn)}–${formatDateNb(input.exam.endsOn)}. Du oppfyller ikke kravene for å gå opp til eksamen på ${study}.`,
              "Kontakt studieveilederen om hva du kan gjøre videre, for eksempel å fortsette i et senere kull.",
            ],
          },
          legalBasisSection(rules, "ENKELTVEDTAK"),
          { heading: "Begrunnelse", paragraphs: input.reasons.map((reason) => reason.trim()) },
          klageRight(input, deadline),
          closing,
        ],
        klageDeadline: deadline,
        enkeltvedtak: true,
        grounds,
        legalBasis: legalBasisText(rules),
      };
    }
    case "KLAGE_REVERSED":
      if (input.appealsBody) {
        // The klageinstans decided; we only carry its decision out (it is final, fvl. § 28).
        return klageOutcome(input.kind, greeting, closing, {
          subject: `Klagenemnda har tatt klagen din til følge: ${input.appealed.matter}`,
          title: "Klagenemndas vedtak er gjennomført",
          heading: "Klagenemndas vedtak",
          paragraphs: [
            `Klagen din av ${formatDateNb(input.klage.filedOn)} på vedtaket ${earlier(input.appealed)} ble sendt til ${APPEALS_BODY}. Klagenemnda har tatt klagen til følge ${appealsBodyDecisionRef(input.appealsBody)}.`,
            `Vi har gjennomført vedtaket: ${nonEmpty(input.outcome, "outcome")}`,
            replacesSentence(input.appealed),
          ],
          groundsHeading: "Klagenemndas begrunnelse",
          grounds: input.klage.grounds,
          by: "APPEALS_BODY",
        });
      }
      return klageOutcome(input.kind, greeting, closing, {
        subject: `Klagen din er tatt til følge: ${input.appealed.matter}`,
        title: "Vedtak i klagesak",
        heading: "Vedtak i klagesaken",
        paragraphs: [
          `Vi har behandlet klagen din av ${formatDateNb(input.klage.filedOn)} på vedtaket ${earlier(input.appealed)}. Klagen er tatt til følge: ${nonEmpty(input.outcome, "outcome")}`,
          replacesSentence(input.appealed),
        ],
        groundsHeading: "Begrunnelse",
        grounds: input.klage.grounds,
        by: "TAKEN",
      });
    case "KLAGE_UPHELD":
      return klageOutcome(input.kind, greeting, closing, {
        subject: `Klagen din sendes til klagenemnda: ${input.appealed.matter}`,
        // Not a decision of the klage: it is sent on to the appeals body, which decides (fvl. § 33).
        title: "Klagen er ikke tatt til følge",
        heading: "Vår vurdering av klagen",
        paragraphs: [
          `Vi har behandlet klagen din av ${formatDateNb(input.klage.filedOn)} på vedtaket ${earlier(input.appealed)}, og har ikke funnet grunn til å endre vedtaket.`,
          `Vi sender derfor klagen til ${APPEALS_BODY}, som avgjør den endelig (forvaltningsloven § 33 fjerde ledd). Du får svar direkte fra klagenemnda.`,
        ],
        groundsHeading: "Begrunnelse",
        grounds: input.klage.grounds,
        by: "SENT_ON",
      });
    case "KLAGE_DISMISSED": {
      const grounds = ownWords(input.klage.grounds, "grounds");
      const deadline = klageDeadline(input.madeAvailableOn);
      // § 31 is a discretion («kan likevel»), and the letter says it was weighed (§ 25); § 33 andre
      // ledd is the duty to avvise when it is not used. A year after the decision there is no
      // discretion left (§ 31 third paragraph).
      const rules = input.yearPassed
        ? "Forvaltningsloven §§ 29, 31 tredje ledd og 33 andre ledd. En klage kan ikke tas under behandling når det er gått mer enn ett år siden vedtaket ble truffet (§ 31 tredje ledd), og den skal da avvises (§ 33 andre ledd)."
        : "Forvaltningsloven §§ 29, 31 og 33 andre ledd. En klage som er kommet etter klagefristen, kan likevel tas under behandling hvis klageren ikke kan lastes for at den kom for sent eller for å ha ventet med å klage etterpå, eller hvis det av særlige grunner er rimelig at den blir prøvd (§ 31). Ellers skal den avvises (§ 33 andre ledd).";
      return {
        kind: input.kind,
        subject: `Vedtak: klagen din på vedtaket om ${input.appealed.matter} er avvist`,
        title: "Vedtak om avvisning av klage (enkeltvedtak)",
        sections: [
          greeting,
          {
            heading: "Vedtak",
            paragraphs: [
              `Klagen din på vedtaket ${earlier(input.appealed)} ble sendt eller kom inn ${formatDateNb(input.klage.receivedOn)}. Klagefristen var ${formatDateNb(input.appealed.klageDeadline)}, så klagen kom for sent.`,
              input.yearPassed
                ? "Det var gått mer enn ett år siden vedtaket, og da kan klagen ikke tas under behandling. Klagen er derfor avvist: vi tar ikke stilling til det du klager på."
                : "Vi har vurdert om klagen likevel kan tas under behandling etter forvaltningsloven § 31, og har ikke funnet grunn til det. Klagen er derfor avvist: vi tar ikke stilling til det du klager på.",
              "Vedtaket du klaget på, gjelder som før.",
              // Her klage in the portal is text: documentation goes to the adviser (contact below).
              "Mener du at klagen ikke kom for sent, eller at du ikke kan lastes for det, kan du klage på avvisningen. Skriv da hvorfor klagen kom sent. Har du dokumentasjon på det, for eksempel en legeerklæring, send den til studieveilederen (se nederst i brevet).",
            ],
          },
          legalBasisSection(rules, "AVVISNING"),
          { heading: "Begrunnelse", paragraphs: [grounds] },
          klageRight(input, deadline),
          closing,
        ],
        klageDeadline: deadline,
        enkeltvedtak: true,
        grounds,
        legalBasis: legalBasisText(rules, "AVVISNING"),
      };
    }
    case "EXAM_DEFERRAL_GRANTED":
      return {
        kind: input.kind,
        // The sitting she misses, named as such (a missed «ny eksamen» read as a new exam on that day).
        subject: `Utsatt eksamen innvilget, i stedet for ${input.missed.kindLabel.toLowerCase()} ${formatDateNb(osloDay(input.missed.startsAt))}`,
        title: "Svar på søknad om utsatt eksamen",
        sections: [
          greeting,
          {
            heading: "Søknaden er innvilget",
            paragraphs: [
              `Du søkte ${formatDateNb(input.requestedOn)} om utsatt eksamen (${DEFERRAL_REASON_LABELS[input.reason].toLowerCase()}) for ${sittingNb(input.missed)}. Søknaden er innvilget.`,
              `Du er meldt opp til utsatt eksamen på ${study}: ${input.sitting.title}. Eksamen starter ${formatExamMomentNb(input.sitting.startsAt)} og skal leveres senest ${formatExamMomentNb(input.sitting.handInAt)} (norsk tid).`,
              "Eksamenen du gikk glipp av, teller ikke som et forsøk. Den utsatte eksamenen teller som et forsøk når du har levert eller ikke møter.",
              ...(input.note?.trim() ? [input.note.trim()] : []),
            ],
          },
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
    case "EXAM_DEFERRAL_REFUSED": {
      const grounds = nonEmpty(input.grounds, "grounds");
      const rules = examDeferralLegalBasis(input.programmeName);
      const deadline = klageDeadline(input.madeAvailableOn);
      return {
        kind: input.kind,
        subject: `Vedtak: utsatt eksamen er avslått, ${input.missed.kindLabel.toLowerCase()} ${formatDateNb(osloDay(input.missed.startsAt))}`,
        title: "Vedtak om utsatt eksamen (enkeltvedtak)",
        sections: [
          greeting,
          {
            heading: "Vedtak",
            paragraphs: [
              `Du søkte ${formatDateNb(input.requestedOn)} om utsatt eksamen (${DEFERRAL_REASON_LABELS[input.reason].toLowerCase()}) for ${sittingNb(input.missed)} på ${study}. Søknaden er avslått.`,
              input.over
                ? "Leverte du ikke besvarelse, er eksamenen registrert som «ikke møtt», og den teller som et forsøk. Du kan melde deg opp til ny eksamen når den blir lyst ut, hvis du har forsøk igjen."
                : "Du er fortsatt meldt opp til eksamenen. Møter du ikke, teller den som et forsøk.",
            ],
          },
          legalBasisSection(rules, "ENKELTVEDTAK"),
          { heading: "Begrunnelse", paragraphs: [ownWords(grounds, "grounds")] },
          klageRight(input, deadline),
          closing,
        ],
        klageDeadline: deadline,
        enkeltvedtak: true,
        grounds,
        legalBasis: legalBasisText(rules),
      };
    }
    case "LEAVE_GRANTED": {
      const days =
        input.samlingDays === 0
          ? "Ingen av kullets samlingsdager er i permisjonstiden."
          : input.over
            ? `${countNoun(input.samlingDays, "samlingsdag", "samlingsdager")} i kullet er i permisjonstiden. De regnes ikke som fravær.`
            : `${countNoun(input.samlingDays, "samlingsdag", "samlingsdager")} i kullet er i permisjonstiden. De regnes ikke som fravær, og du får ikke varsler om oppmøte mens du har permisjon.`;
      const rule =
        input.samlingDays > input.maxAbsences
          ? `Du har likevel ikke vært til stede de dagene, og kravet om minst ${input.attendancePercent} % oppmøte gjelder alle samlingsdagene i kullet. Permisjonen dekker flere dager enn kravet gir rom for, så du kan ikke gå opp til eksamen med ${input.cohortName}. Når du kommer tilbake, kan du fortsette i et senere kull, og det du har fått godkjent (arbeidskrav og oppmøte), blir godkjent der.`
          : `Du har likevel ikke vært til stede de dagene, og kravet om minst ${input.attendancePercent} % oppmøte gjelder alle samlingsdagene i kullet: permisjonsdagene bruker av det fraværet kravet gir rom for (${countNoun(input.maxAbsences, "dag", "dager")} i alt). Blir det for mange, kan du fortsette i et senere kull og få godkjent det du har gjort.`;
      return {
        kind: input.kind,
        subject: `Permisjon innvilget ${formatDateNb(input.leave.from)}–${formatDateNb(input.leave.to)}`,
        title: "Vedtak om permisjon",
        sections: [
          greeting,
          {
            heading: "Vedtak",
            paragraphs: [
              `Du har fått permisjon fra ${study} fra og med ${formatDateNb(input.leave.from)} til og med ${formatDateNb(input.leave.to)}, slik du søkte om.` +
                (input.over ? " Perioden er allerede over, så du settes ikke på permisjon nå." : ""),
            ],
          },
          { heading: "Søknaden din", paragraphs: [ownWords(input.reason, "reason")] },
          {
            heading: "Hva permisjonen betyr",
            paragraphs: [
              days,
              input.samlingDays > 0 ? rule : `Kravet om minst ${input.attendancePercent} % oppmøte gjelder alle samlingsdagene i kullet, som før.`,
              // Over: nothing happened to the exam, and there is no return to report.
              ...(input.over
                ? []
                : [leaveExamSentence({ withdrawn: input.examWithdrawn, kept: input.examKept ?? false }), "Gi beskjed til studieveilederen når du kommer tilbake, så registrerer vi det."]),
            ],
          },
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
    }
    case "LEAVE_REFUSED": {
      const grounds = nonEmpty(input.grounds, "grounds");
      const rules = leaveLegalBasis(input.programmeName);
      const deadline = klageDeadline(input.madeAvailableOn);
      return {
        kind: input.kind,
        subject: "Vedtak: søknaden om permisjon er avslått",
        title: "Vedtak om permisjon (enkeltvedtak)",
        sections: [
          greeting,
          {
            heading: "Vedtak",
            paragraphs: [
              `Du får ikke permisjon fra ${study} ${formatDateNb(input.leave.from)}–${formatDateNb(input.leave.to)}. Du fortsetter i kullet som før, og samlingsdagene i perioden teller som vanlig.`,
            ],
          },
          { heading: "Søknaden din", paragraphs: [ownWords(input.reason, "reason")] },
          legalBasisSection(rules, "ENKELTVEDTAK"),
          { heading: "Begrunnelse", paragraphs: [ownWords(grounds, "grounds")] },
          klageRight(input, deadline),
          closing,
        ],
        klageDeadline: deadline,
        enkeltvedtak: true,
        grounds,
        legalBasis: legalBasisText(rules),
      };
    }
    case "LEAVE_ENDED":
      return {
        kind: input.kind,
        subject: `Du er tilbake fra permisjon ${formatDateNb(input.returnedOn)}`,
        title: "Tilbake fra permisjon",
        sections: [
          greeting,
          {
            heading: "Registrert",
            paragraphs: [
              `Vi har registrert at du er tilbake på ${study} fra ${formatDateNb(input.returnedOn)}. Permisjonen du fikk fra ${formatDateNb(input.leave.from)} (til ${formatDateNb(input.leave.to)}), er avsluttet.`,
              input.samlingDays === 0
                ? "Ingen samlingsdager var i permisjonstiden."
                : `${countNoun(input.samlingDays, "samlingsdag", "samlingsdager")} var i permisjonstiden. De er ikke fravær, men heller ikke oppmøte.`,
              "Samlingsdagene fra nå av teller som vanlig. Under «Mine studier» ser du om du fortsatt kan nå kravene for eksamen i kullet.",
              ...(input.deferred ?? []).map((placement) =>
                placement.restored
                  ? `Du er meldt opp igjen til den utsatte eksamenen du fikk: ${placement.sitting}.`
                  : `Den utsatte eksamenen du fikk (${placement.sitting}) begynte mens du hadde permisjon. Ta kontakt med studieveilederen om hvordan du kan ta eksamen.`,
              ),
            ],
          },
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
    case "LEAVE_CANCELLED":
      return {
        kind: input.kind,
        subject: `Permisjonen fra ${formatDateNb(input.leave.from)} er trukket tilbake`,
        title: "Permisjon trukket tilbake",
        sections: [
          greeting,
          {
            heading: "Bekreftelse",
            paragraphs: [
              `Vi bekrefter at permisjonen du hadde fått fra ${study} fra og med ${formatDateNb(input.leave.from)} til og med ${formatDateNb(input.leave.to)}, er trukket tilbake, slik du ba om i henvendelsen din av ${formatDateNb(input.requestedOn)}. Permisjonen hadde ikke begynt.`,
              input.samlingDays === 0
                ? "Ingen samlingsdager var i perioden, så oppmøtet ditt er som før."
                : `${countNoun(input.samlingDays, "samlingsdag", "samlingsdager")} var i perioden. De teller som vanlige samlingsdager: møter du ikke, er det fravær.`,
              "Du fortsetter i kullet som før. Under «Mine studier» ser du oppmøtet og arbeidskravene dine. Trenger du permisjon senere, kan du søke på nytt.",
            ],
          },
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
    case "WITHDRAWAL_CONFIRMED":
      return {
        kind: input.kind,
        subject: `Bekreftelse: du har sluttet på ${input.cohortName}`,
        title: "Bekreftelse på at du har sluttet",
        sections: [
          greeting,
          {
            heading: "Bekreftelse",
            paragraphs: [
              `Vi bekrefter at du har sluttet på ${study} fra og med ${formatDateNb(input.effectiveOn)}, slik du ba om i henvendelsen din av ${formatDateNb(input.requestedOn)}. Studieretten din i kullet er avsluttet.`,
              ...(input.reason ? [`Det du oppga som grunn: ${input.reason.trim()}`] : []),
              input.examWithdrawn ? "Du er meldt av eksamen." : "Du blir ikke meldt opp til eksamen.",
              "Arbeidskravene og oppmøtet du har fått godkjent, er lagret. Vil du ta opp studiet igjen senere, må du søke opptak på nytt; kontakt studieveilederen om hva som kan godkjennes da.",
            ],
          },
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
    case "COMPLETION_CONFIRMED":
      return {
        kind: input.kind,
        subject: `Bekreftelse: du har fullført ${input.programmeName}`,
        title: "Bekreftelse på fullført videreutdanning",
        sections: [
          greeting,
          {
            heading: "Bekreftelse",
            paragraphs: [
              ...completedStudyLines({ study, credits: input.credits, courseCode: input.courseCode, exam: input.exam, grade: input.grade }),
              ...(input.leaveCancelled
                ? [`Permisjonen du hadde fått fra ${formatDateNb(input.leaveCancelled.from)} til ${formatDateNb(input.leaveCancelled.to)}, er trukket tilbake, siden du har fullført.`]
                : []),
            ],
          },
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
    case "TRANSFER_CONFIRMED": {
      const credited = input.credited.map((item) => `${item.title}: godkjent på grunnlag av ${item.from}.`);
      return {
        kind: input.kind,
        subject: `Du er overført til ${input.cohortName}`,
        title: "Overføring til senere kull",
        sections: [
          greeting,
          {
            heading: "Overføring",
            paragraphs: [
              `Du er overført fra ${input.fromCohortName} til ${study}. Du fortsetter i det nye kullet med dets samlinger, arbeidskrav og eksamen.`,
              ...(input.firstDay ? [`Den første samlingsdagen du skal møte på i det nye kullet, er ${formatDateNb(input.firstDay)}.`] : []),
            ],
          },
          {
            heading: "Godkjent fra det tidligere kullet",
            paragraphs: [
              ...(credited.length ? credited : ["Ingen arbeidskrav er godkjent fra det tidligere kullet."]),
              input.attendance.days > 0
                ? `${countNoun(input.attendance.days, "samlingsdag", "samlingsdager")} i ${input.attendance.samlinger.length === 1 ? "samling" : "samlingene"} ${joinNb(input.attendance.samlinger.map(String))} er godkjent som oppmøte fordi du var til stede på de samme samlingene i ${input.fromCohortName}.`
                : "Ingen samlingsdager er godkjent som oppmøte fra det tidligere kullet.",
            ],
          },
          {
            heading: "Dette gjenstår",
            paragraphs: [
              ...(input.awaited ?? []).map(
                (item) =>
                  `${item.from} er ikke vurdert ennå. Blir det godkjent før du har levert ${item.title} i det nye kullet, teller det som ${item.title} der, og da trenger du ikke levere det. Blir det ikke godkjent, leverer du ${item.title} i det nye kullet.`,
              ),
              input.remaining.length
                ? `Arbeidskrav du skal levere i det nye kullet: ${joinNb(input.remaining)}.`
                : (input.awaited ?? []).length
                  ? "Alle de andre obligatoriske arbeidskravene er godkjent."
                  : "Alle de obligatoriske arbeidskravene er godkjent.",
              "Under «Studieforløp» ser du hele historikken din fra begge kullene: innleveringer, tilbakemeldinger og det som er godkjent.",
            ],
          },
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
    }
    case "CORRECTION_NOTICE": {
      // Only an enkeltvedtak is announced: the final attempt of an arbeidskrav that counts toward the
      // exam (the last «ikke godkjent» of an optional one decides nothing: coursework.ts isRejectionDecision).
      if (input.attempt < input.maxAttempts) throw new RangeError("a notice is given only before an enkeltvedtak: the final attempt");
      if (!input.required) throw new RangeError("a notice is given only before an enkeltvedtak: an optional arbeidskrav's last «ikke godkjent» is none");
      const intended = [
        `${input.arbeidskrav.title} i ${input.cohortName} ble vurdert til godkjent ${formatDateNb(input.approvedOn)}. Fagansvarlig vurderer å rette vurderingen til ikke godkjent.`,
        `Det var den ${attemptOrdinal(input.attempt)} innleveringen, og studieplanen gir ${countNoun(input.maxAttempts, "innlevering", "innleveringer")} av hvert arbeidskrav. ` +
          "Blir vurderingen rettet, er arbeidskravet endelig ikke godkjent, og da har du ikke rett til å gå opp til eksamen. Det gjelder også om arbeidskravet er godkjent for deg i et senere kull på grunnlag av denne innleveringen.",
      ];
      if (input.earlier) {
        intended.push(
          `Vi sendte deg et forhåndsvarsel om den samme vurderingen ${formatDateNb(input.earlier.sentOn)} og trakk det tilbake ${formatDateNb(input.earlier.withdrawnOn)}. ` +
            "Saken er nå tatt opp igjen, og dette er et nytt varsel med begrunnelsen og fristen nedenfor. Det du eventuelt skrev til det forrige varselet, er med i saken, og du kan uttale deg på nytt.",
        );
      }
      if (input.group && input.group.length > 1) {
        intended.push(`Innleveringen var et gruppearbeid (${joinNb(input.group)}). Alle i gruppen får dette varselet, og alle kan uttale seg.`);
      }
      intended.push("Dette er ikke et vedtak. Til saken er avgjort, står arbeidskravet som godkjent.");
      return {
        kind: input.kind,
        subject: `Forhåndsvarsel: ${input.arbeidskrav.title} kan bli rettet til ikke godkjent`,
        title: "Forhåndsvarsel om retting av vurdering",
        sections: [
          greeting,
          { heading: "Hva vi vurderer", paragraphs: intended },
          { heading: "Hvorfor", paragraphs: [ownWords(input.reason, "reason")] },
          {
            heading: "Du kan uttale deg",
            paragraphs: [
              `Før det blir gjort vedtak, kan du uttale deg om saken (forvaltningsloven § 16). Fristen er ${formatDateNb(input.respondBy)}. ` +
                "Du skriver uttalelsen under «Brev» i studentportalen, på siden for dette brevet. Du har rett til å se dokumentene i saken (forvaltningsloven § 18).",
              "Vi gjør ikke vedtak før fristen har gått, med mindre alle som har fått varselet, har uttalt seg før. " +
                "Blir vurderingen rettet, får du et vedtak med begrunnelse, der det du har skrevet er vurdert, og du kan klage på det.",
            ],
          },
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
    }
    case "CORRECTION_NOTICE_WITHDRAWN":
      return {
        kind: input.kind,
        subject: `Forhåndsvarselet er trukket tilbake: ${input.notice.matter}`,
        title: "Forhåndsvarsel trukket tilbake",
        sections: [
          greeting,
          {
            heading: "Vurderingen står",
            paragraphs: [
              `Vi sendte deg ${formatDateNb(input.notice.madeAvailableOn)} et forhåndsvarsel om at vurderingen av ${input.notice.matter} kunne bli rettet til ikke godkjent. Varselet er trukket tilbake, og vurderingen blir ikke rettet: ${input.notice.matter} er fortsatt godkjent, og du trenger ikke gjøre noe.`,
              ...(input.note?.trim() ? [ownWords(input.note, "note")] : []),
            ],
          },
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
    case "DECISION_CHANGED":
      return {
        kind: input.kind,
        subject: `Endret vedtak: ${input.changed.matter}`,
        title: "Endret vedtak",
        sections: [
          greeting,
          {
            heading: "Vedtak",
            paragraphs: [`Vedtaket ${earlier(input.changed)} gjelder ikke lenger.`, nonEmpty(input.outcome, "outcome")],
          },
          { heading: "Begrunnelse", paragraphs: [ownWords(input.reason, "reason")] },
          ...(input.klageAtAppealsBody
            ? [
                {
                  heading: "Klagen din",
                  paragraphs: [
                    `Klagen din i denne saken ligger hos ${APPEALS_BODY}. Vi gir klagenemnda beskjed om at vedtaket ${earlier(input.changed)} er endret, så den ikke avgjør et vedtak som ikke gjelder lenger. Du trenger ikke gjøre noe.`,
                    "Mener du at klagen gjelder noe dette nye vedtaket ikke gir deg, kan du si fra til studieveilederen.",
                  ],
                },
              ]
            : []),
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
  }
}

/**
 * Which later letter replaces each enkeltvedtak: a klage taken, or a letter that the decision no
 * longer stands, in the same case (the same case number). A confirmation of completion is replaced
 * the same way when the grade that counts changes afterwards, and so is each such letter by the
 * next one in its case (lib/server/enrolments/completion.ts). Letters are never changed: the portal
 * shows the earlier one as no longer standing, with a link to the letter that replaced it.
 */
export function replacedStudentLetters<T extends { id: string; kind: StudentLetterKind; caseNumber: number; order: number }>(letters: readonly T[]): Map<string, T> {
  const replaced = new Map<string, T>();
  const completionCases = new Set(letters.filter((letter) => letter.kind === "COMPLETION_CONFIRMED").map((letter) => letter.caseNumber));
  for (const letter of letters) {
    const replaceable =
      isEnkeltvedtak(letter.kind) ||
      letter.kind === "COMPLETION_CONFIRMED" ||
      (letter.kind === "DECISION_CHANGED" && completionCases.has(letter.caseNumber));
    if (!replaceable) continue;
    const by = letters
      .filter((other) => other.caseNumber === letter.caseNumber && other.order > letter.order && (other.kind === "KLAGE_REVERSED" || other.kind === "DECISION_CHANGED"))
      .sort((a, b) => a.order - b.order)[0];
    if (by) replaced.set(letter.id, by);
  }
  return replaced;
}
