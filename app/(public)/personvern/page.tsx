import { Phone } from "@/components/ui/phone";
import type { Metadata } from "next";
import Link from "next/link";
import { AUDIT_LOG_RETENTION_YEARS, formatMonthsNb } from "@/lib/domain/retention";
import { retentionPeriods } from "@/lib/env";
import { listProgrammeContacts } from "@/lib/server/cohorts/queries";

export const metadata: Metadata = { title: "Personvernerklæring" };

// What the app stores about applicants and students, why, on what legal basis, who sees it, for
// how long, and the rights they have. Kept in step with the code: change this page when what is
// stored or deleted changes. The retention periods are read from the same place the deletion job
// reads them (lib/env.ts retentionPeriods → lib/domain/retention.ts), so the page says what the
// job does.
export default async function PrivacyPage() {
  const contacts = await listProgrammeContacts();
  const periods = retentionPeriods();
  const documentsPeriod = formatMonthsNb(periods.notAdmittedDocumentsMonths);
  const undecidedPeriod = formatMonthsNb(periods.undecidedApplicationMonths);
  const deferralPeriod = formatMonthsNb(periods.deferralHealthDataMonths);
  const absencePeriod = formatMonthsNb(periods.absenceReasonMonths);
  return (
    <article className="mx-auto max-w-3xl space-y-8" aria-labelledby="personvern-heading">
      <header>
        <h1 id="personvern-heading">Personvernerklæring</h1>
        <p className="mt-3 text-lg text-slate-700">
          Slik behandler NTNU opplysningene dine når du søker på og tar videreutdanningen i barnevernledelse.
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
            <strong>Kontoen din:</strong> navn, e-postadresse, telefonnummer hvis du har oppgitt det, og passordet ditt, lagret
            bare som en ugjenkallelig kode (en hash), slik at heller ikke vi kan lese det. Logger du inn med Feide, lagrer vi
            Feide-identifikatoren din.
          </li>
          <li>
            <strong>Innlogging:</strong> når du logget inn, når du sist var aktiv og hvilken nettleser du brukte, så lenge
            innloggingen varer; og antall mislykkede innloggingsforsøk per konto og nettverksadresse i et kvarter (for å stoppe
            noen som prøver å gjette passordet ditt).
          </li>
          <li>
            <strong>Søknaden:</strong> navn, fødselsdato, telefonnummer og adresse, utdanningen din, hvor arbeidsgiveren din
            ligger, stillingene dine med det tjenestebeviset sier (tittel, stillingsprosent, ansvarsområde, periode, nærmeste
            overordnede, fagansvar og personalansvar), og det du eventuelt skriver til studieveilederen.
          </li>
          <li>
            <strong>Dokumentene du laster opp:</strong> vitnemål, tjenestebevis og vedlegg til en klage, som PDF.
          </li>
          <li>
            <strong>Saksbehandlingen:</strong> studieveilederens vurdering av dokumentene og stillingene, om du oppfyller
            opptakskravene og hvorfor, prioritetskategori, rangering, brev om manglende dokumentasjon, vedtak og vedtaksbrev,
            svaret ditt på et tilbud, og klager med behandlingen av dem.
          </li>
          <li>
            <strong>Som student:</strong> fødselsdato, studentnummer og FS-personløpenummer, basisgruppe, oppmøte per
            samlingsdag, fraværsmeldinger, arbeidskrav du leverer (tekst og PDF, alene eller i gruppe) med vurdering og
            tilbakemelding, status mot eksamen, eksamensoppmelding og karakter, permisjon, overføring til et annet kull, og
            brev, vedtak og klager om studiet ditt. Når du åpner et brev første gang under Brev, lagrer vi tidspunktet, slik
            at brevet ikke lenger vises som nytt; studieveilederen ser det på studentsiden din.
          </li>
          <li>
            <strong>Utsatt eksamen:</strong> søker du om utsatt eksamen, lagrer vi begrunnelsen og dokumentasjonen du laster
            opp, for eksempel en legeerklæring. Det er helseopplysninger.
          </li>
          <li>
            <strong>E-post vi sender deg:</strong> en kopi av hver e-post (mottaker, emne og tekst). Engangslenker fjernes fra
            kopien når den er sendt.
          </li>
          <li>
            <strong>En logg</strong> over hvem som har gjort hva i saken din og når, med verdiene før og etter endringen.
          </li>
        </ul>
        <p>
          Vi bruker ingen analyse- eller reklameverktøy. Nettstedet bruker bare de informasjonskapslene (cookies) som trengs
          for at du skal være logget inn, for å vise resultatet av en opplasting, og for å huske hvilket steg i søknaden du
          prøvde å gå videre fra, så feltene som mangler, blir merket (i ett døgn).
        </p>
      </section>

      <section aria-labelledby="hvorfor-heading" className="space-y-2">
        <h2 id="hvorfor-heading">Hvorfor, og med hvilken rett</h2>
        <p>
          Vi bruker opplysningene for å vurdere om du oppfyller opptakskravene, for å rangere søkerne når det er flere enn
          plassene, for å fatte og sende vedtak og behandle klager, og – hvis du blir student – for å følge opp oppmøte,
          arbeidskrav og eksamen, og for å rapportere resultatet til Felles studentsystem (FS). Vi sender deg e-post om
          søknaden og studiet. Loggen dokumenterer saksbehandlingen og gjør det mulig å finne ut hvem som har gjort hva.
        </p>
        <p>
          Grunnlaget er personvernforordningen artikkel 6 nr. 1 bokstav e: behandlingen er nødvendig for å utføre en oppgave
          i allmennhetens interesse og for å utøve offentlig myndighet som NTNU har etter universitets- og høyskoleloven
          (opptak, undervisning og eksamen). Vedtak om opptak, om arbeidskrav som ikke er godkjent etter siste innlevering og
          om adgang til eksamen er enkeltvedtak etter forvaltningsloven. Helseopplysninger i en søknad om utsatt eksamen
          behandles etter artikkel 9 nr. 2 bokstav g, fordi de trengs for å avgjøre søknaden etter universitets- og
          høyskoleloven og NTNUs studieforskrift.
        </p>
      </section>

      <section aria-labelledby="hvem-heading" className="space-y-2">
        <h2 id="hvem-heading">Hvem som ser opplysningene</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong>Studieveilederne og administratorene</strong> som behandler opptak og studier, ser søknaden, dokumentene,
            vedtakene og det som gjelder studiet ditt, også dokumentasjonen for utsatt eksamen.
          </li>
          <li>
            <strong>Faglærerne i kullets lærerteam</strong> og prosessveilederen din ser det undervisningen trenger: navn,
            e-postadresse, basisgruppe, oppmøte, fraværsmeldinger, arbeidskrav og status mot eksamen; ved eksamen også
            fødselsdato og studentnummer i eksamensprotokollen. De ser ikke søknaden din eller dokumentasjonen for utsatt
            eksamen.
          </li>
          <li>
            <strong>Medstudentene i gruppen din</strong> ser gruppens innlevering og hvem som er med i gruppen.
          </li>
          <li>
            <strong>Bare administratorene</strong> ser hele loggen; lærerteamet og studieveilederne ser de delene arbeidet
            deres trenger, for eksempel hvem som rettet et oppmøte. Når en administrator ser på loggen over deg eller laster
            ned opplysningene dine, blir det selv logget.
          </li>
        </ul>
        <p>
          Ingen andre søkere eller studenter ser opplysningene dine. Karakteren, fødselsdato og studentnummer overføres til
          Felles studentsystem (FS), som NTNU bruker for alle studenter. En klage vi ikke tar til følge, sendes til Den sentrale
          klagenemnda ved NTNU. Ellers deles ikke opplysningene med andre utenfor NTNU, og de lagres på servere som NTNU har
          ansvar for.
        </p>
      </section>

      <section aria-labelledby="lenge-heading" className="space-y-2">
        <h2 id="lenge-heading">Hvor lenge vi lagrer opplysningene</h2>
        <p>Systemet sletter av seg selv hver natt det som har nådd fristen under:</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong>Får du ikke studieplass,</strong> slettes dokumentene dine (vitnemål, tjenestebevis og vedlegg) {documentsPeriod}{" "}
            etter det endelige vedtaket: det siste vedtaksbrevet, svaret ditt på et tilbud, at du trakk søknaden, eller
            avgjørelsen av en klage, også klagenemndas – og aldri før klagefristen er ute eller mens en klage er til
            behandling, hos oss eller hos klagenemnda. Søknaden,
            vedtaket og brevene beholdes som saksdokumenter etter arkivloven.
          </li>
          <li>
            <strong>En søknad som aldri fikk et vedtak</strong> (et utkast du ikke sendte, eller en søknad du trakk før
            vedtaket), slettes helt med dokumentene {undecidedPeriod} etter søknadsfristen. En søknad du har sendt,
            beholdes til den er avgjort, uansett hvor lang tid det tar.
          </li>
          <li>
            <strong>Søker du om utsatt eksamen,</strong> slettes forklaringen din og dokumentasjonen (for eksempel
            legeerklæringen) {deferralPeriod} etter at søknaden er endelig avgjort: vedtaket, avgjørelsen av en klage, eller
            at klagen ble sendt til klagenemnda (dokumentasjonen følger saken dit). Fikk du utsatt eksamen, regnes tiden
            tidligst fra den utsatte eksamenen, og søker du på nytt, slettes alle søknadene dine samtidig når den siste er
            avgjort. Aldri før klagefristen er ute eller mens en klage er til behandling. Søknaden, vedtaket med
            begrunnelsen, brevene og en klage du har skrevet, beholdes som saksdokumenter.
          </li>
          <li>
            <strong>Sender du en fraværsmelding,</strong> slettes begrunnelsen du skrev {absencePeriod} etter samlingsdagen den
            gjaldt. At du meldte fravær, og når, beholdes med oppmøtet.
          </li>
          <li>Innlogginger slettes når de er avsluttet, og engangslenker et døgn etter at de er brukt eller har gått ut.</li>
        </ul>
        <p>Dette sletter ikke systemet av seg selv:</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Får du studieplass, blir søknaden en del av studentmappen din. Den og opplysningene om oppmøte, arbeidskrav og
            eksamen oppbevares så lenge du er student, og deretter etter arkivloven og reglene for karakterer og vitnemål.
          </li>
          <li>
            Loggen oppbevares i minst {AUDIT_LOG_RETENTION_YEARS} år for å dokumentere saksbehandlingen. Når noe slettes,
            skriver systemet i loggen bare hva som ble slettet (antall og interne nummer), ikke innholdet.
          </li>
          <li>Kopier av e-post vi har sendt deg, følger saken.</li>
          <li>Kontoen din slettes når du ber studieveilederen om det, hvis du ikke har søknader eller studier som må beholdes.</li>
        </ul>
      </section>

      <section aria-labelledby="rettigheter-heading" className="space-y-2">
        <h2 id="rettigheter-heading">Dine rettigheter</h2>
        <p>Etter personvernforordningen har du rett til å</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            få vite hvilke opplysninger vi har om deg, og få en kopi av dem (innsyn, artikkel 15) – er du logget inn, laster du
            dem ned selv under <Link href="/min-konto">Min konto</Link>,
          </li>
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
                , <Phone number={contact.adviserPhone} />
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
