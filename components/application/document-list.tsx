"use client";
import { deleteDocumentAction } from "@/lib/actions/application";
import { formatMegabytes } from "@/lib/domain/upload";
import { ActionButton } from "@/components/ui/action-button";

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
          {canDelete ? (
            <ActionButton
              action={deleteDocumentAction}
              hidden={{ applicationId, documentId: document.id }}
              className="btn-danger min-h-10 px-3 py-1 text-sm"
              pendingText="Sletter …"
              label={`Slett ${document.originalName}`}
              quietSuccess
            >
              Slett
            </ActionButton>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
