import type { SamlingDayState } from "@/lib/domain/attendance-progress";

/** Each state has a symbol as well as a colour, and its words are always shown. */
export const DAY_STATE: Record<SamlingDayState, { symbol: string; label: string; className: string }> = {
  PRESENT: { symbol: "✓", label: "Til stede", className: "text-green-800" },
  ABSENT: { symbol: "✗", label: "Borte", className: "text-red-800" },
  UNREGISTERED: { symbol: "?", label: "Ikke registrert ennå", className: "text-amber-900" },
  TODAY: { symbol: "●", label: "I dag", className: "text-brand-700" },
  // Not «Kommer»: beside «Meldt: …» in the notice column it read as «you are coming» (a walk).
  UPCOMING: { symbol: "○", label: "Ikke holdt ennå", className: "text-slate-700" },
  CREDITED: { symbol: "✓", label: "Godkjent fra tidligere kull", className: "text-green-800" },
  LEAVE: { symbol: "–", label: "Permisjon", className: "text-slate-700" },
};

export function DayState({ state }: { state: SamlingDayState }) {
  const shown = DAY_STATE[state];
  return (
    <span className={`inline-flex items-center gap-1.5 font-medium ${shown.className}`}>
      <span aria-hidden="true" className="inline-block w-4 text-center text-base leading-none">
        {shown.symbol}
      </span>
      {shown.label}
    </span>
  );
}
