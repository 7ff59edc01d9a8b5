/**
 * The sittings of a kull's exam and what a student's record across them means: the ordinary exam,
 * utsatt eksamen (a deferred sitting for students granted a deferral, lib/domain/exam-deferral.ts)
 * and ny eksamen (a resit students register for before a deadline). Every sitting's result is
 * kept; these rules read the whole record.
 *
 * Decisions taken (DOMAIN.md: "the grade history keeps every sitting and the best grade counts"):
 * - **The grade that counts** is the best grade of any sitting (A best, F worst); "ikke møtt",
 *   "meldt av" (withdrawn before the start), "utsatt" and "ikke adgang" are no results and never
 *   count. With the same best grade at two sittings, the earlier sitting's counts (its term and
 *   date go to FS). The order the grades were set in changes nothing.
 * - **An attempt** is a sitting with a grade (F included) or "ikke møtt" (not handing in, or
 *   withdrawing after the start, without a granted deferral: NTNU counts it). Withdrawing before
 *   the start, a granted deferral and "ikke adgang" use no attempt.
 * - **Attempts are limited** by the study plan (Programme.examAttempts, default 3 as at NTNU), and
 *   a student who has passed may use at most Programme.examImprovementAttempts (default 1, as at
 *   NTNU) of them to improve the grade; the best grade still counts, so improving never lowers it.
 * - **The right to sit a later sitting** follows from the course: the same eligibility rule as the
 *   ordinary exam (lib/domain/eligibility.ts). A student refused admission to the ordinary exam
 *   cannot register for a resit without becoming eligible.
 * - **Ny eksamen** is open to any student of the kull who has not passed (or may still improve),
 *   has attempts left, is eligible, and has no result outstanding at another sitting; registration
 *   closes at the end of the sitting's registration day (Oslo), before the first exam day.
 */
import { deadlineEnd } from "./application-deadline";
import { GRADES, isPassingGrade, type Grade } from "./exam";
import { formatDateNb } from "./format";

export type ExamKind = "ORDINARY" | "DEFERRED" | "RESIT";
export const EXAM_KINDS: readonly ExamKind[] = ["ORDINARY", "DEFERRED", "RESIT"];

export const EXAM_KIND_LABELS: Record<ExamKind, string> = {
  ORDINARY: "Ordinær eksamen",
  DEFERRED: "Utsatt eksamen",
  RESIT: "Ny eksamen",
};

/** How a sitting is named to people: the ordinary one by its title, a later one by its kind too. */
export function sittingName(sitting: { kind: ExamKind; title: string }): string {
  return sitting.kind === "ORDINARY" ? sitting.title : `${EXAM_KIND_LABELS[sitting.kind]}: ${sitting.title}`;
}

/** A registration's status at one sitting (ExamRegistrationStatus). */
export type SittingStatus = "ADMITTED" | "WITHDRAWN" | "REFUSED" | "NOT_ATTENDED" | "DEFERRED";

/** One of a student's registrations, with its sitting's place in time. */
export interface SittingRecord {
  examId: string;
  /** When the sitting starts: orders the sittings. */
  startsAt: Date;
  status: SittingStatus;
  /** Only on an ADMITTED registration (a CHECK in the database). */
  grade: Grade | null;
  /** The Oslo day the result was recorded (null while there is none). */
  gradedOn: string | null;
}

/** What one sitting gave: a grade, "ikke møtt", nothing yet, or no result at all. */
export type SittingOutcome = "GRADED" | "NOT_ATTENDED" | "PENDING" | "WITHDRAWN" | "REFUSED" | "DEFERRED";

export function sittingOutcome(record: Pick<SittingRecord, "status" | "grade">): SittingOutcome {
  switch (record.status) {
    case "ADMITTED":
      return record.grade ? "GRADED" : "PENDING";
    case "NOT_ATTENDED":
      return "NOT_ATTENDED";
    case "WITHDRAWN":
      return "WITHDRAWN";
    case "REFUSED":
      return "REFUSED";
    case "DEFERRED":
      return "DEFERRED";
  }
}

/** The result as a student or a protocol reads it ("B", "Ikke møtt", "Utsatt" …). */
export const SITTING_OUTCOME_LABELS: Record<Exclude<SittingOutcome, "GRADED">, string> = {
  NOT_ATTENDED: "Ikke møtt",
  PENDING: "Ikke satt ennå",
  WITHDRAWN: "Meldt av",
  REFUSED: "Ikke adgang",
  DEFERRED: "Utsatt",
};

/** A grade, or "ikke møtt": the sitting used an attempt. */
export function countsAsAttempt(record: Pick<SittingRecord, "status" | "grade">): boolean {
  const outcome = sittingOutcome(record);
  return outcome === "GRADED" || outcome === "NOT_ATTENDED";
}

/** Negative when `a` is the better grade (A best, F worst). */
export function compareGrades(a: Grade, b: Grade): number {
  return GRADES.indexOf(a) - GRADES.indexOf(b);
}

function bySitting(a: Pick<SittingRecord, "startsAt" | "examId">, b: Pick<SittingRecord, "startsAt" | "examId">): number {
  const time = a.startsAt.getTime() - b.startsAt.getTime();
  if (time !== 0) return time;
  return a.examId < b.examId ? -1 : a.examId > b.examId ? 1 : 0;
}

function inOrder(records: readonly SittingRecord[]): SittingRecord[] {
  for (const record of records) {
    if (!Number.isFinite(record.startsAt.getTime())) throw new RangeError(`sitting ${record.examId} has no valid start`);
    if (record.grade !== null && record.status !== "ADMITTED") throw new RangeError(`a ${record.status} registration has no grade`);
  }
  return [...records].sort(bySitting);
}

export interface CountingGrade {
  grade: Grade;
  /** The sitting it was given at. */
  examId: string;
  gradedOn: string | null;
}

/** The grade that counts: the best of every sitting's grade (the earliest sitting on a tie); null without one. */
export function countingGrade(records: readonly SittingRecord[]): CountingGrade | null {
  let best: SittingRecord | null = null;
  for (const record of inOrder(records)) {
    if (sittingOutcome(record) !== "GRADED") continue;
    if (best === null || compareGrades(record.grade!, best.grade!) < 0) best = record;
  }
  return best ? { grade: best.grade!, examId: best.examId, gradedOn: best.gradedOn } : null;
}

/** The study plan's limits (Programme.examAttempts, examImprovementAttempts). */
export interface ExamAttemptRules {
  attempts: number;
  improvements: number;
}

/** NTNU's rules, the database's defaults: three attempts in all, one of them to improve a passed grade. */
export const NTNU_ATTEMPT_RULES: ExamAttemptRules = { attempts: 3, improvements: 1 };

export function assertAttemptRules(rules: ExamAttemptRules): void {
  if (!Number.isInteger(rules.attempts) || rules.attempts < 1) throw new RangeError(`attempts must be at least 1, got ${rules.attempts}`);
  if (!Number.isInteger(rules.improvements) || rules.improvements < 0 || rules.improvements >= rules.attempts) {
    throw new RangeError(`improvements must be 0 … attempts − 1, got ${rules.improvements}`);
  }
}

export interface AttemptSummary {
  used: number;
  allowed: number;
  left: number;
  /** The counting grade is a pass. */
  passed: boolean;
  /** Attempts after the first pass (to improve the grade). */
  improvementsUsed: number;
  improvementsLeft: number;
}

export function attemptSummary(records: readonly SittingRecord[], rules: ExamAttemptRules): AttemptSummary {
  assertAttemptRules(rules);
  const ordered = inOrder(records);
  const attempts = ordered.filter(countsAsAttempt);
  const firstPass = ordered.find((record) => sittingOutcome(record) === "GRADED" && isPassingGrade(record.grade!));
  const improvementsUsed = firstPass ? attempts.filter((record) => bySitting(record, firstPass) > 0).length : 0;
  const used = attempts.length;
  return {
    used,
    allowed: rules.attempts,
    left: Math.max(0, rules.attempts - used),
    passed: firstPass !== undefined,
    improvementsUsed,
    improvementsLeft: firstPass ? Math.max(0, rules.improvements - improvementsUsed) : 0,
  };
}

export interface ResitSitting {
  examId: string;
  kind: ExamKind;
  startsAt: Date;
  /** The last day to register (RESIT). */
  registrationClosesOn: string | null;
}

export type ResitProblemCode =
  | "NOT_A_RESIT"
  | "ON_LEAVE"
  | "ALREADY_REGISTERED"
  | "DEFERRED_HERE"
  | "REFUSED_HERE"
  | "DEADLINE_PASSED"
  | "RESULT_OUTSTANDING"
  | "NOT_ELIGIBLE"
  | "NO_ATTEMPTS_LEFT"
  | "PASSED";

export interface ResitProblem {
  code: ResitProblemCode;
  /** To the student ("du"). */
  message: string;
  /** The same to staff, about the student ("studenten"). */
  staffMessage: string;
}

function problem(code: ResitProblemCode, message: string, staffMessage: string): ResitProblem {
  return { code, message, staffMessage };
}

/**
 * Whether a student may register for this ny eksamen now; null when they may, otherwise why not
 * (the first reason, in the order a student would want to hear them).
 */
export function resitRegistrationProblem(input: {
  sitting: ResitSitting;
  /** The student's registrations at every sitting of the kull (this one included, if any). */
  records: readonly SittingRecord[];
  /** The student is ELIGIBLE by the course's rule (attendance and arbeidskrav). */
  eligible: boolean;
  /** The student is on leave: not registered for any exam until back (lib/domain/enrolment.ts). */
  onLeave: boolean;
  rules: ExamAttemptRules;
  now: Date;
}): ResitProblem | null {
  const { sitting, rules } = input;
  if (sitting.kind !== "RESIT" || !sitting.registrationClosesOn) {
    const text = "Bare til ny eksamen kan man melde seg opp. Til utsatt eksamen søker man om utsettelse.";
    return problem("NOT_A_RESIT", text, text);
  }
  if (input.onLeave) {
    return problem(
      "ON_LEAVE",
      "Du har permisjon, og kan ikke meldes opp til eksamen mens du har det. Gi beskjed til studieveilederen når du er tilbake.",
      "Studenten har permisjon. Registrer at studenten er tilbake, før studenten meldes opp.",
    );
  }
  const records = inOrder(input.records);
  const here = records.find((record) => record.examId === sitting.examId);
  if (here && here.status === "REFUSED") {
    return problem("REFUSED_HERE", "Du har fått vedtak om ikke adgang til denne eksamenen.", "Studenten har fått vedtak om ikke adgang til denne eksamenen.");
  }
  if (here && here.status === "DEFERRED") {
    return problem(
      "DEFERRED_HERE",
      "Du har fått utsatt eksamen for denne eksamenen, og tar den utsatte eksamenen i stedet.",
      "Studenten har fått utsatt eksamen for denne eksamenen, og tar den utsatte eksamenen i stedet.",
    );
  }
  if (here && here.status !== "WITHDRAWN") {
    return problem("ALREADY_REGISTERED", "Du er allerede meldt opp til denne eksamenen.", "Studenten er allerede meldt opp til denne eksamenen.");
  }
  if (input.now.getTime() >= deadlineEnd(sitting.registrationClosesOn).getTime()) {
    const text = `Fristen for å melde seg opp gikk ut ${formatDateNb(sitting.registrationClosesOn)}.`;
    return problem("DEADLINE_PASSED", text, text);
  }
  const outstanding = records.find((record) => record.examId !== sitting.examId && sittingOutcome(record) === "PENDING");
  if (outstanding) {
    return problem(
      "RESULT_OUTSTANDING",
      "Du er meldt opp til en annen eksamen som ikke har fått resultat ennå. Du kan melde deg opp til ny eksamen når resultatet er satt.",
      "Studenten er meldt opp til en annen eksamen som ikke har fått resultat ennå.",
    );
  }
  if (!input.eligible) {
    return problem(
      "NOT_ELIGIBLE",
      "Du har ikke rett til å gå opp til eksamen: kravene til oppmøte og arbeidskrav er ikke oppfylt.",
      "Studenten har ikke rett til å gå opp til eksamen: kravene til oppmøte og arbeidskrav er ikke oppfylt.",
    );
  }
  const summary = attemptSummary(records.filter((record) => record.examId !== sitting.examId), rules);
  if (summary.left === 0) {
    const all = summary.allowed === 1 ? "det eneste forsøket studieplanen gir" : `alle de ${summary.allowed} forsøkene studieplanen gir`;
    return problem("NO_ATTEMPTS_LEFT", `Du har brukt ${all}.`, `Studenten har brukt ${all}.`);
  }
  if (summary.passed && summary.improvementsLeft === 0) {
    const rest =
      rules.improvements === 0
        ? "bestått eksamen, og studieplanen gir ikke adgang til å ta den på nytt for å forbedre karakteren."
        : rules.improvements === 1
          ? "bestått eksamen og brukt forsøket til å forbedre karakteren."
          : `bestått eksamen og brukt alle de ${rules.improvements} forsøkene til å forbedre karakteren.`;
    return problem("PASSED", `Du har ${rest}`, `Studenten har ${rest}`);
  }
  return null;
}

/** Registering now would be an attempt to improve a grade already passed. */
export function isImprovementAttempt(records: readonly SittingRecord[]): boolean {
  return inOrder(records).some((record) => sittingOutcome(record) === "GRADED" && isPassingGrade(record.grade!));
}

/**
 * The registration that the exam decision is about now (lib/domain/exam.ts examDecisionNeeded):
 * the latest sitting where the student is registered, refused or has a result, skipping sittings
 * they withdrew from or had deferred. Null: no decision taken yet.
 */
export function decisionRegistration<R extends Pick<SittingRecord, "startsAt" | "status" | "grade" | "examId">>(records: readonly R[]): R | null {
  const candidates = [...records]
    .filter((record) => record.status !== "WITHDRAWN" && record.status !== "DEFERRED")
    .sort(bySitting);
  return candidates.at(-1) ?? null;
}

/**
 * The sitting a student's pages put first: the one they are registered for without a result
 * (at most one: a resit needs every earlier result in), else the latest they have a record at,
 * else the ordinary sitting. Null when the kull has no sitting.
 */
export function sittingInFocus<S extends { id: string; kind: ExamKind; startsAt: Date }>(sittings: readonly S[], records: readonly SittingRecord[]): S | null {
  const ordered = inOrder(records);
  const pending = ordered.find((record) => sittingOutcome(record) === "PENDING");
  const latest = ordered.filter((record) => record.status !== "WITHDRAWN").at(-1);
  const id = pending?.examId ?? latest?.examId;
  return sittings.find((sitting) => sitting.id === id) ?? sittings.find((sitting) => sitting.kind === "ORDINARY") ?? null;
}

/**
 * What is wrong with a later sitting's place in time; null when it may be saved. It starts after
 * the ordinary sitting's hand-in; a resit's registration closes before its first day.
 */
export function laterSittingProblem(input: {
  kind: ExamKind;
  startsAt: Date;
  startsOn: string;
  ordinary: { handInAt: Date } | null;
  registrationClosesOn: string | null;
}): { field: "firstDay" | "registrationClosesOn" | "kind"; message: string } | null {
  if (input.kind === "ORDINARY") return { field: "kind", message: "Kullet har én ordinær eksamen; den legges inn under Plan." };
  if (!input.ordinary) return { field: "firstDay", message: "Legg inn den ordinære eksamenen under Plan først." };
  if (input.startsAt.getTime() <= input.ordinary.handInAt.getTime()) {
    return { field: "firstDay", message: "En utsatt eller ny eksamen må starte etter innleveringen på den ordinære eksamenen." };
  }
  if (input.kind === "RESIT") {
    if (!input.registrationClosesOn) return { field: "registrationClosesOn", message: "Skriv fristen for å melde seg opp til ny eksamen." };
    if (input.registrationClosesOn >= input.startsOn) return { field: "registrationClosesOn", message: "Oppmeldingsfristen må være før første eksamensdag." };
  }
  return null;
}
