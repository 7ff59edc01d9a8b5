"use client";
// A forhåndsvarsel on the latest attempt as staff see it: what was announced, the deadline, each
// member's uttalelse; for the fagansvarlig, carrying the correction out (with grounds that take
// up what was said) once the deadline has passed or everyone has spoken, or withdrawing it.
import { carryOutCorrectionAction, withdrawCorrectionNoticeAction } from "@/lib/actions/assessment";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextAreaField } from "@/components/ui/field";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { NOTICE_STATUS_LABELS } from "@/lib/domain/correction-notice";

export interface NoticeView {
  id: string;
  status: "PENDING" | "CARRIED_OUT" | "WITHDRAWN";
  reason: string;
  sentAt: Date;
  respondBy: string;
  closedAt: Date | null;
  closingNote: string | null;
  sentBy: { name: string };
  closedBy: { name: string } | null;
  recipients: { enrolmentId: string; name: string; response: string | null; respondedAt: Date | null }[];
  /** Why it cannot be carried out today (pending only), or null. */
  notReady: string | null;
  /** What the page shows of the uttalelser (sent back with the decision). */
  seen: string;
}

export function CorrectionNoticePanel({ cohortId, notice, canDecide }: { cohortId: string; notice: NoticeView; canDecide: boolean }) {
  const pending = notice.status === "PENDING";
  const prefix = `varsel-${notice.id}-`;
  return (
    <div className={pending ? "rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950" : "rounded-md border border-slate-300 p-3"}>
      <h3 className="text-base">{NOTICE_STATUS_LABELS[notice.status]}</h3>
      <p className="mt-1 text-sm">
        {notice.sentBy.name} sendte forhåndsvarsel {formatInstantNb(notice.sentAt)} om å rette vurderingen til ikke godkjent. Frist for å uttale seg: {formatDateNb(notice.respondBy)}.
        {notice.closedAt && notice.closedBy
          ? ` ${notice.status === "CARRIED_OUT" ? "Rettet" : "Trukket tilbake"} ${formatInstantNb(notice.closedAt)} av ${notice.closedBy.name}.`
          : ""}
      </p>
      <p className="mt-2">
        <span className="font-medium">Begrunnelse i varselet:</span> {notice.reason}
      </p>
      {notice.closingNote ? (
        <p className="mt-1">
          <span className="font-medium">Merknad ved tilbaketrekking:</span> {notice.closingNote}
        </p>
      ) : null}
      <h4 className="mt-3 text-sm font-semibold">Uttalelser</h4>
      <ul className="mt-1 space-y-2">
        {notice.recipients.map((recipient) => (
          <li key={recipient.enrolmentId}>
            <span className="font-medium">{recipient.name}</span>
            {recipient.response && recipient.respondedAt ? (
              <>
                <span className="text-sm">, {formatInstantNb(recipient.respondedAt)}:</span>
                <blockquote className="mt-1 whitespace-pre-line rounded-md bg-white p-2">{recipient.response}</blockquote>
              </>
            ) : (
              <span className="text-sm">: {pending ? "har ikke uttalt seg ennå" : "uttalte seg ikke"}</span>
            )}
          </li>
        ))}
      </ul>
      {pending && canDecide ? (
        <div className="mt-4 space-y-4 border-t border-amber-700/40 pt-3">
          {notice.notReady ? (
            <p className="text-sm">{notice.notReady}</p>
          ) : (
            <>
              <p className="font-medium">Saken kan avgjøres nå: fristen er ute, eller alle har uttalt seg.</p>
              <ActionForm action={carryOutCorrectionAction} hidden={{ cohortId, noticeId: notice.id, seen: notice.seen }} fieldIdPrefix={prefix} label="Gjennomfør rettingen">
                {(state) => (
                  <>
                    <TextAreaField
                      id={`${prefix}grounds`}
                      name="grounds"
                      label="Begrunnelse for vedtaket"
                      hint="Står i vedtaksbrevet. Ta stilling til det studentene har skrevet (forvaltningsloven § 25)."
                      defaultValue={state.ok ? "" : (state.values?.grounds ?? "")}
                      errors={state.fieldErrors?.grounds}
                      required
                    />
                    <ConfirmSubmit label="Rett til ikke godkjent" title="Rette vurderingen til ikke godkjent?" confirmLabel="Ja, rett og send vedtaket" tone="danger">
                      <p>
                        Arbeidskravet blir endelig ikke godkjent. {notice.recipients.length > 1 ? "Hver student i gruppen" : "Studenten"} får et vedtak med begrunnelsen og
                        klagefristen.
                      </p>
                    </ConfirmSubmit>
                  </>
                )}
              </ActionForm>
            </>
          )}
          <ActionForm action={withdrawCorrectionNoticeAction} hidden={{ cohortId, noticeId: notice.id }} fieldIdPrefix={`${prefix}trekk-`} label="Trekk varselet tilbake">
            {(state) => (
              <>
                <TextAreaField
                  id={`${prefix}trekk-note`}
                  name="note"
                  label="Merknad til studentene"
                  hint="For eksempel hva uttalelsene viste. Står i brevet om at varselet er trukket tilbake."
                  rows={2}
                  defaultValue={state.ok ? "" : (state.values?.note ?? "")}
                  errors={state.fieldErrors?.note}
                />
                <ConfirmSubmit label="Trekk varselet tilbake" title="Trekke forhåndsvarselet tilbake?" confirmLabel="Ja, trekk tilbake" className="btn-secondary">
                  <p>Vurderingen står som godkjent, og {notice.recipients.length > 1 ? "hver student i gruppen" : "studenten"} får brev om det.</p>
                </ConfirmSubmit>
              </>
            )}
          </ActionForm>
        </div>
      ) : null}
    </div>
  );
}
