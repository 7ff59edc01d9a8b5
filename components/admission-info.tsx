import { PRIORITY_CATEGORY_LABELS, PRIORITY_CATEGORIES } from "@/lib/domain/admission";

/** Admission requirements, ranking rules and practical facts, in plain Norwegian. */
export function AdmissionInfo() {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section className="card" aria-labelledby="krav-heading">
        <h2 id="krav-heading">Opptakskrav</h2>
        <p className="mt-2 text-slate-700">Du må oppfylle begge kravene:</p>
        <ol className="mt-3 list-decimal space-y-2 pl-5">
          <li>
            Relevant utdanning på bachelornivå eller tilsvarende, <strong>180 studiepoeng</strong>. Last opp vitnemålet
            (kopi eller PDF fra Vitnemålsportalen).
          </li>
          <li>
            Ansettelse som leder, fagleder, teamleder, stedfortreder for leder, eller lederoppgaver i norsk barnevern.
            Dokumenteres med <strong>tjenestebevis</strong> for hver stilling: stillingstittel, stillingsprosent,
            ansvarsområde, startdato og eventuell sluttdato (eller at du fortsatt er ansatt), tittelen til nærmeste
            overordnede og hvor mange du har personalansvar for. Legg ved all ledererfaring fra barnevernet.
          </li>
        </ol>
      </section>
      <section className="card" aria-labelledby="rangering-heading">
        <h2 id="rangering-heading">Rangering</h2>
        <p className="mt-2 text-slate-700">
          Er det flere kvalifiserte søkere enn plasser, prioriteres søkerne i denne rekkefølgen, og vi tilstreber
          geografisk spredning (etter fylket arbeidsgiveren din ligger i):
        </p>
        <ol className="mt-3 list-decimal space-y-2 pl-5">
          {PRIORITY_CATEGORIES.map((category) => (
            <li key={category}>{PRIORITY_CATEGORY_LABELS[category]}</li>
          ))}
        </ol>
        <p className="mt-3 text-sm text-slate-700">
          Kategorien vurderes per søknadsfristen, ut fra stillingene du har dokumentert. Du ser en foreløpig kategori når
          du sender søknaden; studieveilederen kontrollerer den mot tjenestebevisene.
        </p>
      </section>
      <section className="card" aria-labelledby="kostnad-heading">
        <h2 id="kostnad-heading">Kostnader og tilskudd</h2>
        <p className="mt-2 text-slate-700">
          Det er ingen kursavgift, men du betaler semesteravgift til NTNU det semesteret du tar eksamen. I tillegg kommer
          pensumlitteratur og reise og opphold i forbindelse med samlingene.
        </p>
        <p className="mt-2 text-slate-700">
          Kommuner og institusjoner kan søke Bufdirs tilskuddsordning for barnevernfaglig videreutdanning om dekning av
          utgifter. Videreutdanningen er ikke blant de prioriterte, men Bufdir oppfordrer likevel til å søke, fordi det kan
          bli restmidler.
        </p>
      </section>
      <section className="card" aria-labelledby="gjennomforing-heading">
        <h2 id="gjennomforing-heading">Gjennomføring</h2>
        <p className="mt-2 text-slate-700">
          30 studiepoeng på masternivå over tre semestre, med ni samlinger på to eller tre dager i Trondheim. For å gå opp
          til eksamen må du ha minst 80 % oppmøte på samlingene og fem godkjente arbeidskrav (to fagnotat og tre
          ledertreningsoppgaver). Eksamen er en individuell skriftlig hjemmeeksamen over tre dager, vurdert A–F.
        </p>
      </section>
    </div>
  );
}
