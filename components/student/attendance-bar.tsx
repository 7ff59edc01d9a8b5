// The attendance picture as a bar: days present, days missed, and days to come, with a mark where
// the cohort's threshold lies. The sentences beside it lead; the bar is their picture (its text
// alternative repeats the numbers).
import { formatAttendancePercent } from "@/lib/domain/eligibility";
export function AttendanceBar({
  attended,
  held,
  scheduled,
  requiredDays,
  requiredPercent,
}: {
  attended: number;
  held: number;
  scheduled: number;
  requiredDays: number;
  requiredPercent: number;
}) {
  if (scheduled === 0) return null;
  const share = (days: number) => `${(days * 100) / scheduled}%`;
  const absent = held - attended;
  const remaining = scheduled - held;
  const percent = formatAttendancePercent(attended, scheduled, requiredPercent);
  const label =
    `Til stede ${attended} dager (${percent} av alle samlingsdagene), borte ${absent}, ${remaining} igjen av ${scheduled}. ` +
    `Kravet er ${requiredDays} dager (${requiredPercent} %).`;
  return (
    <div className="mt-4">
      <div role="img" aria-label={label} className="relative h-5 w-full rounded-sm border border-slate-500 bg-white">
        <div className="absolute inset-y-0 left-0 bg-green-700" style={{ width: share(attended) }} />
        <div className="absolute inset-y-0 bg-red-700" style={{ left: share(attended), width: share(absent) }} />
        <div
          className="absolute -inset-y-1.5 w-1 -translate-x-1/2 rounded-sm bg-slate-900"
          style={{ left: share(requiredDays) }}
          aria-hidden="true"
        />
      </div>
      <ul aria-hidden="true" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm bg-green-700" /> Til stede: {attended} ({percent})
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm bg-red-700" /> Borte: {absent}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm border border-slate-500 bg-white" /> Igjen: {remaining}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-1 rounded-sm bg-slate-900" /> Krav: {requiredDays} dager ({requiredPercent} %)
        </li>
      </ul>
    </div>
  );
}
