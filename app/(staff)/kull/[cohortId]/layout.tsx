import Link from "next/link";
import { CohortNav } from "@/components/cohort/cohort-nav";
import { ClosedRecord } from "@/components/ui/record-form";
import { formatDays } from "@/components/cohort-summary";
import { COHORT_PHASE_LABELS } from "@/lib/domain/cohort-life";
import { loadCohortPage } from "./load";

export default async function CohortLayout({ children, params }: { children: React.ReactNode; params: Promise<{ cohortId: string }> }) {
  const { viewer, cohort } = await loadCohortPage(params);
  const home = viewer.roles.includes("ADVISER") || viewer.roles.includes("ADMIN") ? { href: "/veileder", label: "Studieveileder" } : { href: "/faglaerer", label: "Faglærer" };
  return (
    <>
      <p className="mb-2 text-sm print:hidden">
        <Link href={home.href}>← {home.label}: oversikt</Link>
      </p>
      <p className="text-sm font-medium text-slate-700 print:hidden">
        {cohort.programme.name} · {COHORT_PHASE_LABELS[cohort.phase]} · {formatDays([cohort.startsOn, cohort.endsOn])}
        {cohort.canAdminister ? (
          <>
            {" · "}
            <Link href={`/veileder/kull/${cohort.id}`}>Opptak og status</Link>
          </>
        ) : null}
      </p>
      <CohortNav cohortId={cohort.id} cohortName={cohort.name} />
      {cohort.phase === "ARCHIVED" ? (
        <p className="mb-6 rounded-md border border-slate-400 bg-slate-50 p-3 text-slate-900">
          Kullet er arkivert. Sidene kan leses, men ingenting i kullet kan endres.
          {cohort.canAdminister ? (
            <>
              {" "}
              Må noe rettes: <Link href={`/veileder/kull/${cohort.id}#status-heading`}>hent kullet fram fra arkivet</Link>.
            </>
          ) : (
            " Må noe rettes, kan en studieveileder hente kullet fram fra arkivet."
          )}
        </p>
      ) : null}
      <ClosedRecord closed={cohort.phase === "ARCHIVED"}>{children}</ClosedRecord>
    </>
  );
}
