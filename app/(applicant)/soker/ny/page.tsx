import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import { CohortSummary } from "@/components/cohort-summary";
import { VerifyEmailNotice } from "@/components/verify-email-notice";
import { startApplicationAction } from "@/lib/actions/application";
import { formatDeadline } from "@/lib/domain/application-deadline";
import { findOwnApplicationForCohort } from "@/lib/server/applications/queries";
import { getPublicCohort } from "@/lib/server/cohorts/queries";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Start søknad" };

export default async function StartApplicationPage({ searchParams }: { searchParams: Promise<{ kull?: string }> }) {
  const { kull } = await searchParams;
  const viewer = await requirePageRole(["APPLICANT"], `/soker/ny${kull ? `?kull=${encodeURIComponent(kull)}` : ""}`);
  const cohort = kull ? await getPublicCohort(kull) : null;
  if (!cohort) {
    return (
      <section className="card mx-auto max-w-xl">
        <h1>Fant ikke opptaket</h1>
        <p className="mt-2">
          Velg et åpent opptak fra <Link href="/soker">oversikten</Link>.
        </p>
      </section>
    );
  }
  const existing = await findOwnApplicationForCohort(viewer, cohort.id);
  if (existing) redirect(`/soker/soknad/${existing.id}`);
  const open = cohort.window.state === "OPEN";
  return (
    <section className="mx-auto max-w-3xl space-y-6" aria-labelledby="start-heading">
      <h1 id="start-heading">Søk opptak</h1>
      {/* Right after registering, here first: the link is in her inbox now (a walk found it only on later pages). */}
      {viewer.emailVerified ? null : <VerifyEmailNotice email={viewer.email} />}
      <div className="card">
        <CohortSummary cohort={cohort} />
      </div>
      <div className="card">
        {open ? (
          <>
            <h2>Slik søker du</h2>
            <ol className="mt-2 list-decimal space-y-1 pl-5">
              <li>Fyll inn personopplysninger, utdanning, arbeidsgiver og stillingene dine.</li>
              <li>Last opp vitnemål og ett tjenestebevis per stilling (PDF).</li>
              <li>Se over og send søknaden før fristen {formatDeadline(cohort.window.deadline)}.</li>
            </ol>
            <p className="mt-2 text-slate-700">Alt lagres som utkast underveis, så du kan ta pauser og fortsette senere.</p>
            <div className="mt-4">
              <ActionButton action={startApplicationAction} hidden={{ cohortId: cohort.id }} className="btn-primary" pendingText="Starter …">
                Start søknaden
              </ActionButton>
            </div>
          </>
        ) : (
          <p role="alert">Opptaket til dette kullet er ikke åpent. Søknadsfristen var {formatDeadline(cohort.window.deadline)}.</p>
        )}
      </div>
    </section>
  );
}
