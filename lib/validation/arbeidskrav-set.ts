// The arbeidskrav set as one form (components/cohort/arbeidskrav-set-form.tsx): rows named
// `item-<row>-<field>`, each an existing item (with its id) or a new one; a new row left empty is
// no item, and a row ticked "Fjern" is removed. Each row's fields are checked here, with
// Norwegian messages at the field; the composition of the whole set is the rule's
// (validateArbeidskravSet), checked by the use case. Used for a cohort's set (with due dates)
// and a programme's template (without).
import { z } from "zod";
import { GROUPINGS, isGrouping, type ArbeidskravKind, type ArbeidskravSetItem } from "@/lib/domain/arbeidskrav";
import { isIsoDate } from "@/lib/domain/dates";
import { isRecordId } from "@/lib/validation/ids";

const MAX_ROWS = 30;
const ROW_FIELD = /^item-(\d{1,2})-(id|number|kind|title|description|required|grouping|oral|dueDate|remove)$/;

export interface ParsedArbeidskravSet {
  items: ArbeidskravSetItem[];
  fieldErrors: Record<string, string[]>;
}

/** Reads the rows of the form; `withDueDates` for a cohort's set (every item needs a due date). */
export function parseArbeidskravSetForm(input: Record<string, unknown>, options: { withDueDates: boolean }): ParsedArbeidskravSet {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(input)) {
    const match = ROW_FIELD.exec(key);
    if (!match || typeof value !== "string") continue;
    const row = Number(match[1]);
    if (row >= MAX_ROWS) continue;
    const fields = rows.get(row) ?? {};
    fields[match[2]!] = value;
    rows.set(row, fields);
  }
  const items: ArbeidskravSetItem[] = [];
  const fieldErrors: Record<string, string[]> = {};
  const error = (row: number, field: string, message: string) => {
    (fieldErrors[`item-${row}-${field}`] ??= []).push(message);
  };
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const fields = rows.get(row)!;
    const id = fields.id?.trim() || null;
    if (id !== null && !isRecordId(id)) {
      error(row, "title", "Raden hører ikke til dette kullet. Last siden på nytt.");
      continue;
    }
    // Left out of the set: the use case removes it (or refuses, when someone has handed it in).
    if (fields.remove === "on") continue;
    const title = (fields.title ?? "").trim();
    const description = (fields.description ?? "").trim();
    if (id === null && title === "" && description === "") continue; // an unused new row
    const label = title || `Rad ${row + 1}`;
    if (title === "") error(row, "title", "Skriv en tittel.");
    if (title.length > 120) error(row, "title", "Tittelen kan ha høyst 120 tegn.");
    if (description.length > 2000) error(row, "description", "Beskrivelsen kan ha høyst 2000 tegn.");
    const kind = fields.kind;
    if (kind !== "FAGNOTAT" && kind !== "LEDERTRENING") error(row, "kind", `Velg type for ${label}.`);
    const grouping = fields.grouping;
    if (!isGrouping(grouping)) error(row, "grouping", `Velg hvordan ${label} skrives.`);
    const number = z.coerce.number().int().min(1).max(MAX_ROWS).safeParse(fields.number ?? "");
    if (!number.success) error(row, "number", `Nummeret må være et helt tall fra 1 til ${MAX_ROWS}.`);
    let dueDate: string | null = null;
    if (options.withDueDates) {
      dueDate = (fields.dueDate ?? "").trim();
      if (dueDate === "") error(row, "dueDate", `Velg frist for ${label}.`);
      else if (!isIsoDate(dueDate)) error(row, "dueDate", "Fristen er ikke en gyldig dato. Bruk datovelgeren eller skriv ÅÅÅÅ-MM-DD.");
    }
    if (!isGrouping(grouping) || (kind !== "FAGNOTAT" && kind !== "LEDERTRENING") || !number.success) continue;
    const sizes = GROUPINGS[grouping];
    items.push({
      id,
      number: number.data,
      kind: kind as ArbeidskravKind,
      title,
      description,
      required: fields.required === "on",
      individualOnly: sizes.individualOnly,
      minGroupSize: sizes.minGroupSize,
      maxGroupSize: sizes.maxGroupSize,
      oralPresentation: fields.oral === "on",
      dueDate,
    });
  }
  return { items, fieldErrors };
}
