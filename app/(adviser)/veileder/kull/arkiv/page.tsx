import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { formatDays } from "@/components/cohort-summary";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDateNb } from "@/lib/domain/format";
import { listArchivedCohorts } from "@/lib/server/intakes/queries";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Arkiverte kull" };

export default async function ArchivePage() {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder/kull/arkiv");
  const cohorts = await listArchivedCohorts(viewer);
  type Row = (typeof cohorts)[number];
  const columns: Column<Row>[] = [
    {
      key: "kull",
      header: "Kull",
      rowHeader: true,
      cell: (row) => (
        <>
          <Link href={`/kull/${row.id}`}>{row.name}</Link>
          <span className="block font-normal text-slate-700">{row.programme}</span>
        </>
      ),
    },
    { key: "periode", header: "Periode", cell: (row) => formatDays([row.startsOn, row.endsOn]) },
    { key: "studenter", header: "Studenter", numeric: true, cell: (row) => row.students },
    {
      key: "arkivert",
      header: "Arkivert",
      cell: (row) => (
        <>
          {formatDateNb(row.archivedOn)}
          <span className="block">
            <Link href={`/veileder/kull/${row.id}`}>
              Opptak og status<span className="sr-only"> for {row.name}, {row.programme}</span>
            </Link>
          </span>
        </>
      ),
    },
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/veileder">← Oversikt</Link>
      </p>
      <PageHeader title="Arkiverte kull" lead="Fullførte kull som er arkivert. De står ikke lenger i oversiktene, men alle sidene kan leses." />
      <section className="card">
        <DataTable caption="Arkiverte kull" columns={columns} rows={cohorts} rowKey={(row) => row.id} empty="Ingen kull er arkivert ennå." />
      </section>
    </>
  );
}
