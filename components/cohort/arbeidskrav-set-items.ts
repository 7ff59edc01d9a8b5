// The rows of the arbeidskrav set editor from stored items: a cohort's (with their due dates and
// whether anyone has handed them in) and a programme template's (without). Not a client module:
// the pages call it on the server.
import type { ArbeidskravSetFormItem } from "@/components/cohort/arbeidskrav-set-form";
import { groupingOf } from "@/lib/domain/arbeidskrav";

interface StoredItem {
  id: string;
  number: number;
  kind: ArbeidskravSetFormItem["kind"];
  title: string;
  description: string;
  required: boolean;
  individualOnly: boolean;
  minGroupSize: number;
  maxGroupSize: number;
  oralPresentation: boolean;
}

export function arbeidskravSetItem(row: StoredItem, extra: { dueDate: string | null; handedIn: boolean }): ArbeidskravSetFormItem {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    title: row.title,
    description: row.description,
    required: row.required,
    grouping: groupingOf(row),
    oralPresentation: row.oralPresentation,
    ...extra,
  };
}
