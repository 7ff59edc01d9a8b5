"use client";
// The decision on one hand-in: approved or not approved, with written feedback (required when not
// approved). Every member of the submission gets the decision by e-mail.
import { RecordForm } from "@/components/ui/record-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { startTransition, useState } from "react";
import { assessSubmissionAction } from "@/lib/actions/assessment";
import { FieldMessages, RadioGroupField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form-status";

export function AssessForm({
  cohortId,
  attemptId,
  members,
  assessed,
  last = null,
}: {
  cohortId: string;
  attemptId: string;
  members: number;
  /**
   * The hand-in is the last the study plan gives: «ikke godkjent» is then a vedtak whose
   * begrunnelse the feedback is (DECISION), or the end of an optional item (OPTIONAL).
   */
  last?: "DECISION" | "OPTIONAL" | null;
  /** Already assessed: only the result of the last save is shown (the page shows the decision). */
  assessed: boolean;
}) {
  const [state, formAction] = useFormAction(assessSubmissionAction);
  const [decision, setDecision] = useState<string>(state.values?.decision ?? "");
  const errors = state.fieldErrors ?? {};
  // The same component stays on the page after the save, so its message stays in view.
  if (assessed) return <FormMessage state={state} />;
  return (
    // Submitted in a transition, as ActionForm does, so React does not reset the form after the
    // action: a refused save keeps the chosen decision and the feedback typed.
    <RecordForm
      action={formAction}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <RadioGroupField
        name="decision"
        legend="Vurdering"
        options={[
          { value: "APPROVED", label: "Godkjent" },
          { value: "NOT_APPROVED", label: "Ikke godkjent" },
        ]}
        value={decision}
        onChange={setDecision}
        errors={errors.decision}
      />
      <div>
        <label htmlFor="feedback" className="block font-medium">
          Tilbakemelding{decision === "NOT_APPROVED" ? "" : <span className="font-normal text-slate-600"> (valgfritt ved godkjent)</span>}
        </label>
        <p id="feedback-hint" className="mt-1 text-sm text-slate-600">
          {members > 1 ? `Alle de ${members} i gruppen får tilbakemeldingen på e-post.` : "Studenten får tilbakemeldingen på e-post."}{" "}
          {last === "DECISION"
            ? "Ved «ikke godkjent»: skriv hva som mangler for at arbeidskravet kan godkjennes. Det er begrunnelsen i vedtaket, og det kan ikke leveres på nytt."
            : last === "OPTIONAL"
              ? "Ved «ikke godkjent»: skriv hva som mangler. Det kan ikke leveres på nytt."
              : "Ved «ikke godkjent»: skriv hva som må endres."}
        </p>
        <textarea
          id="feedback"
          name="feedback"
          rows={5}
          className="input mt-1"
          defaultValue={state.values?.feedback}
          aria-invalid={errors.feedback ? true : undefined}
          aria-describedby={["feedback-hint", errors.feedback ? "feedback-error" : null].filter(Boolean).join(" ")}
        />
        <FieldMessages id="feedback" errors={errors.feedback} />
      </div>
      <SubmitButton>Lagre vurderingen</SubmitButton>
    </RecordForm>
  );
}
