import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { DataTable } from "@/components/ui/data-table";
import { formatDeadline } from "@/lib/domain/application-deadline";
import { listIntakes } from "@/lib/server/admission/queries";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Opptak" };

export default async function IntakesPage() {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder/opptak");
  const intakes = await listIntakes(viewer);
  return (
    <>
      <PageHeader
        title="Opptak"
        lead="Velg et opptak for å se søknadene, vurdere dem, rangere og sende vedtak. Klager på vedtak om opptak finner du under Opptaksklager."
      />
      <section className="card" aria-labelledby="opptak-heading">
        <h2 id="opptak-heading">Opptak med søknader</h2>
        <div className="mt-4">
          <DataTable
            caption="Opptak"
            rows={intakes}
            rowKey={(intake) => intake.id}
            empty="Ingen opptak har sendte søknader ennå."
            columns={[
              {
                key: "kull",
                header: "Kull",
                rowHeader: true,
                cell: (intake) => (
                  <>
                    <Link href={`/veileder/opptak/${intake.id}`}>{intake.name}</Link>
                    <span className="block font-normal text-slate-700">{intake.programme.name}</span>
                  </>
                ),
              },
              { key: "frist", header: "Søknadsfrist", cell: (intake) => formatDeadline(intake.applicationDeadline) },
              { key: "sendt", header: "Sendte søknader", numeric: true, cell: (intake) => intake.sent },
              { key: "ikke", header: "Ikke vurdert", numeric: true, cell: (intake) => intake.notReviewed },
              { key: "under", header: "Under vurdering", numeric: true, cell: (intake) => intake.underReview },
              { key: "vedtak", header: "Med vedtak", numeric: true, cell: (intake) => intake.decided },
              { key: "plasser", header: "Plasser", numeric: true, cell: (intake) => intake.capacity },
            ]}
          />
        </div>
      </section>
    </>
  );
}
