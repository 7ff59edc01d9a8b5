import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { CohortTable } from "@/components/cohort-table";
import { formatDeadline } from "@/lib/domain/application-deadline";
import { countOpenAdmissionAppeals } from "@/lib/server/admission/queries";
import { listCohortsForStaff } from "@/lib/server/cohorts/staff-overview";
import { inOrder } from "@/lib/server/in-order";
import { countUndeliveredMail } from "@/lib/server/mail-admin";
import { countOpenAppeals } from "@/lib/server/student-letters/appeals";
import { OpenAppealsItem } from "@/components/cohort/open-appeals";
import { requirePageRole } from "@/lib/server/viewer";
import { countNoun } from "@/lib/domain/format";

export const metadata: Metadata = { title: "Studieveileder" };

export default async function AdviserHome() {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder");
  // One read after another, so the request holds one pool connection (issue 21; all five at once
  // held seven). The kull, their applications
  // and next steps are one read (issue 21: the cohorts were read three times, the applications
  // counted three times).
  const [cohorts, { received, toForward }, studentAppeals, undelivered] = await inOrder(
    () => listCohortsForStaff(viewer),
    () => countOpenAdmissionAppeals(viewer),
    () => countOpenAppeals(viewer),
    // Administrators only (null, and nothing read, for an adviser): mail nothing else will send.
    () => countUndeliveredMail(viewer),
  );
  const mailToResend = undelivered && undelivered.count > 0 ? undelivered : null;
  // The intakes with applications nobody has decided on, latest deadline first.
  const waiting = cohorts
    .flatMap((cohort) => (cohort.applications && cohort.applications.notReviewed + cohort.applications.underReview > 0 ? [{ ...cohort, applications: cohort.applications }] : []))
    .sort((a, b) => (a.applicationDeadline < b.applicationDeadline ? 1 : a.applicationDeadline > b.applicationDeadline ? -1 : 0));
  return (
    <>
      <PageHeader title="Oversikt for studieveileder" lead="Kull, søknader og studenter." />
      <section className="card mb-6" aria-labelledby="gjore-heading">
        <h2 id="gjore-heading">Å gjøre</h2>
        <ul className="mt-3 list-disc space-y-1 pl-5">
          {waiting.map((intake) => (
            <li key={intake.id}>
              <Link href={`/veileder/opptak/${intake.id}`}>
                {intake.programme}, {intake.name}
              </Link>
              : {countNoun(intake.applications.notReviewed, "søknad", "søknader")} ikke vurdert, {intake.applications.underReview} under vurdering (søknadsfrist {formatDeadline(intake.applicationDeadline)}).
            </li>
          ))}
          {received > 0 ? (
            <li>
              <Link href="/veileder/opptak/klager">{countNoun(received, "klage på opptak venter", "klager på opptak venter")} på behandling.</Link>
            </li>
          ) : null}
          {toForward > 0 ? (
            <li>
              <Link href="/veileder/opptak/klager">{countNoun(toForward, "klage på opptak", "klager på opptak")} skal sendes til klagenemnda.</Link>
            </li>
          ) : null}
          {studentAppeals.map((entry) => (
            <OpenAppealsItem key={entry.cohortId} entry={entry} reader="adviser" />
          ))}
          {mailToResend ? (
            <li>
              <Link href="/veileder/e-post">
                {countNoun(mailToResend.count, "e-post", "e-poster")} kom ikke fram
              </Link>{" "}
              og sendes ikke av seg selv.
            </li>
          ) : null}
          {waiting.length === 0 && received + toForward === 0 && studentAppeals.length === 0 && !mailToResend ? <li>Ingenting venter på deg nå.</li> : null}
        </ul>
      </section>
      <section className="card" aria-labelledby="kull-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="kull-heading">Kull</h2>
          <p className="flex flex-wrap gap-2">
            <Link href="/veileder/kull/ny" className="btn-primary">
              Nytt kull
            </Link>
            <Link href="/veileder/kull/kopier" className="btn-secondary">
              Kopier et kull
            </Link>
          </p>
        </div>
        <div className="mt-4">
          <CohortTable cohorts={cohorts} showApplications showNextSteps />
        </div>
        <p className="mt-4 text-sm">
          <Link href="/veileder/kull/arkiv">Arkiverte kull</Link>
        </p>
      </section>
    </>
  );
}
