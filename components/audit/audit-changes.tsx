// One audit entry's before and after, readably: a field per line, "før → etter", changed fields
// first and marked. Presentational; the rows come from lib/domain/audit-changes.ts.
import { auditChanges } from "@/lib/domain/audit-changes";

export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const rows = auditChanges(before, after);
  if (rows.length === 0) return <span className="text-slate-700">Ingen detaljer</span>;
  return (
    <dl className="space-y-1 text-sm">
      {rows.map((row) => (
        <div key={row.field}>
          <dt className="inline font-medium">{row.label}: </dt>
          <dd className="inline wrap-anywhere">
            {row.changed && row.before !== null ? (
              <>
                <del className="text-slate-700">{row.before}</del>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> endret til </span>
              </>
            ) : null}
            {row.after === null ? <span className="text-slate-700">(tomt)</span> : <span>{row.after}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
