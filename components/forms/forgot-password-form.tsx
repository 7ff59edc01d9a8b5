"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestPasswordResetAction } from "@/lib/actions/account";
import { TextField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

export function ForgotPasswordForm({ email }: { email?: string }) {
  const [state, action] = useFormAction(requestPasswordResetAction);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        name="email"
        label="E-postadresse"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email ?? email}
        errors={state.fieldErrors?.email}
        hint="Adressen du logger inn med."
      />
      <SubmitButton pendingText="Sender …">Send lenke</SubmitButton>
    </form>
  );
}
