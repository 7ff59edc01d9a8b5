import Link from "next/link";

/** Shown on a form step once the application is sent: it can no longer be changed. */
export function ReadOnlyNotice({ applicationId }: { applicationId: string }) {
  return (
    <div className="card">
      <h1>Søknaden er sendt</h1>
      <p className="mt-2">Opplysningene kan ikke endres etter innsending, men du kan fortsatt laste opp flere dokumenter.</p>
      <p className="mt-4">
        <Link href={`/soker/soknad/${applicationId}`} className="btn-primary">
          Se søknaden
        </Link>
      </p>
    </div>
  );
}
