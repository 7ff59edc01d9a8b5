"use client";
// An adviser decides a request for utsatt eksamen: grant it onto a deferred sitting (a letter, the
// student is registered there) or refuse it with grounds (an enkeltvedtak with a klage deadline).
// The server decides again (lib/server/exams/deferrals.ts); what was typed stays on a failure.
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { grantDeferralAction, refuseDeferralAction } from "@/lib/actions/exam";

export function DeferralDecision({
  cohortId,
  deferralId,
  name,
  sittings,
}: {
  cohortId: string;
  deferralId: string;
  name: string;
  sittings: { id: string; label: string }[];
}) {
  const prefix = `utsatt-${deferralId}-`;
  return (
    <div className="space-y-6">
      <ActionForm action={grantDeferralAction} hidden={{ cohortId, deferralId }} fieldIdPrefix={prefix} label={`Innvilg utsatt eksamen for ${name}`}>
        {(state) => (
          <>
            <SelectField
              id={`${prefix}sittingId`}
              name="sittingId"
              label="Utsatt eksamen studenten skal ta"
              required
              options={sittings.map((sitting) => ({ value: sitting.id, label: sitting.label }))}
              defaultValue={sittings.length === 1 ? sittings[0]!.id : ""}
              hint={sittings.length === 0 ? "Kullet har ingen utsatt eksamen som ikke har startet. Legg den inn på eksamenssiden først." : undefined}
              errors={state.fieldErrors?.sittingId}
            />
            <TextAreaField
              id={`${prefix}note`}
              name="note"
              label="Merknad i brevet"
              rows={2}
              maxLength={2000}
              defaultValue={state.ok ? "" : (state.values?.note ?? "")}
              errors={state.fieldErrors?.note}
            />
            <ConfirmSubmit label="Innvilg utsatt eksamen" title={`Innvilge utsatt eksamen for ${name}?`} confirmLabel="Ja, innvilg">
              <p>{name} blir meldt opp til den utsatte eksamenen du har valgt, og får brev om det.</p>
            </ConfirmSubmit>
          </>
        )}
      </ActionForm>
      <ActionForm action={refuseDeferralAction} hidden={{ cohortId, deferralId }} fieldIdPrefix={prefix} label={`Avslå søknaden fra ${name}`}>
        {(state) => (
          <>
            <TextAreaField
              id={`${prefix}grounds`}
              name="grounds"
              label="Begrunnelse for avslag"
              hint="Står i vedtaket (enkeltvedtak) med hjemmel og klagefrist. Vedtaket kan ikke endres etterpå; et nytt utfall blir et nytt brev."
              rows={3}
              required
              maxLength={4000}
              defaultValue={state.ok ? "" : (state.values?.grounds ?? "")}
              errors={state.fieldErrors?.grounds}
            />
            <ConfirmSubmit label="Avslå og send vedtaket" title={`Avslå søknaden fra ${name}?`} confirmLabel="Ja, avslå og send" tone="danger" className="btn-secondary">
              <p>{name} får et vedtak om avslag med begrunnelsen og klagefristen.</p>
            </ConfirmSubmit>
          </>
        )}
      </ActionForm>
    </div>
  );
}
