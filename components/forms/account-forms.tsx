"use client";
// The forms of "Min konto": change password, change e-mail address.
import { useFormAction } from "@/components/ui/use-form-action";
import { changePasswordAction, requestEmailChangeAction } from "@/lib/actions/account";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { TextField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useFormAction(changePasswordAction);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate key={state.ok ? state.at : undefined}>
      <FormMessage state={state} />
      {/* For password managers: whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField name="currentPassword" label="Nåværende passord" type="password" autoComplete="current-password" required errors={errors.currentPassword} />
      <NewPasswordFields name="newPassword" confirmName="newPasswordConfirm" errors={errors} />
      <SubmitButton pendingText="Lagrer …">Bytt passord</SubmitButton>
    </form>
  );
}

export function ChangeEmailForm() {
  const [state, action] = useFormAction(requestEmailChangeAction);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate key={state.ok ? state.at : undefined}>
      <FormMessage state={state} />
      <TextField
        name="newEmail"
        label="Ny e-postadresse"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.ok ? undefined : state.values?.newEmail}
        errors={errors.newEmail}
        hint="Vi sender en lenke hit. Adressen endres først når du åpner den, og vi sier fra til den gamle adressen."
      />
      <TextField
        name="emailPassword"
        label="Passordet ditt"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.emailPassword}
        hint="For å bekrefte at det er du som ber om endringen."
      />
      <SubmitButton pendingText="Sender …">Send lenke til ny adresse</SubmitButton>
    </form>
  );
}
