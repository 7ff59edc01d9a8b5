"use client";
// The applicant's klage on a refusal or a waiting-list place: what and why, and an optional PDF,
// sent with a progress bar through the shared UploadForm (a file can be up to 10 MB). After it is
// filed the page says so and shows the klage under behandling.
import { useRouter } from "next/navigation";
import { UploadForm } from "@/components/ui/upload-form";
import { TextAreaField } from "@/components/ui/field";
import { PdfFileField } from "@/components/ui/pdf-file-field";

export function AppealForm({ applicationId, deadline }: { applicationId: string; deadline: string }) {
  const router = useRouter();
  return (
    <UploadForm
      endpoint={`/api/soknader/${applicationId}/klage`}
      resultId="klage-result"
      progressLabel="Sender klagen med vedlegg"
      fileRequired={false}
      className="space-y-4"
      onResult={(result) => {
        if (result.ok) router.replace(`/soker/soknad/${applicationId}?klage=sendt`);
      }}
    >
      {({ progress, result }) => (
        <>
          <TextAreaField
            id="klage-text"
            name="text"
            label="Hva klager du på, og hvorfor?"
            hint={`Fristen er ${deadline}. Skriv hva du mener er feil i vedtaket, og hva du ber om.`}
            rows={6}
            errors={result?.fieldErrors?.text}
            required
          />
          <PdfFileField
            id="klage-file"
            label={
              <>
                Vedlegg <span className="font-normal text-slate-600">(valgfritt)</span>
              </>
            }
            hint="Én PDF, høyst 10 MB, for eksempel et nytt tjenestebevis."
            errors={result?.fieldErrors?.file}
            describedByExtra="klage-result"
          />
          <button type="submit" className="btn-primary" disabled={progress !== null}>
            {progress !== null ? "Sender klagen …" : "Send klagen"}
          </button>
        </>
      )}
    </UploadForm>
  );
}
