// A bar chart drawn in HTML: every bar has its label and number as text beside it (so it reads
// the same to a screen reader, in high contrast and printed), and the same numbers follow in a
// table. Bars are drawn relative to the largest value.
import { DataTable } from "@/components/ui/data-table";

export interface Bar {
  key: string;
  label: string;
  value: number;
}

export function BarChart({
  title,
  bars,
  unit = ["søknad", "søknader"],
  valueHeader = "Antall",
}: {
  title: string;
  bars: readonly Bar[];
  /** What is counted, one and many: a screen reader hears «1 søknad», not «1 søknader» (a walk). */
  unit?: readonly [string, string];
  valueHeader?: string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const id = `chart-${title.replace(/[^a-zA-ZæøåÆØÅ0-9]+/g, "-").toLowerCase()}`;
  return (
    <figure aria-labelledby={`${id}-title`} className="space-y-3">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <ul className="space-y-1.5" aria-label={`${title}, som stolpediagram`}>
        {bars.map((bar) => (
          <li key={bar.key} className="grid grid-cols-[minmax(6rem,11rem)_1fr_auto] items-center gap-2 text-sm">
            <span className="truncate" title={bar.label}>
              {bar.label}
            </span>
            <span className="h-4 rounded-sm bg-slate-100" aria-hidden="true">
              <span className="block h-4 rounded-sm bg-brand-600" style={{ width: `${(bar.value / max) * 100}%` }} />
            </span>
            <span className="tabular-nums">
              {bar.value}
              <span className="sr-only"> {bar.value === 1 ? unit[0] : unit[1]}</span>
            </span>
          </li>
        ))}
      </ul>
      <details>
        <summary className="cursor-pointer text-sm text-brand-700 underline">Vis tallene som tabell</summary>
        <div className="mt-2">
          <DataTable
            caption={title}
            columns={[
              { key: "label", header: "Gruppe", rowHeader: true, cell: (bar: Bar) => bar.label },
              { key: "value", header: valueHeader, numeric: true, cell: (bar: Bar) => bar.value },
            ]}
            rows={bars}
            rowKey={(bar) => bar.key}
          />
        </div>
      </details>
    </figure>
  );
}
