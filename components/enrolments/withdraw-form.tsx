"use client";
// The student leaves the programme (at their request): the day and, optionally, why. Behind the
// confirmation, which says what follows: the exam registration is withdrawn, a confirming letter,
// and the place goes to the waiting list only while the list is open.
import { withdrawStudentAction } from "@/lib/actions/enrolments";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { RequestedOnField } from "@/components/enrolments/requested-on-field";
import { TextAreaField, TextField } from "@/components/ui/field";
import { formatDateNb } from "@/lib/domain/format";

export function WithdrawForm({ enrolmentId, userId, today, waitlistOpen, waitlistClosesOn }: { enrolmentId: string; userId: string; today: string; waitlistOpen: boolean; waitlistClosesOn: string }) {
  const prefix = `slutt-${enrolmentId}-`;
  return (
    <ActionForm action={withdrawStudentAction} hidden={{ enrolmentId, userId }} fieldIdPrefix={prefix} label="Studenten slutter">
      {(state) => (
        <>
          <TextField
            id={`${prefix}effectiveOn`}
            name="effectiveOn"
            type="date"
            label="Slutter fra og med"
            required
            defaultValue={state.values?.effectiveOn ?? today}
            errors={state.fieldErrors?.effectiveOn}
          />
          <RequestedOnField prefix={prefix} label="Studenten ba om å slutte" today={today} state={state} />
          <TextAreaField id={`${prefix}reason`} name="reason" label="Grunn studenten har oppgitt" defaultValue={state.values?.reason ?? ""} errors={state.fieldErrors?.reason} />
          <ConfirmSubmit label="Registrer at studenten slutter" title="Registrere at studenten slutter?" confirmLabel="Ja, studenten slutter" tone="danger">
            <p>Studieretten i kullet avsluttes, studenten meldes av eksamen og får en bekreftelse under Brev og på e-post. Det kan ikke angres.</p>
            <p>
              {waitlistOpen
                ? `Ventelisten er åpen til ${formatDateNb(waitlistClosesOn)}: plassen går til den første på ventelisten.`
                : `Ventelisten stengte ${formatDateNb(waitlistClosesOn)}: plassen går ikke videre.`}
            </p>
          </ConfirmSubmit>
        </>
      )}
    </ActionForm>
  );
}
