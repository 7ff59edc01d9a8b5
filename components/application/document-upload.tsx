"use client";
// Uploads one PDF of an application (vitnemål, tjenestebevis) with a progress bar, through the
// shared UploadForm. With JavaScript the upload starts as soon as a file is chosen: a chosen file
// that was never sent cannot be left behind when the applicant moves on, and leaving while it runs
// waits for it (unsaved-changes.tsx). Without JavaScript the same form posts with its "Last opp"
// button, and the server decides in both cases.
import { useId } from "react";
import { UploadForm } from "@/components/ui/upload-form";

export function DocumentUpload({
  applicationId,
  kind,
  positionId,
  replaces,
  label,
  returnTo,
  id,
}: {
  applicationId: string;
  kind: "VITNEMAL" | "TJENESTEBEVIS" | "OTHER";
  positionId?: string;
  replaces?: string;
  label: string;
  returnTo: string;
  id?: string;
}) {
  const generated = useId();
  const inputId = id ?? `upload-${generated}`;
  const endpoint = `/api/soknader/${applicationId}/dokumenter?tilbake=${encodeURIComponent(returnTo)}`;
  return (
    <UploadForm endpoint={endpoint} resultId={`${inputId}-result`} progressLabel={`Laster opp: ${label}`} resetOnFailure>
      {({ progress, enhanced, start }) => (
        <>
          <input type="hidden" name="kind" value={kind} />
          {positionId ? <input type="hidden" name="positionId" value={positionId} /> : null}
          {replaces ? <input type="hidden" name="replaces" value={replaces} /> : null}
          <label htmlFor={inputId} className="block font-medium">
            {label}
          </label>
          <p id={`${inputId}-hint`} className="text-sm text-slate-700">
            PDF, høyst 10 MB.{enhanced ? " Filen lastes opp med en gang du har valgt den." : null}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <input
              id={inputId}
              type="file"
              name="file"
              accept="application/pdf,.pdf"
              required
              aria-describedby={`${inputId}-hint ${inputId}-result`}
              disabled={progress !== null}
              onChange={(event) => {
                if (event.currentTarget.files?.length) start(event.currentTarget.form);
              }}
              className="block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-semibold sm:w-auto"
            />
            {enhanced ? null : (
              <button type="submit" className="btn-secondary">
                {replaces ? "Bytt ut" : "Last opp"}
              </button>
            )}
          </div>
        </>
      )}
    </UploadForm>
  );
}
