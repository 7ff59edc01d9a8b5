"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { signInWithPassword } from "@/lib/actions/sign-in";
import { TextField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

export function LoginForm({ next }: { next?: string }) {
  const [state, action] = useFormAction(signInWithPassword);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="neste" value={next ?? ""} />
      <TextField
        name="email"
        label="E-postadresse"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <TextField
        name="password"
        label="Passord"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pendingText="Logger inn …">Logg inn</SubmitButton>
    </form>
  );
}
