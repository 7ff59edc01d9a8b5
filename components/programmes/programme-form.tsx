"use client";
// A study programme's template: name, description, credits, the attendance requirement, the
// contacts applicants and students see, and the offer's own words. The same form creates a
// programme (with its code) and edits one; each error is shown beside its field.
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField, TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/forms";

export interface ProgrammeFormValues {
  code: string;
  name: string;
  description: string;
  credits: number;
  fsCourseCode: string;
  fsCourseVersion: string;
  attendanceThresholdPercent: number;
  adviserName: string;
  adviserEmail: string;
  adviserPhone: string;
  academicLeadName: string;
  academicLeadEmail: string;
  academicLeadPhone: string;
  offerWelcomeText: string | null;
  offerPracticalText: string | null;
}

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function ProgrammeForm({
  action,
  initial,
  hidden = {},
  creating,
  submitLabel,
}: {
  action: Action;
  initial: ProgrammeFormValues;
  hidden?: Record<string, string>;
  /** Creating: the code is chosen here, once. */
  creating: boolean;
  submitLabel: string;
}) {
  return (
    <ActionForm action={action} hidden={hidden} submitLabel={submitLabel} className="space-y-6" label={creating ? "Nytt studieprogram" : "Studieprogrammet"}>
      {(state) => {
        const errors = state.fieldErrors ?? {};
        const value = (name: keyof ProgrammeFormValues) => state.values?.[name] ?? String(initial[name] ?? "");
        return (
          <>
            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">Studieprogrammet</legend>
              {creating ? (
                <TextField
                  name="code"
                  required
                  label="Kode"
                  hint="Store bokstaver A–Z, tall og _, for eksempel FAMILIEVERNLEDELSE. Koden kan ikke endres senere."
                  autoCapitalize="characters"
                  defaultValue={value("code")}
                  errors={errors.code}
                />
              ) : null}
              <TextField name="name" required label="Navn" defaultValue={value("name")} errors={errors.name} />
              <TextAreaField name="description" required label="Beskrivelse" hint="Vises for søkere på forsiden." rows={4} defaultValue={value("description")} errors={errors.description} />
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  name="fsCourseCode"
                  required
                  label="Emnekode i FS"
                  hint="Eksamensresultatene eksporteres til FS med denne koden, for eksempel BVL6001."
                  autoCapitalize="characters"
                  defaultValue={value("fsCourseCode")}
                  errors={errors.fsCourseCode}
                />
                <TextField
                  name="fsCourseVersion"
                  required
                  label="Versjonskode i FS"
                  hint="Vanligvis 1."
                  autoCapitalize="characters"
                  defaultValue={value("fsCourseVersion")}
                  errors={errors.fsCourseVersion}
                />
                <TextField name="credits" type="number" inputMode="numeric" min={1} max={120} required label="Studiepoeng" defaultValue={value("credits")} errors={errors.credits} />
                <TextField
                  name="attendanceThresholdPercent"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={100}
                  required
                  label="Oppmøtekrav (prosent)"
                  hint="Nye kull får dette kravet."
                  defaultValue={value("attendanceThresholdPercent")}
                  errors={errors.attendanceThresholdPercent}
                />
              </div>
            </fieldset>
            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">Kontaktpersoner</legend>
              <p className="text-sm text-slate-700">Vises for søkere og studenter, og står i vedtaksbrevene.</p>
              <div className="grid gap-4 sm:grid-cols-3">
                <TextField name="adviserName" required label="Studieveileder" autoComplete="off" defaultValue={value("adviserName")} errors={errors.adviserName} />
                <TextField name="adviserEmail" type="email" required label="E-post til studieveileder" autoComplete="off" defaultValue={value("adviserEmail")} errors={errors.adviserEmail} />
                <TextField name="adviserPhone" type="tel" required label="Telefon til studieveileder" autoComplete="off" defaultValue={value("adviserPhone")} errors={errors.adviserPhone} />
                <TextField name="academicLeadName" required label="Fagansvarlig" autoComplete="off" defaultValue={value("academicLeadName")} errors={errors.academicLeadName} />
                <TextField name="academicLeadEmail" type="email" required label="E-post til fagansvarlig" autoComplete="off" defaultValue={value("academicLeadEmail")} errors={errors.academicLeadEmail} />
                <TextField name="academicLeadPhone" type="tel" required label="Telefon til fagansvarlig" autoComplete="off" defaultValue={value("academicLeadPhone")} errors={errors.academicLeadPhone} />
              </div>
            </fieldset>
            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">Tekster i tilbudsbrevet</legend>
              <p className="text-sm text-slate-700">
                Vedtaket, reglene, begrunnelsen og klageadgangen skrives alltid av systemet. Her kan studieprogrammet legge til en
                velkomst og praktisk informasjon.
              </p>
              <TextAreaField
                name="offerWelcomeText"
                label="Velkomst"
                hint="Står etter vedtaket i brev med tilbud om studieplass."
                rows={3}
                defaultValue={value("offerWelcomeText")}
                errors={errors.offerWelcomeText}
              />
              <TextAreaField
                name="offerPracticalText"
                label="Praktisk informasjon"
                hint="Står etter svarfristen, for eksempel om semesteravgift og tilskudd."
                rows={3}
                defaultValue={value("offerPracticalText")}
                errors={errors.offerPracticalText}
              />
            </fieldset>
          </>
        );
      }}
    </ActionForm>
  );
}
