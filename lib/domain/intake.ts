/**
 * An intake's own facts (a kull's code, name, places, application window, offer answer deadline,
 * start and end) and the rules for setting and changing them. The plan (samlinger, arbeidskrav,
 * exam) has its own rules in cohort-plan.ts and arbeidskrav.ts; the life of the kull is in
 * cohort-life.ts. Pure: "today" is an argument.
 */
import { waitlistClosingDateProblem } from "./admission-decisions";
import { cohortCodeForStart, cohortStartLabel, isCohortCode } from "./cohort";
import { phaseIndex, planOutsideKull, type CohortPhase } from "./cohort-life";
import { shiftByWeeks } from "./cohort-plan";
import { compareIsoDates } from "./dates";
import { countNoun, formatDateNb } from "./format";

export interface IntakeFields {
  code: string;
  name: string;
  capacity: number;
  applicationOpensOn: string;
  applicationDeadline: string;
  offerAnswerDeadline: string;
  startsOn: string;
  endsOn: string;
  /**
   * The day the waiting list closes, as the adviser set it; null: the default, the kull's first
   * samling day (waitlistClosingDate in lib/domain/admission-decisions.ts).
   */
  waitlistClosesOn: string | null;
}

export type IntakeField = keyof IntakeFields | "reason";
export type IntakeProblems = Partial<Record<IntakeField, string[]>>;

/** More places than this is a typing error (the programme takes some 30 a year). */
export const MAX_CAPACITY = 500;

function add(problems: IntakeProblems, field: IntakeField, message: string) {
  (problems[field] ??= []).push(message);
}

/** The fields of a new or changed intake, each problem tied to its field; empty when valid. */
export function intakeFieldProblems(fields: IntakeFields): IntakeProblems {
  const problems: IntakeProblems = {};
  if (!isCohortCode(fields.code)) {
    add(problems, "code", "Koden skrives H (høst) eller V (vår) og årstallet kullet starter, for eksempel H2027.");
  } else if (cohortCodeForStart(fields.startsOn) !== fields.code) {
    add(
      problems,
      "code",
      `${fields.code} betyr oppstart ${cohortStartLabel(fields.code)}, men kullet starter ${formatDateNb(fields.startsOn)}. ` +
        `Bruk ${cohortCodeForStart(fields.startsOn)}, eller endre startdatoen.`,
    );
  }
  if (fields.name.trim().length === 0) add(problems, "name", "Skriv et navn på kullet, for eksempel «Kull H2027».");
  if (!Number.isSafeInteger(fields.capacity) || fields.capacity < 1 || fields.capacity > MAX_CAPACITY) {
    add(problems, "capacity", `Antall studieplasser må være et helt tall fra 1 til ${MAX_CAPACITY}.`);
  }
  if (compareIsoDates(fields.applicationDeadline, fields.applicationOpensOn) < 0) {
    add(problems, "applicationDeadline", "Søknadsfristen kan ikke være før opptaket åpner.");
  }
  if (compareIsoDates(fields.offerAnswerDeadline, fields.applicationDeadline) <= 0) {
    add(problems, "offerAnswerDeadline", "Svarfristen for tilbud må være etter søknadsfristen.");
  }
  if (compareIsoDates(fields.startsOn, fields.offerAnswerDeadline) < 0) {
    add(problems, "startsOn", "Kullet kan ikke starte før svarfristen for tilbud.");
  }
  if (compareIsoDates(fields.endsOn, fields.startsOn) < 0) add(problems, "endsOn", "Kullet kan ikke slutte før det starter.");
  if (fields.waitlistClosesOn !== null) {
    const problem = waitlistClosingDateProblem(fields.waitlistClosesOn, fields);
    if (problem) add(problems, "waitlistClosesOn", problem);
  }
  return problems;
}

/**
 * The field problems of a change to a stored intake that the change brings. A problem the stored
 * intake already had, on a field the change leaves as it is, does not hold back another change: a
 * kull made under an earlier rule (or imported) can still have its name put right, and a field
 * that is fixed cannot be corrected anyway. A problem another change causes on an unchanged field
 * (a new end before the waiting list's day) still counts: its text, or its presence, is new.
 */
export function changedIntakeFieldProblems(before: IntakeFields, after: IntakeFields): IntakeProblems {
  const problems = intakeFieldProblems(after);
  const already = intakeFieldProblems(before);
  for (const field of Object.keys(problems) as (keyof IntakeFields)[]) {
    if (after[field] !== before[field]) continue;
    const brought = problems[field]!.filter((message) => !already[field]?.includes(message));
    if (brought.length > 0) problems[field] = brought;
    else delete problems[field];
  }
  return problems;
}

export interface IntakeChangeContext {
  phase: CohortPhase;
  today: string;
  /** Places already taken: offers not answered or accepted (a place given back excepted), transfers in, or the students in the kull when they are more (lib/server/admission/places.ts placesFloor). */
  placesTaken: number;
  /** Applications of any status, drafts included. */
  applications: number;
  /** Admission decisions made. */
  decisions: number;
  /** The adviser's written reason for the change, if any. */
  reason: string | null;
  /** The day the waiting list closed, when it has (its letters are sent); null while it is open. */
  waitlistClosedOn: string | null;
  /** The plan as it stands (a published kull's dates must hold it: planOutsideKull). */
  plan?: { samlingDays: readonly string[]; exam: { startsOn: string; endsOn: string } | null };
}

/**
 * What a change to an existing intake may not do, beyond the field rules: fewer places than are
 * already offered or taken; a new code once applicants have seen the intake; a deadline before today once
 * applications exist, unless the adviser writes why; any new deadline once decisions are made
 * (categories are decided as of the deadline); a new waiting-list closing day once the list has
 * closed; a new start date once the kull has begun (its requirements are locked from that day);
 * anything but the name once the kull is completed.
 */
export function intakeChangeProblems(before: IntakeFields, after: IntakeFields, context: IntakeChangeContext): IntakeProblems {
  const problems: IntakeProblems = {};
  if (after.code !== before.code && context.phase !== "DRAFT") {
    add(problems, "code", "Koden kan ikke endres etter at opptaket er publisert: søkerne kjenner kullet som " + `${before.code}.`);
  }
  if (after.capacity < context.placesTaken) {
    add(
      problems,
      "capacity",
      `${countNoun(context.placesTaken, "plass er", "plasser er")} allerede tatt eller tilbudt, så kullet kan ikke ha færre enn ` +
        `${countNoun(context.placesTaken, "studieplass", "studieplasser")}.`,
    );
  }
  if (after.applicationDeadline !== before.applicationDeadline) {
    if (context.decisions > 0) {
      add(
        problems,
        "applicationDeadline",
        "Det er gjort vedtak i opptaket, så søknadsfristen kan ikke endres lenger: prioritetskategoriene er vurdert per fristen.",
      );
    } else if (compareIsoDates(after.applicationDeadline, context.today) < 0 && context.applications > 0 && !context.reason?.trim()) {
      add(
        problems,
        "applicationDeadline",
        `Det har kommet inn ${countNoun(context.applications, "søknad", "søknader")}. ` +
          "Skal søknadsfristen være før i dag, må du skrive en begrunnelse.",
      );
    }
  }
  if (after.waitlistClosesOn !== before.waitlistClosesOn && context.waitlistClosedOn !== null) {
    add(problems, "waitlistClosesOn", `Ventelisten stengte ${formatDateNb(context.waitlistClosedOn)}. Datoen kan ikke endres etter at den har stengt.`);
  }
  if (after.startsOn !== before.startsOn && phaseIndex(context.phase) >= phaseIndex("RUNNING")) {
    add(problems, "startsOn", "Kullet har startet, så startdatoen kan ikke endres.");
  }
  // A published kull's end holds its plan: it is what its warnings and exam decisions run until.
  if (context.plan && context.phase !== "DRAFT" && after.endsOn !== before.endsOn) {
    const late = planOutsideKull({ startsOn: after.startsOn, endsOn: after.endsOn, ...context.plan }, "end");
    if (late.length > 0) add(problems, "endsOn", `${late.join(" ")} Sluttdatoen kan ikke være før planens siste dag.`);
  }
  if (phaseIndex(context.phase) >= phaseIndex("COMPLETED")) {
    // A completed kull is history: its places and dates are what the letters, the exam and the
    // diplomas were decided on. Only a misspelt name may still be put right.
    for (const field of FIXED_ONCE_COMPLETED) {
      if (after[field] !== before[field] && !problems[field]) add(problems, field, `Kullet er fullført, så ${FIELD_NOUNS[field]} kan ikke endres.`);
    }
  }
  return problems;
}

const FIXED_ONCE_COMPLETED = [
  "capacity",
  "applicationOpensOn",
  "applicationDeadline",
  "offerAnswerDeadline",
  "startsOn",
  "endsOn",
  "waitlistClosesOn",
] as const satisfies readonly (keyof IntakeFields)[];
const COMPLETED_FIXED = "Kullet er fullført, så dette står fast. Må det rettes, åpner du kullet igjen under «Status».";
/** Each fixed field as a refusal names it (an error summary lists the messages without their labels). */
const FIELD_NOUNS: Record<(typeof FIXED_ONCE_COMPLETED)[number], string> = {
  capacity: "antall studieplasser",
  applicationOpensOn: "datoen opptaket åpner",
  applicationDeadline: "søknadsfristen",
  offerAnswerDeadline: "svarfristen for tilbud",
  startsOn: "startdatoen",
  endsOn: "sluttdatoen",
  waitlistClosesOn: "datoen ventelisten stenger",
};

/**
 * The fields of an existing intake that may no longer change, each with why (Norwegian, shown as
 * the field's hint). The same rules as intakeChangeProblems, which refuses a change to them.
 */
export function fixedIntakeFields(context: Pick<IntakeChangeContext, "phase" | "decisions" | "waitlistClosedOn">): Partial<Record<keyof IntakeFields, string>> {
  const fixed: Partial<Record<keyof IntakeFields, string>> = {};
  if (context.phase !== "DRAFT") fixed.code = "Koden kan ikke endres etter at opptaket er publisert.";
  if (context.decisions > 0) fixed.applicationDeadline = "Det er gjort vedtak, så fristen står fast.";
  if (phaseIndex(context.phase) >= phaseIndex("RUNNING")) fixed.startsOn = "Kullet har startet, så startdatoen står fast.";
  if (context.waitlistClosedOn !== null) fixed.waitlistClosesOn = `Ventelisten stengte ${formatDateNb(context.waitlistClosedOn)}, så datoen står fast.`;
  if (phaseIndex(context.phase) >= phaseIndex("COMPLETED")) {
    for (const field of FIXED_ONCE_COMPLETED) fixed[field] ??= COMPLETED_FIXED;
  }
  return fixed;
}

/** Why a kull's facts cannot be changed at all, or null: an archived kull is a closed record. */
export function intakeLockedReason(phase: CohortPhase): string | null {
  return phase === "ARCHIVED" ? "Kullet er arkivert og kan ikke endres." : null;
}

/** True when the application deadline moved: applicants with drafts are told (one mail per change). */
export function applicationDeadlineMoved(before: Pick<IntakeFields, "applicationDeadline">, after: Pick<IntakeFields, "applicationDeadline">): boolean {
  return before.applicationDeadline !== after.applicationDeadline;
}

/** The e-mail to an applicant with a draft when the application deadline of the intake moves. */
export function deadlineMovedMail(input: {
  applicantName: string;
  programmeName: string;
  cohortName: string;
  from: string;
  to: string;
  today: string;
  link: string;
}): { subject: string; text: string } {
  const closed = compareIsoDates(input.to, input.today) < 0;
  return {
    subject: `Ny søknadsfrist: ${input.programmeName}, ${input.cohortName}`,
    text: [
      `Hei ${input.applicantName},`,
      "",
      `Søknadsfristen for ${input.programmeName}, ${input.cohortName}, er endret fra ${formatDateNb(input.from)} til ${formatDateNb(input.to)}.`,
      closed
        ? "Fristen er dermed passert, og utkastet ditt kan ikke sendes. Ta kontakt med studieveilederen hvis du har spørsmål."
        : `Du har et søknadsutkast som ikke er sendt. Husk å sende søknaden innen utgangen av ${formatDateNb(input.to)}.`,
      "",
      `Søknaden din: ${input.link}`,
      "",
      "Hilsen studieadministrasjonen, NTNU",
    ].join("\n"),
  };
}

/** A previous kull's facts for a copy with a new code: every date moved by the same whole weeks as the plan. */
export function copiedIntakeFields(source: IntakeFields, code: string, weeks: number): IntakeFields {
  const shift = (date: string) => shiftByWeeks(date, weeks);
  return {
    code,
    name: `Kull ${code}`,
    capacity: source.capacity,
    applicationOpensOn: shift(source.applicationOpensOn),
    applicationDeadline: shift(source.applicationDeadline),
    offerAnswerDeadline: shift(source.offerAnswerDeadline),
    startsOn: shift(source.startsOn),
    endsOn: shift(source.endsOn),
    waitlistClosesOn: source.waitlistClosesOn === null ? null : shift(source.waitlistClosesOn),
  };
}
