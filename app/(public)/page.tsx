import Link from "next/link";
import { AdmissionInfo } from "@/components/admission-info";
import { CohortSummary } from "@/components/cohort-summary";
import { homePathFor } from "@/lib/permissions";
import { listOpenCohorts } from "@/lib/server/cohorts/queries";
import { getViewer } from "@/lib/server/viewer";

export default async function HomePage() {
  const [viewer, openCohorts] = await Promise.all([getViewer(), listOpenCohorts()]);
  return (
    <div className="space-y-10">
      <section>
        <h1>Nasjonal videreutdanning i barnevernledelse</h1>
        <p className="mt-3 max-w-3xl text-lg text-slate-700">
          Videreutdanning på masternivå for ledere og stedfortredere i norsk barnevern, ved NTNU i Trondheim. Her søker du
          opptak, følger søknaden din og – når du er student – ser du samlinger, oppmøte, arbeidskrav og eksamen.
        </p>
        {viewer ? (
          <p className="mt-4">
            <Link href={homePathFor(viewer.roles)} className="btn-primary">
              Gå til din side
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="opptak-heading">
        <h2 id="opptak-heading" className="text-2xl">
          Åpne opptak
        </h2>
        {openCohorts.length === 0 ? (
          <p className="card mt-4">Det er ingen åpne opptak akkurat nå. Neste opptak kunngjøres her.</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {openCohorts.map((cohort) => (
              <li key={cohort.id} className="card">
                <CohortSummary cohort={cohort} headingLevel={3} />
                {viewer ? (
                  <p className="mt-4">
                    <Link href={`/soker/ny?kull=${cohort.id}`} className="btn-primary">
                      Søk på {cohort.name}
                    </Link>
                  </p>
                ) : (
                  // Signed out, "Søk" leads to registration (an account comes first), which says so
                  // and brings the new applicant straight on to this intake.
                  <>
                    <p className="mt-4 flex flex-wrap gap-3">
                      <Link href={`/registrer?neste=${encodeURIComponent(`/soker/ny?kull=${cohort.id}`)}`} className="btn-primary">
                        Søk på {cohort.name}
                      </Link>
                      <Link href={`/login?neste=${encodeURIComponent(`/soker/ny?kull=${cohort.id}`)}`} className="btn-secondary">
                        Jeg har en søkerkonto
                      </Link>
                    </p>
                    <p className="mt-2 text-sm text-slate-700">Du søker med en søkerkonto, som du oppretter først.</p>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <AdmissionInfo />
    </div>
  );
}
