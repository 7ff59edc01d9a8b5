"use client";
// Fødselsdato, studentnummer and (optionally) FS-personløpenummer: FS needs them on every result.
// The same form for the student (their own, after accepting the offer) and the adviser.
import type { ActionState } from "@/lib/forms";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";

export interface IdentityValues {
  birthDate: string | null;
  studentNumber: string | null;
  fsPersonNumber: string | null;
}

export function IdentityForm({
  action,
  hidden = {},
  current,
  own,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  current: IdentityValues;
  /** The student's own form (the hints speak to them). */
  own: boolean;
}) {
  return (
    <ActionForm action={action} hidden={hidden} fieldIdPrefix="identitet-" label="Fødselsdato og studentnummer" submitLabel="Lagre">
      {(state) => {
        const value = (name: keyof IdentityValues) => state.values?.[name] ?? current[name] ?? "";
        return (
          <>
            <TextField
              id="identitet-birthDate"
              name="birthDate"
              type="date"
              label="Fødselsdato"
              hint="For eksempel 17. mai 1980."
              autoComplete={own ? "bday" : "off"}
              required
              defaultValue={value("birthDate")}
              errors={state.fieldErrors?.birthDate}
            />
            <TextField
              id="identitet-studentNumber"
              name="studentNumber"
              label="Studentnummer"
              hint={own ? "Seks sifre. Du finner det i Studentweb og på studentkortet. Har du ikke fått det ennå, kan du fylle det inn senere." : "Seks sifre, fra FS."}
              inputMode="numeric"
              autoComplete="off"
              defaultValue={value("studentNumber")}
              errors={state.fieldErrors?.studentNumber}
            />
            <TextField
              id="identitet-fsPersonNumber"
              name="fsPersonNumber"
              label="FS-personløpenummer"
              hint="Bare der NTNU bruker det. Står i brev fra studieadministrasjonen."
              inputMode="numeric"
              autoComplete="off"
              defaultValue={value("fsPersonNumber")}
              errors={state.fieldErrors?.fsPersonNumber}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
