"use client";
// The student is back from leave: the first day back is registered (not after today), the status
// is active again, and a letter tells the student.
import { registerReturnAction } from "@/lib/actions/enrolments";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/field";

export function ReturnForm({ enrolmentId, userId, today }: { enrolmentId: string; userId: string; today: string }) {
  const prefix = `retur-${enrolmentId}-`;
  return (
    <ActionForm action={registerReturnAction} hidden={{ enrolmentId, userId }} fieldIdPrefix={prefix} label="Tilbake fra permisjon">
      {(state) => (
        <>
          <TextField
            id={`${prefix}returnedOn`}
            name="returnedOn"
            type="date"
            label="Første dag tilbake"
            required
            defaultValue={state.ok ? today : (state.values?.returnedOn ?? today)}
            errors={state.fieldErrors?.returnedOn}
          />
          <ConfirmSubmit label="Registrer at studenten er tilbake" title="Registrere at studenten er tilbake?" confirmLabel="Ja, registrer og send brevet">
            <p>Samlingsdagene fra denne datoen teller som vanlig igjen, og studenten får brev om det.</p>
          </ConfirmSubmit>
        </>
      )}
    </ActionForm>
  );
}
