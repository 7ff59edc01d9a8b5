"use client";
// Staff decide a student's klage: take it (the decision is changed in the student's favour, with a
// new letter) or not (a letter says it goes to the appeals body, and whether it is sent now).
import { useState } from "react";
import { decideStudentAppealAction } from "@/lib/actions/student-letters";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, RadioGroupField, TextAreaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";

export function StudentAppealDecisionForm({ cohortId, appealId, reverseLabel }: { cohortId: string; appealId: string; reverseLabel: string }) {
  const [outcome, setOutcome] = useState<string>("");
  const prefix = `klage-${appealId}-`;
  return (
    <ActionForm action={decideStudentAppealAction} hidden={{ cohortId, appealId }} fieldIdPrefix={prefix} label="Avgjør klagen">
      {(state) => {
        const chosen = outcome || state.values?.outcome || "";
        return (
          <>
            <RadioGroupField
              id={`${prefix}outcome`}
              name="outcome"
              legend="Utfall"
              layout="column"
              options={[
                { value: "REVERSE", label: `Ta klagen til følge: ${reverseLabel}` },
                { value: "UPHOLD", label: "Ikke ta klagen til følge: send den til klagenemnda" },
              ]}
              value={chosen}
              onChange={setOutcome}
              errors={state.fieldErrors?.outcome}
            />
            <TextAreaField
              id={`${prefix}grounds`}
              name="grounds"
              label="Begrunnelse"
              hint="Står i brevet til studenten."
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
