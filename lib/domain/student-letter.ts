/**
 * Letters to a student, composed from the facts of the decision they tell about. Two kinds are
 * individual decisions (enkeltvedtak) under the Public Administration Act, like admission
 * (lib/domain/decision-letter.ts): "ikke godkjent" on the final attempt of an arbeidskrav and
 * "ikke adgang til eksamen". Such a letter states the decision, the rules it rests on (the legal
 * basis, named plainly: no section numbers we cannot vouch for), the grounds, the right to appeal
 * with the deadline computed from the day it was made available (lib/domain/klage.ts), the right
 * to see the case documents, and who decided and when. A klage's outcome, and a decision that no
 * longer stands, are letters too; they give no new right to appeal.
 *
 * Add a kind here (and to StudentLetterKind in prisma/schema.prisma) for a new letter: leave,
 * withdrawal, transfer to a later kull, completion, deferred exam, resit. The server issues every
 * kind the same way (issueStudentLetter in lib/server/student-letters/issue.ts).
 */
import { countNoun, formatDateNb, joinNb } from "./format";
import { APPEALS_BODY, klageDeadline } from "./klage";
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
  | "DECISION_CHANGED";

export const STUDENT_LETTER_KINDS: readonly StudentLetterKind[] = [
  "ARBEIDSKRAV_NOT_APPROVED",
  "EXAM_ADMISSION_REFUSED",
  "KLAGE_REVERSED",
  "KLAGE_UPHELD",
  "DECISION_CHANGED",
];

/** What each kind is called in lists ("Vedtak om arbeidskrav"). */
export const STUDENT_LETTER_KIND_LABELS: Record<StudentLetterKind, string> = {
  ARBEIDSKRAV_NOT_APPROVED: "Vedtak om arbeidskrav",
  EXAM_ADMISSION_REFUSED: "Vedtak om adgang til eksamen",
  KLAGE_REVERSED: "Klage tatt til følge",
  KLAGE_UPHELD: "Klage sendt til klageinstansen",
  DECISION_CHANGED: "Endret vedtak",
};

/**
 * Who decides a klage on each kind of enkeltvedtak (never the person who made the decision;
 * lib/permissions.ts canDecideStudentAppeal): an arbeidskrav is an academic judgement, so a
 * member of the cohort's teaching team (the fagansvarlig first of all) reconsiders it; admission
 * to the exam follows from registered facts and is the study administration's, so an adviser
 * handles that klage. Letters that are not enkeltvedtak cannot be appealed (null).
 */
export type KlageHandler = "TEACHING_TEAM" | "ADVISER";

export const KLAGE_HANDLER: Record<StudentLetterKind, KlageHandler | null> = {
  ARBEIDSKRAV_NOT_APPROVED: "TEACHING_TEAM",
  EXAM_ADMISSION_REFUSED: "ADVISER",
  KLAGE_REVERSED: null,
  KLAGE_UPHELD: null,
  DECISION_CHANGED: null,
};

export function isEnkeltvedtak(kind: StudentLetterKind): boolean {
  return KLAGE_HANDLER[kind] !== null;
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
   * The case's reference number (lib/domain/case-reference.ts): an enkeltvedtak opens a case; a
   * letter that answers one (a klage's outcome, a decision that no longer stands) carries its case.
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
    }
  | {
      kind: "EXAM_ADMISSION_REFUSED";
      exam: { title: string; startsOn: string; endsOn: string };
      requirements: { attendancePercent: number; arbeidskrav: number };
      /** Why the requirements are not met, in sentences to the student (lib/domain/eligibility.ts). */
      reasons: string[];
    }
  | { kind: "KLAGE_REVERSED"; klage: { filedOn: string; grounds: string }; appealed: EarlierLetter; outcome: string }
  | { kind: "KLAGE_UPHELD"; klage: { filedOn: string; grounds: string }; appealed: EarlierLetter }
  | { kind: "DECISION_CHANGED"; changed: EarlierLetter; outcome: string; reason: string };

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

function earlier(letter: EarlierLetter): string {
  return `«${letter.subject}» fra ${formatDateNb(letter.madeAvailableOn)}`;
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
            paragraphs: [`${input.corrected ? "Fagansvarliges begrunnelse for rettingen" : "Faglærerens vurdering"} (${formatDateNb(input.assessedOn)}):`, grounds],
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
      return {
        kind: input.kind,
        subject: `Klagen din er tatt til følge: ${input.appealed.matter}`,
        title: "Vedtak i klagesak",
        sections: [
          greeting,
          {
            heading: "Vedtak i klagesaken",
            paragraphs: [
              `Vi har behandlet klagen din av ${formatDateNb(input.klage.filedOn)} på vedtaket ${earlier(input.appealed)}. Klagen er tatt til følge: ${nonEmpty(input.outcome, "outcome")}`,
              replacesSentence(input.appealed),
            ],
          },
          { heading: "Begrunnelse", paragraphs: [nonEmpty(input.klage.grounds, "grounds")] },
          legalBasisSection(STUDY_REGULATIONS + ".", "KLAGE"),
          closing,
        ],
        klageDeadline: null,
        enkeltvedtak: false,
        grounds: null,
        legalBasis: null,
      };
    case "KLAGE_UPHELD":
      return {
        kind: input.kind,
        subject: `Klagen din er sendt til klageinstansen: ${input.appealed.matter}`,
        title: "Vedtak i klagesak",
        sections: [
          greeting,
          {
            heading: "Vedtak i klagesaken",
            paragraphs: [
              `Vi har behandlet klagen din av ${formatDateNb(input.klage.filedOn)} på vedtaket ${earlier(input.appealed)}, og har ikke funnet grunn til å endre vedtaket.`,
              `Klagen er derfor sendt til ${APPEALS_BODY} for endelig avgjørelse (forvaltningsloven § 33). Du får svar direkte fra klageinstansen.`,
            ],
          },
          { heading: "Begrunnelse", paragraphs: [nonEmpty(input.klage.grounds, "grounds")] },
          legalBasisSection(STUDY_REGULATIONS + ".", "KLAGE"),
          finalDecisionSection(),
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
          { heading: "Begrunnelse", paragraphs: [nonEmpty(input.reason, "reason")] },
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
 * longer stands, in the same case (the same case number). Letters are never changed: the portal
 * shows the earlier one as no longer standing, with a link to the letter that replaced it.
 */
export function replacedStudentLetters<T extends { id: string; kind: StudentLetterKind; caseNumber: number; order: number }>(letters: readonly T[]): Map<string, T> {
  const replaced = new Map<string, T>();
  for (const letter of letters) {
    if (!isEnkeltvedtak(letter.kind)) continue;
    const by = letters
      .filter((other) => other.caseNumber === letter.caseNumber && other.order > letter.order && (other.kind === "KLAGE_REVERSED" || other.kind === "DECISION_CHANGED"))
      .sort((a, b) => a.order - b.order)[0];
    if (by) replaced.set(letter.id, by);
  }
  return replaced;
}
