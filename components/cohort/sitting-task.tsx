"use client";
// A sitting's task (oppgaven): a title and text, and/or an uploaded task description (PDF). The
// students registered for the sitting see it from the moment it starts (lib/server/students/
// overview.ts). The text is saved with a server action, the PDF sent with a progress bar.
import { useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField, TextField } from "@/components/ui/field";
import { PdfFileField } from "@/components/ui/pdf-file-field";
import { UploadForm, UploadResultMessage, type UploadResult } from "@/components/ui/upload-form";
import { removeTaskDocumentAction, setSittingTaskAction } from "@/lib/actions/exam";
import { DocumentLinks } from "@/components/ui/document-links";

export interface SittingTaskProps {
  cohortId: string;
  examId: string;
  title: string | null;
  text: string | null;
  documents: { id: string; originalName: string; size: number }[];
  /** Before the start the task description may still be removed. */
  removable: boolean;
  /** Until the hand-in the task may be set and added to; after it, it stands as given (taskChangeProblem). */
  editable: boolean;
  flash: { ok: boolean; message: string } | null;
}

export function SittingTask(props: SittingTaskProps) {
  const [result, setResult] = useState<UploadResult | null>(props.flash ? { ok: props.flash.ok, text: props.flash.message } : null);
  const messageId = `oppgave-melding-${props.examId}`;
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  if (!props.editable) {
    return (
      <div className="space-y-4">
        <p className="text-slate-700">Innleveringsfristen er ute, så oppgaven står slik den ble gitt.</p>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Tittel</dt>
          <dd>{props.title ?? "Ingen tittel"}</dd>
          <dt className="font-medium">Oppgavetekst</dt>
          <dd className="whitespace-pre-line">{props.text ?? "Ingen tekst"}</dd>
          <dt className="font-medium">Som PDF</dt>
          <dd>
            {props.documents.length > 0 ? <DocumentLinks documents={props.documents} /> : "Ingen PDF"}
          </dd>
        </dl>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <ActionForm action={setSittingTaskAction} hidden={{ cohortId: props.cohortId, examId: props.examId }} submitLabel="Lagre oppgaven" fieldIdPrefix="oppgave-">
        {(state) => (
          <>
            <TextField id="oppgave-taskTitle" name="taskTitle" label="Tittel på oppgaven" defaultValue={props.title ?? ""} maxLength={200} errors={state.fieldErrors?.taskTitle} />
            <TextAreaField
              id="oppgave-taskText"
              name="taskText"
              label="Oppgavetekst"
              hint="Studentene som er meldt opp, ser oppgaven fra eksamen starter."
              rows={6}
              defaultValue={props.text ?? ""}
              maxLength={20000}
              errors={state.fieldErrors?.taskText}
            />
          </>
        )}
      </ActionForm>
      <div>
        <h3>Oppgave som PDF</h3>
        {props.documents.length > 0 ? (
          <DocumentLinks
            documents={props.documents}
            className="mt-2 space-y-2"
            itemClassName="flex flex-wrap items-center gap-3"
            extra={(document) =>
              props.removable ? (
                <ActionButton
                  action={removeTaskDocumentAction}
                  hidden={{ cohortId: props.cohortId, examId: props.examId, documentId: document.id }}
                  className="btn-secondary min-h-10 px-3 py-1 text-sm"
                  context={document.originalName}
                >
                  Fjern
                </ActionButton>
              ) : null
            }
          />
        ) : (
          <p className="mt-2 text-slate-700">Ingen PDF er lastet opp.</p>
        )}
        <UploadResultMessage id={messageId} result={result} />
        <UploadForm
          endpoint={`/api/eksamen/${props.examId}/oppgave?kull=${props.cohortId}`}
          resultId={`${messageId}-skjema`}
          progressLabel="Laster opp oppgaven"
          onResult={setResult}
          showResult={false}
          className="mt-3 space-y-3"
        >
          {({ progress }) => (
            <>
              <PdfFileField id={`oppgave-fil-${props.examId}`} label="PDF-fil" hint="PDF, høyst 10 MB." errors={errors.file} />
              <button type="submit" className="btn-secondary" disabled={progress !== null} aria-describedby={messageId}>
                {progress !== null ? "Laster opp …" : "Last opp oppgaven"}
              </button>
            </>
          )}
        </UploadForm>
      </div>
    </div>
  );
}
