import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { CohortCard } from "@/components/cohort/cohort-card";
import { getCohortSummaries } from "@/lib/server/cohorts/faculty-home";
import { loadCohortPage } from "./load";

export const metadata: Metadata = { title: "Kull" };

export default async function CohortOverviewPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { viewer, cohort } = await loadCohortPage(params);
  const [summary] = await getCohortSummaries(viewer, { cohortId: cohort.id });
  const base = `/kull/${cohort.id}`;
  return (
    <>
      <PageHeader title={cohort.name} lead="Oversikt over kullet: dagens oppmøte, neste samling, innleveringer og studenter som trenger oppfølging." />
      <div className="space-y-6">
        {summary ? <CohortCard cohort={summary} showLinks={false} /> : null}
        <section className="card" aria-labelledby="sider-heading">
          <h2 id="sider-heading">Hva vil du gjøre?</h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            <li>
              <Link href={`${base}/plan`} className="font-medium">Plan</Link>
              <p className="text-sm text-slate-700">Samlinger og dager, eksamen, arbeidskrav med frister og kravene for kullet.</p>
            </li>
            <li>
              <Link href={`${base}/team`} className="font-medium">Team og basisgrupper</Link>
              <p className="text-sm text-slate-700">Hvem som underviser, prosessveiledere og hvem som er i hvilken gruppe.</p>
            </li>
            <li>
              <Link href={`${base}/oppmote`} className="font-medium">Oppmøte</Link>
              <p className="text-sm text-slate-700">Alle studenter og alle samlingsdager, oppmøtet hittil og hvem som står i fare.</p>
            </li>
            <li>
              <Link href={`${base}/arbeidskrav`} className="font-medium">Arbeidskrav</Link>
              <p className="text-sm text-slate-700">Hva som er levert, hva som venter på vurdering, godkjenning med tilbakemelding.</p>
            </li>
            <li>
              <Link href={`${base}/eksamen`} className="font-medium">Eksamen</Link>
              <p className="text-sm text-slate-700">Oppmelding av dem som fyller kravene, karakterer, publisering og eksport til FS.</p>
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}
