import type { Metadata } from "next";
import { PageHeader } from "@/components/area-nav";
import { CohortTable } from "@/components/cohort-table";
import { listCohortsForStaff, listMyBasisgrupper } from "@/lib/server/cohorts/staff-overview";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Faglærer" };

export default async function FacultyHome() {
  const viewer = await requirePageRole(["FACULTY"], "/faglaerer");
  const [cohorts, groups] = await Promise.all([listCohortsForStaff(viewer), listMyBasisgrupper(viewer)]);
  const active = cohorts.filter((cohort) => cohort.phase !== "COMPLETED");
  return (
    <>
      <PageHeader title="Oversikt for faglærer" lead="Kull som pågår eller starter snart, og basisgruppene du veileder." />
      <div className="space-y-6">
        <section className="card" aria-labelledby="kull-heading">
          <h2 id="kull-heading">Kull</h2>
          <div className="mt-4">
            <CohortTable cohorts={active} showApplications={false} />
          </div>
        </section>
        <section className="card" aria-labelledby="grupper-heading">
          <h2 id="grupper-heading">Mine basisgrupper</h2>
          {groups.length === 0 ? (
            <p className="mt-2">Du er ikke prosessveileder for noen basisgruppe.</p>
          ) : (
            <ul className="mt-4 grid gap-4 md:grid-cols-2">
              {groups.map((group) => (
                <li key={group.id} className="rounded-md border border-slate-200 p-4">
                  <h3>
                    {group.name} <span className="font-normal text-slate-700">· {group.cohort.name}</span>
                  </h3>
                  <ul className="mt-2 text-sm">
                    {group.members.map((member) => (
                      <li key={member.id}>{member.user.name}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
