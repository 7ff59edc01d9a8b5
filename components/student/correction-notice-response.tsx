"use client";
// A forhåndsvarsel as its student sees it beside the arbeidskrav: what may be decided and why, the
// deadline, and her uttalelse, written or rewritten until the case is decided.
import Link from "next/link";
import { respondToCorrectionNoticeAction } from "@/lib/actions/student";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField } from "@/components/ui/field";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { NOTICE_STATUS_LABELS } from "@/lib/domain/correction-notice";

export interface StudentNoticeView {
  id: string;
  letterId: string;
  status: "PENDING" | "CARRIED_OUT" | "WITHDRAWN";
  reason: string;
  sentAt: Date;
  respondBy: string;
  response: string | null;
  respondedAt: Date | null;
  mayRespond: boolean;
}

export function CorrectionNoticeResponse({ notice }: { notice: StudentNoticeView }) {
  const prefix = `uttalelse-${notice.id}-`;
  return (
    <section className={notice.status === "PENDING" ? "card border-amber-700" : "card"} aria-labelledby={`${prefix}heading`}>
      <h2 id={`${prefix}heading`}>{NOTICE_STATUS_LABELS[notice.status]}</h2>
      {notice.status === "PENDING" ? (
        <p className="mt-2">
          Fagansvarlig vurderer å rette vurderingen til ikke godkjent. Du kan uttale deg før saken avgjøres. Fristen er{" "}
          <span className="font-semibold">{formatDateNb(notice.respondBy)}</span>. Til saken er avgjort, står arbeidskravet som godkjent.
        </p>
      ) : (
        <p className="mt-2">
          {notice.status === "CARRIED_OUT" ? "Vurderingen er rettet til ikke godkjent. Du har fått et vedtak med klagefrist." : "Varselet er trukket tilbake. Arbeidskravet er fortsatt godkjent."}
        </p>
      )}
      <p className="mt-2">
        <span className="font-medium">Begrunnelse i varselet:</span> {notice.reason}
      </p>
      <p className="mt-2 text-sm">
        <Link href={`/student/brev/${notice.letterId}`}>Les forhåndsvarselet ({formatInstantNb(notice.sentAt)})</Link>
      </p>
      {notice.response && notice.respondedAt ? (
        <div className="mt-3">
          <p className="font-medium">Uttalelsen din, {formatInstantNb(notice.respondedAt)}:</p>
          <blockquote className="mt-1 whitespace-pre-line rounded-md bg-slate-50 p-3">{notice.response}</blockquote>
        </div>
      ) : notice.status !== "PENDING" ? (
        <p className="mt-3 text-sm">Du uttalte deg ikke.</p>
      ) : null}
      {notice.mayRespond ? (
        <div className="mt-4">
          <ActionForm
            action={respondToCorrectionNoticeAction}
            hidden={{ noticeId: notice.id }}
            fieldIdPrefix={prefix}
            label="Uttal deg"
            submitLabel={notice.response ? "Lagre endret uttalelse" : "Send uttalelsen"}
          >
            {(state) => (
              <TextAreaField
                id={`${prefix}text`}
                name="text"
                label={notice.response ? "Endre uttalelsen din" : "Uttalelsen din"}
                hint="Skriv hva du mener om saken, for eksempel hvorfor innleveringen bør stå som godkjent. Fagansvarlig leser den før saken avgjøres."
                rows={6}
                defaultValue={state.ok ? (notice.response ?? "") : (state.values?.text ?? notice.response ?? "")}
                errors={state.fieldErrors?.text}
                required
              />
            )}
          </ActionForm>
        </div>
      ) : null}
    </section>
  );
}
