// The fields of an application and how each is read from a form. A draft is saved field by
// field: what is valid is stored, and what is not is kept as typed (Application.draftInput) with
// its message, so nothing the applicant typed is lost on an error or a reload. Whether the
// application is complete enough to submit is a different rule: lib/domain/application-requirements.
import { z } from "zod";
import { municipalityByCode } from "@/lib/data/norway-places";
import { isCountyCode, municipalityBelongsToCounty } from "@/lib/domain/counties";
import { compareIsoDates, parseDateInput } from "@/lib/domain/dates";
import { formatDateNumeric } from "@/lib/domain/format";
import { phoneNumberProblem } from "@/lib/domain/phone";
import { MAX_COMPLETED_YEAR, MIN_COMPLETED_YEAR, positionContradictions } from "@/lib/domain/application-requirements";
import { optionalRecordId } from "@/lib/validation/ids";

/** Empty input means "not filled in yet" (null), never an error, in a draft. */
const empty = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (empty(value) ? null : typeof value === "string" ? value.trim() : value), schema.nullable());
}

const text = (label: string, max: number) => optional(z.string().max(max, `${label} kan ha høyst ${max} tegn.`));

/**
 * A whole number as typed. `unit`: a unit people write after it («180 stp», «100 %»), taken away
 * before the check (a walk was refused «100 %», and «180 stp» stopped the step later).
 */
const integer = (label: string, min: number, max: number, hint = "", unit?: RegExp) =>
  optional(
    z
      .string()
      .transform((value) => (unit ? value.replace(unit, "").trim() : value))
      .pipe(z.string().regex(/^-?\d+$/, `${label} må være et helt tall${hint}.`))
      .transform(Number)
      .pipe(z.number().min(min, `${label} må være minst ${min}.`).max(max, `${label} kan ikke være mer enn ${max}.`)),
  );

/**
 * A date from a date picker ("1982-03-14") or typed where the browser shows a text field
 * ("14.03.1982"); stored as "YYYY-MM-DD". Messages say dd.mm.åååå, the way Norwegians write it.
 */
const date = (label: string, { min = "1900-01-01", max = "2100-12-31", example = "14.03.1982" } = {}) =>
  optional(
    z
      .string()
      .transform((value, context) => {
        const parsed = parseDateInput(value);
        if (parsed === null) {
          context.addIssue({ code: "custom", message: `${label} er ikke en gyldig dato. Skriv den som dd.mm.åååå, for eksempel ${example}.` });
          return z.NEVER;
        }
        return parsed;
      })
      .refine(
        (value) => value >= min && value <= max,
        `${label} må være mellom ${formatDateNumeric(min)} og ${formatDateNumeric(max)}.`,
      ),
  );

export const EMPLOYER_TYPE_LABELS = {
  MUNICIPAL_CWS: "Kommunalt barnevern",
  INSTITUTION: "Barneverninstitusjon",
  OTHER: "Annen arbeidsgiver",
} as const;

export const LEADER_ROLE_LABELS = {
  LEADER: "Leder (barnevernleder, avdelingsleder)",
  DEPUTY: "Stedfortreder for leder",
  PROFESSIONAL_LEAD: "Fagleder",
  TEAM_LEAD: "Teamleder",
  LEADERSHIP_TASKS: "Har lederoppgaver",
  NONE: "Ingen lederrolle",
} as const;

const employerType = optional(
  z.enum(Object.keys(EMPLOYER_TYPE_LABELS) as ["MUNICIPAL_CWS", "INSTITUTION", "OTHER"], { error: "Velg type arbeidsgiver." }),
);
const leaderRole = optional(
  z.enum(Object.keys(LEADER_ROLE_LABELS) as [keyof typeof LEADER_ROLE_LABELS, ...(keyof typeof LEADER_ROLE_LABELS)[]], {
    error: "Velg en lederrolle fra listen.",
  }),
);
const county = optional(z.string().refine(isCountyCode, "Velg et fylke fra listen."));
const municipality = optional(z.string().refine((code) => Boolean(municipalityByCode(code)), "Velg en kommune fra listen."));
const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

export const personalFields = {
  fullName: text("Navnet", 120),
  birthDate: date("Fødselsdatoen", { min: "1930-01-01", max: "2010-12-31" }),
  phone: optional(
    z
      .string()
      .max(40, "Telefonnummeret er for langt.")
      .superRefine((value, context) => {
        const problem = phoneNumberProblem(value);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
  ),
  address: text("Adressen", 200),
  postalCode: optional(z.string().regex(/^\d{4}$/, "Postnummeret må ha fire sifre, for eksempel 7030.")),
  postalPlace: text("Poststedet", 100),
};

export const employerFields = {
  employerCountyCode: county,
  employerMunicipalityCode: municipality,
};

export const educationFields = {
  institution: text("Lærestedet", 200),
  degree: text("Graden", 200),
  credits: integer("Studiepoeng", 0, 1000, ", for eksempel 180", /\s*(studiepoeng|stp|sp)\.?$/i),
  completedYear: integer("Året", MIN_COMPLETED_YEAR, MAX_COMPLETED_YEAR, ", for eksempel 2015"),
};

export const positionFields = {
  employer: text("Arbeidsgiveren", 200),
  employerType,
  countyCode: county,
  municipalityCode: municipality,
  title: text("Stillingstittelen", 200),
  percent: integer("Stillingsprosenten", 1, 100, "", /\s*(%|prosent)$/i),
  areaOfResponsibility: text("Ansvarsområdet", 500),
  // Each with the example its hint gives (the start date's message said 14.03.1982; a walk).
  startDate: date("Startdatoen", { example: "01.08.2019" }),
  endDate: date("Sluttdatoen", { example: "31.07.2023" }),
  superiorTitle: text("Tittelen", 200),
  personnelCount: integer("Antallet", 0, 10000, " (0 hvis ingen)"),
  professionalResponsibility: checkbox,
  personnelResponsibility: checkbox,
  leaderRole,
};

type Fields = Record<string, z.ZodType>;
export type FieldValues<F extends Fields> = { [K in keyof F]: z.output<F[K]> };

export interface LenientResult<F extends Fields> {
  /** The fields that are valid, ready to store. */
  valid: Partial<FieldValues<F>>;
  /** Messages for the fields that are not. */
  errors: Record<string, string[]>;
  /** What was typed into the invalid fields, to keep. */
  invalidInput: Record<string, string>;
}

/** Reads each field on its own: one bad field never stops the others from being saved. */
export function parseLeniently<F extends Fields>(fields: F, input: Record<string, string | undefined>): LenientResult<F> {
  const valid: Record<string, unknown> = {};
  const errors: Record<string, string[]> = {};
  const invalidInput: Record<string, string> = {};
  for (const [name, schema] of Object.entries(fields)) {
    const result = schema.safeParse(input[name]);
    if (result.success) valid[name] = result.data;
    else {
      errors[name] = result.error.issues.map((issue) => issue.message);
      invalidInput[name] = input[name] ?? "";
    }
  }
  return { valid: valid as Partial<FieldValues<F>>, errors, invalidInput };
}

/** Rules between fields of one form, added to the field errors. */
export function crossFieldErrors(
  kind: "employer" | "position",
  values: Record<string, unknown>,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const countyKey = kind === "employer" ? "employerCountyCode" : "countyCode";
  const municipalityKey = kind === "employer" ? "employerMunicipalityCode" : "municipalityCode";
  const countyCode = values[countyKey];
  const municipalityCode = values[municipalityKey];
  if (typeof countyCode === "string" && typeof municipalityCode === "string") {
    if (!municipalityBelongsToCounty(municipalityCode, countyCode)) {
      errors[municipalityKey] = ["Kommunen ligger ikke i fylket du har valgt. Velg kommunen på nytt."];
    }
  }
  if (kind === "position" && typeof values.startDate === "string" && typeof values.endDate === "string") {
    if (compareIsoDates(values.endDate, values.startDate) < 0) errors.endDate = ["Sluttdatoen kan ikke være før startdatoen."];
  }
  if (kind === "position") {
    const contradictions = positionContradictions({
      personnelCount: typeof values.personnelCount === "number" ? values.personnelCount : null,
      personnelResponsibility: typeof values.personnelResponsibility === "boolean" ? values.personnelResponsibility : null,
      leaderRole: typeof values.leaderRole === "string" ? values.leaderRole : null,
    });
    for (const [name, message] of Object.entries(contradictions)) errors[name] = [...(errors[name] ?? []), message];
  }
  return errors;
}

/** Carries an upload's result back to the page when the browser posted without JavaScript. */
export const UPLOAD_FLASH_COOKIE = "bvl-opplasting";

/** The documents an applicant uploads. */
export const uploadFields = z.object({
  kind: z.enum(["VITNEMAL", "TJENESTEBEVIS", "OTHER"], { error: "Velg hva slags dokument dette er." }),
  positionId: optionalRecordId("Stillingen"),
  replaces: optionalRecordId("Dokumentet"),
});

/**
 * The messages a form shows when it is rendered: for what was kept as typed (draftInput under
 * `prefix`), and for rules between fields on the values as they stand. The same rules as saving,
 * so a reload shows the same messages as the save did.
 */
export function draftErrors<F extends Fields>(
  fields: F,
  kind: "personal" | "employer" | "education" | "position",
  stored: Record<string, unknown>,
  draftInput: Record<string, string>,
  prefix = "",
): Record<string, string[]> {
  const kept: Record<string, string> = {};
  for (const name of Object.keys(fields)) {
    const value = draftInput[`${prefix}${name}`];
    if (value !== undefined) kept[name] = value;
  }
  const keptFields = Object.fromEntries(Object.entries(fields).filter(([name]) => name in kept)) as Fields;
  const { errors, valid } = parseLeniently(keptFields, kept);
  if (kind === "employer" || kind === "position") {
    // The values as they stand: stored, overridden by what was kept as typed. Kept input that
    // cannot be read at all counts as unknown, so it contradicts nothing else.
    const effective: Record<string, unknown> = { ...stored };
    for (const name of Object.keys(kept)) effective[name] = name in valid ? (valid as Record<string, unknown>)[name] : undefined;
    for (const [name, messages] of Object.entries(crossFieldErrors(kind, effective))) {
      errors[name] = [...new Set([...(errors[name] ?? []), ...messages])];
    }
  }
  return errors;
}

/** The names the forms give the fields, for messages that point at a field from elsewhere. */
export const FIELD_LABELS: Record<string, string> = {
  fullName: "Fullt navn",
  birthDate: "Fødselsdato",
  phone: "Telefon",
  address: "Adresse",
  postalCode: "Postnummer",
  postalPlace: "Poststed",
  employerCountyCode: "Fylke",
  employerMunicipalityCode: "Kommune",
  institution: "Lærested",
  degree: "Grad eller studium",
  credits: "Studiepoeng",
  completedYear: "Fullført år",
  employer: "Arbeidsgiver",
  employerType: "Type arbeidsgiver",
  countyCode: "Fylke",
  municipalityCode: "Kommune",
  title: "Stillingstittel",
  percent: "Stillingsprosent",
  areaOfResponsibility: "Ansvarsområde",
  startDate: "Startdato",
  endDate: "Sluttdato",
  superiorTitle: "Nærmeste overordnede",
  personnelCount: "Antall du har personalansvar for",
  leaderRole: "Lederrolle",
};
