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
import { klageDeadline } from "./klage";

export type LetterKind =
  /** An offer in the first round. */
  | "OFFER"
  /** A numbered place on the waiting list. */
  | "WAITLIST"
  | "REFUSAL"
  /** A place that came free and went to the first on the waiting list. */
  | "WAITLIST_OFFER"
  /** A klage not taken: the case goes to the appeals body. */
  | "KLAGE_UPHELD";

export interface LetterInput {
  kind: LetterKind;
  /** The decision was changed after a klage (a reversal): said in the letter. */
  afterKlage?: boolean;
  applicantName: string;
  programmeName: string;
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
  /** A klage's outcome: when it was filed and the adviser's grounds. */
  klage?: { filedOn: string; grounds: string };
  decidedBy: { name: string; title: string };
  contact: { name: string; email: string; phone: string };
  appealsBody: string;
  /**
   * The programme's own words in an offer (Programme.offerWelcomeText, offerPracticalText; see
   * lib/domain/programme.ts): a welcome after the decision and practical information after the
   * answer deadline. Left out: the standard practical paragraph and no welcome.
   */
  offerTexts?: { welcome: string | null; practical: string | null };
}

/** The practical paragraph of an offer when the programme has not written its own. */
export const STANDARD_OFFER_PRACTICAL_TEXT =
  "Studiet har ingen studieavgift, men du må betale semesteravgift det semesteret du tar eksamen. Arbeidsgiveren din kan søke Bufdir om tilskudd til kostnadene.";

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

function outcomeSection(input: LetterInput): LetterSection {
  const section = decisionSection(input);
  const welcome = input.offerTexts?.welcome?.trim();
  if (welcome && (input.kind === "OFFER" || input.kind === "WAITLIST_OFFER")) section.paragraphs.push(welcome);
  return section;
}

function decisionSection(input: LetterInput): LetterSection {
  const study = `${input.programmeName}, ${input.cohortName}`;
  const prefix = input.afterKlage ? "Vi har behandlet klagen din og endret vedtaket. " : "";
  switch (input.kind) {
    case "OFFER":
      return { heading: "Vedtak", paragraphs: [`${prefix}Du får tilbud om studieplass på ${study}.`] };
    case "WAITLIST_OFFER":
      return {
        heading: "Vedtak",
        paragraphs: [`Det har blitt ledig en studieplass, og du står først på ventelisten. Du får derfor tilbud om studieplass på ${study}.`],
      };
    case "WAITLIST":
      return {
        heading: "Vedtak",
        paragraphs: [
          `${prefix}Du får ikke studieplass nå, men er satt på venteliste til ${study} som nummer ${input.ranking?.waitlistPosition ?? "?"}.`,
          "Takker noen nei til plassen sin, eller svarer ikke innen fristen, går plassen til den som står først på ventelisten. Du får da et nytt brev med tilbud. Plassen din på ventelisten kan bli bedre etter hvert; du ser den alltid i søknadsportalen.",
        ],
      };
    case "REFUSAL":
      return { heading: "Vedtak", paragraphs: [`Du får ikke studieplass på ${study}. Søknaden din er avslått.`] };
    case "KLAGE_UPHELD":
      return {
        heading: "Vedtak i klagesaken",
        paragraphs: [
          `Vi har behandlet klagen din av ${formatDateNb(input.klage?.filedOn ?? input.madeAvailableOn)} og har ikke funnet grunn til å endre vedtaket.`,
          `Klagen er derfor sendt til ${input.appealsBody} for endelig avgjørelse (forvaltningsloven § 33). Du får svar direkte fra klageinstansen.`,
        ],
      };
  }
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
  for (const requirement of input.requirements) {
    paragraphs.push(`${requirement.label}: ${requirement.met ? "oppfylt" : "ikke oppfylt"}. ${requirement.facts.join(" ")}`);
  }
  paragraphs.push(
    `Prioritetskategori: ${input.category.value} (${PRIORITY_CATEGORY_LABELS[input.category.value].toLowerCase()}). ${input.category.reasons.join(" ")}`,
  );
  return { heading: "Opplysninger vi har lagt til grunn", paragraphs };
}

function considerationsSection(input: LetterInput): LetterSection {
  const paragraphs: string[] = [];
  if (input.kind === "REFUSAL" && input.refusalReason === "NOT_QUALIFIED") {
    paragraphs.push("Du oppfyller ikke opptakskravene til studiet, og søknaden kan derfor ikke rangeres.");
  } else if (input.kind === "REFUSAL") {
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

function appealSection(input: LetterInput, deadline: string | null): LetterSection {
  if (deadline === null) {
    return {
      heading: "Klageinstansens avgjørelse",
      paragraphs: ["Klageinstansens avgjørelse er endelig og kan ikke påklages videre (forvaltningsloven § 28 tredje ledd)."],
    };
  }
  return {
    heading: "Du kan klage",
    paragraphs: [
      `Du kan klage på vedtaket innen tre uker etter at du mottok det (forvaltningsloven §§ 28 og 29). Brevet ble gjort tilgjengelig for deg i søknadsportalen ${formatDateNb(input.madeAvailableOn)}, og klagefristen er derfor ${formatDateNb(deadline)}.`,
      `Du klager i søknadsportalen. Skriv hva du klager på og hvorfor, og legg gjerne ved dokumentasjon. Får du ikke medhold hos oss, sender vi klagen til ${input.appealsBody}.`,
      "Du har rett til å se dokumentene i saken din (forvaltningsloven §§ 18 og 19). Kontakt oss hvis du vil se dem eller har spørsmål om vedtaket.",
    ],
  };
}

export function composeDecisionLetter(input: LetterInput): ComposedLetter {
  const deadline = input.kind === "KLAGE_UPHELD" ? null : klageDeadline(input.madeAvailableOn);
  const subjects: Record<LetterKind, string> = {
    OFFER: "Tilbud om studieplass",
    WAITLIST_OFFER: "Tilbud om studieplass fra ventelisten",
    WAITLIST: "Plass på venteliste",
    REFUSAL: "Avslag på søknad om opptak",
    KLAGE_UPHELD: "Klagen din er sendt til klageinstansen",
  };
  const subject = `${subjects[input.kind]}: ${input.programmeName}, ${input.cohortName}`;
  const sections: LetterSection[] = [
    { heading: null, paragraphs: [`Til ${input.applicantName}`] },
    outcomeSection(input),
  ];
  const answer = answerSection(input);
  if (answer) sections.push(answer);
  if (input.kind !== "KLAGE_UPHELD") sections.push(rulesSection(), factsSection(input));
  sections.push(considerationsSection(input));
  sections.push(appealSection(input, deadline));
  sections.push({
    heading: null,
    paragraphs: [
      `Spørsmål? Kontakt ${input.contact.name}, ${input.contact.email}, telefon ${input.contact.phone}.`,
      `Med hilsen\n${input.decidedBy.name}\n${input.decidedBy.title}\nNTNU, Nasjonal videreutdanning i barnevernledelse\n${formatDateNb(input.madeAvailableOn)}`,
    ],
  });
  return {
    subject,
    title: input.kind === "KLAGE_UPHELD" ? "Vedtak i klagesak" : "Vedtak om opptak (enkeltvedtak)",
    sections: sections.filter((section) => section.paragraphs.length > 0),
    klageDeadline: deadline,
  };
}

/** The letter as plain text (the e-mail and the portal's copy). */
export function letterAsText(letter: ComposedLetter): string {
  const blocks = [letter.title.toUpperCase()];
  for (const section of letter.sections) {
    blocks.push([section.heading, ...section.paragraphs].filter(Boolean).join("\n\n"));
  }
  return blocks.join("\n\n");
}
