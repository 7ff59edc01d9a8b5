import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { StatusBadge } from "@/components/status-badge";
import { VerifyEmailNotice } from "@/components/verify-email-notice";
import { applicationStateLabel } from "@/lib/application-status";
import { formatDeadline } from "@/lib/domain/application-deadline";
import { offerAwaitingAnswer } from "@/lib/domain/admission-decisions";
import { formatInstantNb } from "@/lib/domain/format";
import { listMyApplications } from "@/lib/server/applications/queries";
import { listOpenCohorts } from "@/lib/server/cohorts/queries";
import { inOrder } from "@/lib/server/in-order";
import { requirePageRole } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

export const metadata: Metadata = { title: "Mine søknader" };

export default async function ApplicantHome() {
  const viewer = await requirePageRole(["APPLICANT"], "/soker");
  // In order: each read fans out over its relations, and together they held five connections (issue 21).
  const [applications, openCohorts] = await inOrder(() => listMyApplications(viewer), () => listOpenCohorts());
  const appliedTo = new Set(applications.map((application) => application.cohort.id));
  // An offer waiting for her answer comes first, with its deadline: the one thing here that
  // expires (a walk found it last of three, as «Tilbud om studieplass» without a date).
  const now = new Date();
  const openOffer = (application: (typeof applications)[number]) =>
    offerAwaitingAnswer(
      {
        status: application.status,
        decision: application.decision && { ...application.decision, answerDeadline: application.decision.answerDeadline && isoDate(application.decision.answerDeadline) },
      },
      now,
    );
  const listed = [...applications.filter(openOffer), ...applications.filter((application) => !openOffer(application))];
  const available = openCohorts.filter((cohort) => !appliedTo.has(cohort.id));
  return (
    <>
      <PageHeader title="Mine søknader" lead={`Hei, ${viewer.name}.`} />
      <div className="space-y-6">
        {viewer.emailVerified ? null : <VerifyEmailNotice email={viewer.email} />}
        <section className="card" aria-labelledby="soknader-heading">
          <h2 id="soknader-heading">Søknader</h2>
          {applications.length === 0 ? (
            <p className="mt-2">Du har ingen søknader ennå.</p>
          ) : (
            <ul className="mt-4 divide-y divide-slate-200">
              {listed.map((application) => {
                const state = applicationStateLabel(application);
                return (
                  <li key={application.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                    <div>
                      <p className="font-medium">
                        <Link href={`/soker/soknad/${application.id}`}>
                          {application.cohort.programme.name} – {application.cohort.name}
                        </Link>
                      </p>
                      {openOffer(application) ? (
                        <p className="text-sm font-medium text-slate-900">Svar på tilbudet innen {formatDeadline(isoDate(application.decision!.answerDeadline!))}</p>
                      ) : (
                        <p className="text-sm text-slate-700">
                          {application.submittedAt
                            ? `Sendt ${formatInstantNb(application.submittedAt)}`
                            : `Frist ${formatDeadline(isoDate(application.cohort.applicationDeadline))}`}
                        </p>
                      )}
                    </div>
                    <StatusBadge tone={state.tone}>{state.label}</StatusBadge>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        {available.length > 0 ? (
          <section className="card" aria-labelledby="apne-heading">
            <h2 id="apne-heading">Åpne opptak</h2>
            <ul className="mt-4 space-y-3">
              {available.map((cohort) => (
                <li key={cohort.id} className="flex flex-wrap items-center justify-between gap-3">
                  <p>
                    {cohort.programme.name} – {cohort.name}
                    <span className="block text-sm text-slate-700">Frist {formatDeadline(cohort.window.deadline)}</span>
                  </p>
                  <Link href={`/soker/ny?kull=${cohort.id}`} className="btn-primary">
                    Start søknad
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
