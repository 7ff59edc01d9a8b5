"use client";
import { useRef, useState } from "react";
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
  const list = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState("");
  // A deleted row takes its focused button with it: say what happened and keep focus here.
  const deleted = (name: string) => {
    setAnnouncement(`«${name}» er slettet.`);
    list.current?.focus();
  };
  return (
    <div ref={list} tabIndex={-1} className="space-y-2 outline-none">
      <p role="status" className={announcement ? "text-sm font-medium text-green-800" : "sr-only"}>
        {announcement}
      </p>
      {documents.length === 0 ? <p className="text-slate-700">{emptyText}</p> : null}
      {documents.length > 0 ? (
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
              onSuccess={() => deleted(document.originalName)}
            >
              Slett
            </ActionButton>
          ) : null}
        </li>
      ))}
    </ul>
      ) : null}
    </div>
  );
}
