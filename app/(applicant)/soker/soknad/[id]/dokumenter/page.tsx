import type { Metadata } from "next";
import Link from "next/link";
import { DocumentList } from "@/components/application/document-list";
import { DocumentUpload } from "@/components/application/document-upload";
import { formatInstantNb } from "@/lib/domain/format";
import { canAddDocuments } from "@/lib/permissions";
import { loadApplication, uploadNotice } from "../load";

export const metadata: Metadata = { title: "Dokumenter" };

export default async function DocumentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { viewer, application } = await loadApplication(id);
  const notice = await uploadNotice();
  const draft = application.status === "DRAFT";
  const uploadsOpen = canAddDocuments(viewer, application);
  const listed = (kind: string, positionId: string | null = null) =>
    application.documents
      .filter((document) => document.kind === kind && (positionId === null || document.positionId === positionId))
      .map((document) => ({ ...document, uploadedAt: formatInstantNb(document.uploadedAt) }));
  const returnTo = `/soker/soknad/${id}/dokumenter`;
  return (
    <section aria-labelledby="step-heading">
      <h1 id="step-heading">Dokumenter</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Last opp vitnemålet og ett tjenestebevis for hver stilling, som PDF (høyst 10 MB per fil). Har du flere filer for
        samme dokument, kan du laste opp flere.
        {draft ? " Før du sender søknaden kan du slette og bytte ut filer." : " Etter innsending kan du legge til flere filer."}
      </p>
      {/* Messages from an upload without JavaScript (the form posts and comes back here). */}
      {notice ? (
        <p
          role={notice.ok ? "status" : "alert"}
          className={`mt-4 rounded-md border p-3 ${notice.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
        >
          {notice.message}
        </p>
      ) : null}
      {uploadsOpen ? null : (
        <p className="mt-4 rounded-md border border-slate-400 bg-white p-3">
          Søknaden er avgjort eller trukket, så du kan ikke laste opp flere dokumenter.
        </p>
      )}

      <section className="card mt-6" aria-labelledby="vitnemal-heading" id="vitnemal">
        <h2 id="vitnemal-heading">Vitnemål</h2>
        <div className="mt-3 space-y-4">
          <DocumentList applicationId={id} documents={listed("VITNEMAL")} canDelete={draft} emptyText="Ingen vitnemål lastet opp ennå." />
          {uploadsOpen ? (
            <DocumentUpload applicationId={id} kind="VITNEMAL" label="Last opp vitnemål" returnTo={returnTo} id="upload-vitnemal" />
          ) : null}
        </div>
      </section>

      {application.positions.map((position, index) => (
        <section
          key={position.id}
          className="card mt-6"
          aria-labelledby={`tjenestebevis-${position.id}-heading`}
          id={`tjenestebevis-${position.id}`}
        >
          <h2 id={`tjenestebevis-${position.id}-heading`}>
            Tjenestebevis: {position.title || `stilling ${index + 1}`}
            {position.employer ? <span className="font-normal text-slate-700">, {position.employer}</span> : null}
          </h2>
          <div className="mt-3 space-y-4">
            <DocumentList
              applicationId={id}
              documents={listed("TJENESTEBEVIS", position.id)}
              canDelete={draft}
              emptyText="Ingen tjenestebevis lastet opp ennå."
            />
            {uploadsOpen ? (
              <DocumentUpload
                applicationId={id}
                kind="TJENESTEBEVIS"
                positionId={position.id}
                label={`Last opp tjenestebevis for ${position.title || `stilling ${index + 1}`}`}
                returnTo={returnTo}
                id={`upload-tjenestebevis-${position.id}`}
              />
            ) : null}
          </div>
        </section>
      ))}
      {application.positions.length === 0 ? (
        <p className="card mt-6">
          Tjenestebevis lastes opp for hver stilling. <Link href={`/soker/soknad/${id}/stillinger`}>Legg inn stillingene dine først</Link>.
        </p>
      ) : null}

      <p className="mt-6">
        <Link href={draft ? `/soker/soknad/${id}/oppsummering` : `/soker/soknad/${id}`} className="btn-primary">
          {draft ? "Gå videre til oppsummering" : "Tilbake til søknaden"}
        </Link>
      </p>
    </section>
  );
}

