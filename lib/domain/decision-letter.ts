/**
 * The decision letter (vedtaksbrev) of an admission decision, composed from the facts. An
 * admission, a waiting-list place and a refusal are individual decisions (enkeltvedtak) under the
 * Public Administration Act: the letter states the decision, the rules applied, the facts (the
 * category and why), the main considerations (forvaltningsloven §§ 24–25), the right to appeal
 * within three weeks with the computed deadline (§§ 27–29), the right to see the case documents
 * (§§ 18–19), the answer deadline of an offer, and who decided and when. The same text is shown in
 * the portal, e-mailed and rendered as PDF for the archive.
 */
import { PRIORITY_CATEGORY_LABELS, type PriorityCategory } from "./admission";
import { formatDateNb } from "./format";
import { formatDateSpanNb } from "./schedule";
import { appealsBodyDecisionRef, klageDeadline } from "./klage";
import {
  closingSection,
  finalDecisionSection,
  klageSection,
  legalBasisSection,
  letterheadSection,
  replacesSentence,
  type ComposedLetter,
  type LetterSection,
  type ReplacedLetter,
} from "./letter";

export { letterAsText, type ComposedLetter, type LetterSection } from "./letter";

export type LetterKind =
  /** An offer in the first round. */
  | "OFFER"
  /** A numbered place on the waiting list. */
  | "WAITLIST"
  | "REFUSAL"
  /** A place that came free and went to the first on the waiting list. */
  | "WAITLIST_OFFER"
  /**
   * A new place on the waiting list because its order changed (a later round of decisions, a
   * klage, a correction of the ranking): a new waiting-list decision, with the right to appeal.
   */
  | "WAITLIST_MOVED"
  /**
   * The waiting list closed before a place came free: the waiting-list decision becomes a refusal
   * (an enkeltvedtak, with the right to appeal; the decision's outcome is REFUSAL from then on).
   */
  | "WAITLIST_CLOSED"
  /** A klage not taken: the case goes to the appeals body. */
  | "KLAGE_UPHELD";

/** Why a place on the waiting list changed, as the letter explains it (never naming anyone). */
export type WaitlistChangeCause = "DECISIONS" | "KLAGE" | "CORRECTION";

/**
 * The letters a klage on a decision with this outcome is about: the newest of them counts. A
 * changed place on the list is a waiting-list decision; a closed list is a refusal.
 */
export const APPEALABLE_LETTER_KINDS: Record<"OFFER" | "WAITLIST" | "REFUSAL", readonly LetterKind[]> = {
  OFFER: [],
  WAITLIST: ["WAITLIST", "WAITLIST_MOVED"],
  REFUSAL: ["REFUSAL", "WAITLIST_CLOSED"],
};

/**
 * The letter a klage on this decision is about: the newest letter (`letters` newest first) of a
 * kind that can be appealed and has a klage deadline; null for an offer, or when there is none.
 * One reading for the portal's klage, the adviser's registration of one, and the page's link.
 */
export function appealableLetter<L extends { kind: LetterKind; klageDeadline: unknown }>(decision: {
  outcome: "OFFER" | "WAITLIST" | "REFUSAL";
  letters: readonly L[];
}): L | null {
  return decision.letters.find((letter) => APPEALABLE_LETTER_KINDS[decision.outcome].includes(letter.kind) && letter.klageDeadline) ?? null;
}

/**
 * The laws and regulations an admission decision rests on, named plainly (the sections of NTNU's
 * regulations are not cited: we cannot vouch for their numbers; forvaltningsloven's are, in
 * lib/domain/letter.ts). The programme is the one applied for.
 */
export function admissionLegalBasis(programmeName: string): string {
  return (
    "Lov om universiteter og høyskoler (universitets- og høyskoleloven) og forskrift om opptak til studier ved NTNU, " +
    `med opptakskravene og rangeringsreglene i studieplanen for ${programmeName}.`
  );
}

export interface LetterInput {
  kind: LetterKind;
  /**
   * The decision was changed after a klage (it was taken, "tatt til følge"): the letter says what
   * the new decision is, that it replaces the letter appealed, and never restates the grounds of
   * the decision it replaced.
   */
  afterKlage?: boolean;
  /** The case's reference number (lib/domain/case-reference.ts; CASE_REFERENCE_PENDING in a preview). */
  reference: string;
  applicantName: string;
  programmeName: string;
  /** The programme's studiepoeng (Programme.credits), named with the study in the decision. */
  programmeCredits: number;
  cohortName: string;
  /** The day the letter is made available in the portal (the klage period starts here). */
  madeAvailableOn: string;
  category: { value: PriorityCategory; reasons: string[] };
  requirements: { label: string; met: boolean; facts: string[] }[];
  /** The adviser's grounds for the judgement of the requirements (required for NOT_QUALIFIED). */
  qualificationGrounds?: string | null;
  ranking?: { rank: number | null; waitlistPosition: number | null; capacity: number; qualifiedCount: number; reasons: string[] };
  refusalReason?: "NOT_QUALIFIED" | "LIST_CLOSED";
  /** Offers: the last day to answer. */
  answerDeadline?: string;
  /** WAITLIST and WAITLIST_MOVED: the day the list closes; WAITLIST_CLOSED: the day it closed. */
  waitlistClosesOn?: string;
  /** WAITLIST_MOVED: the place before and now, and why it changed. */
  waitlistChange?: { from: number; to: number; cause: WaitlistChangeCause };
  /** WAITLIST_CLOSED: the last place the applicant held on the list. */
  lastWaitlistPosition?: number;
  /**
   * A klage's outcome: when it was filed, the grounds, and the letter it was about. `appealsBody`:
   * the klageinstans took it (we carry out its decision, and `grounds` are its grounds as the
   * adviser gives them).
   */
  klage?: { filedOn: string; grounds: string; appealed?: ReplacedLetter; appealsBody?: { decidedOn: string; reference: string | null } };
  /** `automatic`: made by the waiting list's rules (the job), signed by the adviser who answers for them. */
  decidedBy: { name: string; title: string; automatic?: boolean };
  contact: { name: string; email: string; phone: string };
  appealsBody: string;
  /**
   * The programme's own words in an offer (Programme.offerWelcomeText, offerPracticalText; see
   * lib/domain/programme.ts): a welcome after the decision and practical information after the
   * answer deadline. Left out: the standard practical paragraph and no welcome.
   */
  offerTexts?: { welcome: string | null; practical: string | null };
  /** Offers: the kull's first samling, where the study starts (none planned yet: not said). */
  firstSamling?: { days: string[]; location: string } | null;
}

/** The practical paragraph of an offer when the programme has not written its own. */
export const STANDARD_OFFER_PRACTICAL_TEXT =
  "Studiet har ingen studieavgift, men du må betale semesteravgift det semesteret du tar eksamen. Arbeidsgiveren din kan søke Bufdir om tilskudd til kostnadene.";

function outcomeSection(input: LetterInput): LetterSection {
  const section = decisionSection(input);
  const welcome = input.offerTexts?.welcome?.trim();
  if (welcome && (input.kind === "OFFER" || input.kind === "WAITLIST_OFFER")) section.paragraphs.push(welcome);
  return section;
}

function decisionSection(input: LetterInput): LetterSection {
  const study = `${input.programmeName} (${input.programmeCredits} studiepoeng), ${input.cohortName}`;
  const replaced = input.afterKlage && input.klage?.appealed ? [replacesSentence(input.klage.appealed)] : [];
  switch (input.kind) {
    case "OFFER":
      if (input.afterKlage && input.klage?.appealsBody) {
        return {
          heading: "Vedtak",
          paragraphs: [
            `${input.appealsBody} har tatt klagen din til følge ${appealsBodyDecisionRef(input.klage.appealsBody)}. Du får derfor tilbud om studieplass på ${study}.`,
            ...replaced,
          ],
        };
      }
      if (input.afterKlage) {
        return { heading: "Vedtak", paragraphs: [`Klagen er tatt til følge: du får tilbud om studieplass på ${study}.`, ...replaced] };
      }
      return { heading: "Vedtak", paragraphs: [`Du får tilbud om studieplass på ${study}.`] };
    case "WAITLIST_OFFER":
      return {
        heading: "Vedtak",
        paragraphs: [`Det har blitt ledig en studieplass, og du står først på ventelisten. Du får derfor tilbud om studieplass på ${study}.`],
      };
    case "WAITLIST": {
      const position = input.ranking?.waitlistPosition;
      if (!position) throw new RangeError("A waiting-list letter needs the place on the list");
      return {
        heading: "Vedtak",
        paragraphs: [
          // A place on the list is not the place a klage on a refusal or a waiting-list place asks
          // for: the klage is taken in part, and the letter says how to take the rest further.
          input.afterKlage
            ? `Klagen er delvis tatt til følge: du er satt på venteliste til ${study}, som nummer ${position}. Du får ikke studieplass nå.`
            : `Du får ikke studieplass nå, men er satt på venteliste til ${study}, som nummer ${position}.`,
          ...replaced,
          WAITLIST_HOW,
          ...closingSentence(input),
          ...(input.afterKlage
            ? [`Mener du fortsatt at du skulle hatt studieplass, kan du klage på dette vedtaket (se «Du kan klage» nedenfor). Holder vi fast på det, sender vi klagen til ${input.appealsBody}, som avgjør den endelig.`]
            : []),
        ],
      };
    }
    case "WAITLIST_MOVED": {
      const change = input.waitlistChange;
      if (!change) throw new RangeError("A letter about a changed waiting-list place needs the change");
      return {
        heading: "Vedtak",
        paragraphs: [
          `Plassen din på ventelisten til ${study} er endret: du står nå som nummer ${change.to} (før: nummer ${change.from}).`,
          WAITLIST_CHANGE_CAUSES[change.cause],
          WAITLIST_HOW,
          ...closingSentence(input),
        ],
      };
    }
    case "WAITLIST_CLOSED": {
      if (!input.waitlistClosesOn) throw new RangeError("A letter about a closed waiting list needs the day it closed");
      const place = input.lastWaitlistPosition ? `Du sto som nummer ${input.lastWaitlistPosition} på ventelisten, og det` : "Det";
      return {
        heading: "Vedtak",
        paragraphs: [
          `Ventelisten til ${study} ble stengt ${formatDateNb(input.waitlistClosesOn)}. ${place} ble ikke ledig noen plass til deg før den stengte.`,
          "Du får derfor ikke studieplass, og søknaden din er avslått. Du er velkommen til å søke igjen til et senere kull.",
        ],
      };
    }
    case "REFUSAL":
      return { heading: "Vedtak", paragraphs: [`Du får ikke studieplass på ${study}. Søknaden din er avslått.`] };
    case "KLAGE_UPHELD":
      // Not a decision of the klage: the body that decided does not take it, and sends it on to
      // the appeals body, which decides (forvaltningsloven § 33 fourth paragraph).
      return {
        heading: "Vår vurdering av klagen",
        paragraphs: [
          `Vi har behandlet klagen din av ${formatDateNb(input.klage?.filedOn ?? input.madeAvailableOn)} og har ikke funnet grunn til å endre vedtaket.`,
          `Vi sender derfor klagen til ${input.appealsBody}, som avgjør den endelig (forvaltningsloven § 33 fjerde ledd). Du får svar direkte fra klagenemnda.`,
        ],
      };
  }
}

const WAITLIST_HOW =
  "Takker noen nei til plassen sin, eller svarer ikke innen fristen, går plassen til den som står først på ventelisten. Du får da et nytt brev med tilbud. Plassen din på ventelisten kan bli bedre etter hvert; du ser den alltid i søknadsportalen.";

const WAITLIST_CHANGE_CAUSES: Record<WaitlistChangeCause, string> = {
  DECISIONS:
    "Ventelisten følger rangeringen. Flere søkere har fått vedtak i en ny runde, og de som er rangert foran deg, står foran deg på listen, også når vedtaket deres kom senere enn ditt.",
  KLAGE: "Ventelisten følger rangeringen. Etter en klagesak er rekkefølgen på listen endret.",
  CORRECTION: "Ventelisten følger rangeringen. Studieveilederen har rettet rangeringen, og rekkefølgen på listen er endret.",
};

function closingSentence(input: LetterInput): string[] {
  return input.waitlistClosesOn
    ? [`Ventelisten stenges ${formatDateNb(input.waitlistClosesOn)}. Blir det ikke ledig plass til deg før det, får du et brev om at søknaden er avslått.`]
    : [];
}

function rulesSection(): LetterSection {
  return {
    heading: "Regler vi har brukt",
    paragraphs: [
      "Opptakskravene til studiet er (1) relevant bachelorgrad eller tilsvarende utdanning på minst 180 studiepoeng, dokumentert med vitnemål, og (2) ansettelse som leder, fagleder, teamleder, stedfortreder eller med lederoppgaver i barnevernet, dokumentert med tjenestebevis.",
      "Er det flere kvalifiserte søkere enn studieplasser, rangeres søkerne etter prioritetskategorier: (1) ledere og stedfortredere i kommunalt barnevern med både fagansvar og personalansvar, (2) søkere med mer enn to års ledererfaring fra kommunalt barnevern, (3) ledere ved barneverninstitusjoner med både fagansvar og personalansvar, (4) andre søkere. Kategorien vurderes per søknadsfristen, ut fra stillingene som er kontrollert mot tjenestebevis.",
      "Innenfor hver kategori legger vi vekt på geografisk spredning: neste plass går til søkeren fra det fylket som har færrest søkere rangert foran. Står søkere likt, går den som sendte søknaden først, foran.",
    ],
  };
}

function factsSection(input: LetterInput): LetterSection {
  const paragraphs: string[] = [];
  if (input.afterKlage) {
    // The judgement the klage changed is not restated: the requirements were judged again.
    paragraphs.push(
      input.klage?.appealsBody ? "Etter klagenemndas vedtak oppfyller du opptakskravene." : "Vi har vurdert opptakskravene på nytt etter klagen din, og du oppfyller dem.",
    );
    paragraphs.push(`Prioritetskategori: ${input.category.value} (${PRIORITY_CATEGORY_LABELS[input.category.value].toLowerCase()}).`);
    return { heading: "Opplysninger vi har lagt til grunn", paragraphs };
  }
  for (const requirement of input.requirements) {
    paragraphs.push(`${requirement.label}: ${requirement.met ? "oppfylt" : "ikke oppfylt"}. ${requirement.facts.join(" ")}`);
  }
  // Not for one refused as not qualified: she is not ranked, so the category decided nothing (a
  // walk read «Prioritetskategori: 1 (leder …)» in a refusal for want of the requirements).
  if (!(input.kind === "REFUSAL" && input.refusalReason === "NOT_QUALIFIED")) {
    paragraphs.push(
      `Prioritetskategori: ${input.category.value} (${PRIORITY_CATEGORY_LABELS[input.category.value].toLowerCase()}). ${input.category.reasons.join(" ")}`,
    );
  }
  return { heading: "Opplysninger vi har lagt til grunn", paragraphs };
}

function considerationsSection(input: LetterInput): LetterSection {
  const paragraphs: string[] = [];
  if (input.afterKlage) {
    // Only the klage's grounds: the grounds of the decision it replaced no longer stand.
    if (input.klage?.appealsBody) {
      paragraphs.push(`Klagenemndas begrunnelse: ${input.klage.grounds.trim()}`);
      // Its decision is final; what we decide in carrying it out (the kull, the answer deadline)
      // is ours, and the letter's klage section is about that.
      paragraphs.push(
        "Klagenemndas vedtak er endelig (forvaltningsloven § 28 tredje ledd). Mener du at vi har gjennomført det feil, for eksempel med feil kull eller svarfrist, kan du klage på det (se «Du kan klage» nedenfor).",
      );
    } else if (input.klage) paragraphs.push(`Begrunnelse i klagesaken: ${input.klage.grounds.trim()}`);
    return { heading: "Hovedhensyn", paragraphs };
  }
  if (input.kind === "REFUSAL" && input.refusalReason === "NOT_QUALIFIED") {
    paragraphs.push("Du oppfyller ikke opptakskravene til studiet, og søknaden kan derfor ikke rangeres.");
  } else if (input.kind === "REFUSAL" || input.kind === "WAITLIST_CLOSED") {
    paragraphs.push(
      "Du oppfyller opptakskravene, men alle studieplassene er fordelt til søkere rangert foran deg, og ventelisten for kullet er stengt.",
    );
  } else if (input.kind !== "KLAGE_UPHELD" && input.ranking) {
    const { rank, capacity, qualifiedCount } = input.ranking;
    if (rank !== null) {
      paragraphs.push(`Det er ${capacity} studieplasser og ${qualifiedCount} kvalifiserte søkere. Du er rangert som nummer ${rank}.`);
    }
    paragraphs.push(...input.ranking.reasons);
  }
  if (input.qualificationGrounds?.trim()) paragraphs.push(`Studieveilederens vurdering: ${input.qualificationGrounds.trim()}`);
  if (input.klage) paragraphs.push(`Begrunnelse i klagesaken: ${input.klage.grounds.trim()}`);
  return { heading: "Hovedhensyn", paragraphs };
}

function answerSection(input: LetterInput): LetterSection | null {
  if (input.kind !== "OFFER" && input.kind !== "WAITLIST_OFFER") return null;
  if (!input.answerDeadline) throw new RangeError("An offer letter needs an answer deadline");
  const practical = input.offerTexts ? input.offerTexts.practical?.trim() : STANDARD_OFFER_PRACTICAL_TEXT;
  return {
    heading: "Svarfrist",
    paragraphs: [
      `Du må svare på tilbudet i søknadsportalen innen ${formatDateNb(input.answerDeadline)}. Svarer du ikke innen fristen, mister du plassen, og den går til neste på ventelisten.`,
      ...(practical ? [practical] : []),
    ],
  };
}

/** Offers: when and where the study starts, under its own heading (found by a reader who jumps by heading). */
function startSection(input: LetterInput): LetterSection | null {
  if (input.kind !== "OFFER" && input.kind !== "WAITLIST_OFFER") return null;
  if (!input.firstSamling || input.firstSamling.days.length === 0) return null;
  return {
    heading: "Oppstart",
    paragraphs: [`Studiet starter med den første samlingen ${formatDateSpanNb(input.firstSamling.days)}, ${input.firstSamling.location}.`],
  };
}

function appealSection(input: LetterInput, deadline: string | null): LetterSection {
  if (deadline === null) return finalDecisionSection();
  // The portal takes a klage on a refusal or a place on the waiting list only
  // (APPEALABLE_LETTER_KINDS): an offer gives what was applied for, so its letter names the way
  // that does take a klage on it.
  const inPortal = [...APPEALABLE_LETTER_KINDS.WAITLIST, ...APPEALABLE_LETTER_KINDS.REFUSAL].includes(input.kind);
  return klageSection({
    madeAvailableOn: input.madeAvailableOn,
    deadline,
    portal: "i søknadsportalen",
    how: !inPortal
      ? `Vedtaket gir deg det du søkte om. Mener du likevel at det er feil, for eksempel at det gjelder feil kull, sender du klagen skriftlig til ${input.contact.name}, ${input.contact.email}. Skriv hva du klager på og hvorfor. Får du ikke medhold hos oss, sender vi klagen til ${input.appealsBody}.`
      : `Du klager i søknadsportalen. Skriv hva du klager på og hvorfor, og legg gjerne ved dokumentasjon. Får du ikke medhold hos oss, sender vi klagen til ${input.appealsBody}.`,
  });
}

export function composeDecisionLetter(input: LetterInput): ComposedLetter {
  const deadline = input.kind === "KLAGE_UPHELD" ? null : klageDeadline(input.madeAvailableOn);
  const subjects: Record<LetterKind, string> = {
    OFFER: "Tilbud om studieplass",
    WAITLIST_OFFER: "Tilbud om studieplass fra ventelisten",
    WAITLIST: "Plass på venteliste",
    WAITLIST_MOVED: "Ny plass på ventelisten",
    WAITLIST_CLOSED: "Ventelisten er stengt",
    REFUSAL: "Avslag på søknad om opptak",
    KLAGE_UPHELD: "Klagen din sendes til klagenemnda",
  };
  const subject = `${subjects[input.kind]}: ${input.programmeName}, ${input.cohortName}`;
  const sections: LetterSection[] = [
    letterheadSection({
      recipientName: input.applicantName,
      reference: input.reference,
      madeAvailableOn: input.madeAvailableOn,
      programmeName: input.programmeName,
      cohortName: input.cohortName,
    }),
    outcomeSection(input),
  ];
  const answer = answerSection(input);
  if (answer) sections.push(answer);
  const start = startSection(input);
  if (start) sections.push(start);
  if (input.kind !== "KLAGE_UPHELD") sections.push(rulesSection(), factsSection(input));
  sections.push(considerationsSection(input));
  sections.push(legalBasisSection(admissionLegalBasis(input.programmeName), input.kind === "KLAGE_UPHELD" ? "KLAGE" : "ENKELTVEDTAK"));
  sections.push(appealSection(input, deadline));
  if (input.decidedBy.automatic) {
    sections.push({
      heading: null,
      paragraphs: [`Vedtaket er gjort automatisk etter reglene for ventelisten. ${input.decidedBy.name}, studieveileder, er ansvarlig for det.`],
    });
  }
  sections.push(closingSection(input));
  return {
    subject,
    title: input.kind === "KLAGE_UPHELD" ? "Klagen er ikke tatt til følge" : "Vedtak om opptak (enkeltvedtak)",
    sections: sections.filter((section) => section.paragraphs.length > 0),
    klageDeadline: deadline,
  };
}

/**
 * Which later letter replaces each letter of a decision. A letter that states a decision (every
 * kind but KLAGE_UPHELD, which keeps the decision and sends the klage on) stands until the next
 * letter that states one: a klage taken, a new place on the list, an offer from the list, the
 * list closed. Letters are never changed: the portal shows the earlier one as replaced.
 */
export function replacedLetters<T extends { id: string; version: number; kind: LetterKind }>(letters: readonly T[]): Map<string, T> {
  const deciding = [...letters].filter((letter) => letter.kind !== "KLAGE_UPHELD").sort((a, b) => a.version - b.version);
  const replaced = new Map<string, T>();
  for (const [index, letter] of deciding.entries()) {
    const next = deciding[index + 1];
    if (next) replaced.set(letter.id, next);
  }
  return replaced;
}
