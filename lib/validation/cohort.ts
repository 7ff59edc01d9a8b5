// zod pieces for the cohort staff's forms (Norwegian messages).
import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";

/** A calendar date from a date field ("YYYY-MM-DD"). */
export const calendarDate = (label: string) =>
  z
    .string({ error: `${label} mangler.` })
    .trim()
    .min(1, `${label} mangler.`)
    .refine((value) => isIsoDate(value), `${label} er ikke en gyldig dato. Bruk datovelgeren eller skriv ÅÅÅÅ-MM-DD.`);

/** A whole number from a number field, within bounds. */
export const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} mangler.` })
    .trim()
    // An empty field is missing, not also "not a whole number": one message per field.
    .min(1, { error: `${label} mangler.`, abort: true })
    .regex(/^-?\d+$/, `${label} må være et helt tall.`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `${label} må være fra ${min} til ${max}.`);

/** One or more values of a repeated field (checkbox group, date list), as an array. */
export const list = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as z.output<T>[]);
