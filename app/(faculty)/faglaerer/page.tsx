import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { CohortCard } from "@/components/cohort/cohort-card";
import { cohortLabels } from "@/lib/domain/cohort";
import { CohortTable } from "@/components/cohort-table";
import { getFacultyHome } from "@/lib/server/cohorts/faculty-home";
import { listCohortsForStaff, listMyBasisgrupper } from "@/lib/server/cohorts/staff-overview";
import { countOpenAppeals } from "@/lib/server/student-letters/appeals";
import { OpenAppealsItem } from "@/components/cohort/open-appeals";
import { listPendingNotices } from "@/lib/server/cohorts/correction-notices";
import { formatDateNb } from "@/lib/domain/format";
import { inOrder } from "@/lib/server/in-order";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Faglærer" };

export default async function FacultyHome() {
  const viewer = await requirePageRole(["FACULTY"], "/faglaerer");
  // The cohort summaries and the lists together (issue 21: the lists waited for the summaries);
  // the lists one after another, so the page holds at most three pool connections.
  const [summaries, [cohorts, groups, appeals, notices]] = await Promise.all([
    getFacultyHome(viewer),
    inOrder(
      () => listCohortsForStaff(viewer, undefined, { adviserColumns: false }),
      () => listMyBasisgrupper(viewer),
      () => countOpenAppeals(viewer),
      () => listPendingNotices(viewer),
    ),
  ]);
  // Two kull of the same name (two programmes, one term) are told apart by the course code.
  const labels = cohortLabels(summaries);
  const label = (cohort: { id: string; name: string }) => labels.get(cohort.id) ?? cohort.name;
  const today = summaries.filter((cohort) => cohort.today);
  return (
    <>
      <PageHeader
        title="Oversikt for faglærer"
        lead={
          today.length > 0
            ? `I dag er det samling for ${today.map(label).join(" og ")}.`
            : "Kullene du underviser: hvem som trenger oppfølging, hva som venter på vurdering, og neste samling."
        }
      />
      <div className="space-y-6">
        {today.length > 0 ? (
          // The day to register is the first thing on the page: on a phone in the lecture room it is
          // what the faculty member came for.
          <section className="card border-brand-600 bg-brand-50" aria-labelledby="i-dag-heading">
            <h2 id="i-dag-heading">Samling i dag</h2>
            <ul className="mt-2 space-y-4">
              {today.map((cohort) => (
                <li key={cohort.id}>
                  <p className="font-semibold">
                    {label(cohort)}: {cohort.today!.samlingTitle}, {cohort.today!.location}
                  </p>
                  <p className="mt-3">
                    <Link href={`/kull/${cohort.id}/oppmote/${cohort.today!.dayId}`} className="btn-primary">
                      Registrer oppmøte for i dag{today.length > 1 ? <span className="sr-only">, {label(cohort)}</span> : null}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {appeals.length > 0 ? (
          <section className="card" aria-labelledby="klager-heading">
            <h2 id="klager-heading">Klager som venter</h2>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {appeals.map((entry) => (
                <OpenAppealsItem key={entry.cohortId} entry={{ ...entry, cohortName: label({ id: entry.cohortId, name: entry.cohortName }) }} reader="faculty" />
              ))}
            </ul>
          </section>
        ) : null}
        {notices.length > 0 ? (
          <section className="card" aria-labelledby="varsler-heading">
            <h2 id="varsler-heading">Forhåndsvarsler om retting</h2>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {notices.map((notice) => (
                <li key={notice.id}>
                  <Link href={`/kull/${notice.cohortId}/arbeidskrav/${notice.submissionId}`}>
                    {label({ id: notice.cohortId, name: notice.cohortName })}: {notice.title}, {notice.members.join(", ")}
                  </Link>{" "}
                  {notice.ready ? <span className="font-medium">kan avgjøres nå</span> : <span>frist for å uttale seg {formatDateNb(notice.respondBy)}</span>}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {summaries.length === 0 ? <p className="card">Du er ikke med i lærerteamet til noe kull som pågår. Studieveileder legger deg til.</p> : null}
        {summaries.map((cohort) => (
          <CohortCard key={cohort.id} cohort={{ ...cohort, name: label(cohort) }} showToday={false} />
        ))}
        <section className="card" aria-labelledby="grupper-heading">
          <h2 id="grupper-heading">Mine basisgrupper</h2>
          {groups.length === 0 ? (
            <p className="mt-2">Du er ikke prosessveileder for noen basisgruppe.</p>
          ) : (
            <ul className="mt-4 grid gap-4 md:grid-cols-2">
              {groups.map((group) => (
                <li key={group.id} className="rounded-md border border-slate-200 p-4">
                  <h3>
                    {group.name} <span className="font-normal text-slate-700">· {label(group.cohort)}</span>
                  </h3>
                  <ul className="mt-2 text-sm">
                    {group.members.map((member) => (
                      <li key={member.id}>{member.user.name}</li>
                    ))}
                  </ul>
                  <p className="mt-2 text-sm">
                    <Link href={`/kull/${group.cohort.id}/oppmote?gruppe=${group.id}`}>Oppmøte for gruppen</Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="kull-heading">
          <h2 id="kull-heading">Alle kullene dine</h2>
          <div className="mt-4">
            <CohortTable cohorts={cohorts} showApplications={false} />
          </div>
        </section>
      </div>
    </>
  );
}
