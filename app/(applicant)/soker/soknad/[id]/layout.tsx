import Link from "next/link";
import { StepNav } from "@/components/application/step-nav";
import { UnsavedChangesGuard } from "@/components/application/unsaved-changes";
import { StatusBadge } from "@/components/status-badge";
import { FocusHashTarget } from "@/components/ui/focus-hash-target";
import { applicationStateLabel } from "@/lib/application-status";
import { APPLICATION_STEPS, stepOfField } from "@/lib/application-steps";
import { formatDeadline } from "@/lib/domain/application-deadline";
import { loadApplication } from "./load";

export default async function ApplicationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { application } = await loadApplication(id);
  const state = applicationStateLabel(application);
  const stepsWithGaps = new Set(application.missing.map((item) => stepOfField(item.field)));
  return (
    <UnsavedChangesGuard>
      <FocusHashTarget />
      <p className="mb-2 text-sm">
        <Link href="/soker" className="link-target">
          ← Mine søknader
        </Link>
      </p>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm font-medium text-slate-700">Søknad</p>
          <p className="text-xl font-semibold">
            {application.cohort.programme.name} – {application.cohort.name}
          </p>
          {application.status === "DRAFT" ? (
            <p className="text-slate-700">Søknadsfrist {formatDeadline(application.window.deadline)}</p>
          ) : null}
        </div>
        <StatusBadge tone={state.tone}>{state.label}</StatusBadge>
      </div>
      {application.status === "DRAFT" && application.reopenedAt ? (
        <p id="apnet-for-endring" tabIndex={-1} className="mb-6 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {application.window.state === "CLOSED" ? (
            // The deadline passed with it unsent: say so, not «send it by» a day gone.
            <>
              <strong>Søknaden ble åpnet for endring og ikke sendt igjen før fristen {formatDeadline(application.window.deadline)}.</strong> Den
              blir ikke vurdert. Kontakt studieveilederen hvis du mener dette er feil.
            </>
          ) : (
            <>
              <strong>Søknaden er åpnet for endring og er ikke sendt.</strong> Send den igjen senest {formatDeadline(application.window.deadline)},
              ellers blir den ikke vurdert. <Link href={`/soker/soknad/${application.id}/oppsummering`}>Gå til oppsummering og innsending</Link>
            </>
          )}
        </p>
      ) : null}
      {application.status === "DRAFT" ? (
        <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
          <StepNav
            applicationId={application.id}
            steps={APPLICATION_STEPS.map((step) => ({
              ...step,
              // The last step is done only by sending: a draft is never ✓ there, also when nothing
              // is missing (a reopened application read «6 av 6 utfylt» while not sent; a walk).
              complete: step.slug === "oppsummering" ? false : !stepsWithGaps.has(step.slug),
              sentOnly: step.slug === "oppsummering",
            }))}
          />
          <div className="min-w-0">{children}</div>
        </div>
      ) : (
        children
      )}
    </UnsavedChangesGuard>
  );
}
