"use client";
// The student's klage on an enkeltvedtak: what and why. After it is sent the page shows the klage
// under behandling (the form is gone), and a receipt comes by e-mail.
import { fileStudentAppealAction } from "@/lib/actions/student-letters";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField } from "@/components/ui/field";

export function StudentAppealForm({ letterId, deadline }: { letterId: string; deadline: string }) {
  return (
    <ActionForm action={fileStudentAppealAction} hidden={{ letterId }} fieldIdPrefix="klage-" submitLabel="Send klagen" pendingText="Sender klagen …" label="Klage på vedtaket">
      {(state) => (
        <TextAreaField
          id="klage-text"
          name="text"
          label="Hva klager du på, og hvorfor?"
          hint={`Fristen er ${deadline}. Skriv hva du mener er feil i vedtaket, og hva du ber om.`}
          rows={6}
          defaultValue={state.ok ? "" : (state.values?.text ?? "")}
          errors={state.fieldErrors?.text}
          required
        />
      )}
    </ActionForm>
  );
}
