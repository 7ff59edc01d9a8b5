"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { createUser } from "@/lib/actions/manage-users";
import { FieldMessages, TextField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

const ROLE_OPTIONS = [
  { value: "STUDENT", label: "Student" },
  { value: "FACULTY", label: "Faglærer / prosessveileder" },
  { value: "ADVISER", label: "Studieveileder" },
  { value: "ADMIN", label: "Administrator" },
] as const;

export function CreateUserForm({ canGrantAdmin }: { canGrantAdmin: boolean }) {
  const [state, action] = useFormAction(createUser);
  const errors = state.fieldErrors ?? {};
  const chosen = new Set((state.values?.roles ?? "").split(","));
  return (
    <form action={action} className="space-y-4" noValidate key={state.ok ? state.at : undefined}>
      <FormMessage state={state} />
      <TextField name="name" label="Navn" required autoComplete="off" defaultValue={state.values?.name} errors={errors.name} />
      <TextField name="email" label="E-postadresse" type="email" required autoComplete="off" defaultValue={state.values?.email} errors={errors.email} />
      <fieldset aria-describedby={errors.roles ? "roles-error" : undefined}>
        <legend className="font-medium">Roller</legend>
        <div className="mt-2 space-y-2">
          {ROLE_OPTIONS.filter((option) => canGrantAdmin || option.value !== "ADMIN").map((option) => (
            <div key={option.value} className="flex items-center gap-3">
              <input
                id={`role-${option.value}`}
                type="checkbox"
                name="roles"
                value={option.value}
                defaultChecked={chosen.has(option.value)}
                className="size-6 accent-brand-600"
              />
              <label htmlFor={`role-${option.value}`}>{option.label}</label>
            </div>
          ))}
        </div>
        <FieldMessages id="roles" errors={errors.roles} />
      </fieldset>
      <p className="text-sm text-slate-700">
        Personen får en e-post med en lenke for å velge sitt eget passord. Lenken gjelder i 7 dager; du kan sende en ny fra
        listen.
      </p>
      <SubmitButton pendingText="Oppretter …">Opprett bruker</SubmitButton>
    </form>
  );
}
