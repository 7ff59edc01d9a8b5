// The audit viewer's filter, from the query string (/veileder/logg?person=…&aktor=…&type=…&fra=…&til=…&side=…).
// Every field is optional; a date that is not a date gets a Norwegian message at its field and
// the rest of the filter still applies. Dates are written dd.mm.åååå (or as the date picker sends them).
import { parsePageNumber } from "./paging";
import { compareIsoDates, parseDateInput } from "@/lib/domain/dates";
import { parseRecordId } from "@/lib/validation/ids";
import { searchText } from "@/lib/validation/search";

export interface AuditLogFilter {
  /** Name or e-mail of the person the entries are about (searched), or … */
  person: string;
  /** … the person chosen (a user id). */
  personId: string | null;
  /** Name or e-mail of who did it; "system" for the background jobs. */
  actor: string;
  /** An action ("application.submit") or a noun ("application"). */
  type: string;
  from: string | null;
  to: string | null;
  page: number;
}

export interface ParsedAuditLogFilter {
  filter: AuditLogFilter;
  /** What was typed, to show again in the form. */
  input: Record<"person" | "aktor" | "type" | "fra" | "til", string>;
  fieldErrors: Partial<Record<"fra" | "til", string[]>>;
}

const text = searchText;

export function parseAuditLogFilter(params: Record<string, string | string[] | undefined>): ParsedAuditLogFilter {
  const one = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const input = { person: text(one("person")), aktor: text(one("aktor")), type: text(one("type"), 80), fra: text(one("fra"), 20), til: text(one("til"), 20) };
  const fieldErrors: ParsedAuditLogFilter["fieldErrors"] = {};
  const date = (name: "fra" | "til") => {
    if (!input[name]) return null;
    const parsed = parseDateInput(input[name]);
    if (!parsed) fieldErrors[name] = ["Skriv datoen som dd.mm.åååå, for eksempel 03.12.2026."];
    return parsed;
  };
  const from = date("fra");
  const to = date("til");
  if (from && to && compareIsoDates(from, to) > 0) fieldErrors.til = ["Til-datoen kan ikke være før fra-datoen."];
  const page = parsePageNumber(one("side"));
  return {
    input,
    fieldErrors,
    filter: {
      person: input.person,
      personId: parseRecordId(one("personId")),
      actor: input.aktor,
      type: /^[a-z_]+(\.[a-z_]+)?$/.test(input.type) ? input.type : "",
      from,
      to: fieldErrors.til ? null : to,
      page,
    },
  };
}
