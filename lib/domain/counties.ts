/**
 * Norway's counties (fylker) and municipalities (kommuner) from 1 January 2024, by their official
 * numbers; the list itself lives in lib/data/norway-places.ts. The ranking spreads places by the
 * county of the applicant's employer, stored as its two-digit number.
 */
import { COUNTIES as PLACES_COUNTIES, countyByCode, municipalityByCode } from "@/lib/data/norway-places";

export const COUNTIES = PLACES_COUNTIES;

export type CountyCode = string;

export function isCountyCode(value: unknown): value is CountyCode {
  return typeof value === "string" && countyByCode(value) !== undefined;
}

/** The county's name, or null for an unknown code. */
export function countyName(code: string): string | null {
  return countyByCode(code)?.name ?? null;
}

/** A real municipality number in that county (Trondheim 5001 lies in Trøndelag, 50). */
export function municipalityBelongsToCounty(municipalityCode: string, countyCode: string): boolean {
  return municipalityByCode(municipalityCode)?.countyCode === countyCode;
}
