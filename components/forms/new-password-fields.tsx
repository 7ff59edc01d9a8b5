// A new password and its repetition, with the NIST rule explained in Norwegian next to the field.
import { TextField } from "@/components/ui/field";
import { PASSWORD_HINT, PASSWORD_RULES_EXPLAINED } from "@/lib/password-guidance";

export function NewPasswordFields({
  name = "password",
  confirmName = "passwordConfirm",
  label = "Nytt passord",
  errors = {},
}: {
  name?: string;
  confirmName?: string;
  label?: string;
  errors?: Record<string, string[] | undefined>;
}) {
  return (
    <>
      <TextField name={name} label={label} type="password" autoComplete="new-password" required hint={PASSWORD_HINT} errors={errors[name]} />
      <details className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
        <summary className="cursor-pointer font-medium">Hvorfor disse reglene?</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
          {PASSWORD_RULES_EXPLAINED.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </details>
      <TextField name={confirmName} label="Gjenta passordet" type="password" autoComplete="new-password" required errors={errors[confirmName]} />
    </>
  );
}
