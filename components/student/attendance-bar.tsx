// The attendance picture as a bar: days present, days missed, and days to come, with a mark where
// the cohort's threshold lies. The sentences beside it lead; the bar is their picture (its text
// alternative and legend use the same figures, lib/domain/attendance-progress.ts: days attended of
// days held so far, days still planned, never a bare share of all planned days mid-course).
import { attendanceFigures, type AttendanceFacts } from "@/lib/domain/attendance-progress";
import { countNoun } from "@/lib/domain/format";

export function AttendanceBar({ attendance }: { attendance: AttendanceFacts }) {
  const { attended, held, scheduled, requiredDays, requiredPercent } = attendance;
  const leave = attendance.leave ?? 0;
  if (scheduled === 0) return null;
  const share = (days: number) => `${(days * 100) / scheduled}%`;
  const absent = held - attended;
  const figures = attendanceFigures(attendance);
  return (
    <div className="mt-4">
      <div role="img" aria-label={figures.summary} className="relative h-5 w-full rounded-sm border border-slate-500 bg-white">
        <div className="absolute inset-y-0 left-0 bg-green-700" style={{ width: share(attended) }} />
        <div className="absolute inset-y-0 bg-red-700" style={{ left: share(attended), width: share(absent) }} />
        <div className="absolute inset-y-0 bg-amber-600" style={{ left: share(held), width: share(leave) }} />
        <div
          className="absolute -inset-y-1.5 w-1 -translate-x-1/2 rounded-sm bg-slate-900"
          style={{ left: share(requiredDays) }}
          aria-hidden="true"
        />
      </div>
      <ul aria-hidden="true" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm bg-green-700" /> Til stede: {figures.soFar}
          {figures.finalShare ? ` (${figures.finalShare})` : ""}
          {figures.credited ? `, ${figures.credited}` : ""}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm bg-red-700" /> Borte: {countNoun(absent, "dag", "dager")}
        </li>
        {figures.onLeave ? (
          <li className="flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm bg-amber-600" /> Permisjon: {figures.onLeave} (ikke fravær, men heller ikke oppmøte)
          </li>
        ) : null}
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm border border-slate-500 bg-white" /> Planlagt: {figures.remaining}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-1 rounded-sm bg-slate-900" /> Krav: {requiredDays} av {countNoun(scheduled, "dag", "dager")} i alt ({requiredPercent} %)
        </li>
      </ul>
    </div>
  );
}
