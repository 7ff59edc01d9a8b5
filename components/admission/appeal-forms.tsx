"use client";
// The adviser's decision on a klage: reverse (an offer, or a better waiting-list place) or
// uphold with grounds and send it on to the appeals body.
import { useState } from "react";
import { decideAppealAction } from "@/lib/actions/admission";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";

export function AppealDecisionForm({ appealId, currentPosition }: { appealId: string; currentPosition: number | null }) {
  const [outcome, setOutcome] = useState<string>("");
  const prefix = `klage-${appealId}-`;
  return (
    <ActionForm action={decideAppealAction} hidden={{ appealId }} fieldIdPrefix={prefix} label="Avgjør klagen">
      {(state) => {
        const chosen = outcome || state.values?.outcome || "";
        return (
          <>
            <fieldset aria-describedby={state.fieldErrors?.outcome ? `${prefix}outcome-error` : undefined}>
              <legend className="font-medium">Utfall</legend>
              <div className="mt-1 space-y-1">
                {[
                  { value: "OFFER", label: "Ta klagen til følge: gi tilbud om studieplass" },
                  { value: "WAITLIST", label: "Ta klagen til følge: gi en bedre plass på ventelisten" },
                  { value: "UPHOLD", label: "Ikke ta klagen til følge: send den til klageinstansen" },
                ].map((option) => (
                  <label key={option.value} className="flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      name="outcome"
                      value={option.value}
                      checked={chosen === option.value}
                      onChange={() => setOutcome(option.value)}
                      className="size-5 accent-brand-600"
                    />
                    {option.label}
                  </label>
                ))}
              </div>
              {state.fieldErrors?.outcome ? (
                <p id={`${prefix}outcome-error`} className="mt-1 text-sm font-medium text-red-800">
                  {state.fieldErrors.outcome.join(" ")}
                </p>
              ) : null}
            </fieldset>
            {chosen === "WAITLIST" ? (
              <TextField
                id={`${prefix}position`}
                name="position"
                type="number"
                inputMode="numeric"
                min={1}
                label="Ny plass på ventelisten"
                hint={currentPosition ? `Søkeren står nå som nummer ${currentPosition}.` : "Søkeren har avslag nå."}
                defaultValue={state.values?.position ?? ""}
                errors={state.fieldErrors?.position}
                required
              />
            ) : null}
            <TextAreaField
              id={`${prefix}grounds`}
              name="grounds"
              label="Begrunnelse"
              hint="Står i brevet til søkeren."
              defaultValue={state.ok ? "" : (state.values?.grounds ?? "")}
              errors={state.fieldErrors?.grounds}
              required
            />
            {chosen === "UPHOLD" ? (
              <CheckboxField id={`${prefix}forwarded`} name="forwarded" label="Saken er sendt til klageinstansen nå" defaultChecked={state.values?.forwarded === "on"} />
            ) : null}
            <SubmitButton pendingText="Lagrer …">Avgjør klagen</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
