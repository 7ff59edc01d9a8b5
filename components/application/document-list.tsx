"use client";
import { useEffect, useRef, useState } from "react";
import { deleteDocumentAction } from "@/lib/actions/application";
import { formatFileSize } from "@/lib/domain/upload";
import { ConfirmAction } from "@/components/ui/confirm-action";

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
  const list = useRef<HTMLDivElement>(null);
  // A deleted row takes its focused button with it (and the button's own result with it): once
  // the document is gone from the list, say so and keep focus here.
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const gone = deleting !== null && !documents.some((document) => document.id === deleting.id);
  const announcement = gone ? `«${deleting.name}» er slettet.` : "";
  useEffect(() => {
    if (gone) list.current?.focus();
  }, [gone]);
  return (
    <div ref={list} tabIndex={-1} className="space-y-2 outline-none">
      <p role="status" className={announcement ? "text-sm font-medium text-green-800" : "sr-only"}>
        {announcement}
      </p>
      {documents.length === 0 ? <p className="text-slate-700">{emptyText}</p> : null}
      {documents.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {documents.map((document) => (
            <li key={document.id} className="space-y-2 p-3">
              <div className="min-w-0">
                {/* File names are one long word: they may break anywhere rather than widen the page. */}
                <a href={`/api/dokumenter/${document.id}`} className="font-medium wrap-anywhere">
                  {document.originalName}
                </a>
                <span className="block text-sm text-slate-700">
                  PDF, {formatFileSize(document.size)}, lastet opp {document.uploadedAt}
                </span>
              </div>
              {canDelete ? (
                <ConfirmAction
                  action={deleteDocumentAction}
                  hidden={{ applicationId, documentId: document.id }}
                  trigger="Slett"
                  context={document.originalName}
                  question={`Vil du slette «${document.originalName}»?`}
                  consequence="Filen slettes fra søknaden. Du kan laste den opp på nytt."
                  confirm="Ja, slett filen"
                  pendingText="Sletter …"
                  size="small"
                  quietSuccess
                  onConfirm={() => setDeleting({ id: document.id, name: document.originalName })}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
