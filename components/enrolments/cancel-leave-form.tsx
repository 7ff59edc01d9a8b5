"use client";
// A granted leave that has not begun is withdrawn when the student asks: the day she asked (the
// confirmation says it), behind the confirmation of what follows.
import { cancelLeaveAction } from "@/lib/actions/enrolments";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { RequestedOnField } from "@/components/enrolments/requested-on-field";
import { formatDateNb } from "@/lib/domain/format";

export function CancelLeaveForm({ enrolmentId, userId, today, leave }: { enrolmentId: string; userId: string; today: string; leave: { from: string; to: string } }) {
  const prefix = `trekk-${enrolmentId}-`;
  return (
    <ActionForm action={cancelLeaveAction} hidden={{ enrolmentId, userId }} fieldIdPrefix={prefix} label="Trekk tilbake permisjonen">
      {(state) => (
        <>
          <RequestedOnField prefix={prefix} label="Studenten ba om å trekke permisjonen" today={today} state={state} />
          <ConfirmSubmit label="Trekk tilbake permisjonen" title="Trekke tilbake permisjonen?" confirmLabel="Ja, trekk tilbake og send bekreftelsen" className="btn-secondary">
            <p>
              Permisjonen {formatDateNb(leave.from)}–{formatDateNb(leave.to)} har ikke begynt: den faller bort, samlingsdagene i perioden teller som
              vanlig, og studenten får en bekreftelse under Brev og på e-post.
            </p>
          </ConfirmSubmit>
        </>
      )}
    </ActionForm>
  );
}
