import type { Metadata } from "next";
import Link from "next/link";
import { listProgrammeContacts } from "@/lib/server/cohorts/queries";

export const metadata: Metadata = { title: "Personvernerklæring" };

// What the app stores about applicants and students, why, for how long, who sees it, and the
// rights they have. Kept in step with the code: change this page when what is stored changes.
// The retention periods are the programme's rules; deleting on time is the study
// administration's task (the app does not yet delete by itself, see README).
export default async function PrivacyPage() {
  const contacts = await listProgrammeContacts();
  return (
    <article className="mx-auto max-w-3xl space-y-8" aria-labelledby="personvern-heading">
      <header>
        <h1 id="personvern-heading">Personvernerklæring</h1>
        <p className="mt-3 text-lg text-slate-700">
          Slik behandler NTNU opplysningene dine når du søker på og tar Nasjonal videreutdanning i barnevernledelse.
        </p>
      </header>

      <section aria-labelledby="ansvarlig-heading" className="space-y-2">
        <h2 id="ansvarlig-heading">Hvem er ansvarlig</h2>
        <p>
          Norges teknisk-naturvitenskapelige universitet (NTNU) er behandlingsansvarlig. Studiet drives av Institutt for
          psykisk helse ved RKBU Midt-Norge. Studieveilederen for studiet svarer på spørsmål om opplysningene dine.
        </p>
      </section>

      <section aria-labelledby="hva-heading" className="space-y-2">
        <h2 id="hva-heading">Hva vi lagrer</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong>Kontoen din:</strong> navn, e-postadresse og passordet ditt, lagret bare som en ugjenkallelig kode (en
            hash), slik at heller ikke vi kan lese det.
          </li>
          <li>
            <strong>Søknaden:</strong> fødselsdato, telefonnummer og adresse, utdanningen din, hvor arbeidsgiveren din ligger,
            og stillingene dine med det tjenestebeviset sier (tittel, stillingsprosent, ansvarsområde, periode, nærmeste
            overordnede, fagansvar og personalansvar).
          </li>
          <li>
            <strong>Dokumentene du laster opp:</strong> vitnemål og tjenestebevis som PDF.
          </li>
          <li>
            <strong>Saksbehandlingen:</strong> prioritetskategori, rangering, vedtak og svaret ditt på et tilbud, og en logg
            over hvem som har endret hva og når.
          </li>
          <li>
            <strong>Som student:</strong> oppmøte på samlingene, arbeidskrav med tilbakemeldinger, eksamen og karakter.
          </li>
          <li>
            <strong>Innlogging:</strong> når du er logget inn, og mislykkede innloggingsforsøk (for å stoppe noen som prøver å
            gjette passordet ditt).
          </li>
        </ul>
        <p>
          Vi ber ikke om sensitive opplysninger som helse, og vi bruker ingen analyse- eller reklameverktøy. Nettstedet bruker
          bare de informasjonskapslene (cookies) som trengs for at du skal være logget inn og for å vise resultatet av en
          opplasting.
        </p>
      </section>

      <section aria-labelledby="hvorfor-heading" className="space-y-2">
        <h2 id="hvorfor-heading">Hvorfor, og med hvilken rett</h2>
        <p>
          Vi bruker opplysningene for å vurdere om du oppfyller opptakskravene, for å rangere søkerne når det er flere enn
          plassene, for å fatte og sende vedtak, og – hvis du blir student – for å følge opp oppmøte, arbeidskrav og
          eksamen. Vi sender deg e-post om søknaden og studiet.
        </p>
        <p>
          Grunnlaget er personvernforordningen artikkel 6 nr. 1 bokstav e: behandlingen er nødvendig for å utføre en oppgave
          i allmennhetens interesse og for å utøve offentlig myndighet som NTNU har etter universitets- og høyskoleloven
          (opptak og undervisning). Vedtak om opptak er enkeltvedtak etter forvaltningsloven.
        </p>
      </section>

      <section aria-labelledby="hvem-heading" className="space-y-2">
        <h2 id="hvem-heading">Hvem som ser opplysningene</h2>
        <p>
          Studieveilederne som behandler opptaket, ser søknaden og dokumentene. Blir du student, ser faglærerne og
          prosessveilederen din det som trengs for undervisningen: navn, oppmøte og arbeidskrav. Ingen andre søkere eller
          studenter ser opplysningene dine. Opplysningene deles ikke med andre utenfor NTNU, og de lagres på servere som NTNU
          har ansvar for.
        </p>
      </section>

      <section aria-labelledby="lenge-heading" className="space-y-2">
        <h2 id="lenge-heading">Hvor lenge vi lagrer opplysningene</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>Et utkast du aldri sender, slettes seks måneder etter søknadsfristen.</li>
          <li>
            En sendt søknad som ikke gir studieplass, slettes med dokumentene ett år etter søknadsfristen, når opptaket og
            eventuelle klager er ferdig behandlet. Vedtaket arkiveres etter arkivloven.
          </li>
          <li>
            Får du studieplass, blir søknaden en del av studentmappen din. Den og opplysningene om oppmøte, arbeidskrav og
            eksamen oppbevares så lenge du er student, og deretter etter arkivloven og reglene for karakterer og vitnemål.
          </li>
          <li>Loggen over hvem som har endret hva, oppbevares i fem år for å dokumentere saksbehandlingen.</li>
          <li>En konto uten søknader eller studier slettes når du ber om det, og senest to år etter siste innlogging.</li>
        </ul>
      </section>

      <section aria-labelledby="rettigheter-heading" className="space-y-2">
        <h2 id="rettigheter-heading">Dine rettigheter</h2>
        <p>Etter personvernforordningen har du rett til å</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>få vite hvilke opplysninger vi har om deg, og få en kopi av dem (innsyn, artikkel 15),</li>
          <li>få rettet opplysninger som er feil (artikkel 16) – før du sender søknaden, kan du rette dem selv,</li>
          <li>få slettet opplysninger vi ikke lenger trenger eller ikke har rett til å ha (artikkel 17),</li>
          <li>kreve at behandlingen begrenses mens noe er uavklart (artikkel 18), og</li>
          <li>protestere mot behandlingen på grunn av din særlige situasjon (artikkel 21).</li>
        </ul>
        <p>
          Du kan trekke søknaden din når som helst før den er avgjort. Vi svarer på henvendelser om rettighetene dine uten
          ugrunnet opphold og senest innen én måned.
        </p>
        <p>
          Mener du at vi behandler opplysningene dine i strid med regelverket, kan du klage til{" "}
          <a href="https://www.datatilsynet.no">Datatilsynet</a>.
        </p>
      </section>

      <section aria-labelledby="kontakt-heading" className="space-y-2">
        <h2 id="kontakt-heading">Kontakt</h2>
        {contacts.length > 0 ? (
          <ul className="space-y-2">
            {contacts.map((contact) => (
              <li key={contact.code}>
                <span className="font-medium">{contact.name}:</span> studieveileder {contact.adviserName},{" "}
                <a href={`mailto:${contact.adviserEmail}`} className="wrap-anywhere">
                  {contact.adviserEmail}
                </a>
                , {contact.adviserPhone}
              </li>
            ))}
          </ul>
        ) : (
          <p>Kontakt studieveilederen for studiet.</p>
        )}
        <p>
          NTNU har et personvernombud som du også kan kontakte om hvordan NTNU behandler personopplysninger; du finner
          kontaktinformasjonen på ntnu.no.
        </p>
      </section>

      <p>
        <Link href="/registrer" className="link-target">
          Til registreringen
        </Link>
      </p>
    </article>
  );
}
