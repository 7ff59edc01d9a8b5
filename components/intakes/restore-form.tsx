"use client";
// The two steps back in a kull's life, each taken with a reason kept in the audit log:
// - «Hent fram fra arkivet»: an archived kull is closed to writes; to correct it (a late klage, a
//   grade changed after a klage, a resit), an adviser brings it back. The kull is then completed
//   again, and is archived again when the correction is made;
// - «Åpne kullet igjen»: a completed kull's plan, dates and places stand; to correct one of them
//   (a samling day on the wrong date, a misdated end), an adviser opens it again, corrects it and
//   completes it again.
import { reopenCohortAction, restoreCohortAction } from "@/lib/actions/intakes";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/field";

function ReasonedStepForm({
  action,
  cohortId,
  prefix,
  label,
  question,
  example,
  pendingText,
}: {
  action: typeof restoreCohortAction;
  cohortId: string;
  prefix: string;
  label: string;
  question: string;
  example: string;
  pendingText: string;
}) {
  return (
    <ActionForm action={action} hidden={{ cohortId }} fieldIdPrefix={prefix} label={label}>
      {(state) => (
        <>
          <TextAreaField
            id={`${prefix}reason`}
            name="reason"
            label={question}
            hint={`For eksempel «${example}». Begrunnelsen lagres i loggen, så skriv saksnummeret heller enn navn og helseopplysninger.`}
            required
            rows={3}
            defaultValue={state.values?.reason ?? ""}
            errors={state.fieldErrors?.reason}
          />
          <div>
            <SubmitButton className="btn-secondary" pendingText={pendingText}>
              {label}
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function RestoreCohortForm({ cohortId }: { cohortId: string }) {
  return (
    <ReasonedStepForm
      action={restoreCohortAction}
      cohortId={cohortId}
      prefix="hent-fram-"
      label="Hent kullet fram fra arkivet"
      question="Hvorfor må kullet endres?"
      example="Klage på karakter tatt til følge, sak 2026/00042"
      pendingText="Henter fram …"
    />
  );
}

export function ReopenCohortForm({ cohortId }: { cohortId: string }) {
  return (
    <ReasonedStepForm
      action={reopenCohortAction}
      cohortId={cohortId}
      prefix="apne-igjen-"
      label="Åpne kullet igjen"
      question="Hva må rettes?"
      example="Sluttdatoen er satt feil, skal være 30.06.2027"
      pendingText="Åpner …"
    />
  );
}
