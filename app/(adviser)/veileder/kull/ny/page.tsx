import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { IntakeForm } from "@/components/intakes/intake-form";
import { createIntakeAction } from "@/lib/actions/intakes";
import { listProgrammeChoices } from "@/lib/server/programmes/queries";
import { requirePageRole } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Nytt kull" };

export default async function NewIntakePage() {
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], "/veileder/kull/ny");
  const programmes = await listProgrammeChoices(viewer);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/veileder">← Oversikt</Link>
      </p>
      <PageHeader
        title="Nytt kull"
        lead="Kullet lagres som kladd. Søkerne ser det først når du publiserer opptaket, og det kan du gjøre når samlingene og arbeidskravene er lagt inn."
      >
        <Link href="/veileder/kull/kopier" className="btn-secondary">
          Kopier et tidligere kull i stedet
        </Link>
      </PageHeader>
      <section className="card">
        {programmes.length === 0 ? (
          <p>
            Det finnes ingen studieprogrammer ennå. En administrator oppretter dem under <Link href="/veileder/programmer">Studieprogrammer</Link>.
          </p>
        ) : (
          <IntakeForm action={createIntakeAction} programmes={programmes} initial={{ capacity: 30 }} submitLabel="Opprett kullet som kladd" label="Nytt kull" />
        )}
      </section>
    </>
  );
}
