/**
 * The layout every letter from the programme shares, to applicants (lib/domain/decision-letter.ts)
 * and to students (lib/domain/student-letter.ts): a title, sections of a heading and paragraphs,
 * the right to appeal an enkeltvedtak with its computed klage deadline, and the closing with whom
 * to contact and who decided. The same text is shown on screen, e-mailed and rendered as PDF
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
export function closingSection(input: { contact: LetterContact; decidedBy: { name: string; title: string }; madeAvailableOn: string }): LetterSection {
  return {
    heading: null,
    paragraphs: [
      `Spørsmål? Kontakt ${input.contact.name}, ${input.contact.email}, telefon ${input.contact.phone}.`,
      `Med hilsen\n${input.decidedBy.name}\n${input.decidedBy.title}\nNTNU, Nasjonal videreutdanning i barnevernledelse\n${formatDateNb(input.madeAvailableOn)}`,
    ],
  };
}
