"use client";
// Sending the previewed batch of decisions: one step, after the preview, with a confirmation.
import { sendDecisionBatchAction } from "@/lib/actions/admission";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField } from "@/components/ui/field";
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
