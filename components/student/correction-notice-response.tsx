"use client";
// A forhåndsvarsel as its student sees it (lib/server/cohorts/correction-notices.ts): beside the
// arbeidskrav, what may be decided and the deadline, with a link to the letter; on the letter's
// own page under Brev (reachable from any kull she has been in, also after a transfer), her
// uttalelse, written or rewritten until the case is decided.
import Link from "next/link";
import { respondToCorrectionNoticeAction } from "@/lib/actions/student";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField } from "@/components/ui/field";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { NOTICE_STATUS_LABELS } from "@/lib/domain/correction-notice";

type NoticeStatus = "PENDING" | "CARRIED_OUT" | "WITHDRAWN";

/** The notice beside the arbeidskrav: where it stands, and the way to the letter to speak. */
export function CorrectionNoticeSummary({
  notice,
}: {
  notice: {
    id: string;
    letterId: string;
    status: NoticeStatus;
    reason: string;
    sentAt: Date;
    respondBy: string;
    respondedAt: Date | null;
    deadlinePassed: boolean;
    closingNote: string | null;
    outcomeLetterId: string | null;
  };
}) {
  const pending = notice.status === "PENDING";
  return (
    <section className={pending ? "card border-amber-700" : "card"} aria-labelledby={`varsel-${notice.id}-heading`}>
      <h2 id={`varsel-${notice.id}-heading`}>{NOTICE_STATUS_LABELS[notice.status]}</h2>
      <p className="mt-2">
        {pending
          ? `Fagansvarlig vurderer å rette vurderingen til ikke godkjent. Til saken er avgjort, står arbeidskravet som godkjent. ${
              notice.deadlinePassed
                ? `Fristen for å uttale deg gikk ut ${formatDateNb(notice.respondBy)}, men du kan uttale deg til saken er avgjort.`
                : `Fristen for å uttale deg er ${formatDateNb(notice.respondBy)}.`
            }`
          : notice.status === "CARRIED_OUT"
            ? "Vurderingen er rettet til ikke godkjent. Du har fått et vedtak med klagefrist."
            : "Arbeidskravet er fortsatt godkjent, og du trenger ikke gjøre noe."}
      </p>
      <p className="mt-2">
        <span className="font-medium">Begrunnelse i varselet:</span> {notice.reason}
      </p>
      {notice.closingNote ? (
        <p className="mt-2">
          <span className="font-medium">Fagansvarliges merknad:</span> {notice.closingNote}
        </p>
      ) : null}
      <p className="mt-2">
        {notice.respondedAt ? `Du uttalte deg ${formatInstantNb(notice.respondedAt)}. ` : pending ? "Du har ikke uttalt deg. " : "Du uttalte deg ikke. "}
        <Link href={`/student/brev/${notice.letterId}`}>
          {pending ? (notice.respondedAt ? "Les varselet, og se eller endre uttalelsen" : "Les varselet og uttal deg") : "Les varselet"}
        </Link>
        {notice.outcomeLetterId ? (
          <>
            {" · "}
            <Link href={`/student/brev/${notice.outcomeLetterId}`}>{notice.status === "CARRIED_OUT" ? "Les vedtaket" : "Les brevet om at varselet er trukket tilbake"}</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}

/** On the notice letter's page: her uttalelse, and the form while the case is open. */
export function CorrectionNoticeResponse({
  notice,
}: {
  notice: {
    id: string;
    status: NoticeStatus;
    respondBy: string;
    response: string | null;
    respondedAt: Date | null;
    mayRespond: boolean;
    deadlinePassed: boolean;
    /** The letter that ended the case, once it is decided. */
    outcome: { id: string; subject: string } | null;
  };
}) {
  const prefix = `uttalelse-${notice.id}-`;
  return (
    <section className="card print:hidden" aria-labelledby={`${prefix}heading`}>
      <h2 id={`${prefix}heading`}>{notice.mayRespond ? "Uttal deg" : "Uttalelsen din"}</h2>
      {notice.mayRespond ? (
        <p className="mt-2">
          {notice.deadlinePassed
            ? `Fristen gikk ut ${formatDateNb(notice.respondBy)}, men saken er ikke avgjort: det du skriver nå, blir også lest.`
            : `Fristen er ${formatDateNb(notice.respondBy)}. Kommer uttalelsen senere, leses den likevel så lenge saken ikke er avgjort.`}{" "}
          Du kan endre uttalelsen til saken er avgjort.
        </p>
      ) : (
        <p className="mt-2">
          {notice.status === "CARRIED_OUT" ? "Saken er avgjort: vurderingen er rettet, og du har fått et vedtak." : "Saken er avgjort: varselet er trukket tilbake, og arbeidskravet er fortsatt godkjent."}
          {notice.outcome ? (
            <>
              {" "}
              <Link href={`/student/brev/${notice.outcome.id}`}>{notice.outcome.subject}</Link>
            </>
          ) : null}
        </p>
      )}
      {notice.response && notice.respondedAt ? (
        <div className="mt-3">
          <p className="font-medium">Uttalelsen din, {formatInstantNb(notice.respondedAt)}:</p>
          <blockquote className="mt-1 whitespace-pre-line rounded-md bg-slate-50 p-3">{notice.response}</blockquote>
        </div>
      ) : notice.mayRespond ? null : (
        <p className="mt-3 text-sm">Du uttalte deg ikke.</p>
      )}
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
