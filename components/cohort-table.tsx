import Link from "next/link";
import { formatDays } from "@/components/cohort-summary";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDateNb } from "@/lib/domain/format";

export interface CohortRow {
  id: string;
  name: string;
  programme: string;
  capacity: number;
  students: number;
  applicationDeadline: string;
  /** The phase in words (lib/domain/cohort-life.ts describeCohortPhase). */
  phaseText: string;
  /** The adviser's next step for the kull, with where to take it (advisers only). */
  nextStep?: { text: string; href: string | null } | null;
  /** Sent applications and drafts (null where the viewer is not shown them). */
  applications: { submitted: number; drafts: number } | null;
  samlingerHeld: number;
  samlingerTotal: number;
  nextSamling: { title: string; days: string[] } | null;
}

/** The cohorts a staff member may see, each linking to its pages (/kull/[id]). */
export function CohortTable({
  cohorts,
  showApplications,
  showNextSteps = false,
}: {
  cohorts: readonly CohortRow[];
  showApplications: boolean;
  /** The adviser's next step per kull (lib/domain/cohort-life.ts nextCohortStep). */
  showNextSteps?: boolean;
}) {
  const columns: Column<CohortRow>[] = [
    {
      key: "kull",
      header: "Kull",
      rowHeader: true,
      cell: (cohort) => (
        <>
          <Link href={`/kull/${cohort.id}`}>{cohort.name}</Link>
          <span className="block font-normal text-slate-700">{cohort.programme}</span>
        </>
      ),
    },
    { key: "status", header: "Status", cell: (cohort) => cohort.phaseText },
    ...(showNextSteps
      ? [
          {
            key: "neste",
            header: "Neste steg",
            cell: (cohort: CohortRow) =>
              cohort.nextStep?.href ? (
                <Link href={cohort.nextStep.href} className="font-medium">
                  {cohort.nextStep.text}
                  <span className="sr-only"> ({cohort.name})</span>
                </Link>
              ) : (
                <span className="text-slate-700">{cohort.nextStep?.text ?? ""}</span>
              ),
          },
        ]
      : []),
    ...(showApplications
      ? [
          {
            key: "soknader",
            header: "Søknader",
            cell: (cohort: CohortRow) => (
              <>
                {cohort.applications
                  ? cohort.applications.submitted + cohort.applications.drafts === 0
                    ? "Ingen søknader"
                    : `${cohort.applications.submitted} sendt, ${cohort.applications.drafts} utkast`
                  : null}
                <span className="block text-slate-700">Frist {formatDateNb(cohort.applicationDeadline)}</span>
              </>
            ),
          },
        ]
      : []),
    { key: "studenter", header: "Studenter", cell: (cohort) => `${cohort.students} av ${cohort.capacity}` },
    {
      key: "samlinger",
      header: "Samlinger",
      cell: (cohort) => (
        <>
          {cohort.samlingerHeld} av {cohort.samlingerTotal} holdt
          {cohort.nextSamling ? (
            <span className="block text-slate-700">
              Neste: {cohort.nextSamling.title}, {formatDays(cohort.nextSamling.days)}
            </span>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <DataTable caption="Kull" columns={columns} rows={cohorts} rowKey={(cohort) => cohort.id} stackBelow="md" empty="Ingen kull å vise." />
  );
}
