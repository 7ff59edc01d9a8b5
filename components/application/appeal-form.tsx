"use client";
// The applicant's klage on a refusal or a waiting-list place: what and why, and an optional PDF,
// sent with a progress bar through the shared UploadForm (a file can be up to 10 MB). After it is
// filed the page says so and shows the klage under behandling.
import { useRouter } from "next/navigation";
import { UploadForm } from "@/components/ui/upload-form";
import { FieldMessages, TextAreaField } from "@/components/ui/field";

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
          <div>
            <label htmlFor="klage-file" className="block font-medium">
              Vedlegg <span className="font-normal text-slate-600">(valgfritt)</span>
            </label>
            <p id="klage-file-hint" className="text-sm text-slate-700">
              Én PDF, høyst 10 MB, for eksempel et nytt tjenestebevis.
            </p>
            <input
              id="klage-file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              aria-describedby={`klage-file-hint${result?.fieldErrors?.file ? " klage-file-error" : ""} klage-result`}
              aria-invalid={result?.fieldErrors?.file ? true : undefined}
              className="mt-1 block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-semibold sm:w-auto"
            />
            <FieldMessages id="klage-file" errors={result?.fieldErrors?.file} />
          </div>
          <button type="submit" className="btn-primary" disabled={progress !== null}>
            {progress !== null ? "Sender klagen …" : "Send klagen"}
          </button>
        </>
      )}
    </UploadForm>
  );
}
