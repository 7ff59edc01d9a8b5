"use client";
// «Hent fram fra arkivet»: an archived kull is closed to writes; to correct it (a late klage, a
// grade changed after a klage, a resit), an adviser brings it back with a reason, kept in the
// audit log. The kull is then completed again, and is archived again when the correction is made.
import { restoreCohortAction } from "@/lib/actions/intakes";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/field";

export function RestoreCohortForm({ cohortId }: { cohortId: string }) {
  const prefix = "hent-fram-";
  return (
    <ActionForm action={restoreCohortAction} hidden={{ cohortId }} fieldIdPrefix={prefix} label="Hent kullet fram fra arkivet">
      {(state) => (
        <>
          <TextAreaField
            id={`${prefix}reason`}
            name="reason"
            label="Hvorfor må kullet endres?"
            hint="For eksempel «Klage på karakter tatt til følge, sak 2026/00042». Begrunnelsen lagres i loggen, så skriv saksnummeret heller enn navn og helseopplysninger."
            required
            rows={3}
            defaultValue={state.values?.reason ?? ""}
            errors={state.fieldErrors?.reason}
          />
          <div>
            <SubmitButton className="btn-secondary" pendingText="Henter fram …">
              Hent kullet fram fra arkivet
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
