/**
 * The letter model every letter from the programme shares, to applicants
 * (lib/domain/decision-letter.ts) and to students (lib/domain/student-letter.ts): a title; the
 * letterhead (to whom, the case's reference number, the date, the programme and kull the case is
 * about); sections of a heading and paragraphs; the legal basis ("Hjemmel": the laws and
 * regulations, and the sections of forvaltningsloven an enkeltvedtak rests on); the right to
 * appeal with its computed klage deadline and how to appeal; a sentence when a new decision
 * replaces an earlier one; and the closing with whom to contact and who decided, for the
 * programme. The same text is shown on screen, e-mailed and rendered as PDF
 * (lib/server/letters/pdf.ts reads headings back from this text: a heading is one short line
 * without a full stop).
 */
import { formatDateNb } from "./format";

export interface LetterSection {
  heading: string | null;
  paragraphs: string[];
}

export interface ComposedLetter {
  subject: string;
  title: string;
  sections: LetterSection[];
  /** The last day a klage is in time; null when the letter gives no right to appeal. */
  klageDeadline: string | null;
}

/** What every letter begins with: to whom, and which case, when and about which study. */
export interface LetterHead {
  recipientName: string;
  /** The case's reference number (lib/domain/case-reference.ts), or CASE_REFERENCE_PENDING in a preview. */
  reference: string;
  /** The day the letter is made available (the klage period starts here). */
  madeAvailableOn: string;
  /** The programme and kull the case is about, by their own names (never a default). */
  programmeName: string;
  cohortName: string;
}

/**
 * A letter's section heading, in its text as composed: a block (between blank lines) of one short
 * line without a full stop ("Begrunnelse", "Du kan klage"). Bold in the PDF and on screen.
 */
export function isLetterHeading(block: string): boolean {
  return !block.includes("\n") && block.length <= 60 && !/[.:?!]$/.test(block);
}

/** "Til …", then the case's reference, the date and the study, one per line. */
export function letterheadSection(head: LetterHead): LetterSection {
  return {
    heading: null,
    paragraphs: [
      `Til ${head.recipientName}`,
      `Saksnummer: ${head.reference}\nDato: ${formatDateNb(head.madeAvailableOn)}\nStudium: ${head.programmeName}, ${head.cohortName}`,
    ],
  };
}

/**
 * An enkeltvedtak under forvaltningsloven: individual (§ 2 første ledd bokstav b), with grounds
 * (§§ 24 og 25), open to a klage (§§ 28 og 29). Named in every such letter.
 */
export const ENKELTVEDTAK_BASIS =
  "Vedtaket er et enkeltvedtak etter forvaltningsloven § 2 første ledd bokstav b. Det er begrunnet etter forvaltningsloven §§ 24 og 25, og det kan påklages etter §§ 28 og 29.";

/**
 * An avvisning of a klage is an enkeltvedtak by § 2 third paragraph («avgjørelse som gjelder
 * avvisning av sak»), with grounds and a klage right as any other.
 */
export const AVVISNING_BASIS =
  "Vedtaket om å avvise klagen er et enkeltvedtak etter forvaltningsloven § 2 tredje ledd. Det er begrunnet etter forvaltningsloven §§ 24 og 25, og det kan påklages etter §§ 28 og 29.";

/**
 * A klage's outcome: a klage is prepared by the body that decided and decided by the appeals body.
 * The legal basis speaks the law's word, «klageinstansen»; everything else (pages, forms, the
 * letters' own sentences) names it as people know it: «klagenemnda» (APPEALS_BODY in full).
 */
export const KLAGE_CASE_BASIS =
  "Klagen er behandlet etter forvaltningsloven §§ 28 til 34: vi har vurdert den på nytt (§ 33), og en klage vi ikke tar til følge, avgjøres av klageinstansen.";

/**
 * A klage taken here (§ 33 andre ledd): the sentence above spoke of a klage not taken, and of the
 * klageinstans, in a letter whose klage was taken and goes nowhere.
 */
export const KLAGE_GRANTED_BASIS =
  "Klagen er behandlet etter forvaltningsloven § 33 andre ledd: vi har vurdert saken på nytt, funnet klagen begrunnet og endret vedtaket.";

/**
 * "Hjemmel": the laws and regulations the decision rests on (`rules`, named plainly: no section
 * numbers of NTNU's regulations we cannot vouch for), and the sections of forvaltningsloven.
 */
/** A letter carrying out the klageinstans's decision: it decided, we did as it said. */
export const APPEALS_BODY_CASE_BASIS =
  "Klagen er avgjort av klageinstansen etter forvaltningsloven § 34, og vi har gjennomført vedtaket. Klageinstansens vedtak er endelig (§ 28 tredje ledd).";

export function legalBasisSection(rules: string, kind: "ENKELTVEDTAK" | "AVVISNING" | "KLAGE" | "KLAGE_GRANTED" | "APPEALS_BODY"): LetterSection {
  const basis = {
    ENKELTVEDTAK: ENKELTVEDTAK_BASIS,
    AVVISNING: AVVISNING_BASIS,
    KLAGE: KLAGE_CASE_BASIS,
    KLAGE_GRANTED: KLAGE_GRANTED_BASIS,
    APPEALS_BODY: APPEALS_BODY_CASE_BASIS,
  }[kind];
  return { heading: "Hjemmel", paragraphs: [rules, basis] };
}

/** The legal basis as one text, as stored beside a student's enkeltvedtak (StudentLetter.legalBasis). */
export function legalBasisText(rules: string, basis: "ENKELTVEDTAK" | "AVVISNING" = "ENKELTVEDTAK"): string {
  return `${rules} ${basis === "AVVISNING" ? AVVISNING_BASIS : ENKELTVEDTAK_BASIS}`;
}

/** An earlier letter a new decision replaces. */
export interface ReplacedLetter {
  subject: string;
  madeAvailableOn: string;
}

/** Said in the decision of a letter that replaces an earlier one: the earlier no longer stands. */
export function replacesSentence(earlier: ReplacedLetter): string {
  return `Dette vedtaket erstatter vedtaket «${earlier.subject}» fra ${formatDateNb(earlier.madeAvailableOn)}, som ikke lenger gjelder.`;
}

export interface LetterContact {
  name: string;
  email: string;
  phone: string;
}

/** The letter as plain text (the e-mail and the portal's copy). */
export function letterAsText(letter: ComposedLetter): string {
  const blocks = [letter.title.toUpperCase()];
  for (const section of letter.sections) {
    blocks.push([section.heading, ...section.paragraphs].filter(Boolean).join("\n\n"));
  }
  return blocks.join("\n\n");
}

export interface KlageRight {
  /** The day the letter was made available (the klage period starts here). */
  madeAvailableOn: string;
  /** The computed klage deadline (lib/domain/klage.ts). */
  deadline: string;
  /** Where the letter was made available and the klage is filed: "i søknadsportalen". */
  portal: string;
  /** How to file, in one or two sentences, ending with where an upheld klage goes. */
  how: string;
}

/** "Du kan klage": the right to appeal within three weeks, the computed deadline, the case documents. */
export function klageSection(right: KlageRight): LetterSection {
  return {
    heading: "Du kan klage",
    paragraphs: [
      `Du kan klage på vedtaket innen tre uker etter at du mottok det (forvaltningsloven §§ 28 og 29). Brevet ble gjort tilgjengelig for deg ${right.portal} ${formatDateNb(right.madeAvailableOn)}, og klagefristen er derfor ${formatDateNb(right.deadline)}.`,
      right.how,
      "Du har rett til å se dokumentene i saken din (forvaltningsloven §§ 18 og 19). Kontakt oss hvis du vil se dem eller har spørsmål om vedtaket.",
    ],
  };
}

/** The letter on a klage sent on to the appeals body: its decision is final. */
export function finalDecisionSection(): LetterSection {
  return {
    heading: "Klageinstansens avgjørelse",
    paragraphs: ["Klageinstansens avgjørelse er endelig og kan ikke påklages videre (forvaltningsloven § 28 tredje ledd)."],
  };
}

/** The closing: whom to ask, and who decided, when. */
export function closingSection(input: {
  contact: LetterContact;
  decidedBy: { name: string; title: string };
  madeAvailableOn: string;
  programmeName: string;
}): LetterSection {
  return {
    heading: null,
    paragraphs: [
      // The programme's adviser, said as such: the one who signs may be another (a walk read two
      // advisers in one letter and did not know whom to write to).
      `Spørsmål? Kontakt programmets studieveileder, ${input.contact.name}, ${input.contact.email}, telefon ${input.contact.phone}.`,
      `Med hilsen\n${input.decidedBy.name}\n${input.decidedBy.title}\nNTNU, ${input.programmeName}\n${formatDateNb(input.madeAvailableOn)}`,
    ],
  };
}
