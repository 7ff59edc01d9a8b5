"use client";
// Handing in an arbeidskrav: a PDF and/or a text, and for a first hand-in of an arbeidskrav that
// allows groups, the classmates it is handed in with. Sent with a progress bar (UploadForm); the
// server decides everything again. The panel stays mounted when the page refreshes after a
// hand-in, so its receipt message survives the form giving way to "venter på vurdering".
import { useState } from "react";
import { describedBy, FieldMessages, TextAreaField } from "@/components/ui/field";
import { UploadForm, UploadResultMessage, type UploadResult } from "@/components/ui/upload-form";

export interface HandInPanelProps {
  arbeidskravId: string;
  title: string;
  /** null when the student may not hand in now (then `blockedReason` says why). */
  kind: "FIRST" | "RESUBMISSION" | null;
  blockedReason: string | null;
  group: { minSize: number; maxSize: number; classmates: { enrolmentId: string; name: string }[] } | null;
  /** "Fristen var 1. mars 2027 …" when the deadline has passed. */
  lateWarning: string | null;
  /** Before the last hand-in the arbeidskrav allows: what «ikke godkjent» would then mean (lastHandInWarning). */
  lastWarning: string | null;
  deadlineText: string;
  maxTextLength: number;
  /** The message of a hand-in posted without JavaScript (from the redirect). */
  flash: { ok: boolean; message: string } | null;
}

export function HandInPanel(props: HandInPanelProps) {
  const [result, setResult] = useState<UploadResult | null>(props.flash ? { ok: props.flash.ok, text: props.flash.message } : null);
  const messageId = `innlevering-melding-${props.arbeidskravId}`;
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <section className="card" aria-labelledby="lever-heading" id="lever">
      <h2 id="lever-heading">{props.kind === "RESUBMISSION" ? "Lever på nytt" : "Lever"}</h2>
      <UploadResultMessage id={messageId} result={result} />
      {props.kind === null ? (
        <p className="mt-3">{props.blockedReason}</p>
      ) : (
        <UploadForm
          endpoint={`/api/student/arbeidskrav/${props.arbeidskravId}/innlevering`}
          resultId={`${messageId}-skjema`}
          progressLabel={`Sender innlevering: ${props.title}`}
          fileRequired={false}
          onResult={setResult}
          showResult={false}
          className="mt-4 space-y-5"
        >
          {({ progress }) => (
            <>
              <p className="text-slate-800">{props.deadlineText}</p>
              {props.lateWarning ? (
                <p className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">{props.lateWarning}</p>
              ) : null}
              {props.lastWarning ? (
                <p className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">{props.lastWarning}</p>
              ) : null}
              {props.kind === "FIRST" && props.group ? <GroupFields group={props.group} errors={errors.members} /> : null}
              <TextAreaField
                id="innlevering-text"
                name="text"
                label="Tekst"
                hint={`Lever en tekst, en PDF eller begge. Høyst ${props.maxTextLength} tegn.`}
                rows={5}
                maxLength={props.maxTextLength}
                errors={errors.text}
              />
              <div>
                <label htmlFor="innlevering-file" className="block font-medium">
                  PDF-fil <span className="font-normal text-slate-600">(valgfritt hvis du skriver tekst)</span>
                </label>
                <FieldMessages id="innlevering-file" hint="PDF, høyst 10 MB." />
                <input
                  id="innlevering-file"
                  type="file"
                  name="file"
                  accept="application/pdf,.pdf"
                  {...describedBy("innlevering-file", true, errors.file)}
                  className="mt-1 block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-semibold"
                />
                <FieldMessages id="innlevering-file" errors={errors.file} />
              </div>
              <button type="submit" className="btn-primary" disabled={progress !== null} aria-describedby={messageId}>
                {progress !== null ? "Sender …" : props.kind === "RESUBMISSION" ? "Lever på nytt" : "Lever"}
              </button>
            </>
          )}
        </UploadForm>
      )}
    </section>
  );
}

function GroupFields({ group, errors }: { group: NonNullable<HandInPanelProps["group"]>; errors?: string[] }) {
  const slots = Array.from({ length: group.maxSize - 1 }, (_, index) => index + 2);
  const hint =
    group.minSize <= 1
      ? `Leverer du alene, lar du feltene stå tomme. En gruppe kan ha høyst ${group.maxSize} deltakere, deg medregnet. Alle i gruppen ser innleveringen og kan levere på nytt.`
      : `Gruppen må ha ${group.minSize}–${group.maxSize} deltakere, deg medregnet. Alle i gruppen ser innleveringen og kan levere på nytt.`;
  return (
    <fieldset aria-describedby={`gruppe-hint${errors?.length ? " gruppe-error" : ""}`}>
      <legend className="font-medium">Gruppe</legend>
      <p id="gruppe-hint" className="mt-1 text-sm text-slate-600">
        {hint}
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {slots.map((slot) => (
          <div key={slot}>
            <label htmlFor={`gruppe-${slot}`} className="block text-sm font-medium">
              Gruppemedlem {slot}
            </label>
            <select id={`gruppe-${slot}`} name="members" className="input mt-1" aria-invalid={errors?.length ? true : undefined} defaultValue="">
              <option value="">Ingen</option>
              {group.classmates.map((classmate) => (
                <option key={classmate.enrolmentId} value={classmate.enrolmentId}>
                  {classmate.name}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {errors?.length ? (
        <p id="gruppe-error" className="mt-1 text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
