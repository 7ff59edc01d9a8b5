"use client";
// The ordinary sitting's days on the plan page: its name and first day (a three-day home exam).
// A refusal (a day in the past with students registered, after a later sitting …) is shown at the
// field, and what was typed stays.
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { setExamDaysAction } from "@/lib/actions/cohort-plan";

export function ExamDaysForm({ hidden, title, firstDay }: { hidden: Record<string, string>; title: string | null; firstDay: string | null }) {
  return (
    <ActionForm action={setExamDaysAction} hidden={hidden} submitLabel="Lagre eksamen" className="mt-3 space-y-4" label="Eksamen">
      {(state) => (
        <>
          <TextField
            name="title"
            required
            label="Navn"
            defaultValue={(state.ok ? undefined : state.values?.title) ?? title ?? "Individuell skriftlig hjemmeeksamen (tre dager)"}
            errors={state.fieldErrors?.title}
          />
          <TextField
            name="firstDay"
            type="date"
            required
            label="Første eksamensdag"
            hint="Hjemmeeksamen over tre dager: de to neste dagene legges til."
            defaultValue={(state.ok ? undefined : state.values?.firstDay) ?? firstDay ?? ""}
            errors={state.fieldErrors?.firstDay}
          />
        </>
      )}
    </ActionForm>
  );
}
