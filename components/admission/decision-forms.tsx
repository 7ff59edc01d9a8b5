"use client";
// Sending the previewed batch of decisions: one step, after the preview, with a confirmation; and
// the day the waiting list closes.
import { sendDecisionBatchAction, setWaitlistClosingDateAction } from "@/lib/actions/admission";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";

export function SendBatchForm({ cohortId, fingerprint, closeWaitlist, total }: { cohortId: string; fingerprint: string; closeWaitlist: boolean; total: number }) {
  return (
    <ActionForm
      action={sendDecisionBatchAction}
      hidden={{ cohortId, fingerprint, closeWaitlist: closeWaitlist ? "on" : "" }}
      fieldIdPrefix="send-"
      label="Send vedtakene"
    >
      {(state) =>
        state.ok ? null : (
          <>
            <CheckboxField
              id="send-confirm"
              name="confirm"
              label={`Jeg har lest forhåndsvisningen og vil sende ${total} vedtak nå.`}
              hint="Søkerne får brevet i søknadsportalen og på e-post med en gang. Et vedtak kan bare endres i en klagesak."
              errors={state.fieldErrors?.confirm}
            />
            <SubmitButton pendingText="Sender vedtakene …">Send {total} vedtak</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}

/**
 * The day the intake's waiting list closes. Empty: the default (the first samling day). The
 * server checks it is after the application deadline and no later than the kull's end.
 */
export function WaitlistClosingForm({ cohortId, setOn, minDate, defaultText }: { cohortId: string; setOn: string | null; minDate: string; defaultText: string }) {
  return (
    <ActionForm action={setWaitlistClosingDateAction} hidden={{ cohortId }} fieldIdPrefix="venteliste-" className="mt-3 space-y-3" label="Når ventelisten stenger">
      {(state) => (
        <>
          <TextField
            id="venteliste-waitlistClosesOn"
            name="waitlistClosesOn"
            type="date"
            min={minDate}
            label="Ventelisten stenger"
            hint={`Fra denne dagen gis ingen plasser fra ventelisten, og alle som står på den, får brev om at den er stengt. La feltet stå tomt for standarddatoen (${defaultText}).`}
            defaultValue={state.values?.waitlistClosesOn ?? setOn ?? ""}
            errors={state.fieldErrors?.waitlistClosesOn}
          />
          <SubmitButton className="btn-secondary" pendingText="Lagrer …">
            Lagre datoen
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
