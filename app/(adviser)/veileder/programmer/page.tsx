import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { StatusBadge } from "@/components/status-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { listProgrammes } from "@/lib/server/programmes/queries";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Studieprogrammer" };

export default async function ProgrammesPage() {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder/programmer");
  const { canCreate, programmes } = await listProgrammes(viewer);
  type Row = (typeof programmes)[number];
  const columns: Column<Row>[] = [
    {
      key: "navn",
      header: "Studieprogram",
      rowHeader: true,
      cell: (row) => (
        <>
          <Link href={`/veileder/programmer/${row.id}`}>{row.name}</Link>
          <span className="block font-normal text-slate-700">
            {row.code} · FS {row.fsCourseCode}
          </span>
        </>
      ),
    },
    { key: "sp", header: "Studiepoeng", numeric: true, cell: (row) => row.credits },
    { key: "kull", header: "Kull", numeric: true, cell: (row) => row.cohorts },
    {
      key: "mal",
      header: "Mal for nye kull",
      cell: (row) =>
        row.templateProblems.length === 0 ? (
          <StatusBadge tone="good">I orden</StatusBadge>
        ) : (
          <StatusBadge tone="wait">Må rettes ({row.templateProblems.length})</StatusBadge>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Studieprogrammer"
        lead="Hvert studieprogram har en mal som nye kull kopierer: krav, arbeidskrav, kontaktpersoner og tekster i tilbudsbrevet. Endringer gjelder kull som opprettes etterpå."
      >
        {canCreate ? (
          <Link href="/veileder/programmer/ny" className="btn-primary">
            Nytt studieprogram
          </Link>
        ) : null}
      </PageHeader>
      <section className="card">
        <DataTable caption="Studieprogrammer" columns={columns} rows={programmes} rowKey={(row) => row.id} empty="Det er ingen studieprogrammer ennå." />
        {!canCreate ? <p className="mt-4 text-sm text-slate-700">Bare en administrator kan opprette nye studieprogrammer.</p> : null}
      </section>
    </>
  );
}
