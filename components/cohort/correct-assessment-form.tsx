"use client";
// The fagansvarlig's correction of an assessment: the other decision, with a written reason the
// students are told. A correction to "ikke godkjent" on a final attempt is an enkeltvedtak (the
// page says so beside the form).
import { correctAssessmentAction } from "@/lib/actions/assessment";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField } from "@/components/ui/field";

export function CorrectAssessmentForm({ cohortId, attemptId, current, final }: { cohortId: string; attemptId: string; current: "APPROVED" | "NOT_APPROVED"; final: boolean }) {
  const to = current === "APPROVED" ? "NOT_APPROVED" : "APPROVED";
  return (
    <ActionForm
      action={correctAssessmentAction}
      hidden={{ cohortId, attemptId, decision: to }}
      fieldIdPrefix="retting-"
      label="Rett vurderingen"
      submitLabel={to === "APPROVED" ? "Rett til godkjent" : "Rett til ikke godkjent"}
      submitClassName="btn-secondary"
    >
      {(state) => (
        <TextAreaField
          id="retting-reason"
          name="reason"
          label="Hvorfor rettes vurderingen?"
          hint={
            to === "NOT_APPROVED" && final
              ? "Dette er siste innlevering: hver student får et vedtak (enkeltvedtak) med begrunnelsen, hjemmelen og klagefristen."
              : "Studentene får begrunnelsen på e-post, og rettingen logges."
          }
          defaultValue={state.ok ? "" : (state.values?.reason ?? "")}
          errors={state.fieldErrors?.reason}
          required
        />
      )}
    </ActionForm>
  );
}
