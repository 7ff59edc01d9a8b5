// The one way a long list is shown a page at a time (?side=N, from 1): the users, an intake's
// applications and the audit log. Pure and safe to import from client code.

/** The page asked for in the query string: a whole number from 1, or the first page. */
export function parsePageNumber(raw: unknown): number {
  const value = typeof raw === "string" && /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : 1;
  return value >= 1 ? value : 1;
}

/** How many pages `total` rows fill, `size` to a page (an empty list is one empty page). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The page to show: the one asked for, or the last one when the list has become shorter. */
export function pageWithin(requested: number, total: number, size: number): number {
  return Math.min(requested, pageCount(total, size));
}
