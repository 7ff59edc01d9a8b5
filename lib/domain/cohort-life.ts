/**
 * The life of a kull: draft → open for applications → admission → running → exam → completed →
 * archived.
 *
 * What is stored and what is derived: the three steps a person takes are stored as moments on the
 * cohort (publishedAt, completedAt, archivedAt, see prisma/schema.prisma); everything in between
 * follows from the calendar, so nobody has to remember to "start" a kull:
 * - DRAFT: not published. Invisible to applicants; nobody can apply.
 * - OPEN: published, and the application deadline has not passed (the window may still be ahead:
 *   the public page lists it from its first day).
 * - ADMISSION: the deadline has passed, teaching has not begun (review, ranking, decisions, offers).
 * - RUNNING: from the start date to the last samling day (the end date when there are no samlinger).
 * - EXAM: the samlinger are over and the kull is not completed: exam registration, the exam, grades.
 * - COMPLETED: an adviser completed it (every registered student has a published grade).
 * - ARCHIVED: an adviser archived it after completion. It leaves the everyday lists but every page
 *   of it stays readable.
 *
 * Pure: "today" is an Oslo calendar date passed in.
 */
import { compareIsoDates } from "./dates";
import { klageDeadline } from "./klage";
import { countNoun, formatDateNb } from "./format";

export const COHORT_PHASES = ["DRAFT", "OPEN", "ADMISSION", "RUNNING", "EXAM", "COMPLETED", "ARCHIVED"] as const;
export type CohortPhase = (typeof COHORT_PHASES)[number];

export const COHORT_PHASE_LABELS: Record<CohortPhase, string> = {
  DRAFT: "Kladd",
  OPEN: "Åpen for søknader",
  ADMISSION: "Opptak",
  RUNNING: "Pågår",
  EXAM: "Eksamen",
  COMPLETED: "Fullført",
  ARCHIVED: "Arkivert",
};

export interface CohortLifeFacts {
  published: boolean;
  completed: boolean;
  archived: boolean;
  applicationOpensOn: string;
  applicationDeadline: string;
  startsOn: string;
  endsOn: string;
  /** The last samling day of the plan, or null when it has none. */
  lastSamlingDay: string | null;
}

/** When teaching ends: the last samling day, or the end date of a kull without samlinger. */
export function teachingEndsOn(facts: Pick<CohortLifeFacts, "endsOn" | "lastSamlingDay">): string {
  return facts.lastSamlingDay ?? facts.endsOn;
}

/** The phase of a kull on `today`. The stored steps win over the calendar, in the order of the life. */
export function cohortPhase(facts: CohortLifeFacts, today: string): CohortPhase {
  if (facts.archived) return "ARCHIVED";
  if (facts.completed) return "COMPLETED";
  if (!facts.published) return "DRAFT";
  if (compareIsoDates(today, facts.applicationDeadline) <= 0) return "OPEN";
  if (compareIsoDates(today, facts.startsOn) < 0) return "ADMISSION";
  if (compareIsoDates(today, teachingEndsOn(facts)) <= 0) return "RUNNING";
  return "EXAM";
}

/** The order of the phases (used to compare "at least running"). A kull goes back only when a person opens it again: from the archive, or from completion (reopenProblems). */
export function phaseIndex(phase: CohortPhase): number {
  return COHORT_PHASES.indexOf(phase);
}

/** The phase as a short text for a list ("Åpen for søknader fra 1. februar 2027"). */
export function describeCohortPhase(phase: CohortPhase, facts: Pick<CohortLifeFacts, "applicationOpensOn">, today: string): string {
  if (phase === "OPEN" && compareIsoDates(today, facts.applicationOpensOn) < 0) {
    return `Publisert, åpner for søknader ${formatDateNb(facts.applicationOpensOn)}`;
  }
  return COHORT_PHASE_LABELS[phase];
}

// ─── The steps a person takes ───────────────────────────────────────────────────────────────────

export interface PublicationFacts {
  phase: CohortPhase;
  today: string;
  applicationDeadline: string;
  startsOn: string;
  endsOn: string;
  /** Every samling day of the plan. */
  samlingDays: readonly string[];
  /** The exam's first and last day, or null. */
  exam: { startsOn: string; endsOn: string } | null;
  arbeidskravCount: number;
  /** validateArbeidskravSet against the kull's own requirements (lib/domain/arbeidskrav.ts). */
  arbeidskravProblems: readonly string[];
}

/**
 * The plan's days that fall outside the kull's start and end (Norwegian, one sentence each): its
 * samling days, and the ordinary exam. A published kull never gets there (intakeChangeProblems
 * refuses such dates, lib/server/cohorts/plan-support.ts such plan days); a draft is checked when
 * published. The kull's end is what its warnings and decisions run until.
 */
export function planOutsideKull(
  facts: { startsOn: string; endsOn: string; samlingDays: readonly string[]; exam: { startsOn: string; endsOn: string } | null },
  /** "end": only what runs past the end (a published kull: lib/server/cohorts/plan-support.ts), without the advice. */
  check: "span" | "end" = "span",
): string[] {
  const problems: string[] = [];
  const before = (date: string) => check === "span" && compareIsoDates(date, facts.startsOn) < 0;
  const after = (date: string) => compareIsoDates(date, facts.endsOn) > 0;
  if (check === "end") {
    const late = facts.samlingDays.filter(after);
    if (late.length > 0) {
      problems.push(`${countNoun(late.length, "samlingsdag", "samlingsdager")} ligger etter at kullet slutter (${formatDateNb(facts.endsOn)}).`);
    }
    if (facts.exam && after(facts.exam.endsOn)) problems.push(`Eksamen ligger etter at kullet slutter (${formatDateNb(facts.endsOn)}).`);
    return problems;
  }
  const span = `(${formatDateNb(facts.startsOn)} – ${formatDateNb(facts.endsOn)})`;
  const outside = facts.samlingDays.filter((date) => before(date) || after(date));
  if (outside.length > 0) {
    problems.push(`${countNoun(outside.length, "samlingsdag", "samlingsdager")} ligger utenfor kullets start og slutt ${span}. Flytt dagene eller endre datoene for kullet.`);
  }
  if (facts.exam && (before(facts.exam.startsOn) || after(facts.exam.endsOn))) {
    problems.push(`Eksamen ligger utenfor kullets start og slutt ${span}.`);
  }
  return problems;
}

/**
 * Why a draft cannot be published yet; empty when it can. Applicants see a published intake at
 * once, so it must be whole: samlinger within its start and end, a valid arbeidskrav set, the
 * exam (when there is one) within the kull, and a deadline that has not passed.
 */
export function publicationProblems(facts: PublicationFacts): string[] {
  if (facts.phase !== "DRAFT") return ["Opptaket er allerede publisert."];
  const problems: string[] = [];
  if (compareIsoDates(facts.applicationDeadline, facts.today) < 0) {
    problems.push(`Søknadsfristen (${formatDateNb(facts.applicationDeadline)}) er passert. Sett en ny frist før du publiserer.`);
  }
  if (facts.samlingDays.length === 0) {
    problems.push("Kullet har ingen samlinger. Legg inn samlingene i planen før du publiserer.");
  }
  problems.push(...planOutsideKull(facts));
  if (facts.arbeidskravCount === 0) {
    problems.push("Kullet har ingen arbeidskrav. Opprett dem fra studieplanen i planen før du publiserer.");
  } else if (facts.arbeidskravProblems.length > 0) {
    problems.push(`Arbeidskravene stemmer ikke med kravene for kullet: ${facts.arbeidskravProblems.join(" ")}`);
  }
  return problems;
}

export interface CompletionFacts {
  phase: CohortPhase;
  /** Active students registered for the exam (ADMITTED). */
  registered: number;
  /** Of them, those without a grade. */
  registeredWithoutGrade: number;
  /** Whether the exam's grades are published (null: the kull has no exam). */
  gradesPublished: boolean | null;
  /** Students with a granted leave that has not begun (they are still active). */
  leavesNotBegun: number;
  /**
   * Active students (not on leave) with neither a registration nor a decision at the ordinary
   * sitting: never registered, and never refused («ikke adgang», an enkeltvedtak).
   */
  withoutExamDecision: number;
}

/**
 * Why a kull cannot be completed yet; empty when it can. Completing says the kull's work is done:
 * its samlinger are over, every student registered for the exam has a grade the student can
 * see, and every other active student has had the exam decided: registered, refused by a letter
 * they can klage on, or taken off it. (A refused student does not hold it up: that decision is
 * made. One who was neither registered nor refused would leave the kull without a decision.)
 */
export function completionProblems(facts: CompletionFacts): string[] {
  switch (facts.phase) {
    case "COMPLETED":
    case "ARCHIVED":
      return ["Kullet er allerede fullført."];
    case "EXAM":
      break;
    default:
      return ["Kullet kan fullføres først når alle samlingene er holdt."];
  }
  const problems: string[] = [];
  if (facts.gradesPublished !== null && facts.withoutExamDecision > 0) {
    problems.push(
      `${countNoun(facts.withoutExamDecision, "student", "studenter")} har verken oppmelding til eksamen eller vedtak om ikke adgang. ` +
        "Meld dem opp, eller vedta «ikke adgang» (et enkeltvedtak med klagerett), på eksamenssiden først.",
    );
  }
  if (facts.registeredWithoutGrade > 0) {
    problems.push(
      `${countNoun(facts.registeredWithoutGrade, "student", "studenter")} er meldt opp til eksamen uten karakter. Sett karakterene først.`,
    );
  }
  if (facts.registered > 0 && facts.gradesPublished === false) {
    problems.push("Karakterene er ikke publisert for studentene ennå. Publiser dem først.");
  }
  // A completed kull puts nobody on leave (kullLeaveProblem), so a leave promised to begin later
  // would be left neither begun nor ended: it begins first, or is withdrawn.
  if (facts.leavesNotBegun > 0) {
    problems.push(
      facts.leavesNotBegun === 1
        ? "1 student har innvilget permisjon som ikke har begynt. Kullet kan fullføres når permisjonen har begynt, eller når den er trukket tilbake på studentens side."
        : `${facts.leavesNotBegun} studenter har innvilget permisjon som ikke har begynt. Kullet kan fullføres når permisjonene har begynt, eller når de er trukket tilbake på studentenes sider.`,
    );
  }
  return problems;
}

/**
 * The cases of a kull still open on a day: what a person must still decide or may still ask for.
 * An archived kull is closed to writes (the database refuses them: migration
 * *_archived_kull_closed_to_writes), so it is archived only when none is left.
 */
export interface OpenCases {
  /** Requests for utsatt eksamen not decided (REQUESTED). */
  deferralRequests: number;
  /** Klager not decided, and upheld klager not yet sent on to the appeals body. */
  openKlager: number;
  /** Forhåndsvarsler not decided (lib/domain/correction-notice.ts): carried out or withdrawn first. */
  pendingNotices: number;
  /** Enkeltvedtak with no klage whose klage deadline has not passed, and the last such deadline. */
  klagePeriods: { letters: number; lastDeadline: string | null };
  /** Granted leave not ended (the student has not come back, or it has not begun). */
  unendedLeaves: number;
  /** Students who may complete (a published passing grade that counts) and are not registered as completed: no confirmation yet. */
  unconfirmedCompletions: number;
  /** Sittings (ordinary, utsatt, ny eksamen) not over yet, and the last day of the last of them. */
  sittingsAhead: { count: number; lastDay: string | null };
  /** Sittings that are over, with registered students, whose grades are not published. */
  unpublishedSittings: number;
  /** The last day grades of the kull were published (the klage period on a grade runs from it), or null. */
  gradesLastPublishedOn: string | null;
}

export const NO_OPEN_CASES: OpenCases = {
  deferralRequests: 0,
  openKlager: 0,
  pendingNotices: 0,
  klagePeriods: { letters: 0, lastDeadline: null },
  unendedLeaves: 0,
  unconfirmedCompletions: 0,
  sittingsAhead: { count: 0, lastDay: null },
  unpublishedSittings: 0,
  gradesLastPublishedOn: null,
};

/**
 * Why a kull cannot be archived; empty when it can. Only a completed kull is archived, and only
 * when nothing in it waits, a student's confirmation of completion included: an archived kull is
 * read, never changed (until someone brings it back from the archive: restoreProblems).
 */
export function archiveProblems(phase: CohortPhase, open: OpenCases, today: string): string[] {
  if (phase === "ARCHIVED") return ["Kullet er allerede arkivert."];
  if (phase !== "COMPLETED") return ["Bare fullførte kull kan arkiveres. Fullfør kullet først."];
  const problems: string[] = [];
  if (open.deferralRequests > 0) {
    problems.push(`${countNoun(open.deferralRequests, "søknad", "søknader")} om utsatt eksamen er ikke avgjort.`);
  }
  if (open.openKlager > 0) {
    problems.push(`${countNoun(open.openKlager, "klage", "klager")} er ikke avgjort eller ikke sendt videre til klagenemnda.`);
  }
  if (open.pendingNotices > 0) {
    problems.push(`${countNoun(open.pendingNotices, "forhåndsvarsel", "forhåndsvarsler")} om retting av en vurdering er ikke avgjort. Fagansvarlig retter vurderingen eller trekker varselet tilbake.`);
  }
  if (open.sittingsAhead.count > 0 && open.sittingsAhead.lastDay) {
    problems.push(
      `${countNoun(open.sittingsAhead.count, "eksamen", "eksamener")} er ikke holdt ennå (siste dag ${formatDateNb(open.sittingsAhead.lastDay)}). ` +
        "Etterpå må karakterene publiseres og klagefristen på tre uker gå ut.",
    );
  }
  if (open.unpublishedSittings > 0) {
    problems.push(`Karakterene for ${countNoun(open.unpublishedSittings, "eksamen", "eksamener")} er ikke publisert.`);
  }
  // A grade is appealed within three weeks of its publication (universitets- og høyskoleloven;
  // the same count as an enkeltvedtak's klage deadline, lib/domain/klage.ts).
  const gradeKlageEndsOn = open.gradesLastPublishedOn ? klageDeadline(open.gradesLastPublishedOn) : null;
  if (gradeKlageEndsOn && compareIsoDates(today, gradeKlageEndsOn) <= 0) {
    problems.push(`Klagefristen på karakterene er ikke ute. Kullet kan arkiveres etter ${formatDateNb(gradeKlageEndsOn)}.`);
  }
  if (open.klagePeriods.letters > 0 && open.klagePeriods.lastDeadline) {
    problems.push(
      `Klagefristen for ${countNoun(open.klagePeriods.letters, "vedtak", "vedtak")} er ikke ute. ` +
        `Kullet kan arkiveres etter ${formatDateNb(open.klagePeriods.lastDeadline)}.`,
    );
  }
  if (open.unendedLeaves > 0) {
    problems.push(
      open.unendedLeaves === 1
        ? "1 student har en permisjon som ikke er avsluttet. Registrer at studenten er tilbake, trekk permisjonen tilbake hvis den ikke har begynt, eller overfør studenten til et nytt kull."
        : `${open.unendedLeaves} studenter har en permisjon som ikke er avsluttet. Registrer at studentene er tilbake, trekk permisjonene tilbake som ikke har begynt, eller overfør studentene til et nytt kull.`,
    );
  }
  if (open.unconfirmedCompletions > 0) {
    problems.push(
      `${countNoun(open.unconfirmedCompletions, "student", "studenter")} har bestått, men er ikke registrert som fullført og har ikke fått bekreftelsen. ` +
        "Registrer det på studentens side («Registrer at studenten har fullført»).",
    );
  }
  return problems;
}

/**
 * Why a completed kull cannot be opened again; empty when it can. Completing fixes the plan, the
 * intake's dates and places, and leave (planClosedReason, intakeChangeProblems, kullLeaveProblem);
 * when one of them proves wrong (a samling day registered on the wrong date, a misdated end), an
 * adviser opens the kull again with a reason, corrects it, and completes it again. An archived kull
 * is brought back from the archive first.
 */
export function reopenProblems(phase: CohortPhase): string[] {
  if (phase === "COMPLETED") return [];
  if (phase === "ARCHIVED") return ["Kullet er arkivert. Hent det fram fra arkivet først."];
  return ["Kullet er ikke fullført."];
}

/** Why a kull cannot be brought back from the archive; empty when it can. */
export function restoreProblems(phase: CohortPhase): string[] {
  return phase === "ARCHIVED" ? [] : ["Kullet er ikke arkivert."];
}

/** What anyone who tries to change an archived kull is told (the database refuses the write). */
export const ARCHIVED_KULL_MESSAGE =
  "Kullet er arkivert, og ingenting i det kan endres. Må noe rettes, må kullet først hentes fram fra arkivet (under «Opptak og status» for kullet, av en studieveileder).";

// ─── What the adviser does next ─────────────────────────────────────────────────────────────────

/** Where the next step is done: the kull's own page, admission, the exam page, today's attendance. */
export type StepTarget = "INTAKE" | "PLAN" | "ADMISSION" | "EXAM" | "ATTENDANCE";

export interface NextStep {
  text: string;
  /** Null: nothing to do but wait. */
  target: StepTarget | null;
}

export interface NextStepFacts {
  phase: CohortPhase;
  today: string;
  applicationOpensOn: string;
  applicationDeadline: string;
  startsOn: string;
  /** For a draft: publicationProblems. */
  publicationProblems: readonly string[];
  /** Sent applications without a decision (SUBMITTED, UNDER_REVIEW). */
  undecidedApplications: number;
  /** Offers nobody has answered yet. */
  openOffers: number;
  /** Active students. */
  students: number;
  /** The next samling day on or after today, when there is one. */
  nextSamlingDay: string | null;
  exam: { startsOn: string; endsOn: string; registered: number; registeredWithoutGrade: number; gradesPublished: boolean; withoutExamDecision: number } | null;
  /**
   * For a completed kull: archiveProblems, or null where they were not read (a completed kull
   * then has no next step: only pages that show it read them).
   */
  archiveProblems: readonly string[] | null;
}

/**
 * A completed kull's next step: archive it, or wait until what stands open is done. Both are on
 * the kull's own page, which lists what stands open.
 */
export function completedKullStep(archiveProblems: readonly string[]): NextStep {
  return archiveProblems.length === 0
    ? { text: "Arkiver kullet", target: "INTAKE" }
    : { text: "Kullet kan arkiveres når det som står åpent, er avsluttet.", target: "INTAKE" };
}

/** The next thing an adviser does for a kull, in plain Norwegian ("Publiser opptaket"). */
export function nextCohortStep(facts: NextStepFacts): NextStep | null {
  const { today } = facts;
  switch (facts.phase) {
    case "DRAFT":
      return facts.publicationProblems.length === 0
        ? { text: "Publiser opptaket", target: "INTAKE" }
        : { text: `Gjør kladden ferdig: ${facts.publicationProblems[0]}`, target: "INTAKE" };
    case "OPEN":
      return compareIsoDates(today, facts.applicationOpensOn) < 0
        ? { text: `Opptaket åpner ${formatDateNb(facts.applicationOpensOn)}.`, target: null }
        : { text: `Søknadsperioden pågår til ${formatDateNb(facts.applicationDeadline)}.`, target: null };
    case "ADMISSION":
      if (facts.undecidedApplications > 0) return { text: "Søknadsfristen er ute: vurder søknadene", target: "ADMISSION" };
      if (facts.openOffers > 0) return { text: `Venter på svar på ${countNoun(facts.openOffers, "tilbud", "tilbud")}.`, target: "ADMISSION" };
      return { text: `Kullet starter ${formatDateNb(facts.startsOn)}.`, target: null };
    case "RUNNING":
      if (facts.nextSamlingDay === today) return { text: "Registrer oppmøte for i dag", target: "ATTENDANCE" };
      return facts.nextSamlingDay
        ? { text: `Neste samling ${formatDateNb(facts.nextSamlingDay)}.`, target: null }
        : { text: "Samlingene er holdt.", target: null };
    case "EXAM": {
      const exam = facts.exam;
      if (!exam && facts.students > 0) return { text: "Legg inn eksamen i planen", target: "PLAN" };
      if (exam && facts.students > 0 && exam.registered === 0) return { text: "Meld opp studentene til eksamen", target: "EXAM" };
      if (exam && exam.registeredWithoutGrade > 0) {
        return compareIsoDates(today, exam.endsOn) <= 0
          ? { text: `Eksamen ${formatDateNb(exam.startsOn)}.`, target: null }
          : { text: "Sett karakterer", target: "EXAM" };
      }
      if (exam && exam.registered > 0 && !exam.gradesPublished) return { text: "Publiser karakterene", target: "EXAM" };
      if (exam && exam.withoutExamDecision > 0) {
        return { text: `Meld opp eller gi vedtak om ikke adgang til eksamen (${countNoun(exam.withoutExamDecision, "student", "studenter")})`, target: "EXAM" };
      }
      return { text: "Fullfør kullet", target: "INTAKE" };
    }
    case "COMPLETED":
      return facts.archiveProblems ? completedKullStep(facts.archiveProblems) : null;
    case "ARCHIVED":
      return null;
  }
}

/**
 * Why a samling shared with a completed (or archived) kull cannot change: its days are that kull's
 * plan too, which stands (planClosedReason in ./cohort-plan.ts).
 */
export function sharedSamlingClosedMessage(completedKull: readonly string[]): string {
  return (
    `Samlingen er felles med ${completedKull.join(" og ")}, som er fullført, så samlingen og dagene kan ikke endres. ` +
    "Trenger kullet andre dager, legg inn en ny samling i planen."
  );
}
