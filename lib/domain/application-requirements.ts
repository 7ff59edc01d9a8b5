/**
 * What an application still lacks before it can be submitted, as a list the applicant's summary
 * page shows with links to the fields.
 */
import {
  explainPriorityCategory,
  isLeaderRole,
  type EmployerType,
  type LeaderRole,
  type Position,
  type PriorityCategoryExplanation,
} from "./admission";
import { isCountyCode, municipalityBelongsToCounty } from "./counties";
import { isIsoDate, parseIsoDate } from "./dates";
import { capitalise, formatDateNb, joinNb } from "./format";

/** A relevant bachelor's degree or equivalent. */
export const REQUIRED_CREDITS = 180;

/** Years an education can have been completed in, as the database allows. */
export const MIN_COMPLETED_YEAR = 1950;
export const MAX_COMPLETED_YEAR = 2100;

/** Upper bound on the credits of one education, as the database allows. */
export const MAX_CREDITS_PER_EDUCATION = 1000;

/**
 * A draft application as plain values; the app maps its rows into this. Text fields are missing
 * when null, undefined or only whitespace. Dates are "YYYY-MM-DD". County and municipality are the
 * official numbers ("50", "5001").
 */
export interface ApplicationDraft {
  fullName?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  address?: string | null;
  postalCode?: string | null;
  postalPlace?: string | null;
  employerCountyCode?: string | null;
  employerMunicipalityCode?: string | null;
  educations: EducationDraft[];
  positions: PositionDraft[];
  /** A VITNEMAL document is attached to the application. */
  hasVitnemal: boolean;
  /**
   * Fields where the applicant typed something that could not be stored (it had an error), with
   * the message. Until corrected, the stored value is not what the applicant meant to send.
   */
  pendingCorrections?: MissingItem[];
  /**
   * The intake's application deadline ("YYYY-MM-DD"): an education must be completed by then (an
   * education completed later cannot be documented with a vitnemål by the deadline).
   */
  deadline?: string | null;
}

export interface EducationDraft {
  institution?: string | null;
  degree?: string | null;
  credits?: number | null;
  completedYear?: number | null;
}

/**
 * One position with the fields a tjenestebevis states. endDate null means still employed, unless
 * endUnknown: then the applicant has not yet said whether or when the position ended.
 */
export interface PositionDraft {
  title?: string | null;
  employer?: string | null;
  employerType?: EmployerType | null;
  countyCode?: string | null;
  municipalityCode?: string | null;
  percent?: number | null;
  areaOfResponsibility?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  superiorTitle?: string | null;
  personnelCount?: number | null;
  professionalResponsibility?: boolean | null;
  personnelResponsibility?: boolean | null;
  /** Neither an end date nor "still employed" has been given yet (a new position in a draft). */
  endUnknown?: boolean | null;
  /** LEADER, DEPUTY, PROFESSIONAL_LEAD, TEAM_LEAD, LEADERSHIP_TASKS or NONE (not a leader position). */
  leaderRole?: string | null;
  /** A TJENESTEBEVIS document is attached to this position. */
  hasTjenestebevis: boolean;
}

export interface MissingItem {
  /**
   * A stable id the UI links to: a field name ("fullName", "employerCountyCode", "vitnemal"), a list
   * ("educations", "positions"), or an item's field ("educations.0.credits", "positions.1.tjenestebevis").
   */
  field: string;
  message: string;
}

function blank(value: string | null | undefined): boolean {
  return value == null || value.trim() === "";
}

const PERSONAL_FIELDS = [
  ["fullName", "Fyll inn fullt navn."],
  ["birthDate", "Fyll inn fødselsdato."],
  ["phone", "Fyll inn telefonnummer."],
  ["address", "Fyll inn adresse."],
  ["postalCode", "Fyll inn postnummer."],
  ["postalPlace", "Fyll inn poststed."],
] as const;

const EMPLOYER_TYPES: readonly EmployerType[] = ["MUNICIPAL_CWS", "INSTITUTION", "OTHER"];

function validCredits(credits: number | null | undefined): credits is number {
  return typeof credits === "number" && Number.isInteger(credits) && credits >= 0 && credits <= MAX_CREDITS_PER_EDUCATION;
}

function personalItems(draft: ApplicationDraft): MissingItem[] {
  const items: MissingItem[] = [];
  for (const [field, message] of PERSONAL_FIELDS) {
    if (blank(draft[field])) items.push({ field, message });
  }
  if (!blank(draft.birthDate) && !isIsoDate(draft.birthDate?.trim())) {
    items.push({ field: "birthDate", message: "Fødselsdatoen er ikke en gyldig dato." });
  }
  if (!blank(draft.postalCode) && !/^\d{4}$/.test(draft.postalCode!.trim())) {
    items.push({ field: "postalCode", message: "Postnummeret må ha fire sifre." });
  }
  return items;
}

function countyItems(
  countyCode: string | null | undefined,
  municipalityCode: string | null | undefined,
  fields: { county: string; municipality: string },
  whose: string,
): MissingItem[] {
  const items: MissingItem[] = [];
  const county = countyCode?.trim() ?? "";
  const municipality = municipalityCode?.trim() ?? "";
  if (county === "") items.push({ field: fields.county, message: `Velg fylket ${whose} ligger i.` });
  else if (!isCountyCode(county)) items.push({ field: fields.county, message: `Velg et gyldig fylke for ${whose}.` });
  if (municipality === "") {
    items.push({ field: fields.municipality, message: `Velg kommunen ${whose} ligger i.` });
  } else if (!/^\d{4}$/.test(municipality)) {
    items.push({ field: fields.municipality, message: `Velg en gyldig kommune for ${whose}.` });
  } else if (isCountyCode(county) && !municipalityBelongsToCounty(municipality, county)) {
    items.push({ field: fields.municipality, message: `Kommunen du har valgt for ${whose}, ligger ikke i fylket du har valgt.` });
  }
  return items;
}

/**
 * Youngest age at which anyone completes a degree that counts here: a year before the applicant
 * turned this old is a typing error (1962 for 1992), not an education.
 */
const YOUNGEST_COMPLETION_AGE = 17;

function educationItems(educations: EducationDraft[], birthDate: string | null | undefined, deadline: string | null | undefined): MissingItem[] {
  if (educations.length === 0) {
    return [
      {
        field: "educations",
        message: `Legg til utdanningen din. Du må ha minst ${REQUIRED_CREDITS} studiepoeng samlet.`,
      },
    ];
  }
  const items: MissingItem[] = [];
  let total = 0;
  educations.forEach((e, i) => {
    const nr = `utdanning nr. ${i + 1}`;
    if (blank(e.institution)) items.push({ field: `educations.${i}.institution`, message: `Fyll inn lærested for ${nr}.` });
    if (blank(e.degree)) items.push({ field: `educations.${i}.degree`, message: `Fyll inn grad eller studium for ${nr}.` });
    if (e.credits == null) {
      items.push({ field: `educations.${i}.credits`, message: `Fyll inn studiepoeng for ${nr}.` });
    } else if (!validCredits(e.credits)) {
      items.push({
        field: `educations.${i}.credits`,
        message: `Studiepoeng for ${nr} må være et helt tall fra 0 til ${MAX_CREDITS_PER_EDUCATION}.`,
      });
    } else {
      total += e.credits;
    }
    if (e.completedYear == null) {
      items.push({ field: `educations.${i}.completedYear`, message: `Fyll inn året du fullførte ${nr}.` });
    } else if (!Number.isInteger(e.completedYear) || e.completedYear < MIN_COMPLETED_YEAR || e.completedYear > MAX_COMPLETED_YEAR) {
      items.push({ field: `educations.${i}.completedYear`, message: `Året du fullførte ${nr}, er ikke et gyldig årstall.` });
    } else if (deadline && isIsoDate(deadline) && e.completedYear > Number(deadline.slice(0, 4))) {
      items.push({
        field: `educations.${i}.completedYear`,
        message: `Du har oppgitt at du fullførte ${nr} i ${e.completedYear}, etter søknadsfristen ${formatDateNb(deadline)}. Utdanningen må være fullført innen fristen.`,
      });
    } else if (birthDate && isIsoDate(birthDate) && e.completedYear < Number(birthDate.slice(0, 4)) + YOUNGEST_COMPLETION_AGE) {
      items.push({
        field: `educations.${i}.completedYear`,
        message: `Du har oppgitt at du fullførte ${nr} i ${e.completedYear}, før du var ${YOUNGEST_COMPLETION_AGE} år. Sjekk årstallet.`,
      });
    }
  });
  if (total < REQUIRED_CREDITS) {
    items.push({
      field: "educations",
      message: `Samlet utdanning må være minst ${REQUIRED_CREDITS} studiepoeng (du har oppgitt ${total}).`,
    });
  }
  return items;
}

/** The answers of a position that must agree with each other (see positionContradictions). */
export interface PositionAnswers {
  personnelCount?: number | null;
  personnelResponsibility?: boolean | null;
  leaderRole?: string | null;
}

/**
 * Answers of one position that contradict each other, by the field the message belongs at.
 * "Personalansvar for 6" without ticking "Jeg har personalansvar" would silently cost the
 * applicant category 1, so it is an error to correct, not something to guess: the count and the
 * box must agree, and personnel responsibility is a leadership task, so it needs a leader role.
 * Unanswered fields (null or left out) contradict nothing.
 */
export function positionContradictions(p: PositionAnswers): Partial<Record<"personnelCount" | "leaderRole", string>> {
  const problems: Partial<Record<"personnelCount" | "leaderRole", string>> = {};
  const count = p.personnelCount;
  const box = p.personnelResponsibility;
  const ticked = box === true;
  if (typeof count === "number" && count > 0 && box === false) {
    problems.personnelCount =
      `Du har skrevet at du har personalansvar for ${count === 1 ? "én person" : `${count} personer`}, men ikke krysset av for ` +
      "«Jeg har personalansvar». Kryss av for personalansvar, eller skriv 0 hvis du ikke har det.";
  } else if (count === 0 && ticked) {
    problems.personnelCount =
      "Du har krysset av for «Jeg har personalansvar», men skrevet at du har personalansvar for 0 personer. " +
      "Skriv hvor mange du har personalansvar for, eller fjern krysset.";
  }
  if (ticked && p.leaderRole === "NONE") {
    problems.leaderRole =
      "Du har valgt «Ingen lederrolle», men krysset av for personalansvar. Velg lederrollen du har i stillingen, " +
      "eller fjern krysset for personalansvar.";
  }
  return problems;
}

function positionItems(positions: PositionDraft[]): MissingItem[] {
  if (positions.length === 0) {
    return [
      {
        field: "positions",
        message: "Legg til stillingen din som leder i barnevernet, med tjenestebevis.",
      },
    ];
  }
  const items: MissingItem[] = [];
  positions.forEach((p, i) => {
    const at = (name: string) => `positions.${i}.${name}`;
    // Once title and employer are filled in, messages name the position the way the applicant wrote it.
    const ref =
      !blank(p.title) && !blank(p.employer) ? `stillingen «${p.title!.trim()}, ${p.employer!.trim()}»` : `stilling nr. ${i + 1}`;
    if (blank(p.title)) items.push({ field: at("title"), message: `Fyll inn stillingstittel for stilling nr. ${i + 1}.` });
    if (blank(p.employer)) items.push({ field: at("employer"), message: `Fyll inn arbeidsgiver for stilling nr. ${i + 1}.` });
    if (p.employerType == null || !EMPLOYER_TYPES.includes(p.employerType)) {
      items.push({ field: at("employerType"), message: `Velg type arbeidsgiver for ${ref}.` });
    }
    items.push(...countyItems(p.countyCode, p.municipalityCode, { county: at("countyCode"), municipality: at("municipalityCode") }, ref));
    if (p.percent == null) {
      items.push({ field: at("percent"), message: `Fyll inn stillingsprosent for ${ref}.` });
    } else if (!Number.isInteger(p.percent) || p.percent < 1 || p.percent > 100) {
      items.push({ field: at("percent"), message: `Stillingsprosenten for ${ref} må være et helt tall fra 1 til 100.` });
    }
    if (blank(p.areaOfResponsibility)) {
      items.push({ field: at("areaOfResponsibility"), message: `Fyll inn ansvarsområde for ${ref}.` });
    }
    const startValid = !blank(p.startDate) && isIsoDate(p.startDate!.trim());
    const endValid = !blank(p.endDate) && isIsoDate(p.endDate!.trim());
    if (blank(p.startDate)) items.push({ field: at("startDate"), message: `Fyll inn startdato for ${ref}.` });
    else if (!startValid) items.push({ field: at("startDate"), message: `Startdatoen for ${ref} er ikke en gyldig dato.` });
    if (p.endUnknown && blank(p.endDate)) {
      items.push({
        field: at("endDate"),
        message: `Fyll inn sluttdato for ${ref}, eller kryss av for at du fortsatt er ansatt i stillingen.`,
      });
    } else if (!blank(p.endDate) && !endValid) {
      items.push({ field: at("endDate"), message: `Sluttdatoen for ${ref} er ikke en gyldig dato.` });
    } else if (startValid && endValid && parseIsoDate(p.endDate!.trim()) < parseIsoDate(p.startDate!.trim())) {
      items.push({ field: at("endDate"), message: `Sluttdatoen for ${ref} kan ikke være før startdatoen.` });
    }
    if (blank(p.superiorTitle)) {
      items.push({ field: at("superiorTitle"), message: `Fyll inn tittelen til nærmeste leder for ${ref}.` });
    }
    if (p.personnelCount == null) {
      items.push({
        field: at("personnelCount"),
        message: `Fyll inn hvor mange du har personalansvar for i ${ref} (0 hvis ingen).`,
      });
    } else if (!Number.isInteger(p.personnelCount) || p.personnelCount < 0) {
      items.push({
        field: at("personnelCount"),
        message: `Antall du har personalansvar for i ${ref}, må være et helt tall (0 eller mer).`,
      });
    }
    if (blank(p.leaderRole)) {
      items.push({ field: at("leaderRole"), message: `Velg hvilken lederrolle du har i ${ref} («Ingen lederrolle» hvis ingen).` });
    }
    for (const [field, message] of Object.entries(positionContradictions(p))) {
      items.push({ field: at(field), message: `${capitalise(ref)}: ${message}` });
    }
    if (!p.hasTjenestebevis) items.push({ field: at("tjenestebevis"), message: `Legg ved tjenestebevis for ${ref}.` });
  });
  return items;
}

/**
 * Everything missing or invalid in a draft: first what was typed but not yet corrected, then in
 * the order of the form: personal details, employer's county and municipality, educations,
 * vitnemål, positions. Empty when the application can be
 * submitted. Whether the applicant qualifies is the adviser's judgement, not checked here.
 */
export function missingApplicationItems(draft: ApplicationDraft): MissingItem[] {
  const pending = draft.pendingCorrections ?? [];
  // A field waiting for correction is listed once, with the message for what was typed: its
  // stored value is not what the applicant means any more.
  const corrected = new Set(pending.map((item) => item.field));
  return [
    ...pending,
    ...storedItems(draft).filter((item) => !corrected.has(item.field)),
  ];
}

function storedItems(draft: ApplicationDraft): MissingItem[] {
  return [
    ...personalItems(draft),
    ...countyItems(
      draft.employerCountyCode,
      draft.employerMunicipalityCode,
      { county: "employerCountyCode", municipality: "employerMunicipalityCode" },
      "arbeidsgiveren din",
    ),
    ...educationItems(draft.educations, draft.birthDate, draft.deadline),
    ...(draft.hasVitnemal ? [] : [{ field: "vitnemal", message: "Last opp vitnemål." }]),
    ...positionItems(draft.positions),
  ];
}

export function isReadyToSubmit(draft: ApplicationDraft): boolean {
  return missingApplicationItems(draft).length === 0;
}

const LEADER_ROLES: readonly LeaderRole[] = ["LEADER", "DEPUTY", "PROFESSIONAL_LEAD", "TEAM_LEAD", "LEADERSHIP_TASKS", "NONE"];

/** The position fields the priority category depends on, as the applicant's form names them. */
const CATEGORY_FIELDS = {
  employerType: "type arbeidsgiver",
  leaderRole: "lederrolle",
  startDate: "startdato",
  endDate: "sluttdato eller «fortsatt ansatt»",
  personnelCount: "antall du har personalansvar for",
} as const;

export type CategoryPreview =
  | { ready: true; explanation: PriorityCategoryExplanation }
  | { ready: false; missing: string[] };

/**
 * The priority category the application would get if it were sent now, assessed as of `asOf`
 * (the application deadline, as at submission), so the applicant sees it, and why, before
 * sending. It needs every position's employer type, leader role and period, consistent answers
 * about personnel responsibility and nothing waiting for correction in those fields; until then
 * it says, position by position, what is missing.
 */
export function previewPriorityCategory(
  draft: Pick<ApplicationDraft, "positions" | "pendingCorrections">,
  asOf: string,
): CategoryPreview {
  if (draft.positions.length === 0) {
    return { ready: false, missing: ["Legg inn stillingene dine, med lederrolle, type arbeidsgiver og periode."] };
  }
  const pending = new Set((draft.pendingCorrections ?? []).map((item) => item.field));
  const missing: string[] = [];
  const positions: Position[] = [];
  draft.positions.forEach((p, i) => {
    const gaps = new Set<keyof typeof CATEGORY_FIELDS>();
    const employerType = p.employerType != null && EMPLOYER_TYPES.includes(p.employerType) ? p.employerType : null;
    const leaderRole = LEADER_ROLES.find((role) => role === p.leaderRole?.trim()) ?? null;
    const start = p.startDate?.trim() ?? "";
    const end = p.endDate?.trim() ?? "";
    if (!employerType) gaps.add("employerType");
    if (!leaderRole) gaps.add("leaderRole");
    if (!isIsoDate(start)) gaps.add("startDate");
    if (p.endUnknown && end === "") gaps.add("endDate");
    if (end !== "" && (!isIsoDate(end) || (isIsoDate(start) && parseIsoDate(end) < parseIsoDate(start)))) gaps.add("endDate");
    for (const field of Object.keys(positionContradictions(p))) gaps.add(field as keyof typeof CATEGORY_FIELDS);
    for (const field of Object.keys(CATEGORY_FIELDS) as (keyof typeof CATEGORY_FIELDS)[]) {
      if (pending.has(`positions.${i}.${field}`)) gaps.add(field);
    }
    if (gaps.size > 0 || !employerType || !leaderRole) {
      const name = blank(p.title) ? `Stilling ${i + 1}` : `Stilling ${i + 1} («${p.title!.trim()}»)`;
      missing.push(`${name}: ${joinNb([...gaps].map((field) => CATEGORY_FIELDS[field]))}.`);
      return;
    }
    positions.push({
      start,
      end: end === "" ? null : end,
      employerType,
      leader: isLeaderRole(leaderRole),
      professionalResponsibility: p.professionalResponsibility === true,
      personnelResponsibility: p.personnelResponsibility === true,
    });
  });
  if (missing.length > 0) return { ready: false, missing };
  return { ready: true, explanation: explainPriorityCategory(positions, asOf) };
}
