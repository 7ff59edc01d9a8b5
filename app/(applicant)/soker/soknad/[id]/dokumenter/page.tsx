import type { Metadata } from "next";
import Link from "next/link";
import { DocumentList } from "@/components/application/document-list";
import { DocumentUpload } from "@/components/application/document-upload";
import { formatInstantNb } from "@/lib/domain/format";
import { loadApplication } from "../load";

export const metadata: Metadata = { title: "Dokumenter" };

export default async function DocumentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ feil?: string; "lastet-opp"?: string }>;
}) {
  const { id } = await params;
  const notice = await searchParams;
  const { application } = await loadApplication(id);
  const draft = application.status === "DRAFT";
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
      {notice.feil ? (
        <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {notice.feil}
        </p>
      ) : null}
      {notice["lastet-opp"] ? (
        <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          {notice["lastet-opp"]}
        </p>
      ) : null}

      <section className="card mt-6" aria-labelledby="vitnemal-heading" id="vitnemal">
        <h2 id="vitnemal-heading">Vitnemål</h2>
        <div className="mt-3 space-y-4">
          <DocumentList applicationId={id} documents={listed("VITNEMAL")} canDelete={draft} emptyText="Ingen vitnemål lastet opp ennå." />
          <DocumentUpload applicationId={id} kind="VITNEMAL" label="Last opp vitnemål" returnTo={returnTo} id="upload-vitnemal" />
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
            <DocumentUpload
              applicationId={id}
              kind="TJENESTEBEVIS"
              positionId={position.id}
              label={`Last opp tjenestebevis for ${position.title || `stilling ${index + 1}`}`}
              returnTo={returnTo}
              id={`upload-tjenestebevis-${position.id}`}
            />
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
