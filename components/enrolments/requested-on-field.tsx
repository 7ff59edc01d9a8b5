"use client";
// The day the student asked, on the forms of a change made at her request (she stops, a leave not
// begun is withdrawn): the confirmation says «slik du ba om i henvendelsen din av <dag>», and the
// server refuses a day after today (requestedOnProblem).
import { TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/forms";

export function RequestedOnField({ prefix, label, today, state }: { prefix: string; label: string; today: string; state: ActionState }) {
  return (
    <TextField
      id={`${prefix}requestedOn`}
      name="requestedOn"
      type="date"
      label={label}
      hint="Dagen studenten ba om det (e-post, brev eller samtale). Bekreftelsen sier det."
      required
      max={today}
      defaultValue={state.values?.requestedOn ?? today}
      errors={state.fieldErrors?.requestedOn}
    />
  );
}
