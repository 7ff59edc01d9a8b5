"use client";
// The applicant's klage on a refusal or a waiting-list place: what and why, and an optional PDF.
import { fileAppealAction } from "@/lib/actions/klage";
import { ActionForm } from "@/components/ui/action-form";
import { FieldMessages, TextAreaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";

export function AppealForm({ applicationId, deadline }: { applicationId: string; deadline: string }) {
  return (
    <ActionForm action={fileAppealAction} hidden={{ applicationId }} fieldIdPrefix="klage-" aria-label="Klage på vedtaket">
      {(state) =>
        state.ok ? null : (
          <>
            <TextAreaField
              id="klage-text"
              name="text"
              label="Hva klager du på, og hvorfor?"
              hint={`Fristen er ${deadline}. Skriv hva du mener er feil i vedtaket, og hva du ber om.`}
              rows={6}
              defaultValue={state.values?.text ?? ""}
              errors={state.fieldErrors?.text}
              required
            />
            <div>
              <label htmlFor="klage-file" className="block font-medium">
                Vedlegg <span className="font-normal text-slate-600">(valgfritt)</span>
              </label>
              <p id="klage-file-hint" className="text-sm text-slate-700">
                Én PDF, høyst 10 MB, for eksempel et nytt tjenestebevis.
                {state.message && !state.ok ? " Har du valgt en fil, må du velge den på nytt." : ""}
              </p>
              <input
                id="klage-file"
                name="file"
                type="file"
                accept="application/pdf,.pdf"
                aria-describedby={`klage-file-hint${state.fieldErrors?.file ? " klage-file-error" : ""}`}
                aria-invalid={state.fieldErrors?.file ? true : undefined}
                className="mt-1 block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-semibold sm:w-auto"
              />
              <FieldMessages id="klage-file" errors={state.fieldErrors?.file} />
            </div>
            <SubmitButton pendingText="Sender klagen …">Send klagen</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
