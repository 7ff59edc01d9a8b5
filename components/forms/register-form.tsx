"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { registerApplicantAccount } from "@/lib/actions/register-applicant";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

export function RegisterForm({ next }: { next?: string }) {
  const [state, action] = useFormAction(registerApplicantAccount);
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
        hint="Vi sender en lenke hit som du bekrefter adressen med, og senere kvittering og svar på søknaden."
      />
      <NewPasswordFields label="Passord" errors={errors} />
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
