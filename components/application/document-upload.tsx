"use client";
// Uploads one PDF with a progress bar (XMLHttpRequest reports upload progress; fetch does not).
// The same form posts without JavaScript, and the server decides in both cases.
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { uploadProblem } from "@/lib/domain/upload";
import { SignInAgainLink } from "@/components/ui/form-status";

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
  const router = useRouter();
  const generated = useId();
  const inputId = id ?? `upload-${generated}`;
  const form = useRef<HTMLFormElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string; signedOut?: boolean } | null>(null);
  const endpoint = `/api/soknader/${applicationId}/dokumenter?tilbake=${encodeURIComponent(returnTo)}`;

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.name === "") {
      setResult({ ok: false, text: "Velg en fil å laste opp." });
      return;
    }
    // The same rule the server applies, checked first so nobody waits for a doomed upload.
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    const problem = uploadProblem({ name: file.name, size: file.size, head });
    if (problem) {
      setResult({ ok: false, text: problem });
      return;
    }
    setResult(null);
    setProgress(0);
    const request = new XMLHttpRequest();
    request.open("POST", endpoint);
    request.setRequestHeader("Accept", "application/json");
    request.upload.onprogress = (progressEvent) => {
      if (progressEvent.lengthComputable) setProgress(Math.round((progressEvent.loaded / progressEvent.total) * 100));
    };
    request.onload = () => {
      setProgress(null);
      let body: { ok?: boolean; message?: string; signedOut?: boolean } = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // fall through to the generic message
      }
      const ok = request.status >= 200 && request.status < 300 && body.ok === true;
      setResult({ ok, text: body.message ?? (ok ? "Lastet opp." : "Opplastingen mislyktes. Prøv igjen."), signedOut: body.signedOut === true });
      if (ok) {
        form.current?.reset();
        router.refresh();
      }
    };
    request.onerror = () => {
      setProgress(null);
      setResult({ ok: false, text: "Nettverksfeil: filen ble ikke lastet opp. Prøv igjen." });
    };
    request.send(data);
  }

  return (
    <form ref={form} action={endpoint} method="post" encType="multipart/form-data" onSubmit={upload} className="space-y-2">
      <input type="hidden" name="kind" value={kind} />
      {positionId ? <input type="hidden" name="positionId" value={positionId} /> : null}
      {replaces ? <input type="hidden" name="replaces" value={replaces} /> : null}
      <label htmlFor={inputId} className="block font-medium">
        {label}
      </label>
      <p id={`${inputId}-hint`} className="text-sm text-slate-700">
        PDF, høyst 10 MB.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <input
          id={inputId}
          type="file"
          name="file"
          accept="application/pdf,.pdf"
          required
          aria-describedby={`${inputId}-hint ${inputId}-result`}
          className="block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-semibold sm:w-auto"
        />
        <button type="submit" className="btn-secondary" disabled={progress !== null}>
          {progress !== null ? "Laster opp …" : replaces ? "Bytt ut" : "Last opp"}
        </button>
      </div>
      {progress !== null ? (
        <div className="flex items-center gap-3">
          <progress value={progress} max={100} className="h-3 w-full max-w-xs" aria-label={`Laster opp: ${label}`} />
          <span className="text-sm" aria-hidden="true">
            {progress} %
          </span>
        </div>
      ) : null}
      <p
        id={`${inputId}-result`}
        role={result && !result.ok ? "alert" : "status"}
        className={result ? (result.ok ? "text-sm font-medium text-green-800" : "text-sm font-medium text-red-800") : "sr-only"}
      >
        {result?.text ?? ""}
        {result?.signedOut ? (
          <>
            {" "}
            <SignInAgainLink className="text-red-900" />
          </>
        ) : null}
      </p>
    </form>
  );
}
