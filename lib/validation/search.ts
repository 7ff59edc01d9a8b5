// The one way free text typed into a search box reaches a query (`contains` in Prisma, which is
// ILIKE '%…%' in PostgreSQL). A search box is a GET form, so its text never passes the form
// sanitiser: a NUL byte would be a 500 from PostgreSQL, and `%` or `_` would be wildcards (Prisma
// does not escape them: «__» found everyone). Pure and safe to import from client code.
import { sanitizeFormText } from "./form-data";

/** The text as typed, cleaned of control characters, trimmed and at most `max` characters. */
export function searchText(raw: unknown, max = 200): string {
  return typeof raw === "string" ? sanitizeFormText(raw).slice(0, max).trim() : "";
}

/** `text` for a `contains` filter: LIKE's escape character and wildcards taken literally. */
export function containsText(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
