"use client";
// THE editor of an arbeidskrav set: a cohort's (with due dates) and a programme's template
// (without). The whole set is one form and one save, so a set that breaks the composition is never
// stored half-way: the server checks the saved set as a whole and answers with the problems in a
// box at the top (linked from the error summary) and each row's own errors beside its fields.
// Rows: every stored item, then empty rows for new ones (an empty new row is no item); "Fjern"
// leaves an item out. What was typed stays in the fields after a refused save.
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/forms";
import { GROUPINGS, type Grouping } from "@/lib/domain/arbeidskrav";

export interface ArbeidskravSetFormItem {
  id: string;
  number: number;
  kind: "FAGNOTAT" | "LEDERTRENING";
  title: string;
  description: string;
  required: boolean;
  grouping: Grouping | null;
  oralPresentation: boolean;
  dueDate: string | null;
  /** Someone has handed it in: it cannot be removed. */
  handedIn: boolean;
}

const KIND_OPTIONS = [
  { value: "FAGNOTAT", label: "Fagnotat" },
  { value: "LEDERTRENING", label: "Ledertreningsoppgave" },
] as const;

const GROUPING_OPTIONS = (Object.entries(GROUPINGS) as [Grouping, (typeof GROUPINGS)[Grouping]][]).map(([value, sizes]) => ({
  value,
  label: sizes.label,
}));

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function ArbeidskravSetForm({
  action,
  hidden,
  items,
  withDueDates,
  newRows = 1,
  defaultDueDate = "",
  reasonHint,
  submitLabel = "Lagre arbeidskravene",
  label = "Arbeidskravene",
  extraFields,
}: {
  action: Action;
  hidden: Record<string, string>;
  items: readonly ArbeidskravSetFormItem[];
  withDueDates: boolean;
  /** Empty rows offered for new items. */
  newRows?: number;
  defaultDueDate?: string;
  /** When set, a reason field is shown with this hint (a change that needs one). */
  reasonHint?: string;
  submitLabel?: string;
  label?: string;
  /**
   * Fields saved with the set, above the rows (a programme's template saves its composition with
   * its items, so the two are checked together).
   */
  extraFields?: (state: ActionState) => React.ReactNode;
}) {
  const rows: (ArbeidskravSetFormItem | null)[] = [...items, ...Array.from({ length: newRows }, () => null)];
  return (
    <ActionForm action={action} hidden={hidden} submitLabel={submitLabel} label={label} className="space-y-5">
      {(state) => {
        const errors = (name: string) => state.fieldErrors?.[name];
        const setProblems = errors("items");
        return (
          <>
            {setProblems?.length ? (
              <div id="items" tabIndex={-1} className="rounded-md border border-red-800 bg-red-50 p-3 text-red-900">
                <p className="font-medium">Settet av arbeidskrav kan ikke lagres slik:</p>
                <ul className="mt-1 list-disc pl-5">
                  {setProblems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {extraFields?.(state)}
            {rows.map((item, row) => {
              const name = (field: string) => `item-${row}-${field}`;
              const legend = item ? `${item.number}. ${item.title}` : "Nytt arbeidskrav";
              return (
                <fieldset key={item?.id ?? `new-${row}`} className="space-y-3 rounded-md border border-slate-300 p-3">
                  <legend className="px-1 font-medium">{legend}</legend>
                  {item ? <input type="hidden" name={name("id")} value={item.id} /> : null}
                  {item ? null : <p className="text-sm text-slate-700">La feltene stå tomme hvis du ikke vil legge til et arbeidskrav.</p>}
                  <div className="grid gap-3 sm:grid-cols-[6rem_1fr]">
                    <TextField
                      id={name("number")}
                      name={name("number")}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={30}
                      required
                      label="Nr."
                      defaultValue={item?.number ?? row + 1}
                      errors={errors(name("number"))}
                    />
                    <TextField id={name("title")} name={name("title")} required={item !== null} label="Tittel" defaultValue={item?.title ?? ""} errors={errors(name("title"))} />
                  </div>
                  <TextAreaField id={name("description")} name={name("description")} label="Beskrivelse" rows={2} defaultValue={item?.description ?? ""} errors={errors(name("description"))} />
                  <div className="grid gap-3 sm:grid-cols-3">
                    <SelectField
                      id={name("kind")}
                      name={name("kind")}
                      required
                      label="Type"
                      options={KIND_OPTIONS}
                      defaultValue={item?.kind ?? "FAGNOTAT"}
                      errors={errors(name("kind"))}
                    />
                    <SelectField
                      id={name("grouping")}
                      name={name("grouping")}
                      required
                      label="Skrives"
                      hint="Ledertreningsoppgaver skrives alltid individuelt."
                      options={GROUPING_OPTIONS}
                      defaultValue={item?.grouping ?? "INDIVIDUAL"}
                      errors={errors(name("grouping"))}
                    />
                    {withDueDates ? (
                      <TextField
                        id={name("dueDate")}
                        name={name("dueDate")}
                        type="date"
                        required={item !== null}
                        label="Frist"
                        defaultValue={item?.dueDate ?? defaultDueDate}
                        errors={errors(name("dueDate"))}
                      />
                    ) : null}
                  </div>
                  <div className="space-y-2">
                    <CheckboxField
                      id={name("required")}
                      name={name("required")}
                      label="Obligatorisk (teller med i kravet for eksamen)"
                      hint="Et valgfritt arbeidskrav vurderes som de andre, men teller aldri med og kan ikke erstatte et obligatorisk."
                      defaultChecked={item ? item.required : true}
                      errors={errors(name("required"))}
                    />
                    <CheckboxField id={name("oral")} name={name("oral")} label="Legges også fram muntlig" defaultChecked={item?.oralPresentation ?? false} errors={errors(name("oral"))} />
                    {item ? (
                      item.handedIn ? (
                        <p className="text-sm text-slate-700">Studenter har levert dette arbeidskravet, så det kan ikke fjernes.</p>
                      ) : (
                        <CheckboxField id={name("remove")} name={name("remove")} label="Fjern dette arbeidskravet" />
                      )
                    ) : null}
                  </div>
                </fieldset>
              );
            })}
            {reasonHint ? (
              <TextAreaField id="reason" name="reason" label="Begrunnelse for endringen" hint={reasonHint} rows={3} errors={errors("reason")} />
            ) : null}
          </>
        );
      }}
    </ActionForm>
  );
}
