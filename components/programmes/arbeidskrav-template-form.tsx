"use client";
// A programme's arbeidskrav template as one whole set: the composition (how many fagnotat and
// ledertreningsoppgaver, how many presented orally, how many fagnotat written alone) and every
// arbeidskrav, saved together and checked together (lib/domain/programme.ts templateProblems), so
// no half-made set is ever stored. Two empty rows take new arbeidskrav; clearing a title removes
// one. (The whole-set editor of issue 17 replaces this form when it lands.)
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/forms";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export interface TemplateRow {
  kind: "FAGNOTAT" | "LEDERTRENING";
  title: string;
  description: string;
  individualOnly: boolean;
  oralPresentation: boolean;
  maxGroupSize: number;
}

export function ArbeidskravTemplateForm({
  action,
  programmeId,
  composition,
  rows,
}: {
  action: Action;
  programmeId: string;
  composition: { fagnotat: number; ledertrening: number; oral: number; individualFagnotatMin: number };
  rows: readonly TemplateRow[];
}) {
  const all: (TemplateRow | null)[] = [...rows, null, null];
  // A saved set remounts the fields with what was stored (rows may have been added or removed).
  const saved = JSON.stringify([composition, rows]);
  return (
    <ActionForm action={action} hidden={{ programmeId }} submitLabel="Lagre arbeidskravene" className="space-y-6" label="Arbeidskrav i studieplanen">
      {(state) => {
        const errors = state.fieldErrors ?? {};
        // After a refusal the fields show what was sent; after a save, what is stored.
        const sent = state.ok ? undefined : state.values;
        const value = (name: string, initial: string) => sent?.[name] ?? initial;
        const checked = (name: string, initial: boolean) => (sent ? sent[name] === "on" : initial);
        return (
          <div key={saved} className="space-y-6">
            {errors.form?.length ? (
              <ul className="list-disc rounded-md border border-red-700 bg-red-50 p-3 pl-8 text-red-900">
                {errors.form.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
            <fieldset className="space-y-4">
              <legend className="font-semibold">Sammensetning</legend>
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField name="fagnotat" type="number" inputMode="numeric" min={0} max={20} required label="Antall fagnotat" defaultValue={value("fagnotat", String(composition.fagnotat))} errors={errors.fagnotat} />
                <TextField name="individualFagnotatMin" type="number" inputMode="numeric" min={0} max={20} required label="Hvorav individuelle, minst" defaultValue={value("individualFagnotatMin", String(composition.individualFagnotatMin))} errors={errors.individualFagnotatMin} />
                <TextField name="ledertrening" type="number" inputMode="numeric" min={0} max={20} required label="Antall ledertreningsoppgaver" defaultValue={value("ledertrening", String(composition.ledertrening))} errors={errors.ledertrening} />
                <TextField name="oral" type="number" inputMode="numeric" min={0} max={20} required label="Antall som legges fram muntlig" defaultValue={value("oral", String(composition.oral))} errors={errors.oral} />
              </div>
            </fieldset>
            <ol className="space-y-4">
              {all.map((row, index) => {
                const n = index + 1;
                return (
                  <li key={index} className="rounded-md border border-slate-300 p-4">
                    <fieldset className="space-y-3">
                      <legend className="font-semibold">{row ? `Arbeidskrav ${n}` : `Nytt arbeidskrav (${n})`}</legend>
                      <div className="grid gap-3 sm:grid-cols-2">
                        <SelectField
                          id={`kind-${index}`}
                          name={`kind-${index}`}
                          required
                          label="Type"
                          options={[
                            { value: "FAGNOTAT", label: "Fagnotat" },
                            { value: "LEDERTRENING", label: "Ledertreningsoppgave (alltid individuell)" },
                          ]}
                          defaultValue={value(`kind-${index}`, row?.kind ?? "FAGNOTAT")}
                          errors={errors[`kind-${index}`]}
                        />
                        <TextField
                          id={`title-${index}`}
                          name={`title-${index}`}
                          label="Tittel"
                          hint={row ? "Tøm tittelen for å fjerne arbeidskravet." : "Fyll inn for å legge til et arbeidskrav."}
                          defaultValue={value(`title-${index}`, row?.title ?? "")}
                          errors={errors[`title-${index}`]}
                        />
                      </div>
                      <TextAreaField id={`description-${index}`} name={`description-${index}`} label="Beskrivelse" rows={2} defaultValue={value(`description-${index}`, row?.description ?? "")} />
                      <div className="grid gap-3 sm:grid-cols-3">
                        <TextField
                          id={`maxGroupSize-${index}`}
                          name={`maxGroupSize-${index}`}
                          type="number"
                          inputMode="numeric"
                          min={1}
                          max={3}
                          label="Største gruppe"
                          defaultValue={value(`maxGroupSize-${index}`, String(row?.maxGroupSize ?? 1))}
                          errors={errors[`maxGroupSize-${index}`]}
                        />
                        <CheckboxField id={`individualOnly-${index}`} name={`individualOnly-${index}`} label="Skrives individuelt" defaultChecked={checked(`individualOnly-${index}`, row?.individualOnly ?? true)} />
                        <CheckboxField id={`oralPresentation-${index}`} name={`oralPresentation-${index}`} label="Legges fram muntlig" defaultChecked={checked(`oralPresentation-${index}`, row?.oralPresentation ?? false)} />
                      </div>
                    </fieldset>
                  </li>
                );
              })}
            </ol>
          </div>
        );
      }}
    </ActionForm>
  );
}
