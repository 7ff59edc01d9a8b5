import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { ReadOnlyNotice } from "@/components/application/read-only-notice";
import { StatusBadge } from "@/components/status-badge";
import { addPositionAction } from "@/lib/actions/application";
import { formatDateNb } from "@/lib/domain/format";
import { EMPLOYER_TYPE_LABELS, LEADER_ROLE_LABELS } from "@/lib/validation/application";
import { loadApplication } from "../load";

export const metadata: Metadata = { title: "Stillinger" };

export default async function PositionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { application } = await loadApplication(id);
  if (application.status !== "DRAFT") return <ReadOnlyNotice applicationId={id} />;
  const incomplete = new Set(
    application.missing
      .map((item) => /^positions\.(\d+)\.(?!tjenestebevis)/.exec(item.field)?.[1])
      .filter((index): index is string => index !== undefined)
      .map(Number),
  );
  return (
    <section aria-labelledby="step-heading">
      <h1 id="step-heading">Stillinger</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Legg inn all ledererfaring fra barnevernet, én stilling om gangen, med opplysningene fra tjenestebeviset:
        stillingstittel, stillingsprosent, ansvarsområde, start- og sluttdato (eller at du fortsatt er ansatt), tittelen til
        nærmeste overordnede og hvor mange du har personalansvar for. Last opp tjenestebeviset for hver stilling.
      </p>
      <div id="stillinger" className="mt-6 space-y-4">
        {application.positions.length === 0 ? <p className="card">Du har ikke lagt inn noen stillinger ennå.</p> : null}
        {application.positions.map((position, index) => (
          <article key={position.id} className="card" aria-labelledby={`position-${position.id}-heading`}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 id={`position-${position.id}-heading`}>
                {position.title || `Stilling ${index + 1}`}
                {position.employer ? <span className="font-normal text-slate-700">, {position.employer}</span> : null}
              </h2>
              {incomplete.has(index) ? <StatusBadge tone="wait">Ikke ferdig utfylt</StatusBadge> : <StatusBadge tone="good">Utfylt</StatusBadge>}
            </div>
            <p className="mt-1 text-slate-700">
              {[
                position.employerType ? EMPLOYER_TYPE_LABELS[position.employerType] : null,
                position.leaderRole ? LEADER_ROLE_LABELS[position.leaderRole] : null,
                position.percent ? `${position.percent} %` : null,
                position.startDate
                  ? `${formatDateNb(position.startDate)} – ${position.endDate ? formatDateNb(position.endDate) : "nå"}`
                  : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            <p className="mt-3">
              <Link href={`/soker/soknad/${id}/stillinger/${position.id}`} className="btn-secondary">
                Rediger<span className="sr-only"> stilling {index + 1}</span>
              </Link>
            </p>
          </article>
        ))}
      </div>
      <div className="mt-6 flex flex-wrap items-center gap-3">
        <ActionButton action={addPositionAction} hidden={{ applicationId: id }} pendingText="Legger til …">
          Legg til stilling
        </ActionButton>
        <Link href={`/soker/soknad/${id}/dokumenter`} className="btn-primary">
          Gå videre til dokumenter
        </Link>
      </div>
    </section>
  );
}
