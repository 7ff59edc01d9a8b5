"use client";
// A student asks for utsatt eksamen: why (sykdom or another weighty reason), what happened, and the
// documentation as a PDF, sent with a progress bar (UploadForm) to the route handler; the server
// decides everything again (lib/server/exams/deferrals.ts). The message survives the refresh.
import { useState } from "react";
import { describedBy, FieldMessages, RadioGroupField, TextAreaField } from "@/components/ui/field";
import { UploadForm, UploadResultMessage, type UploadResult } from "@/components/ui/upload-form";
import { DEFERRAL_REASON_HINTS, DEFERRAL_REASON_LABELS, DEFERRAL_REASONS } from "@/lib/domain/exam-deferral";

export function DeferralRequestForm({
  examId,
  title,
  open,
  deadlineText,
  flash,
}: {
  examId: string;
  title: string;
  /** The student may ask now; false once a request waits (the panel stays, so its receipt stays in view). */
  open: boolean;
  deadlineText: string;
  flash: { ok: boolean; message: string } | null;
}) {
  const [result, setResult] = useState<UploadResult | null>(flash ? { ok: flash.ok, text: flash.message } : null);
  const messageId = `utsatt-melding-${examId}`;
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const prefix = `utsatt-${examId}-`;
  if (!open && !result) return null;
  return (
    <div className="mt-4 rounded-md border border-slate-300 p-4">
      <h4 className="font-semibold">Søk om utsatt eksamen</h4>
      <p className="mt-1 text-sm">Var du syk eller hadde en annen tungtveiende grunn før eller under eksamen, kan du søke om utsatt eksamen. {deadlineText}</p>
      <UploadResultMessage id={messageId} result={result} />
      {result?.ok || !open ? null : (
        <UploadForm
          endpoint={`/api/student/eksamen/${examId}/utsettelse`}
          resultId={`${messageId}-skjema`}
          progressLabel={`Sender søknad om utsatt eksamen: ${title}`}
          onResult={setResult}
          showResult={false}
          className="mt-3 space-y-4"
        >
          {({ progress }) => (
            <>
              <RadioGroupField
                name="reason"
                id={`${prefix}reason`}
                legend="Grunn"
                layout="column"
                errors={errors.reason}
                options={DEFERRAL_REASONS.map((reason) => ({ value: reason, label: `${DEFERRAL_REASON_LABELS[reason]}: ${DEFERRAL_REASON_HINTS[reason]}` }))}
              />
              <TextAreaField
                id={`${prefix}explanation`}
                name="explanation"
                label="Hva skjedde, og når?"
                rows={3}
                required
                maxLength={4000}
                errors={errors.explanation}
              />
              <div>
                <label htmlFor={`${prefix}file`} className="block font-medium">
                  Dokumentasjon (PDF)
                </label>
                <FieldMessages id={`${prefix}file`} hint="For eksempel legeerklæring. PDF, høyst 10 MB. Bare studieveilederen ser den." />
                <input
                  id={`${prefix}file`}
                  type="file"
                  name="file"
                  accept="application/pdf,.pdf"
                  {...describedBy(`${prefix}file`, true, errors.file)}
                  className="mt-1 block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-semibold"
                />
                <FieldMessages id={`${prefix}file`} errors={errors.file} />
              </div>
              <button type="submit" className="btn-primary" disabled={progress !== null} aria-describedby={messageId}>
                {progress !== null ? "Sender …" : "Send søknaden"}
              </button>
            </>
          )}
        </UploadForm>
      )}
    </div>
  );
}
