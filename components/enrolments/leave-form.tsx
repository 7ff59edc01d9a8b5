"use client";
// The adviser registers a student's request for leave (permisjon) and decides it: granted (a
// letter that says what the leave means for the exam) or refused (an enkeltvedtak with grounds and
// the right to appeal). Sent behind the confirmation: the letter cannot be taken back.
import { useState } from "react";
import { decideLeaveAction } from "@/lib/actions/enrolments";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { RadioGroupField, TextAreaField, TextField } from "@/components/ui/field";

export function LeaveForm({ enrolmentId, userId, cohortName }: { enrolmentId: string; userId: string; cohortName: string }) {
  const [decision, setDecision] = useState<string>("GRANT");
  const prefix = `permisjon-${enrolmentId}-`;
  return (
    <ActionForm action={decideLeaveAction} hidden={{ enrolmentId, userId }} fieldIdPrefix={prefix} label={`Permisjon, ${cohortName}`} resetOnSuccess>
      {(state) => {
        const value = (name: string) => (state.ok ? "" : (state.values?.[name] ?? ""));
        return (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField id={`${prefix}from`} name="from" type="date" label="Første dag" required defaultValue={value("from")} errors={state.fieldErrors?.from} />
              <TextField id={`${prefix}to`} name="to" type="date" label="Siste dag" required defaultValue={value("to")} errors={state.fieldErrors?.to} />
            </div>
            <TextAreaField
              id={`${prefix}reason`}
              name="reason"
              label="Hvorfor søker studenten permisjon?"
              hint="Studentens grunn, slik den står i søknaden. Den står i brevet."
              required
              defaultValue={value("reason")}
              errors={state.fieldErrors?.reason}
            />
            <TextField
              id={`${prefix}documentation`}
              name="documentation"
              label="Dokumentasjon"
              hint="For eksempel «Legeerklæring 2. mars» eller et saksnummer."
              defaultValue={value("documentation")}
              errors={state.fieldErrors?.documentation}
            />
            <RadioGroupField
              id={`${prefix}decision`}
              name="decision"
              legend="Vedtak"
              value={decision}
              onChange={setDecision}
              options={[
                { value: "GRANT", label: "Innvilg permisjonen" },
                { value: "REFUSE", label: "Avslå (enkeltvedtak med klagerett)" },
              ]}
              errors={state.fieldErrors?.decision}
            />
            {decision === "REFUSE" ? (
              <TextAreaField
                id={`${prefix}grounds`}
                name="grounds"
                label="Begrunnelse for avslaget"
                hint="Står i vedtaket. Studenten kan klage, og klagen avgjøres av en annen studieveileder."
                required
                defaultValue={value("grounds")}
                errors={state.fieldErrors?.grounds}
              />
            ) : null}
            <ConfirmSubmit
              label={decision === "REFUSE" ? "Avslå permisjonen" : "Innvilg permisjonen"}
              title={decision === "REFUSE" ? "Avslå søknaden om permisjon?" : "Innvilge permisjonen?"}
              confirmLabel={decision === "REFUSE" ? "Ja, avslå og send vedtaket" : "Ja, innvilg og send brevet"}
              tone={decision === "REFUSE" ? "danger" : "primary"}
            >
              <p>
                {decision === "REFUSE"
                  ? "Studenten får vedtaket med begrunnelse og klagefrist under Brev og på e-post med en gang."
                  : "Studenten får brev om permisjonen og hva den betyr for eksamen, under Brev og på e-post med en gang. Fra den første dagen har studenten permisjon: ingen varsler om oppmøte, og ikke meldt opp til eksamen."}
              </p>
              <p>Brevet kan ikke endres etterpå.</p>
            </ConfirmSubmit>
          </>
        );
      }}
    </ActionForm>
  );
}
