// One shape for every record id that arrives from outside (a URL segment, a form field, a query
// string), checked before anything reaches the database. The ids are Prisma cuids: 25 lower-case
// letters and digits starting with "c". Anything else (a NUL byte, 5 000 characters, a UUID, SQL)
// is "not found" without a query, so malformed ids can never turn into a 500.
import { z } from "zod";

const CUID = /^c[a-z0-9]{24}$/;

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && CUID.test(value);
}

/** The id, or null when it cannot be one of ours (route handlers answer 404 on null). */
export function parseRecordId(value: unknown): string | null {
  return isRecordId(value) ? value : null;
}

/** A required id in a form, with a Norwegian message naming what is missing. */
export const recordId = (label: string) =>
  z
    .string({ error: `${label} mangler.` })
    .min(1, `${label} mangler.`)
    .refine(isRecordId, { message: `${label} finnes ikke.` });

/** An optional id in a form ("" or absent → null). */
export const optionalRecordId = (label: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || isRecordId(value), { message: `${label} finnes ikke.` });
