import { AreaNav } from "@/components/area-nav";
import { listRunningCohortLinks } from "@/lib/server/cohorts/faculty-home";
import { requirePageRole } from "@/lib/server/viewer";

export default async function FacultyLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageRole(["FACULTY"], "/faglaerer");
  // The running cohorts the faculty member teaches, one link each (the cohort pages are shared
  // with advisers under /kull).
  const cohorts = await listRunningCohortLinks(viewer);
  return (
    <>
      <AreaNav
        label="Faglærer"
        links={[{ href: "/faglaerer", label: "Oversikt" }, ...cohorts.map((cohort) => ({ href: `/kull/${cohort.id}`, label: cohort.name }))]}
      />
      {children}
    </>
  );
}
