import { AreaNav } from "@/components/area-nav";
import { cohortLabels } from "@/lib/domain/cohort";
import { listRunningCohortLinks } from "@/lib/server/cohorts/faculty-home";
import { requirePageRole } from "@/lib/server/viewer";

export default async function FacultyLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageRole(["FACULTY"], "/faglaerer");
  // The running cohorts the faculty member teaches, one link each (the cohort pages are shared
  // with advisers under /kull).
  const cohorts = await listRunningCohortLinks(viewer);
  const labels = cohortLabels(cohorts.map((cohort) => ({ id: cohort.id, name: cohort.name, courseCode: cohort.programme.fsCourseCode })));
  return (
    <>
      <AreaNav
        label="Faglærer"
        links={[{ href: "/faglaerer", label: "Oversikt" }, ...cohorts.map((cohort) => ({ href: `/kull/${cohort.id}`, label: labels.get(cohort.id)! }))]}
      />
      {children}
    </>
  );
}
