import { formatDays } from "@/components/cohort-summary";
import { formatDateNb } from "@/lib/domain/format";

const PHASE = { UPCOMING: "Kommer", RUNNING: "Pågår", COMPLETED: "Avsluttet" } as const;

export interface CohortRow {
  id: string;
  name: string;
  programme: string;
  capacity: number;
  students: number;
  applicationDeadline: string;
  phase: keyof typeof PHASE;
  submittedApplications: number;
  draftApplications: number;
  samlingerHeld: number;
  samlingerTotal: number;
  nextSamling: { title: string; days: string[] } | null;
}

export function CohortTable({ cohorts, showApplications }: { cohorts: readonly CohortRow[]; showApplications: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">Kull</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">Kull</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            {showApplications ? <th scope="col" className="py-2 pr-4">Søknader</th> : null}
            <th scope="col" className="py-2 pr-4">Studenter</th>
            <th scope="col" className="py-2">Samlinger</th>
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => (
            <tr key={cohort.id} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-2 pr-4 font-medium">
                {cohort.name}
                <span className="block font-normal text-slate-700">{cohort.programme}</span>
              </th>
              <td className="py-2 pr-4">{PHASE[cohort.phase]}</td>
              {showApplications ? (
                <td className="py-2 pr-4">
                  {cohort.submittedApplications} sendt, {cohort.draftApplications} utkast
                  <span className="block text-slate-700">Frist {formatDateNb(cohort.applicationDeadline)}</span>
                </td>
              ) : null}
              <td className="py-2 pr-4">
                {cohort.students} av {cohort.capacity}
              </td>
              <td className="py-2">
                {cohort.samlingerHeld} av {cohort.samlingerTotal} holdt
                {cohort.nextSamling ? (
                  <span className="block text-slate-700">
                    Neste: {cohort.nextSamling.title}, {formatDays(cohort.nextSamling.days)}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
