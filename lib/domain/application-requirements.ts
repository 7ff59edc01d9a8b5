/**
 * What an application still lacks before it can be submitted, as a list the applicant's summary
 * page shows with links to the fields.
 */
import type { EmployerType } from "./admission";
import { isCountyCode, municipalityBelongsToCounty } from "./counties";
import { isIsoDate, parseIsoDate } from "./dates";

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
}

export interface EducationDraft {
  institution?: string | null;
  degree?: string | null;
  credits?: number | null;
  completedYear?: number | null;
}

/** One position with the fields a tjenestebevis states. endDate null means still employed. */
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

function educationItems(educations: EducationDraft[]): MissingItem[] {
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
    if (!blank(p.endDate) && !endValid) {
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
  return [
    ...(draft.pendingCorrections ?? []),
    ...personalItems(draft),
    ...countyItems(
      draft.employerCountyCode,
      draft.employerMunicipalityCode,
      { county: "employerCountyCode", municipality: "employerMunicipalityCode" },
      "arbeidsgiveren din",
    ),
    ...educationItems(draft.educations),
    ...(draft.hasVitnemal ? [] : [{ field: "vitnemal", message: "Last opp vitnemål." }]),
    ...positionItems(draft.positions),
  ];
}

export function isReadyToSubmit(draft: ApplicationDraft): boolean {
  return missingApplicationItems(draft).length === 0;
}
