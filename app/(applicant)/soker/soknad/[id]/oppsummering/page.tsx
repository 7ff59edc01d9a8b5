import type { Metadata } from "next";
import Link from "next/link";
import { ReadOnlyNotice } from "@/components/application/read-only-notice";
import { SubmitApplicationForm } from "@/components/application/submit-form";
import { ApplicationFacts } from "@/components/application/application-facts";
import { CategoryPreview } from "@/components/application/category-preview";
import { VerifyEmailNotice } from "@/components/verify-email-notice";
import { linkForField } from "@/lib/application-steps";
import { formatDeadline } from "@/lib/domain/application-deadline";
import { loadApplication } from "../load";

export const metadata: Metadata = { title: "Oppsummering" };

export default async function SummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { application, viewer } = await loadApplication(id);
  if (application.status !== "DRAFT") return <ReadOnlyNotice applicationId={id} />;
  const closed = application.window.state !== "OPEN";
  const ready = application.missing.length === 0;
  const verified = viewer.emailVerified;
  return (
    <section aria-labelledby="step-heading">
      <h1 id="step-heading">Oppsummering og innsending</h1>
      {closed ? (
        <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {application.window.state === "CLOSED"
            ? `Søknadsfristen gikk ut ${formatDeadline(application.window.deadline)}. Søknaden kan ikke sendes.`
            : "Opptaket har ikke åpnet ennå."}
        </p>
      ) : null}
      {ready ? (
        <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          Alt som trengs er fylt ut. Se over opplysningene og send søknaden før fristen {formatDeadline(application.window.deadline)}.
        </p>
      ) : (
        <section className="mt-4 rounded-md border border-amber-700 bg-amber-50 p-4" aria-labelledby="missing-heading">
          <h2 id="missing-heading" className="text-amber-950">
            Dette mangler før du kan sende ({application.missing.length})
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {application.missing.map((item) => (
              <li key={`${item.field}:${item.message}`}>
                <Link href={linkForField(item.field, application)}>{item.message}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="mt-6">
        <ApplicationFacts application={application} editable />
      </div>
      {application.categoryPreview ? (
        <div className="mt-6">
          <CategoryPreview preview={application.categoryPreview} positionsHref={`/soker/soknad/${id}/stillinger`} />
        </div>
      ) : null}
      <section className="card mt-6" aria-labelledby="send-heading">
        <h2 id="send-heading">{application.reopenedAt ? "Send søknaden på nytt" : "Send søknaden"}</h2>
        {application.reopenedAt ? (
          <p className="mt-2 font-medium text-amber-950">Søknaden er ikke sendt ennå. Den blir bare vurdert hvis du sender den igjen innen fristen.</p>
        ) : null}
        <p className="mt-2 text-slate-700">
          Når søknaden er sendt, får du en kvittering på e-post. Fram til søknadsfristen kan du åpne den igjen og endre den, så lenge
          studieveilederen ikke har begynt å behandle den. Du kan også laste opp flere dokumenter og trekke søknaden.
        </p>
        {verified ? null : (
          <div className="mt-4">
            <VerifyEmailNotice email={viewer.email} headingLevel={3} />
          </div>
        )}
        <div className="mt-4">
          <SubmitApplicationForm applicationId={id} disabled={!ready || closed || !verified} again={application.reopenedAt !== null} />
        </div>
      </section>
    </section>
  );
}
