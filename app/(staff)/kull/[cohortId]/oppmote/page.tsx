import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { AttendanceGridTable, AttendanceLegend } from "@/components/cohort/attendance-grid";
import { formatDateNb } from "@/lib/domain/format";
import { getAttendanceGrid } from "@/lib/server/cohorts/attendance";
import { parseRecordId } from "@/lib/validation/ids";
import { found, loadCohortPage } from "../load";
import { countNoun } from "@/lib/domain/format";

export const metadata: Metadata = { title: "Oppmøte" };

export default async function AttendanceGridPage({
  params,
  searchParams,
}: {
  params: Promise<{ cohortId: string }>;
  searchParams: Promise<{ gruppe?: string | string[] }>;
}) {
  const { viewer, cohort } = await loadCohortPage(params, "/oppmote");
  const { gruppe } = await searchParams;
  const basisgruppeId = parseRecordId(typeof gruppe === "string" ? gruppe : null);
  const grid = await found(getAttendanceGrid(viewer, cohort.id, { basisgruppeId }));
  const todayColumn = grid.columns.find((column) => column.date === grid.today);
  const base = `/kull/${cohort.id}/oppmote`;
  const atRisk = grid.students.filter((student) => student.risk.level === "LOST" || student.risk.level === "LAST_ABSENCE").length;
  // The rows sorted first for their arbeidskrav (riskOf): said too, so the count matches the list.
  const arbeidskravRisk = grid.students.filter((student) => student.risk.level === "FINAL_REJECTION" || student.risk.level === "ARBEIDSKRAV").length;
  return (
    <>
      <PageHeader
        title={`Oppmøte, ${cohort.name}`}
        lead={`Kravet er minst ${grid.requirements.attendancePercent} % av ${grid.columns.length} samlingsdager. Studenter i faresonen står først.`}
      >
        {todayColumn ? (
          <Link href={`${base}/${todayColumn.id}`} className="btn-primary">
            Registrer oppmøte for i dag
          </Link>
        ) : null}
      </PageHeader>
      <div className="space-y-4">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="gruppe" className="block font-medium">
              Basisgruppe
            </label>
            <select id="gruppe" name="gruppe" defaultValue={basisgruppeId ?? ""} className="input mt-1">
              <option value="">Alle grupper</option>
              {grid.groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                  {group.mine ? " (din gruppe)" : ""}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            Vis
          </button>
          <a href={`${base}/eksport${basisgruppeId ? `?gruppe=${basisgruppeId}` : ""}`} className="btn-secondary" download>
            Last ned som CSV
          </a>
        </form>
        <p aria-live="polite">
          {countNoun(grid.students.length, "student", "studenter")}{grid.filteredBy ? ` i ${grid.filteredBy}` : ""}.{" "}
          {atRisk > 0 ? `${atRisk} i faresonen for oppmøtet (kan ikke nå kravet, eller har høyst ett fravær igjen).` : "Ingen i faresonen for oppmøtet."}
          {arbeidskravRisk > 0
            ? ` ${arbeidskravRisk} til er i faresonen for arbeidskravene (ikke godkjent ennå, eller endelig ikke godkjent).`
            : null}
        </p>
        <AttendanceLegend />
        {grid.columns.length === 0 ? (
          <p className="card">Kullet har ingen samlingsdager ennå. Legg dem inn under Plan.</p>
        ) : (
          <AttendanceGridTable
            grid={grid}
            cohortId={cohort.id}
            caption={`Oppmøte per samlingsdag for ${cohort.name}${grid.filteredBy ? `, ${grid.filteredBy}` : ""}, per ${formatDateNb(grid.today)}`}
          />
        )}
        <p className="text-sm text-slate-700">Trykk på en dato for å registrere eller rette oppmøtet den dagen. * betyr at det står en merknad.</p>
      </div>
    </>
  );
}
