"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { answerOfferAction, withdrawApplicationAction } from "@/lib/actions/application";
import { CheckboxField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

export function OfferAnswerForm({ applicationId }: { applicationId: string }) {
  const [state, action] = useFormAction(answerOfferAction);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-3">
        <form action={action}>
          <input type="hidden" name="applicationId" value={applicationId} />
          <input type="hidden" name="answer" value="ACCEPTED" />
          <SubmitButton pendingText="Sender svar …">Takk ja til studieplassen</SubmitButton>
        </form>
        <form action={action}>
          <input type="hidden" name="applicationId" value={applicationId} />
          <input type="hidden" name="answer" value="DECLINED" />
          <SubmitButton className="btn-secondary" pendingText="Sender svar …">
            Takk nei
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}

export function WithdrawForm({ applicationId }: { applicationId: string }) {
  const [state, action] = useFormAction(withdrawApplicationAction);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <CheckboxField name="confirm" label="Jeg vil trekke søknaden. Den blir ikke vurdert." errors={state.fieldErrors?.confirm} />
      <SubmitButton className="btn-danger" pendingText="Trekker …">
        Trekk søknaden
      </SubmitButton>
    </form>
  );
}
