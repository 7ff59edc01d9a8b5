"use client";
// Fraværsmelding: choose the day (coming days, and days up to 14 days back) and say why. The form
// keeps what was typed when something must be corrected.
import { useFormAction } from "@/components/ui/use-form-action";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";
import { type ActionState } from "@/lib/forms";

export function AbsenceNoticeForm({
  action,
  days,
  selectedDay,
  maxReasonLength,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  days: readonly { id: string; label: string }[];
  selectedDay?: string;
  maxReasonLength: number;
}) {
  const [state, formAction] = useFormAction(action);
  const values = state.ok ? {} : (state.values ?? {});
  if (days.length === 0) {
    return <p className="mt-2">Det er ingen samlingsdager du kan melde fravær for nå.</p>;
  }
  return (
    <div className="mt-4 space-y-4">
      <FormMessage state={state} fieldId={(name) => `fravaer-${name}`} />
      {/* A new key after each success: the fields start empty for the next notice. */}
      {/* noValidate: an empty field gets the app's own message beside it, not the browser's bubble (a walk). */}
      <form action={formAction} noValidate className="space-y-4" key={`${state.ok ? state.at : "form"}-${selectedDay ?? ""}`}>
      <SelectField
        id="fravaer-samlingDayId"
        name="samlingDayId"
        label="Dag"
        required
        options={days.map((day) => ({ value: day.id, label: day.label }))}
        defaultValue={values.samlingDayId ?? selectedDay ?? ""}
        errors={state.fieldErrors?.samlingDayId}
        placeholder="Velg dag …"
      />
      <TextAreaField
        id="fravaer-reason"
        name="reason"
        label="Hvorfor er du borte?"
        hint="Faglærerne ser meldingen på oppmøtelisten for dagen. Skriv ikke mer om helse enn du må."
        required
        rows={3}
        maxLength={maxReasonLength}
        defaultValue={values.reason ?? ""}
        errors={state.fieldErrors?.reason}
      />
      <SubmitButton pendingText="Sender …">Send fraværsmelding</SubmitButton>
      </form>
    </div>
  );
}
