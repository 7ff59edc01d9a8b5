"use client";
// Choosing a password from an e-mail link (a reset or an invitation). The address is shown, read
// only, so the person sees whose account it is and a password manager saves the pair.
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/forms";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { TextField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

export function SetPasswordForm({
  action,
  token,
  email,
  submitLabel,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  token: string;
  email: string;
  submitLabel: string;
}) {
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField name="username" label="E-postadresse" type="email" autoComplete="username" value={email} readOnly />
      <NewPasswordFields errors={state.fieldErrors} />
      <SubmitButton pendingText="Lagrer …">{submitLabel}</SubmitButton>
    </form>
  );
}
