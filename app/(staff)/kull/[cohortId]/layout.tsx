import Link from "next/link";
import { CohortNav } from "@/components/cohort/cohort-nav";
import { formatDays } from "@/components/cohort-summary";
import { loadCohortPage } from "./load";

const PHASE = { UPCOMING: "Starter snart", RUNNING: "Pågår", COMPLETED: "Avsluttet" } as const;

export default async function CohortLayout({ children, params }: { children: React.ReactNode; params: Promise<{ cohortId: string }> }) {
  const { viewer, cohort } = await loadCohortPage(params);
  const home = viewer.roles.includes("ADVISER") || viewer.roles.includes("ADMIN") ? { href: "/veileder", label: "Studieveileder" } : { href: "/faglaerer", label: "Faglærer" };
  return (
    <>
      <p className="mb-2 text-sm print:hidden">
        <Link href={home.href}>← {home.label}: oversikt</Link>
      </p>
      <p className="text-sm font-medium text-slate-700 print:hidden">
        {cohort.programme.name} · {PHASE[cohort.phase]} · {formatDays([cohort.startsOn, cohort.endsOn])}
      </p>
      <CohortNav cohortId={cohort.id} cohortName={cohort.name} />
      {children}
    </>
  );
}
