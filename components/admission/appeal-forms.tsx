"use client";
// The adviser's decision on a klage: reverse (an offer, or a better waiting-list place) or
// uphold with grounds and send it on to the appeals body.
import { useState } from "react";
import { decideAppealAction } from "@/lib/actions/admission";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, RadioGroupField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";

export function AppealDecisionForm({
  appealId,
  currentPosition,
  waitlistLength,
  offerProblem = null,
}: {
  appealId: string;
  currentPosition: number | null;
  /** How many are on the waiting list now (the applicant too, when on it). */
  waitlistLength: number;
  /** Why an offer cannot succeed now (the kull is full): said first, and the offer is not offered. */
  offerProblem?: string | null;
}) {
  const [outcome, setOutcome] = useState<string>("");
  const prefix = `klage-${appealId}-`;
  return (
    <ActionForm action={decideAppealAction} hidden={{ appealId }} fieldIdPrefix={prefix} label="Avgjør klagen">
      {(state) => {
        const chosen = outcome || state.values?.outcome || "";
        return (
          <>
            {offerProblem ? (
              <p id={`${prefix}offer-problem`} className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
                {offerProblem}
              </p>
            ) : null}
            <RadioGroupField
              id={`${prefix}outcome`}
              name="outcome"
              legend="Utfall"
              layout="column"
              options={[
                ...(offerProblem ? [] : [{ value: "OFFER", label: "Ta klagen til følge: gi tilbud om studieplass" }]),
                { value: "WAITLIST", label: "Ta klagen til følge: gi en bedre plass på ventelisten" },
                { value: "UPHOLD", label: "Ikke ta klagen til følge: send den til klagenemnda" },
              ]}
              value={chosen}
              onChange={setOutcome}
              errors={state.fieldErrors?.outcome}
            />
            {chosen === "WAITLIST" ? (
              <TextField
                id={`${prefix}position`}
                name="position"
                type="number"
                inputMode="numeric"
                min={1}
                label="Ny plass på ventelisten"
                hint={waitlistHint(currentPosition, waitlistLength)}
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
              <CheckboxField id={`${prefix}forwarded`} name="forwarded" label="Saken er sendt til klagenemnda nå" defaultChecked={state.values?.forwarded === "on"} />
            ) : null}
            <SubmitButton pendingText="Lagrer …">Avgjør klagen</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}

/** Where the applicant stands, and how long the list is: a place beyond its end is its end. */
function waitlistHint(currentPosition: number | null, length: number): string {
  if (currentPosition) return `Søkeren står nå som nummer ${currentPosition} av ${length} på ventelisten.`;
  if (length === 0) return "Søkeren har avslag nå, og ventelisten er tom: plass 1 er den eneste.";
  return `Søkeren har avslag nå. Ventelisten har ${length} ${length === 1 ? "søker" : "søkere"}; plass ${length + 1} er sist på den.`;
}
