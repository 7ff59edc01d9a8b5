"use client";
// The klage as it came by e-mail or post, as one PDF, attached to the klage the adviser registered
// from it (app/api/opptak/klager/[id]/vedlegg): sent with a progress bar; the page then shows the
// attachment instead of the form. Without JavaScript the same form posts and comes back.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PdfFileField } from "@/components/ui/pdf-file-field";
import { UploadForm, UploadResultMessage, type UploadResult } from "@/components/ui/upload-form";

export function KlageAttachmentForm({
  appealId,
  cohortId,
  applicationId,
  flash,
}: {
  appealId: string;
  cohortId: string;
  applicationId: string;
  /** What a post without JavaScript did (lib/http/flash.ts). */
  flash: { ok: boolean; message: string } | null;
}) {
  const router = useRouter();
  const [result, setResult] = useState<UploadResult | null>(flash ? { ok: flash.ok, text: flash.message } : null);
  const messageId = "klagevedlegg-melding";
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <div className="mt-4 border-t border-slate-300 pt-4">
      <h3>Klagen slik den kom</h3>
      <p className="mt-1">Legg ved e-posten eller det skannede brevet som PDF, så er den skriftlige klagen med i saken.</p>
      <UploadResultMessage id={messageId} result={result} />
      <UploadForm
        endpoint={`/api/opptak/klager/${appealId}/vedlegg?kull=${cohortId}&soknad=${applicationId}`}
        resultId={`${messageId}-skjema`}
        progressLabel="Laster opp klagen"
        onResult={(next) => {
          setResult(next);
          // The form is gone once it is attached: the page says so, and takes the focus there.
          if (next.ok) router.replace(`/veileder/opptak/${cohortId}/soknad/${applicationId}/klage?vedlegg=lagt-ved`);
        }}
        showResult={false}
        className="mt-3 space-y-3"
      >
        {({ progress }) => (
          <>
            <PdfFileField id="klagevedlegg-fil" label="Klagen som PDF" hint="Én PDF, høyst 10 MB." errors={errors.file} />
            <button type="submit" className="btn-secondary" disabled={progress !== null}>
              {progress !== null ? "Laster opp …" : "Legg ved klagen"}
            </button>
          </>
        )}
      </UploadForm>
    </div>
  );
}
