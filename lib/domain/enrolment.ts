/**
 * A student's place in a kull and the routine changes to it (issue 18): leave of absence
 * (permisjon) and the return from it, withdrawal, completion, and transfer to a later kull
 * (lib/domain/transfer.ts has the credits). The server (lib/server/enrolments/) asks these rules
 * and only stores what they decide.
 *
 * Statuses (Enrolment.status):
 * - ACTIVE: studying in the kull;
 * - ON_LEAVE: a leave has been granted and the return is not registered yet. The student is still
 *   in the kull (counted toward its places, on its lists), gets no attendance notices and is not
 *   registered for the exam; the leave's days are marked on every list;
 * - COMPLETED: passed the exam (a passing grade, published);
 * - WITHDRAWN: left the programme;
 * - TRANSFERRED: continues in a later kull (a new enrolment there, `transferredFromId`).
 *
 * What a leave means for the exam (decided here, told in the letter): the days inside a granted
 * leave are never absences — no warning counts them, a registration "fravær" on them is void, and
 * the faculty see «permisjon» — but the student has not been there either. The requirement stays
 * a share of all the kull's samling days (attendanceCounts' `leaveDays`, evaluateEligibility), so
 * a leave uses the absence the rule allows. A leave longer than that means the student continues
 * in a later kull, where what they did is credited (transfer): the leave does not lower the
 * requirement, and the student is never told they have "fravær" for days they had leave.
 */
import { addDays, compareIsoDates, isIsoDate } from "./dates";
import { isPassingGrade, type Grade } from "./exam";
import { countingGrade, type SittingRecord } from "./exam-sittings";
import { formatDateNb } from "./format";

export type EnrolmentStatus = "ACTIVE" | "ON_LEAVE" | "WITHDRAWN" | "COMPLETED" | "TRANSFERRED";

export const ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ["ACTIVE", "ON_LEAVE", "WITHDRAWN", "COMPLETED", "TRANSFERRED"];

/** The statuses of a student who is in the kull: on its lists and holding one of its places. */
export const IN_KULL: readonly EnrolmentStatus[] = ["ACTIVE", "ON_LEAVE", "COMPLETED"];

/** The statuses of an enrolment that has ended without completion: the student left the kull. */
export const LEFT_KULL: readonly EnrolmentStatus[] = ["WITHDRAWN", "TRANSFERRED"];

export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  ACTIVE: "Aktiv",
  ON_LEAVE: "Permisjon",
  WITHDRAWN: "Sluttet",
  COMPLETED: "Fullført",
  TRANSFERRED: "Overført til senere kull",
};

export function isInKull(status: EnrolmentStatus): boolean {
  return IN_KULL.includes(status);
}

export type EnrolmentChange = "GRANT_LEAVE" | "REFUSE_LEAVE" | "RETURN" | "WITHDRAW" | "COMPLETE" | "TRANSFER";

const ALLOWED_FROM: Record<EnrolmentChange, readonly EnrolmentStatus[]> = {
  GRANT_LEAVE: ["ACTIVE"],
  REFUSE_LEAVE: ["ACTIVE"],
  RETURN: ["ON_LEAVE"],
  WITHDRAW: ["ACTIVE", "ON_LEAVE"],
  COMPLETE: ["ACTIVE"],
  TRANSFER: ["ACTIVE", "ON_LEAVE"],
};

const WHY_NOT: Record<EnrolmentStatus, string> = {
  ACTIVE: "Studenten er aktiv i kullet.",
  ON_LEAVE: "Studenten har permisjon. Registrer at studenten er tilbake først.",
  WITHDRAWN: "Studenten har sluttet i kullet.",
  COMPLETED: "Studenten har fullført kullet.",
  TRANSFERRED: "Studenten er overført til et senere kull.",
};

/** Which changes an enrolment in `status` allows (in the order the adviser's page offers them). */
export function allowedChanges(status: EnrolmentStatus): EnrolmentChange[] {
  return (Object.keys(ALLOWED_FROM) as EnrolmentChange[]).filter((change) => ALLOWED_FROM[change].includes(status));
}

/**
 * A change made because the student asked (she stops, or a leave not begun is withdrawn) is
 * registered with the day she asked: the letter confirms it «slik du ba om <dag>», and the audit
 * entry keeps it. The request has come by the time it is registered: never after today.
 */
export function requestedOnProblem(requestedOn: string, today: string): string | null {
  return compareIsoDates(requestedOn, today) > 0 ? "Dagen studenten ba om det, kan ikke være etter i dag." : null;
}

/** Why a change cannot be made from this status, in Norwegian for the adviser; null when it can. */
export function enrolmentChangeProblem(change: EnrolmentChange, status: EnrolmentStatus): string | null {
  if (!(status in WHY_NOT)) throw new RangeError(`Unknown enrolment status: ${String(status)}`);
  if (ALLOWED_FROM[change].includes(status)) return null;
  if (change === "RETURN" && status === "ACTIVE") return "Studenten har ikke permisjon nå.";
  if ((change === "GRANT_LEAVE" || change === "REFUSE_LEAVE") && status === "ON_LEAVE") return "Studenten har allerede permisjon.";
  if (change === "COMPLETE" && status === "ON_LEAVE") return "Studenten har permisjon og kan ikke fullføre før hun eller han er tilbake.";
  return WHY_NOT[status];
}

// ─── Leave of absence ───────────────────────────────────────────────────────────────────────────

/** NTNU grants a leave for at most a year at a time. */
export const MAX_LEAVE_DAYS = 365;

export interface LeavePeriod {
  /** First day of the leave. */
  from: string;
  /** Last day of the leave as granted. */
  to: string;
  /** The first day back, when the return is registered (the leave ends the day before). */
  returnedOn: string | null;
}

/**
 * How a granted leave ended (stored with its end, `LeaveOfAbsence.ending`): the student came back,
 * the enrolment ended while it ran, or it was granted on a klage and ended at once
 * (leaveAfterKlage's reasons).
 */
export type LeaveEnding = "RETURNED" | LeaveKlageEnding;

/** The days the leave covers as it stands: from `from` to `to`, or to the day before the return. Null when none. */
export function effectiveLeave(period: LeavePeriod): { from: string; to: string } | null {
  const end = period.returnedOn && compareIsoDates(addDays(period.returnedOn, -1), period.to) < 0 ? addDays(period.returnedOn, -1) : period.to;
  return compareIsoDates(end, period.from) < 0 ? null : { from: period.from, to: end };
}

const NOT_STARTED_BECAUSE_STAFF: Record<Exclude<LeaveKlageEnding, "OVER">, string> = {
  STUDENT_COMPLETED: "studenten har fullført kullet",
  STUDENT_WITHDRAWN: "studenten har sluttet i kullet",
  STUDENT_TRANSFERRED: "studenten er overført til et senere kull",
  KULL_COMPLETED: "kullet er fullført",
};

/**
 * What taking a klage on a refused leave would do now (leaveAfterKlage), for the one who decides
 * it, in Norwegian: shown with the decision form, before the choice is made.
 */
export function leaveKlagePreview(leave: { from: string; to: string }, outcome: LeaveKlageOutcome): string {
  switch (outcome.kind) {
    case "START":
      return "Tas klagen til følge, får studenten permisjon fra i dag, og er studenten meldt opp til eksamen, meldes studenten av.";
    case "LATER":
      return `Tas klagen til følge, begynner permisjonen ${formatDateNb(leave.from)}.`;
    case "REFUSED":
      return `Klagen kan ikke tas til følge nå: ${outcome.problem}`;
    case "ENDED":
      return outcome.why === "OVER"
        ? "Tas klagen til følge, innvilges permisjonen for en periode som er over: samlingsdagene i den regnes ikke som fravær."
        : `Tas klagen til følge, innvilges permisjonen, men studenten settes ikke på permisjon fordi ${NOT_STARTED_BECAUSE_STAFF[outcome.why]}.`;
  }
}

/**
 * How a granted leave's end reads beside it (Norwegian), or null while it runs: «tilbake» and the
 * first day back when the student came back; «begynte ikke» for one that covered no day (a klage
 * taken after the student left, leaveAfterKlage); otherwise the last day it covers («gjaldt»,
 * «gjelder» while that day is still to come: granted on a klage in a completed kull) and, when
 * the enrolment's end cut it short, which end (to the student: «da du sluttet»). Never a return
 * in the future.
 */
export function leaveEndNote(period: LeavePeriod & { ending: LeaveEnding | null }, today: string, reader: "staff" | "student" = "staff"): string | null {
  if (period.returnedOn === null) return null;
  const covered = effectiveLeave(period);
  if (!covered) return "begynte ikke";
  const returned = period.ending === "RETURNED" || period.ending === null;
  if (returned && compareIsoDates(period.returnedOn, today) <= 0) return `tilbake ${formatDateNb(period.returnedOn)}`;
  const tense = compareIsoDates(covered.to, today) < 0 ? "gjaldt" : "gjelder";
  // Why, only when that end cut the leave short (a leave that had run out, closed later, ran its course).
  const because = compareIsoDates(covered.to, period.to) < 0 ? ENDED_BECAUSE[period.ending ?? "RETURNED"] : "";
  return `${tense} til og med ${formatDateNb(covered.to)}${because ? `, da ${reader === "student" ? "du" : "studenten"} ${because}` : ""}`;
}

/** What leaveEndNote adds after the last day, by how the leave ended. */
const ENDED_BECAUSE: Record<LeaveEnding, string> = {
  RETURNED: "",
  OVER: "",
  STUDENT_COMPLETED: "fullførte kullet",
  STUDENT_WITHDRAWN: "sluttet",
  STUDENT_TRANSFERRED: "ble overført",
  KULL_COMPLETED: "",
};

/**
 * The days of a leave she was not at: those on leave that were neither attended (PRESENT) nor
 * credited from an earlier kull. Those count as attended first (lib/domain/attendance.ts
 * attendanceCounts), so only these take from the absence the requirement allows: what a leave's
 * letters count.
 */
export function leaveDaysAway(leaveDayIds: readonly string[], attended: ReadonlySet<string>): string[] {
  return leaveDayIds.filter((id) => !attended.has(id));
}

/** The samling days of a plan that fall inside granted leaves (their ids, in plan order). */
export function daysOnLeave(planDays: readonly { id: string; date: string }[], leaves: readonly LeavePeriod[]): string[] {
  const ranges = leaves.map(effectiveLeave).filter((range): range is { from: string; to: string } => range !== null);
  return planDays
    .filter((planDay) => ranges.some((range) => compareIsoDates(planDay.date, range.from) >= 0 && compareIsoDates(planDay.date, range.to) <= 0))
    .map((planDay) => planDay.id);
}

export interface LeaveRequest {
  from: string;
  to: string;
  reason: string;
  documentation: string | null;
}

export type LeaveField = "from" | "to" | "reason" | "documentation";

/**
 * What is wrong with a leave as the adviser registers it, by field (Norwegian); empty when it can
 * be decided. The dates must be real, in order, at most a year, and overlap neither the kull's end
 * (a leave must start before the kull ends) nor another granted leave of the same enrolment.
 */
export function leaveRequestProblems(
  request: LeaveRequest,
  context: { kullEndsOn: string; granted: readonly LeavePeriod[] },
): Partial<Record<LeaveField, string>> {
  const problems: Partial<Record<LeaveField, string>> = {};
  if (!isIsoDate(request.from)) problems.from = "Skriv datoen permisjonen begynner (dd.mm.åååå).";
  if (!isIsoDate(request.to)) problems.to = "Skriv den siste dagen i permisjonen (dd.mm.åååå).";
  if (!request.reason.trim()) problems.reason = "Skriv hvorfor studenten søker permisjon.";
  else if (request.reason.length > 2000) problems.reason = "Begrunnelsen kan ha høyst 2000 tegn.";
  if (request.documentation !== null && request.documentation.length > 200) problems.documentation = "Referansen kan ha høyst 200 tegn.";
  if (problems.from || problems.to) return problems;
  if (compareIsoDates(request.to, request.from) < 0) {
    problems.to = "Den siste dagen kan ikke være før den første.";
  } else if (compareIsoDates(request.to, addDays(request.from, MAX_LEAVE_DAYS - 1)) > 0) {
    problems.to = `Permisjon gis for høyst ett år om gangen: siste dag kan være ${formatDateNb(addDays(request.from, MAX_LEAVE_DAYS - 1))}.`;
  }
  if (compareIsoDates(request.from, context.kullEndsOn) > 0) {
    problems.from = `Kullet slutter ${formatDateNb(context.kullEndsOn)}. Permisjonen må begynne før det.`;
  }
  if (!problems.to && !problems.from) {
    const overlap = context.granted
      .map(effectiveLeave)
      .find((range) => range !== null && compareIsoDates(request.from, range.to) <= 0 && compareIsoDates(request.to, range.from) >= 0);
    if (overlap) problems.from = `Studenten har allerede permisjon ${formatDateNb(overlap.from)}–${formatDateNb(overlap.to)}. Permisjonene kan ikke overlappe.`;
  }
  return problems;
}

/**
 * Why no leave can be granted or refused in the kull any more, or null. A completed kull is
 * history: its exam is decided on the attendance as it stood, so a leave would change nothing the
 * student needs and would rewrite the record (a student still waiting for a later sitting asks for
 * that sitting to be deferred instead).
 */
export function kullLeaveProblem(kull: { completedOn: string | null }): string | null {
  return kull.completedOn === null
    ? null
    : `Kullet ble fullført ${formatDateNb(kull.completedOn)}. Permisjon kan ikke gis eller avslås i et fullført kull. ` +
        "Venter studenten på en senere eksamen, kan studenten søke om utsatt eksamen. Er kullet fullført for tidlig, åpner du det igjen under «Opptak og status».";
}

/**
 * What taking a klage on a refused leave does (the leave is granted as asked, fvl. § 34), decided
 * from where the student stands now:
 * - `START`: the leave has begun and the student studies in a running kull: on leave from now;
 * - `LATER`: it begins later: granted, and it starts on its first day (the `enrolments.leave` job);
 * - `ENDED`: granted and already ended, never started: its days are over, or the student can no
 *   longer be put on leave — the student has completed, left the kull, or the kull is completed
 *   (kullLeaveProblem: a completed kull is history). The leave covers its days up to today
 *   up to the day the student left (`returnedOn` is the day after its last day, or the day the
 *   student's enrolment ended, or today, whichever is soonest, never before its first day): the
 *   samling days in it are not absences, and no later day is leave. In a completed kull the
 *   student is still in it, so the leave covers its days as granted (`returnedOn` the day after
 *   its last): should the kull be opened again and a samling be added in them, they are leave as
 *   the klage decided. The klage is never refused for what happened after the refusal: the
 *   administration's own later acts are no ground to dismiss it.
 * A klage that would start a leave while another is open, or while the student is on leave, is
 * refused with why (`problem`): the adviser registers the return from that one first.
 */
export type LeaveKlageEnding = "OVER" | "STUDENT_COMPLETED" | "STUDENT_WITHDRAWN" | "STUDENT_TRANSFERRED" | "KULL_COMPLETED";

export type LeaveKlageOutcome =
  | { kind: "START" }
  | { kind: "LATER" }
  | { kind: "ENDED"; returnedOn: string; why: LeaveKlageEnding }
  | { kind: "REFUSED"; problem: string };

export function leaveAfterKlage(input: {
  leave: { from: string; to: string };
  status: EnrolmentStatus;
  kullCompletedOn: string | null;
  /** The day the student's enrolment ended (completed, withdrawn, transferred), or null. */
  studentEndedOn: string | null;
  /** Another granted leave of the enrolment that has not ended. */
  openLeave: boolean;
  today: string;
}): LeaveKlageOutcome {
  const { leave, status, today } = input;
  const dayAfter = addDays(leave.to, 1);
  const ended = (why: LeaveKlageEnding, ...limits: string[]): LeaveKlageOutcome => {
    const end = [dayAfter, ...limits].reduce((soonest, day) => (compareIsoDates(day, soonest) < 0 ? day : soonest));
    return { kind: "ENDED", returnedOn: compareIsoDates(end, leave.from) < 0 ? leave.from : end, why };
  };
  const gone = status === "COMPLETED" || status === "WITHDRAWN" || status === "TRANSFERRED";
  const left = gone ? [today, ...(input.studentEndedOn ? [input.studentEndedOn] : [])] : [];
  if (compareIsoDates(leave.to, today) < 0) return ended("OVER", ...left);
  if (status === "COMPLETED") return ended("STUDENT_COMPLETED", ...left);
  if (status === "WITHDRAWN") return ended("STUDENT_WITHDRAWN", ...left);
  if (status === "TRANSFERRED") return ended("STUDENT_TRANSFERRED", ...left);
  if (input.kullCompletedOn !== null) return ended("KULL_COMPLETED");
  const problem = enrolmentChangeProblem("GRANT_LEAVE", status);
  if (problem) return { kind: "REFUSED", problem };
  if (input.openLeave) return { kind: "REFUSED", problem: "Studenten har allerede en permisjon som ikke er avsluttet. Registrer at studenten er tilbake fra den først." };
  return leaveHasBegun(leave, today) ? { kind: "START" } : { kind: "LATER" };
}

const NOT_STARTED_BECAUSE: Record<Exclude<LeaveKlageEnding, "OVER">, string> = {
  STUDENT_COMPLETED: "Du har fullført kullet",
  STUDENT_WITHDRAWN: "Du har sluttet i kullet",
  STUDENT_TRANSFERRED: "Du er overført til et senere kull",
  KULL_COMPLETED: "Kullet er fullført",
};

/** What the klage's outcome letter says the granted leave means (leaveAfterKlage), in Norwegian for the student. */
export function leaveAfterKlageSentence(leave: { from: string; to: string }, outcome: Exclude<LeaveKlageOutcome, { kind: "REFUSED" }>): string {
  if (outcome.kind !== "ENDED") {
    return `Du får permisjon fra og med ${formatDateNb(leave.from)} til og med ${formatDateNb(leave.to)}. Samlingsdagene i permisjonstiden regnes ikke som fravær.`;
  }
  const granted = `Du får permisjon ${formatDateNb(leave.from)}–${formatDateNb(leave.to)}.`;
  if (outcome.why === "OVER") return `${granted} Perioden er over, og samlingsdagene i den regnes ikke som fravær.`;
  const covered = effectiveLeave({ ...leave, returnedOn: outcome.returnedOn });
  const meaning = covered
    ? `${NOT_STARTED_BECAUSE[outcome.why]}, så du settes ikke på permisjon nå. Samlingsdager fra og med ${formatDateNb(covered.from)} til og med ${formatDateNb(covered.to)} regnes ikke som fravær.`
    : `${NOT_STARTED_BECAUSE[outcome.why]}, så permisjonen begynner ikke.`;
  const later = outcome.why === "KULL_COMPLETED" ? " Venter du på en senere eksamen, kan du søke om utsatt eksamen." : "";
  return `${granted} ${meaning}${later}`;
}

/**
 * The first day back from a leave: a real date, not before the leave began, and not after today
 * (the return is registered when the student is back). Null when fine.
 */
export function returnDateProblem(leave: { from: string }, returnedOn: string, today: string): string | null {
  if (!isIsoDate(returnedOn)) return "Skriv datoen studenten er tilbake (dd.mm.åååå).";
  if (compareIsoDates(returnedOn, leave.from) < 0) return `Permisjonen begynte ${formatDateNb(leave.from)}. Studenten kan ikke være tilbake før det.`;
  if (compareIsoDates(returnedOn, today) > 0) return "Registrer at studenten er tilbake når hun eller han er tilbake: datoen kan ikke være etter i dag.";
  return null;
}

/** A leave has begun on its first day (Oslo calendar dates): from then on the student is on leave. */
export function leaveHasBegun(leave: { from: string }, today: string): boolean {
  return compareIsoDates(leave.from, today) <= 0;
}

/** A leave whose last day is before today: granted now, it is already over (it never starts). */
export function leaveIsOver(leave: { to: string }, today: string): boolean {
  return compareIsoDates(leave.to, today) < 0;
}

/**
 * A granted leave that has not begun can be withdrawn (trukket tilbake) at the student's request:
 * it is then as if it had never been granted (none of its days are leave; the student keeps
 * studying and any exam registration stands). One that has begun ends with a registered return
 * instead (returnDateProblem), so the days already taken stay leave. Why not, in Norwegian for
 * the adviser; null when it can.
 */
export function leaveCancellationProblem(
  leave: { status: "GRANTED" | "REFUSED" | "CANCELLED"; from: string; returnedOn: string | null },
  enrolmentStatus: EnrolmentStatus,
  today: string,
): string | null {
  if (leave.status === "REFUSED") return "Permisjonen ble ikke innvilget.";
  if (leave.status === "CANCELLED") return "Permisjonen er allerede trukket tilbake.";
  if (leave.returnedOn !== null) return "Permisjonen er avsluttet: studenten er registrert tilbake.";
  if (leaveHasBegun(leave, today)) {
    return `Permisjonen begynte ${formatDateNb(leave.from)}. Registrer at studenten er tilbake i stedet.`;
  }
  if (enrolmentStatus !== "ACTIVE") return WHY_NOT[enrolmentStatus];
  return null;
}

// ─── Withdrawal ─────────────────────────────────────────────────────────────────────────────────

/**
 * A place given back when a student leaves the kull goes to the waiting list only while the list
 * is open: before the day it closes (lib/domain/admission-decisions.ts waitlistClosingDate, from
 * the start of that day in Oslo). After it, the place stays taken: nobody is offered a place the
 * kull has already begun without them. The server records the release (Enrolment.placeReleasedAt)
 * and the admission counts stop counting that place.
 */
export function releasesPlace(input: { withdrawnOn: string; waitlistClosesOn: string }): boolean {
  return compareIsoDates(input.withdrawnOn, input.waitlistClosesOn) < 0;
}

// ─── Completion ─────────────────────────────────────────────────────────────────────────────────

/** A sitting as completion reads it: the record, and whether its grades are published. */
export type CompletionSitting = SittingRecord & { published: boolean };

/**
 * Completion needs a passing grade that counts (the best of every sitting: ordinary, utsatt or ny
 * eksamen, lib/domain/exam-sittings.ts countingGrade), counted over sittings whose grades are
 * published, so the student has been told the grade before the confirmation. Null when the
 * student may complete; otherwise why not. The counting sitting is `completionSitting`.
 */
export function completionProblem(input: { status: EnrolmentStatus; sittings: readonly CompletionSitting[] }): string | null {
  const status = enrolmentChangeProblem("COMPLETE", input.status);
  if (status) return status;
  const sat = input.sittings.filter((sitting) => sitting.status === "ADMITTED" || sitting.status === "NOT_ATTENDED");
  if (sat.length === 0) return "Studenten er ikke meldt opp til eksamen og kan ikke fullføre uten bestått eksamen.";
  const counting = countingGrade(sat.filter((sitting) => sitting.published));
  if (counting && isPassingGrade(counting.grade)) return null;
  const unpublished = countingGrade(sat.filter((sitting) => !sitting.published));
  if (unpublished && isPassingGrade(unpublished.grade)) {
    return "Karakterene er ikke publisert ennå. Publiser dem først, så studenten får vite karakteren før bekreftelsen.";
  }
  if (counting) return `Karakteren er ${counting.grade} (ikke bestått). Studenten kan ikke fullføre uten bestått eksamen.`;
  if (unpublished) return "Karakterene er ikke publisert ennå. Publiser dem først, så studenten får vite karakteren før bekreftelsen.";
  return "Studenten har ikke fått karakter på eksamen ennå.";
}

/**
 * Whether the adviser's student page speaks of completion at all: once the student has an exam
 * sitting (registered, refused or sat), or the kull's last day has passed. Mid-course, with no
 * sitting yet, «Kan ikke registreres som fullført: Studenten er ikke meldt opp til eksamen» told
 * the adviser only that the course was not over.
 */
export function completionInView(input: { sittings: readonly unknown[]; kullEndsOn: string; today: string }): boolean {
  return input.sittings.length > 0 || compareIsoDates(input.kullEndsOn, input.today) < 0;
}

/**
 * A completed student's result is changed after the confirmation (a grade corrected, a new sensur
 * after a klage on the grade, which may give a lower one): what it means for the completion, from
 * the sittings as they were and as they are now. The confirmation named the grade that counted.
 * - null: the grade that counts is the one confirmed: the confirmation stands;
 * - REGRADED: still passed, with another grade that counts: a letter replaces the confirmation;
 * - REVOKED: no longer passed: the student is no longer completed (ACTIVE again), and is told so.
 * The new result is the institution's to register, never refused for the completion.
 */
export type CompletionChange = { kind: "REGRADED"; from: Grade; to: Grade; examId: string } | { kind: "REVOKED"; from: Grade; to: Grade | null };

export function completionAfterResultChange(before: readonly CompletionSitting[], after: readonly CompletionSitting[]): CompletionChange | null {
  const confirmed = completionSitting(before);
  if (!confirmed?.grade) return null;
  const now = completionSitting(after);
  // The confirmation names the grade and the exam it came from: both must still hold.
  if (now?.grade === confirmed.grade && now.examId === confirmed.examId) return null;
  if (now?.grade) return { kind: "REGRADED", from: confirmed.grade, to: now.grade, examId: now.examId };
  const counting = countingGrade(after.filter((sitting) => sitting.published && (sitting.status === "ADMITTED" || sitting.status === "NOT_ATTENDED")));
  return { kind: "REVOKED", from: confirmed.grade, to: counting?.grade ?? null };
}

/** What a confirmation of completion states: the study, its credits and course code, the exam and the grade that counts. */
export interface CompletedStudy {
  /** The programme and kull («Videreutdanning i barnevernledelse, Kull H2025»). */
  study: string;
  credits: number;
  courseCode: string;
  exam: { title: string; startsOn: string };
  grade: string;
}

/**
 * The confirmation's three sentences (Norwegian, to the student): what was completed, the exam and
 * grade, and where the result goes. One wording for the confirmation and for a letter that
 * replaces it after the grade changed.
 */
export function completedStudyLines(facts: CompletedStudy): [string, string, string] {
  return [
    `Du har fullført ${facts.study}, ${facts.credits} studiepoeng (emnekode ${facts.courseCode}).`,
    `Eksamen: ${facts.exam.title}, ${formatDateNb(facts.exam.startsOn)}. Karakter: ${facts.grade}.`,
    "Resultatet blir registrert i Felles studentsystem (FS), og vitnemål eller karakterutskrift bestiller du i Studentweb når det er registrert.",
  ];
}

/**
 * What the letter about a changed completion says (outcome, reason), in Norwegian for the student.
 * A new grade that counts is confirmed as the confirmation did (completedStudyLines): the study,
 * its credits and course code, the exam it came from, its first day, the grade.
 */
export function completionChangeText(
  change: CompletionChange,
  sitting: string,
  confirmed?: Omit<CompletedStudy, "grade">,
  /** Why the result was changed, as the person who changed it wrote (null: a new sitting's result). */
  why: string | null = null,
): { outcome: string; reason: string } {
  const because = why?.trim() ? ` Begrunnelse for endringen av resultatet: ${why.trim()}` : "";
  const reason =
    (change.to === null
      ? `Resultatet ditt på ${sitting} er endret, og du har ikke lenger en bestått karakter som teller (du hadde ${change.from}).`
      : change.to === change.from
        ? `Karakteren som teller, ${change.to}, kommer nå fra en annen eksamen etter at resultatet på ${sitting} ble endret.`
        : `Karakteren som teller, er endret fra ${change.from} til ${change.to} etter at resultatet på ${sitting} ble endret.`) + because;
  if (change.kind === "REGRADED") {
    if (!confirmed) throw new RangeError("completionChangeText: a new grade that counts is confirmed with the study it completes");
    const [done, exam, registered] = completedStudyLines({ ...confirmed, grade: change.to });
    return { outcome: `${done} ${exam} Dette brevet erstatter bekreftelsen. ${registered}`, reason };
  }
  return {
    outcome:
      `Du har ikke lenger fullført videreutdanningen${change.to ? `: karakteren som teller, er ${change.to}, som ikke er bestått` : ""}. ` +
      "Ta kontakt med studieveilederen om hva du kan gjøre videre, for eksempel å gå opp til ny eksamen.",
    reason,
  };
}

/** The published sitting whose passing grade completion confirms (null: none). */
export function completionSitting<S extends CompletionSitting>(sittings: readonly S[]): S | null {
  const counting = countingGrade(sittings.filter((sitting) => sitting.published));
  if (!counting || !isPassingGrade(counting.grade)) return null;
  return sittings.find((sitting) => sitting.examId === counting.examId) ?? null;
}
