"use client";
// A programme's arbeidskrav template: THE whole-set editor (components/cohort/arbeidskrav-set-form.tsx,
// without due dates) with the composition the set must keep (how many fagnotat and
// ledertreningsoppgaver are required, how many fagnotat at least are written alone, how many are
// presented orally) in the same form, so the two are saved and checked together.
import { ArbeidskravSetForm, type ArbeidskravSetFormItem } from "@/components/cohort/arbeidskrav-set-form";
import { TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/forms";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export interface Composition {
  fagnotat: number;
  ledertrening: number;
  oral: number;
  individualFagnotatMin: number;
}

export function ProgrammeArbeidskravForm({
  action,
  programmeId,
  composition,
  items,
}: {
  action: Action;
  programmeId: string;
  composition: Composition;
  items: readonly ArbeidskravSetFormItem[];
}) {
  return (
    <ArbeidskravSetForm
      action={action}
      hidden={{ programmeId }}
      items={items}
      withDueDates={false}
      newRows={2}
      label="Arbeidskrav i studieplanen"
      extraFields={(state) => {
        const errors = state.fieldErrors ?? {};
        const value = (name: keyof Composition) => (state.ok ? undefined : state.values?.[name]) ?? String(composition[name]);
        return (
          <fieldset className="space-y-3 rounded-md border border-slate-300 p-3">
            <legend className="px-1 font-medium">Obligatoriske arbeidskrav</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField name="fagnotat" type="number" inputMode="numeric" min={0} max={20} required label="Antall fagnotat" defaultValue={value("fagnotat")} errors={errors.fagnotat} />
              <TextField name="individualFagnotatMin" type="number" inputMode="numeric" min={0} max={20} required label="Hvorav individuelle, minst" defaultValue={value("individualFagnotatMin")} errors={errors.individualFagnotatMin} />
              <TextField name="ledertrening" type="number" inputMode="numeric" min={0} max={20} required label="Antall ledertreningsoppgaver" defaultValue={value("ledertrening")} errors={errors.ledertrening} />
              <TextField name="oral" type="number" inputMode="numeric" min={0} max={20} required label="Antall som legges fram muntlig" defaultValue={value("oral")} errors={errors.oral} />
            </div>
          </fieldset>
        );
      }}
    />
  );
}
