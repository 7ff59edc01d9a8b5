/**
 * The reference number (saksnummer) of a case, as NTNU's archive writes one: the year the case was
 * opened and its number, "2026/00042". An admission case is one application's decision
 * (Decision.caseYear/caseNumber); a student's case is opened by an enkeltvedtak letter or a
 * confirmation (leave granted, withdrawal, completion, transfer, utsatt eksamen granted) and holds
 * everything that answers it (a klage's outcome, a letter that it no longer stands, the end of a
 * leave: ANSWERS_EARLIER_LETTER in ./student-letter.ts). The number comes from one sequence for
 * every case, so it alone names the case; the year is there for people. Every letter states it,
 * and the adviser sees it on the case.
 */
export interface CaseReference {
  year: number;
  number: number;
}

const DIGITS = 5;

/** "2026/00042": the number padded to five digits (a longer one is shown whole). */
export function formatCaseReference(reference: CaseReference): string {
  const { year, number } = reference;
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new RangeError(`year must be 2000–2999, got ${year}`);
  if (!Number.isSafeInteger(number) || number < 1) throw new RangeError(`number must be a positive integer, got ${number}`);
  return `${year}/${String(number).padStart(DIGITS, "0")}`;
}

/** The reference typed or pasted back ("2026/42", " 2026/00042 "), or null when it is not one. */
export function parseCaseReference(text: string): CaseReference | null {
  const match = /^\s*(2\d{3})\s*\/\s*(\d{1,9})\s*$/.exec(text);
  if (!match) return null;
  const number = Number(match[2]);
  return number >= 1 ? { year: Number(match[1]), number } : null;
}

/** The year a case opened on `isoDate` ("YYYY-MM-DD", the Oslo calendar day) belongs to. */
export function caseYearOf(isoDate: string): number {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(isoDate);
  if (!match) throw new RangeError(`expected an ISO date, got ${isoDate}`);
  return Number(match[1]);
}

/** What letters say before a case has its number (the adviser's preview of a letter). */
export const CASE_REFERENCE_PENDING = "tildeles når vedtaket sendes";
