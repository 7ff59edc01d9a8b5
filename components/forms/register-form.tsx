"use client";
import { useActionState } from "react";
import { registerApplicantAccount } from "@/lib/actions/register-applicant";
import { initialActionState } from "@/lib/forms";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

export function RegisterForm({ next }: { next?: string }) {
  const [state, action] = useActionState(registerApplicantAccount, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="neste" value={next ?? ""} />
      <TextField name="name" label="Fullt navn" autoComplete="name" required defaultValue={state.values?.name} errors={errors.name} />
      <TextField
        name="email"
        label="E-postadresse"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={errors.email}
        hint="Vi sender kvittering og svar på søknaden hit."
      />
      <TextField
        name="password"
        label="Passord"
        type="password"
        autoComplete="new-password"
        required
        hint="Minst 10 tegn."
        errors={errors.password}
      />
      <TextField
        name="passwordConfirm"
        label="Gjenta passordet"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.passwordConfirm}
      />
      <CheckboxField
        name="privacy"
        label="Jeg har lest at NTNU behandler opplysningene i søknaden for å vurdere opptak til studiet."
        hint={
          <>
            Les <a href="/personvern" target="_blank" rel="noopener">personvernerklæringen (åpnes i en ny fane)</a>: hva vi lagrer,
            hvorfor, hvor lenge og hvilke rettigheter du har.
          </>
        }
        defaultChecked={state.values?.privacy === "on"}
        errors={errors.privacy}
      />
      <SubmitButton pendingText="Oppretter konto …">Opprett konto</SubmitButton>
    </form>
  );
}
