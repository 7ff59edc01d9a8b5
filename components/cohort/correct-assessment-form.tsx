"use client";
// The fagansvarlig's correction of an assessment: the other decision, with a written reason the
// students are told. A correction to "ikke godkjent" of an approved final attempt is an
// enkeltvedtak against the students, so it starts with a forhåndsvarsel (forvaltningsloven § 16):
// the form then sends the notice, and CorrectionNoticePanel carries it out or withdraws it.
import { correctAssessmentAction, sendCorrectionNoticeAction } from "@/lib/actions/assessment";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextAreaField } from "@/components/ui/field";
import { CORRECTION_NOTICE_DAYS } from "@/lib/domain/correction-notice";

export function CorrectAssessmentForm({
  cohortId,
  attemptId,
  current,
  final,
  needsNotice,
  members,
  afterWithdrawal = false,
}: {
  cohortId: string;
  attemptId: string;
  current: "APPROVED" | "NOT_APPROVED";
  final: boolean;
  /** The correction needs a forhåndsvarsel first (correctionNeedsNotice, decided on the server). */
  needsNotice: boolean;
  /** How many handed it in (the letters' wording). */
  members: number;
  /** An earlier notice on this hand-in was withdrawn (the new letter says the case is taken up again). */
  afterWithdrawal?: boolean;
}) {
  const to = current === "APPROVED" ? "NOT_APPROVED" : "APPROVED";
  if (needsNotice) {
    return (
      <ActionForm action={sendCorrectionNoticeAction} hidden={{ cohortId, attemptId }} fieldIdPrefix="varsel-" label="Send forhåndsvarsel">
        {(state) => (
          <>
            <p className="text-sm">
              Dette er siste innlevering. Rettes den til ikke godkjent, er arbeidskravet endelig ikke godkjent (et vedtak). Før du retter, får {members > 1 ? "hver student i gruppen" : "studenten"} et
              forhåndsvarsel med begrunnelsen og {CORRECTION_NOTICE_DAYS} dager til å uttale seg (forvaltningsloven § 16). Til saken er avgjort, står arbeidskravet som godkjent.
              {afterWithdrawal ? " Et tidligere varsel om det samme ble trukket tilbake (se ovenfor): brevet sier at saken er tatt opp igjen." : ""}
            </p>
            <TextAreaField
              id="varsel-reason"
              name="reason"
              label="Hvorfor kan vurderingen bli rettet?"
              hint="Studentene ser dette i varselet. Skriv det de trenger for å kunne svare."
              defaultValue={state.ok ? "" : (state.values?.reason ?? "")}
              errors={state.fieldErrors?.reason}
              required
            />
            <ConfirmSubmit label="Send forhåndsvarsel" title="Sende forhåndsvarsel?" confirmLabel="Ja, send varselet" className="btn-secondary">
              <p>{members > 1 ? "Hver student i gruppen" : "Studenten"} får et brev med begrunnelsen og fristen for å uttale seg. Vurderingen endres ikke nå.</p>
            </ConfirmSubmit>
          </>
        )}
      </ActionForm>
    );
  }
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
            // One student is «studenten» (a walk read «studentene» for Vilde alone).
            to === "APPROVED" && final
              ? members === 1
                ? "Har studenten fått vedtak om ikke godkjent, får studenten brev om at vedtaket ikke lenger gjelder. Rettingen logges."
                : "Har studentene fått vedtak om ikke godkjent, får de brev om at vedtaket ikke lenger gjelder. Rettingen logges."
              : `${members === 1 ? "Studenten" : "Studentene"} får begrunnelsen på e-post, og rettingen logges.`
          }
          defaultValue={state.ok ? "" : (state.values?.reason ?? "")}
          errors={state.fieldErrors?.reason}
          required
        />
      )}
    </ActionForm>
  );
}
