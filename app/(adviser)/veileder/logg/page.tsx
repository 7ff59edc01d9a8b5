import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { PageHeader } from "@/components/area-nav";
import { AuditChanges } from "@/components/audit/audit-changes";
import { DataTable, type Column } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { auditActionGroup, auditActionGroupLabel, auditActionLabel, auditEntityLabel } from "@/lib/domain/audit-actions";
import { formatInstantNb } from "@/lib/domain/format";
import { viewAuditLog, type AuditLogRow } from "@/lib/server/audit-log/queries";
import { requirePageRole } from "@/lib/server/viewer";
import { parseAuditLogFilter } from "@/lib/validation/audit-log";

export const metadata: Metadata = { title: "Logg" };

// The audit log for administrators: who did what to which record, and when, with before and
// after; filtered by the person the entries are about, who did it, the kind and a period. Looking
// at a person's entries is itself logged (lib/server/audit-log/queries.ts).

const columns: Column<AuditLogRow>[] = [
  {
    key: "tid",
    header: "Tidspunkt",
    rowHeader: true,
    cell: (entry) => <time dateTime={entry.at.toISOString()}>{formatInstantNb(entry.at)}</time>,
  },
  {
    key: "hendelse",
    header: "Hendelse",
    // In words; the record's kind and id and the stored code beneath, for a question to support.
    cell: (entry) => (
      <>
        <span className="font-medium">{auditActionLabel(entry.action)}</span>
        <span className="block text-sm text-slate-700 wrap-anywhere">
          {auditEntityLabel(entry.entityType)} {entry.entityId} · <code>{entry.action}</code>
        </span>
      </>
    ),
  },
  { key: "gjelder", header: "Gjelder", cell: (entry) =>
      entry.about ?? (
        <>
          <span aria-hidden="true">–</span>
          <span className="sr-only">ingen person</span>
        </>
      ),
  },
  { key: "aktor", header: "Utført av", cell: (entry) => entry.actor?.name ?? <span className="text-slate-700">Systemet (bakgrunnsjobb)</span> },
  { key: "endring", header: "Før → etter", cell: (entry) => <AuditChanges before={entry.before} after={entry.after} /> },
];

/** The filter's kinds: one group per subject («Søknader»), first all of it, then each kind, in words. */
function auditTypeOptions(types: readonly string[]) {
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, "nb");
  const groups = [...new Set(types.map(auditActionGroup))].map((group) => ({ group, label: auditActionGroupLabel(group) })).sort(byLabel);
  return groups.flatMap(({ group, label }) => [
    { value: group, label: `Alle om ${label.toLowerCase()}`, group: label },
    ...types
      .filter((action) => auditActionGroup(action) === group)
      .map((action) => ({ value: action, label: auditActionLabel(action), group: label }))
      .sort(byLabel),
  ]);
}

function pageLink(params: Record<string, string>, page: number) {
  const query = new URLSearchParams({ ...params, side: String(page) });
  for (const [key, value] of [...query.entries()]) if (!value) query.delete(key);
  return `/veileder/logg?${query.toString()}`;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageRole(["ADMIN"], "/veileder/logg");
  const { filter, input, fieldErrors } = parseAuditLogFilter(await searchParams);
  const view = await viewAuditLog(viewer, filter);
  const kept = { person: input.person, personId: filter.personId ?? "", aktor: input.aktor, type: filter.type, fra: input.fra, til: input.til };
  const typeOptions = auditTypeOptions(view.types);
  return (
    <>
      <PageHeader
        title="Logg"
        lead="Hvem som har gjort hva, og når, med verdiene før og etter. Når du ser på oppføringene om en person, blir det selv logget."
      />
      <section className="card" aria-labelledby="filter-heading">
        <h2 id="filter-heading">Filtrer</h2>
        <form role="search" action="/veileder/logg" className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filtrer loggen">
          <TextField
            name="person"
            label="Person det gjelder"
            hint="Navn eller e-post"
            defaultValue={input.person || (view.state === "entries" ? (view.person?.email ?? "") : "")}
            autoComplete="off"
          />
          <TextField name="aktor" label="Utført av" hint="Navn eller e-post, eller «system»" defaultValue={input.aktor} autoComplete="off" />
          <SelectField name="type" label="Type" options={typeOptions} placeholder="Alle typer" defaultValue={filter.type} />
          <TextField name="fra" label="Fra og med" hint="dd.mm.åååå" defaultValue={input.fra} errors={fieldErrors.fra} inputMode="numeric" />
          <TextField name="til" label="Til og med" hint="dd.mm.åååå" defaultValue={input.til} errors={fieldErrors.til} inputMode="numeric" />
          <div className="flex flex-wrap items-end gap-3">
            <button type="submit" className="btn-primary">
              Vis
            </button>
            <Link href="/veileder/logg" className="link-target">
              Nullstill
            </Link>
          </div>
        </form>
      </section>

      {view.state === "choose-person" ? (
        <section className="card mt-6" aria-labelledby="velg-heading">
          <h2 id="velg-heading">Flere personer passer med «{input.person}»</h2>
          <p className="mt-2">Velg hvem oppføringene skal gjelde:</p>
          <ul className="mt-3 space-y-2">
            {view.candidates.map((candidate) => (
              <li key={candidate.id}>
                <Link href={pageLink({ ...kept, person: "", personId: candidate.id }, 1)}>{candidate.name}</Link>{" "}
                <span className="text-slate-700 wrap-anywhere">({candidate.email})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : view.state === "no-person" ? (
        <p role="status" className="card mt-6">
          Ingen person passer med «{input.person || "valget"}». Søk på navn eller e-post.
        </p>
      ) : (
        <section className="card mt-6" aria-labelledby="oppforinger-heading">
          <h2 id="oppforinger-heading">
            {view.person ? `Oppføringer om ${view.person.name}` : "Oppføringer"}
            {/* No count while a date waits to be corrected: it would be of a list not shown (a walk). */}
            {Object.keys(fieldErrors).length > 0 ? null : ` (${view.total})`}
          </h2>
          {view.person ? (
            <p className="mt-2">
              <span className="wrap-anywhere">{view.person.email}</span>.{" "}
              <a href={`/api/innsyn/${view.person.id}`} download>
                Last ned alt vi har om {view.person.name} (innsyn, zip)
              </a>
            </p>
          ) : null}
          {view.actors !== null && view.actors !== "system" && view.actors.length === 0 ? (
            <p className="mt-2">Ingen bruker passer med «{input.aktor}» som utfører.</p>
          ) : null}
          {Object.keys(fieldErrors).length > 0 ? (
            // A date to correct: the list is not what she asked for (a walk: reversed dates ran
            // the filter on the other date alone and said «Ingen oppføringer passer»).
            <p role="status" className="mt-4">
              Rett datoen som er merket i filteret, så vises oppføringene.
            </p>
          ) : (
            <div className="mt-4">
              <DataTable
                caption={view.person ? `Loggoppføringer om ${view.person.name}, nyeste først` : "Loggoppføringer, nyeste først"}
                columns={columns}
                rows={view.entries}
                rowKey={(entry) => entry.id}
                stackBelow="lg"
                empty="Ingen oppføringer passer med filteret."
              />
            </div>
          )}
          <Pager page={view.page} pages={view.pages} href={(page) => pageLink(kept, page)} />
        </section>
      )}
    </>
  );
}
