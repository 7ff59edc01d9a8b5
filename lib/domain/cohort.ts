/**
 * Cohort (kull) codes: the starting term and year, "H2023" = autumn 2023, "V2025" = spring 2025.
 */
export type Term = "H" | "V";

export interface CohortCode {
  term: Term;
  year: number;
}

const CODE = /^([HV])(\d{4})$/;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid cohort year: ${year}`);
}

/** ("H", 2023) → "H2023". RangeError for another term or a year that is not four digits. */
export function cohortCode(term: Term, year: number): string {
  if (term !== "H" && term !== "V") throw new RangeError(`Invalid term: ${String(term)}`);
  assertYear(year);
  return `${term}${year}`;
}

/** "H2023" → { term: "H", year: 2023 }. Strict: capital H or V, then four digits. RangeError otherwise. */
export function parseCohortCode(code: string): CohortCode {
  const match = typeof code === "string" ? CODE.exec(code) : null;
  if (!match) throw new RangeError(`Invalid cohort code: ${JSON.stringify(code)}`);
  const year = Number(match[2]);
  assertYear(year);
  return { term: match[1] as Term, year };
}

export function isCohortCode(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    parseCohortCode(value);
    return true;
  } catch {
    return false;
  }
}

/** Chronological: V2024 < H2024 < V2025. */
export function compareCohortCodes(a: string, b: string): number {
  const x = parseCohortCode(a);
  const y = parseCohortCode(b);
  if (x.year !== y.year) return x.year - y.year;
  return x.term === y.term ? 0 : x.term === "V" ? -1 : 1;
}

/** "H2023" → "høsten 2023", "V2025" → "våren 2025". */
export function cohortStartLabel(code: string): string {
  const { term, year } = parseCohortCode(code);
  return `${term === "H" ? "høsten" : "våren"} ${year}`;
}

/** The term a kull starting on `date` belongs to: V for January–June, H for July–December. */
export function termOfDate(date: string): Term {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!match) throw new RangeError(`Invalid date: ${JSON.stringify(date)}`);
  return Number(match[2]) >= 7 ? "H" : "V";
}

/** The code of a kull that starts on `date`: "2027-08-24" → "H2027", "2028-01-11" → "V2028". */
export function cohortCodeForStart(date: string): string {
  return cohortCode(termOfDate(date), Number(date.slice(0, 4)));
}

/**
 * The months from the start of one term to the start of another ("H2027" → "H2028" is 12,
 * "H2027" → "V2028" is 6): how far a copied kull's dates move, before rounding to whole weeks.
 */
export function monthsBetweenTerms(from: string, to: string): number {
  const a = parseCohortCode(from);
  const b = parseCohortCode(to);
  return (b.year - a.year) * 12 + (b.term === a.term ? 0 : b.term === "H" ? 6 : -6);
}

/**
 * What to call each of the kull listed together. A kull's name ("Kull V2026") is unique within its
 * programme only: two programmes starting the same term have kull of the same name, and a faculty
 * member who teaches both read «I dag er det samling for Kull V2026 og Kull V2026» beside two
 * identical buttons (a walk). Where a name is shared in the list, the programme's course code
 * follows it ("Kull V2026 (BIL6001)"); elsewhere the name alone.
 */
export function cohortLabels(cohorts: readonly { id: string; name: string; courseCode: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const cohort of cohorts) count.set(cohort.name, (count.get(cohort.name) ?? 0) + 1);
  return new Map(cohorts.map((cohort) => [cohort.id, (count.get(cohort.name) ?? 0) > 1 ? `${cohort.name} (${cohort.courseCode})` : cohort.name]));
}
