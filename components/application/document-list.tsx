"use client";
import { useActionState } from "react";
import { deleteDocumentAction } from "@/lib/actions/application";
import { formatMegabytes } from "@/lib/domain/upload";
import { initialActionState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/form-status";

export interface ListedDocument {
  id: string;
  originalName: string;
  size: number;
  uploadedAt: string;
}

export function DocumentList({
  applicationId,
  documents,
  canDelete,
  emptyText = "Ingen dokumenter lastet opp ennå.",
}: {
  applicationId: string;
  documents: readonly ListedDocument[];
  canDelete: boolean;
  emptyText?: string;
}) {
  if (documents.length === 0) return <p className="text-slate-700">{emptyText}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
      {documents.map((document) => (
        <li key={document.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
          <div className="min-w-0">
            <a href={`/api/dokumenter/${document.id}`} className="break-all font-medium">
              {document.originalName}
            </a>
            <span className="block text-sm text-slate-700">
              PDF, {formatMegabytes(document.size)}, lastet opp {document.uploadedAt}
            </span>
          </div>
          {canDelete ? <DeleteButton applicationId={applicationId} document={document} /> : null}
        </li>
      ))}
    </ul>
  );
}

function DeleteButton({ applicationId, document }: { applicationId: string; document: ListedDocument }) {
  const [state, action] = useActionState(deleteDocumentAction, initialActionState);
  return (
    <form action={action}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="documentId" value={document.id} />
      <SubmitButton className="btn-danger min-h-10 px-3 py-1 text-sm" pendingText="Sletter …" aria-label={`Slett ${document.originalName}`}>
        Slett
      </SubmitButton>
      {state.message && !state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
