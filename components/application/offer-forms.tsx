"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { answerOfferAction, withdrawApplicationAction } from "@/lib/actions/application";
import { CheckboxField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

/**
 * "Takk ja" and "Takk nei" each open the one confirmation dialog first, saying what the answer
 * does, because neither can be changed afterwards: a declined place goes to the next on the
 * waiting list. The receipt is then shown on the page (from the stored answer) and e-mailed.
 */
export function OfferAnswerForm({ applicationId, cohortName }: { applicationId: string; cohortName: string }) {
  const hidden = { applicationId };
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ConfirmActionButton
        action={answerOfferAction}
        hidden={{ ...hidden, answer: "ACCEPTED" }}
        label="Takk ja til studieplassen"
        title="Ta imot studieplassen?"
        confirmLabel="Ja, jeg tar imot plassen"
      >
        <p>
          Du blir student i {cohortName}. Svaret kan ikke endres her; vil du trekke deg senere, kontakter du studieveilederen.
        </p>
        <p>Du får en kvittering på siden og på e-post.</p>
      </ConfirmActionButton>
      <ConfirmActionButton
        action={answerOfferAction}
        hidden={{ ...hidden, answer: "DECLINED" }}
        label="Takk nei"
        className="btn-secondary"
        title="Takke nei til studieplassen?"
        confirmLabel="Ja, jeg takker nei"
        tone="danger"
      >
        <p>
          Plassen går til neste på ventelisten, og svaret <strong>kan ikke angres</strong>. Vil du studere senere, må du søke på nytt.
        </p>
        <p>Du får en kvittering på siden og på e-post.</p>
      </ConfirmActionButton>
    </div>
  );
}

/** `decided`: there is a decision already, so «Den blir ikke vurdert» would not be true. */
export function WithdrawForm({ applicationId, decided = false }: { applicationId: string; decided?: boolean }) {
  const [state, action] = useFormAction(withdrawApplicationAction);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <CheckboxField name="confirm" label={decided ? "Jeg vil trekke søknaden." : "Jeg vil trekke søknaden. Den blir ikke vurdert."} errors={state.fieldErrors?.confirm} />
      <SubmitButton className="btn-danger" pendingText="Trekker …">
        Trekk søknaden
      </SubmitButton>
    </form>
  );
}
