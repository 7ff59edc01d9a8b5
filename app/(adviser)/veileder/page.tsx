import type { Metadata } from "next";
import { PageHeader } from "@/components/area-nav";
import { CohortTable } from "@/components/cohort-table";
import { listCohortsForStaff } from "@/lib/server/cohorts/staff-overview";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Studieveileder" };

export default async function AdviserHome() {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder");
  const cohorts = await listCohortsForStaff(viewer);
  return (
    <>
      <PageHeader title="Oversikt for studieveileder" lead="Kull, søknader og studenter." />
      <section className="card" aria-labelledby="kull-heading">
        <h2 id="kull-heading">Kull</h2>
        <div className="mt-4">
          <CohortTable cohorts={cohorts} showApplications />
        </div>
      </section>
    </>
  );
}
