// The cohort's attendance: students × samling days. A genuinely two-dimensional table, so it is
// the one table that is not a DataTable: on a narrow screen it scrolls sideways inside its own
// focusable, labelled region (the page itself never does), with the names kept in view. Each cell
// has a symbol as well as a colour, and its words for screen readers.
import Link from "next/link";
import { StatusBadge, staffEligibilityStatus } from "@/components/status-badge";
import { RISK_LABEL } from "@/components/cohort/cohort-card";
import { formatDateNb } from "@/lib/domain/format";
import type { OutlookFacts } from "@/lib/domain/eligibility";
import type { RiskLevel } from "@/lib/domain/risk";

/**
 * A cell: registered present or absent; a past day with nothing registered; a day to come; a day
 * credited from the student's earlier kull (a transfer); a day inside a granted leave.
 */
export type GridCell = "PRESENT" | "ABSENT" | "MISSING" | "UPCOMING" | "CREDITED" | "LEAVE";

/** What the grid shows (lib/server/cohorts/attendance.ts getAttendanceGrid gives it). */
export interface Grid {
  today: string;
  columns: { id: string; date: string; weekday: string; samlingNumber: number }[];
  samlingHeaders: { number: number; title: string; span: number; week: string }[];
  students: {
    enrolmentId: string;
    name: string;
    basisgruppe: { name: string } | null;
    cells: GridCell[];
    notes: (string | null)[];
    figures: { soFar: string; remaining: string; finalShare: string | null; credited: string | null; onLeave: string | null };
    eligibility: OutlookFacts & { attendance: { attended: number; scheduled: number; absencesLeft: number } };
    risk: { level: RiskLevel; reason: string };
    /** What is still to come for a student on her way whom nothing puts at risk (lib/domain/risk.ts onTrackNote). */
    onTrack: string;
  }[];
}

// `className` colours the legend's swatches; `cell` is the same colours with the cell's padding
// as one utility of app/globals.css (ag-*): written out on each of the grid's cells, the
// utilities were a large part of its HTML and RSC payload (issue 21).
const CELL: Record<GridCell, { symbol: string; words: string; className: string; cell: string }> = {
  PRESENT: { symbol: "✓", words: "til stede", className: "bg-green-50 text-green-900", cell: "ag-present" },
  ABSENT: { symbol: "✗", words: "fravær", className: "bg-red-50 text-red-900 font-bold", cell: "ag-absent" },
  MISSING: { symbol: "?", words: "ikke registrert", className: "bg-amber-50 text-amber-900 font-bold", cell: "ag-missing" },
  UPCOMING: { symbol: "·", words: "kommer", className: "text-slate-700", cell: "ag-upcoming" },
  CREDITED: { symbol: "↪", words: "godkjent fra tidligere kull", className: "bg-green-50 text-green-900", cell: "ag-credited" },
  LEAVE: { symbol: "P", words: "permisjon", className: "bg-slate-100 text-slate-800", cell: "ag-leave" },
};

function shortDate(date: string): string {
  const [, month, day] = date.split("-");
  return `${Number(day)}.${Number(month)}.`;
}

export function AttendanceLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Tegnforklaring">
      {(Object.keys(CELL) as GridCell[]).map((cell) => (
        <li key={cell} className="flex items-center gap-1">
          <span aria-hidden="true" className={`inline-flex size-6 items-center justify-center rounded ${CELL[cell].className}`}>
            {CELL[cell].symbol}
          </span>
          {CELL[cell].words}
        </li>
      ))}
    </ul>
  );
}

export function AttendanceGridTable({ grid, cohortId, caption }: { grid: Grid; cohortId: string; caption: string }) {
  // The figures and the status come right after the name, before the day columns: on a phone they
  // came after 26 days, some 1 300 px of scrolling (a walk).
  // Once every day is held, the figures are final: no «så langt», and no absences «igjen».
  const allHeld = grid.columns.length > 0 && grid.columns.every((column) => column.date < grid.today);
  return (
    // A scrollable region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div role="region" aria-labelledby="oppmote-caption" tabIndex={0} className="relative max-w-full overflow-x-auto rounded-md border border-slate-300 bg-white">
      <table className="border-collapse text-sm">
        <caption id="oppmote-caption" className="sr-only">
          {caption} (kan rulles sideveis)
        </caption>
        <thead>
          <tr className="border-b border-slate-200">
            <td className="sticky left-0 bg-white" />
            <td colSpan={3} />
            {grid.samlingHeaders.map((header) => (
              <th key={header.number} scope="colgroup" colSpan={header.span} className="border-l border-slate-200 px-1 py-1 text-left align-bottom text-xs font-semibold">
                {header.title} · {header.week}
              </th>
            ))}
          </tr>
          <tr className="border-b border-slate-300">
            <th scope="col" className="sticky left-0 z-10 bg-white px-2 py-2 text-left">
              Student
            </th>
            <th scope="col" className="px-2 py-2 text-right whitespace-nowrap">
              {allHeld ? "Oppmøte" : "Oppmøte så langt"}
            </th>
            <th scope="col" className="px-2 py-2 text-right whitespace-nowrap">
              Fravær igjen
            </th>
            <th scope="col" className="border-r border-slate-200 px-2 py-2 text-left">
              {/* Oppmøte and arbeidskrav both: «Fyller ikke kravene ennå» at 16 of 16 days read as the attendance's (a walk). */}
              Kravene til eksamen
            </th>
            {grid.columns.map((column, index) => (
              <th
                key={column.id}
                scope="col"
                className={`px-1 py-2 text-center text-xs font-medium whitespace-nowrap ${index === 0 || grid.columns[index - 1]!.samlingNumber !== column.samlingNumber ? "border-l border-slate-200" : ""} ${column.date === grid.today ? "bg-brand-50" : ""}`}
              >
                <Link href={`/kull/${cohortId}/oppmote/${column.id}`} className="inline-block min-h-6 min-w-6">
                  <span aria-hidden="true">
                    {column.weekday.slice(0, 2)}
                    <br />
                    {shortDate(column.date)}
                  </span>
                  <span className="sr-only">{`${column.weekday} ${formatDateNb(column.date)}`}</span>
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.students.map((student) => {
            const status = student.risk.level === "NONE" ? staffEligibilityStatus(student.eligibility) : RISK_LABEL[student.risk.level];
            return (
              <tr key={student.enrolmentId} className="border-b border-slate-100">
                <th scope="row" className="sticky left-0 z-10 min-w-36 bg-white px-2 py-1 text-left font-medium">
                  {student.name}
                  {student.basisgruppe ? <span className="block text-xs font-normal text-slate-700">{student.basisgruppe.name}</span> : null}
                </th>
                <td className="px-2 py-1 text-right tabular-nums whitespace-nowrap">
                  {student.figures.soFar}
                  <span className="block text-xs text-slate-700">{student.figures.finalShare ?? student.figures.remaining}</span>
                  {/* Said where the days are counted, as the student reads it (↪ and P in the day columns alone left «15 av 15» unexplained). */}
                  {student.figures.credited ? <span className="block text-xs whitespace-normal text-slate-700">{student.figures.credited}</span> : null}
                  {student.figures.onLeave ? <span className="block text-xs whitespace-normal text-slate-700">{`${student.figures.onLeave} i permisjon`}</span> : null}
                </td>
                <td className="px-2 py-1 text-right tabular-nums">
                  {student.figures.finalShare !== null ? (
                    <>
                      <span aria-hidden="true">–</span>
                      <span className="sr-only">ingen dager igjen</span>
                    </>
                  ) : (
                    student.eligibility.attendance.absencesLeft
                  )}
                </td>
                <td className="min-w-56 border-r border-slate-200 px-2 py-1">
                  <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                  {student.risk.reason || student.onTrack ? <span className="mt-1 block text-xs text-slate-800">{student.risk.reason || student.onTrack}</span> : null}
                </td>
                {student.cells.map((cell, index) => {
                  const column = grid.columns[index]!;
                  const note = student.notes[index];
                  const startsSamling = index === 0 || grid.columns[index - 1]!.samlingNumber !== column.samlingNumber;
                  // The position is the key: a row's cells follow the columns, and hold no state.
                  // No `title` attribute unless there is a note (an undefined prop still costs bytes).
                  return (
                    <td key={index} className={startsSamling ? `${CELL[cell].cell} ag-start` : CELL[cell].cell} {...(note ? { title: note } : {})}>
                      <span aria-hidden="true">{CELL[cell].symbol}</span>
                      <span className="sr-only">{note ? `${CELL[cell].words} (${note})` : CELL[cell].words}</span>
                      {note ? (
                        <span aria-hidden="true" className="align-super text-[0.6rem]">
                          *
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
