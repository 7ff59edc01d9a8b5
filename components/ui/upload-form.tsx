"use client";
// A form that sends a file (and any fields around it) to a route handler with a progress bar:
// XMLHttpRequest reports upload progress, fetch does not. Without JavaScript the same form posts
// to the same endpoint, which redirects back; the server decides in both cases. The endpoint
// answers JSON { ok, message, fieldErrors? } when asked for it (Accept: application/json).
// Used for the applicant's documents and the student's hand-ins.
//
// While an upload runs it is registered as pending work (components/application/
// unsaved-changes.tsx): leaving the page waits for it. A form may start the upload as soon as a
// file is chosen (`start` in the render prop), so a chosen file is never left behind unsent.
import { RecordForm } from "@/components/ui/record-form";
import { useRouter } from "next/navigation";
import { useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { usePendingWork } from "@/components/application/unsaved-changes";
import { SignInAgainLink, useFocusIfLost } from "@/components/ui/form-status";
import { uploadProblem } from "@/lib/domain/upload";

export interface UploadResult {
  ok: boolean;
  text: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** The session had ended: the message offers to sign in again (what was chosen stays here). */
  signedOut?: boolean;
}

export interface UploadState {
  /** 0–100 while sending, null otherwise. */
  progress: number | null;
  result: UploadResult | null;
  /** True once JavaScript runs (the form then uploads by itself; without it, a button posts). */
  enhanced: boolean;
  /** Sends the form now (e.g. when a file has been chosen): pass the input's `form`. */
  start: (form: HTMLFormElement | null) => void;
}

const noSubscription = () => () => {};

export function UploadForm({
  endpoint,
  resultId,
  progressLabel,
  fileRequired = true,
  resetOnFailure = false,
  onResult,
  className = "space-y-2",
  showResult = true,
  children,
}: {
  endpoint: string;
  /** The id of the result message, for the inputs' aria-describedby. */
  resultId: string;
  /** What the progress bar is for, for screen readers ("Laster opp: vitnemål"). */
  progressLabel: string;
  /** A form with an optional file (a hand-in may be text only) sets this to false. */
  fileRequired?: boolean;
  /**
   * Empty the form after a failure too (a form that uploads when a file is chosen: choosing the
   * corrected file, even with the same name, starts again). Off for forms with typed text.
   */
  resetOnFailure?: boolean;
  /** Called with every result (e.g. to show it where it survives the form being replaced). */
  onResult?: (result: UploadResult) => void;
  className?: string;
  /** Show the result under the form (off when the caller shows it elsewhere). */
  showResult?: boolean;
  children: (state: UploadState) => ReactNode;
}) {
  const router = useRouter();
  const running = useRef<Promise<boolean> | null>(null);
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<UploadResult | null>(null);
  // The form replaced by what it sent (router.refresh) loses the focus: it goes to the result.
  const resultRef = useRef<HTMLParagraphElement>(null);
  useFocusIfLost(resultRef, showResult ? result : null);

  usePendingWork({
    busy: () => running.current !== null,
    settle: async () => (running.current ? running.current : true),
  });

  const finish = (next: UploadResult) => {
    setResult(next);
    onResult?.(next);
  };

  async function send(formElement: HTMLFormElement): Promise<void> {
    if (running.current) return;
    const data = new FormData(formElement);
    const file = data.get("file");
    const chosen = file instanceof File && file.name !== "" ? file : null;
    // No file: said at once when the file is all the form asks for; with other fields to fill in,
    // the server answers for all of them in one round (and for the missing file with them).
    const otherFields = [...formElement.elements].some(
      (element) =>
        (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) &&
        element.name !== "" &&
        element.name !== "file" &&
        element.type !== "hidden",
    );
    if (!chosen && fileRequired && !otherFields) {
      finish({ ok: false, text: "Velg en fil å laste opp.", fieldErrors: { file: ["Velg en fil å laste opp."] } });
      return;
    }
    if (chosen) {
      // The same rule the server applies, checked first so nobody waits for a doomed upload.
      const head = new Uint8Array(await chosen.slice(0, 8).arrayBuffer());
      const problem = uploadProblem({ name: chosen.name, size: chosen.size, head });
      if (problem) {
        finish({ ok: false, text: problem, fieldErrors: { file: [problem] } });
        if (resetOnFailure) formElement.reset();
        return;
      }
    } else {
      data.delete("file");
    }
    setResult(null);
    setProgress(0);
    const done = new Promise<boolean>((resolve) => {
      const request = new XMLHttpRequest();
      request.open("POST", endpoint);
      request.setRequestHeader("Accept", "application/json");
      request.upload.onprogress = (progressEvent) => {
        if (progressEvent.lengthComputable) setProgress(Math.round((progressEvent.loaded / progressEvent.total) * 100));
      };
      request.onload = () => {
        let body: { ok?: boolean; message?: string; fieldErrors?: UploadResult["fieldErrors"]; signedOut?: boolean } = {};
        try {
          body = JSON.parse(request.responseText);
        } catch {
          // fall through to the generic message
        }
        const ok = request.status >= 200 && request.status < 300 && body.ok === true;
        finish({
          ok,
          text: body.message ?? (ok ? "Lastet opp." : "Opplastingen mislyktes. Prøv igjen."),
          fieldErrors: ok ? undefined : body.fieldErrors,
          signedOut: body.signedOut === true,
        });
        resolve(ok);
      };
      request.onerror = () => {
        finish({ ok: false, text: "Nettverksfeil: ingenting ble sendt. Prøv igjen." });
        resolve(false);
      };
      request.send(data);
    });
    running.current = done;
    const ok = await done;
    running.current = null;
    setProgress(null);
    if (ok || resetOnFailure) formElement.reset();
    if (ok) router.refresh();
  }

  // Goes through the form's own submit event, so the upload starts in an event handler.
  const start = (formElement: HTMLFormElement | null) => formElement?.requestSubmit();

  return (
    <RecordForm
      action={endpoint}
      method="post"
      encType="multipart/form-data"
      onSubmit={(event) => {
        event.preventDefault();
        void send(event.currentTarget);
      }}
      className={className}
    >
      {children({ progress, result, enhanced, start })}
      {progress !== null ? (
        <div className="flex items-center gap-3">
          <progress value={progress} max={100} className="h-3 w-full max-w-xs" aria-label={progressLabel} />
          <span className="text-sm" aria-hidden="true">
            {progress} %
          </span>
        </div>
      ) : null}
      <p
        ref={resultRef}
        id={resultId}
        tabIndex={-1}
        role={result && !result.ok ? "alert" : "status"}
        className={
          result && showResult ? (result.ok ? "text-sm font-medium text-green-800" : "text-sm font-medium text-red-800") : "sr-only"
        }
      >
        {showResult ? (result?.text ?? "") : ""}
        {showResult && result?.signedOut ? (
          <>
            {" "}
            <SignInAgainLink className="text-red-900" />
          </>
        ) : null}
      </p>
    </RecordForm>
  );
}

/**
 * What an upload just did, shown where it survives the form being replaced (a form whose result
 * is shown outside it, `showResult={false}` and `onResult`): green when done, red and announced as
 * an alert when refused, and silent (but present, for aria-describedby) before anything is sent.
 */
export function UploadResultMessage({ id, result }: { id: string; result: UploadResult | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useFocusIfLost(ref, result);
  return (
    <p
      ref={ref}
      tabIndex={-1}
      id={id}
      role={result && !result.ok ? "alert" : "status"}
      className={result ? `mt-3 rounded-md border p-3 ${result.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}` : "sr-only"}
    >
      {result?.text ?? ""}
    </p>
  );
}
