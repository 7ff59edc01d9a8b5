"use client";
// Moving one candidate in the ranking, with the reason (audited and shown in the explanation).
import { moveCandidateAction } from "@/lib/actions/admission";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";

export function MoveForm({ cohortId, applicationId, name, rank, onWaitlist = false }: { cohortId: string; applicationId: string; name: string; rank: number; onWaitlist?: boolean }) {
  const prefix = `flytt-${applicationId}-`;
  return (
    <ActionForm action={moveCandidateAction} hidden={{ cohortId, applicationId }} fieldIdPrefix={prefix} className="mt-2 space-y-3" label={`Flytt ${name}`}>
      {(state) => (
        <>
          <TextField
            id={`${prefix}toRank`}
            name="toRank"
            type="number"
            inputMode="numeric"
            min={1}
            label="Ny plass"
            defaultValue={state.values?.toRank ?? String(rank)}
            errors={state.fieldErrors?.toRank}
            required
          />
          <TextAreaField
            id={`${prefix}reason`}
            name="reason"
            label="Begrunnelse"
            hint={
              onWaitlist
                ? "Søkeren står på ventelisten: dette er en rettelse. Ventelisten følger rangeringen, og alle som får ny plass, får et nytt vedtaksbrev. Begrunnelsen står i søkerens brev: skriv den til søkeren."
                : "Står i forklaringen av rangeringen, i loggen og i søkerens vedtaksbrev: skriv den til søkeren."
            }
            defaultValue={state.ok ? "" : (state.values?.reason ?? "")}
            errors={state.fieldErrors?.reason}
            required
          />
          <SubmitButton className="btn-secondary" pendingText="Flytter …">
            Flytt
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
