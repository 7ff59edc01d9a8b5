"use client";
// Submissions waiting for assessment. Each can be opened and assessed on its own page. For the
// ledertreningsoppgaver there is a quicker way: tick the ones you have read (opening the PDF ticks
// it), then approve exactly those in one step after a confirmation.
import { RecordForm } from "@/components/ui/record-form";
import { useFormAction } from "@/components/ui/use-form-action";
import Link from "next/link";
import { useRef, useState } from "react";
import { approveReadLedertreningAction } from "@/lib/actions/assessment";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable, type Column } from "@/components/ui/data-table";
import { FormMessage } from "@/components/ui/form-status";
import { DocumentViewLink } from "@/components/ui/document-links";

export interface WaitingSubmission {
  submissionId: string;
  attemptId: string;
  attempt: number;
  submittedAt: string;
  submittedLabel: string;
  late: boolean;
  arbeidskrav: { number: number; title: string; kind: "FAGNOTAT" | "LEDERTRENING" };
  members: string[];
  documents: { id: string; originalName: string }[];
  /** The viewer handed it in herself: shown, not chosen for approval; a colleague assesses it. */
  own?: boolean;
}

export function WaitingSubmissions({ cohortId, rows }: { cohortId: string; rows: readonly WaitingSubmission[] }) {
  const [read, setRead] = useState<Set<string>>(new Set());
  const [state, formAction, pending] = useFormAction(approveReadLedertreningAction);
  const form = useRef<HTMLFormElement>(null);
  const toggle = (attemptId: string, on: boolean) =>
    setRead((previous) => {
      const next = new Set(previous);
      if (on) next.add(attemptId);
      else next.delete(attemptId);
      return next;
    });
  const chosen = rows.filter((row) => read.has(row.attemptId));
  const hasLedertrening = rows.some((row) => row.arbeidskrav.kind === "LEDERTRENING" && !row.own);

  const columns: Column<WaitingSubmission>[] = [
    {
      key: "what",
      header: "Innlevering",
      rowHeader: true,
      cell: (row) => (
        <>
          {row.arbeidskrav.title}
          <span className="block text-sm font-normal text-slate-700">{row.members.join(", ")}</span>
        </>
      ),
    },
    {
      key: "when",
      header: "Levert",
      cell: (row) => (
        <>
          {row.submittedLabel}
          {row.attempt > 1 ? <span className="block text-sm text-slate-700">{row.attempt}. innlevering</span> : null}
          {row.late ? <span className="block text-sm font-medium text-red-800">Etter fristen</span> : null}
        </>
      ),
    },
    {
      key: "files",
      header: "Fil",
      cell: (row) =>
        row.documents.length === 0 ? (
          <span className="text-slate-700">Bare tekst</span>
        ) : (
          <ul>
            {row.documents.map((document) => (
              <li key={document.id}>
                <DocumentViewLink document={document} onClick={() => row.arbeidskrav.kind === "LEDERTRENING" && !row.own && toggle(row.attemptId, true)}>
                  Les {document.originalName}
                </DocumentViewLink>
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: "read",
      header: "Lest",
      cell: (row) =>
        row.own ? (
          <span className="text-sm text-slate-700">Din egen: en kollega vurderer den</span>
        ) : row.arbeidskrav.kind === "LEDERTRENING" ? (
          <div className="flex items-center gap-2">
            <input
              id={`lest-${row.attemptId}`}
              type="checkbox"
              name="attemptIds"
              value={row.attemptId}
              checked={read.has(row.attemptId)}
              onChange={(event) => toggle(row.attemptId, event.target.checked)}
              className="size-6 accent-brand-600"
            />
            <label htmlFor={`lest-${row.attemptId}`} className="text-sm">
              Lest<span className="sr-only">: {row.arbeidskrav.title} fra {row.members.join(", ")}</span>
            </label>
          </div>
        ) : (
          <span className="text-sm text-slate-700">Vurderes for seg</span>
        ),
    },
    {
      key: "assess",
      header: <span className="whitespace-nowrap">Vurdering</span>,
      label: "Vurdering",
      hideLabelOnPhone: true,
      cell: (row) => (
        <Link href={`/kull/${cohortId}/arbeidskrav/${row.submissionId}`} className="btn-secondary min-h-10 whitespace-nowrap px-3 py-1 text-sm">
          {row.own ? "Se" : "Vurder"}
          <span className="sr-only"> {row.arbeidskrav.title} fra {row.members.join(", ")}</span>
        </Link>
      ),
    },
  ];

  return (
    <RecordForm ref={form} action={formAction} className="space-y-4">
      <input type="hidden" name="cohortId" value={cohortId} />
      {/* Above the list, so the result stays in view when the approved rows leave it. */}
      <FormMessage state={state} />
      <DataTable caption="Innleveringer som venter på vurdering" columns={columns} rows={rows} rowKey={(row) => row.attemptId} empty="Ingen innleveringer venter på vurdering." />
      {hasLedertrening ? (
        <div className="space-y-3 rounded-md border border-slate-300 bg-slate-50 p-4">
          <p>
            Har du lest ledertreningsoppgaver som er gode nok? Kryss av for dem (å åpne PDF-en krysser av), og godkjenn alle på én gang.
            Hver student får e-post med tilbakemeldingen «Godkjent.».
          </p>
          <ConfirmDialog
            triggerLabel={pending ? "Godkjenner …" : `Godkjenn leste ledertreningsoppgaver (${chosen.length})`}
            disabled={pending || chosen.length === 0}
            title={`Godkjenne ${chosen.length} ledertreningsoppgaver?`}
            confirmLabel={`Godkjenn ${chosen.length}`}
            onConfirm={() => form.current?.requestSubmit()}
          >
            <p>Disse blir godkjent, og studentene får e-post:</p>
            <ul className="list-disc pl-5">
              {chosen.map((row) => (
                <li key={row.attemptId}>
                  {row.arbeidskrav.title}: {row.members.join(", ")}
                </li>
              ))}
            </ul>
          </ConfirmDialog>
        </div>
      ) : null}
    </RecordForm>
  );
}
