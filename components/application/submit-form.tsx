"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { submitApplicationAction } from "@/lib/actions/application";
import { CheckboxField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

/** `again`: she opened the sent application for change; the button says it sends it anew. */
export function SubmitApplicationForm({ applicationId, disabled, again = false }: { applicationId: string; disabled: boolean; again?: boolean }) {
  const [state, action] = useFormAction(submitApplicationAction);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {state.fieldErrors?.form?.length ? (
        <ul className="list-disc pl-5 text-red-900">
          {state.fieldErrors.form.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      <input type="hidden" name="applicationId" value={applicationId} />
      <CheckboxField
        name="confirm"
        label="Jeg bekrefter at opplysningene er riktige og at dokumentene er mine."
        errors={state.fieldErrors?.confirm}
        disabled={disabled}
      />
      <SubmitButton pendingText="Sender …" disabled={disabled}>
        {again ? "Send søknaden på nytt" : "Send søknaden"}
      </SubmitButton>
    </form>
  );
}
