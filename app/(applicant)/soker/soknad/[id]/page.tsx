import { Phone } from "@/components/ui/phone";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ApplicationFacts } from "@/components/application/application-facts";
import { DocumentUpload } from "@/components/application/document-upload";
import { OfferAnswerForm, WithdrawForm } from "@/components/application/offer-forms";
import { APPLICATION_STEPS, stepOfField } from "@/lib/application-steps";
import { formatDeadline } from "@/lib/domain/application-deadline";
import { offerAwaitingAnswer } from "@/lib/domain/admission-decisions";
import { PRIORITY_CATEGORY_LABELS, isPriorityCategory } from "@/lib/domain/admission";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { osloDate } from "@/lib/domain/application-deadline";
import { AppealForm } from "@/components/application/appeal-form";
import { AppealsBodyOutcomeText } from "@/components/appeals-body-outcome";
import { appealsBodyStanding } from "@/lib/domain/klage";
import { LetterText } from "@/components/ui/letter-text";
import { canReopenApplication, canWithdrawApplication } from "@/lib/permissions";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { reopenApplicationAction } from "@/lib/actions/application";
import { loadApplication, uploadNotice } from "./load";

export const metadata: Metadata = { title: "Søknad" };

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ sendt?: string; svar?: string; klage?: string }>;
}) {
  const { id } = await params;
  const flags = await searchParams;
  const { viewer, application } = await loadApplication(id);
  const notice = await uploadNotice();

  if (application.status === "DRAFT") {
    const gaps = new Set(application.missing.map((item) => stepOfField(item.field)));
    const next = APPLICATION_STEPS.find((step) => gaps.has(step.slug)) ?? APPLICATION_STEPS.at(-1)!;
    redirect(`/soker/soknad/${id}/${next.slug}`);
  }

  const decision = application.decision;
  const open = application.window.state === "OPEN";
  const canReopen = canReopenApplication(viewer, { ...application, open });
  // A klage waiting for its decision: withdrawing the application closes it (canWithdrawApplication).
  const klageWaiting = application.appeals.some((appeal) => appeal.status === "RECEIVED");
  const canAnswer = offerAwaitingAnswer(application, new Date());
  // Each step says in words whether it has happened, and when: never a bare "venter" beside
  // a step that reads as if it had happened ("under behandling  venter").
  const timeline: { label: string; at: Date | null }[] = [
    ...(application.reopenedAt ? [{ label: "Du åpnet søknaden for endring", at: application.reopenedAt }] : []),
    { label: application.reopenedAt ? "Søknaden ble sendt på nytt" : "Søknaden ble sendt", at: application.submittedAt },
    application.reviewStartedAt
      ? { label: "Studieveilederen begynte å behandle søknaden", at: application.reviewStartedAt }
      : { label: "Studieveilederen har ikke begynt å behandle søknaden ennå", at: null },
  ];
  if (decision) {
    const outcome =
      decision.outcome === "OFFER"
        ? "Tilbud om studieplass"
        : decision.outcome === "WAITLIST"
          ? `Venteliste, plass nr. ${decision.waitlistPosition}`
          : "Avslag";
    timeline.push({ label: `Vedtak: ${outcome}`, at: decision.sentAt ?? decision.decidedAt });
    if (decision.answer) {
      const answered = { ACCEPTED: "Du takket ja", DECLINED: "Du takket nei", EXPIRED: "Tilbudet gikk ut uten svar" } as const;
      timeline.push({ label: answered[decision.answer], at: decision.answeredAt });
    }
  }
  if (application.withdrawnAt) timeline.push({ label: "Søknaden er trukket", at: application.withdrawnAt });

  return (
    <div className="space-y-6">
      <h1>Søknaden din</h1>
      {flags.sendt ? (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          {application.reopenedAt ? "Søknaden er sendt på nytt" : "Søknaden er sendt"}. Vi har sendt en kvittering til {viewer.email}.
        </p>
      ) : null}
      {notice ? (
        <p
          role={notice.ok ? "status" : "alert"}
          className={`rounded-md border p-3 ${notice.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
        >
          {notice.message}
        </p>
      ) : null}
      {flags.klage === "sendt" ? (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          Klagen er sendt. Vi har sendt deg en bekreftelse på e-post.
        </p>
      ) : null}
      {flags.svar === "ja" ? (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          Du har takket ja og er nå student i {application.cohort.name}. Du finner studiene dine under «Student» i menyen.{" "}
          <Link href="/student/studieforlop#identitet">Neste steg: registrer fødselsdato og studentnummer</Link>, som trengs til eksamen.
        </p>
      ) : null}

      {canAnswer && decision ? (
        // An open offer comes first: it is the one thing on the page with a deadline for the applicant.
        <section className="card border-green-700 bg-green-50" aria-labelledby="tilbud-heading">
          <h2 id="tilbud-heading">Du har fått tilbud om studieplass i {application.cohort.name}</h2>
          <p className="mt-1 font-medium">Svarfrist: {formatDeadline(decision.answerDeadline!)}.</p>
          <p className="mt-1 text-slate-800">Svarer du ikke innen fristen, går plassen til neste på ventelisten.</p>
          <div className="mt-3">
            <OfferAnswerForm applicationId={id} cohortName={application.cohort.name} />
          </div>
        </section>
      ) : null}
      {decision?.outcome === "OFFER" && (decision.answer === "ACCEPTED" || decision.answer === "DECLINED") && decision.answeredAt ? (
        <section className="card" aria-labelledby="kvittering-heading">
          <h2 id="kvittering-heading">Kvittering for svaret ditt</h2>
          <p className="mt-2">
            {decision.answer === "ACCEPTED" ? "Du takket ja til studieplassen" : "Du takket nei til studieplassen"} i {application.cohort.name}{" "}
            {formatInstantNb(decision.answeredAt)}.
            {decision.answer === "DECLINED" ? " Plassen går til neste på ventelisten." : ""}
          </p>
          <p className="mt-1 text-slate-700">Kvitteringen er også sendt på e-post til {viewer.email}.</p>
        </section>
      ) : null}

      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <ol className="mt-3 space-y-2">
          {timeline.map((step) => (
            <li key={step.label}>
              <span className={step.at ? "font-medium" : "text-slate-700"}>
                {step.label}
                {step.at ? ":" : "."}
              </span>
              {step.at ? <span className="text-slate-700"> {formatInstantNb(step.at)}</span> : null}
            </li>
          ))}
        </ol>
      </section>

      {/* Only until the decision: then the letter states the category used, and «foreløpig» beside it misled (a walk). */}
      {application.status !== "DECIDED" && application.provisionalCategory && isPriorityCategory(application.provisionalCategory) ? (
        <section className="card" aria-labelledby="kategori-heading">
          <h2 id="kategori-heading">Foreløpig prioritetskategori: {application.provisionalCategory}</h2>
          <p className="mt-1 font-medium">{PRIORITY_CATEGORY_LABELS[application.provisionalCategory]}</p>
          {application.provisionalCategoryReason ? <p className="mt-2 text-slate-800">{application.provisionalCategoryReason}</p> : null}
          <p className="mt-2 text-sm text-slate-700">
            Kategorien er foreløpig og beregnet ut fra stillingene du har oppgitt. Studieveilederen kontrollerer den mot
            tjenestebevisene.
          </p>
        </section>
      ) : null}

      {application.documentationRequests.length > 0 ? (
        <section className="card border-amber-700" aria-labelledby="mangel-heading">
          <h2 id="mangel-heading">Studieveilederen ber om mer dokumentasjon</h2>
          <ul className="mt-3 space-y-3">
            {application.documentationRequests.map((request) => (
              <li key={request.id} className="rounded-md bg-amber-50 p-3">
                <LetterText text={request.message} headingLevel={3} />
                <p className="mt-1 font-medium">Frist: {formatDeadline(request.dueDate)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {decision ? (
        <section className="card" aria-labelledby="vedtak-heading">
          <h2 id="vedtak-heading">Vedtak</h2>
          <p className="mt-1 text-sm text-slate-700">Saksnummer: {decision.reference}</p>
          {canAnswer ? (
            <p className="mt-3 font-medium">
              Du har fått tilbud om studieplass. <a href="#tilbud-heading">Svar på tilbudet</a> øverst på siden.
            </p>
          ) : decision.outcome === "OFFER" && decision.answer === null ? (
            <p className="mt-3 font-medium">Svarfristen har gått ut. Kontakt studieveilederen.</p>
          ) : decision.outcome === "OFFER" && decision.answer === "EXPIRED" ? (
            <p className="mt-3 font-medium">Du svarte ikke innen svarfristen, og plassen gikk til neste på ventelisten.</p>
          ) : decision.outcome === "WAITLIST" ? (
            <p className="mt-3 font-medium">Du står som nummer {decision.waitlistPosition} på ventelisten.</p>
          ) : null}

          <h3 className="mt-5">Vedtaksbrev</h3>
          <ol className="mt-2 space-y-3">
            {decision.letters.map((letter, index) => (
              <li key={letter.id}>
                <details open={index === 0} className="rounded-md border border-slate-300 p-3">
                  <summary className="cursor-pointer font-medium">
                    {letter.subject} ({formatDateNb(letter.madeAvailableOn)}){letter.replacedBy ? " – gjelder ikke lenger" : null}
                  </summary>
                  {letter.replacedBy ? (
                    <p className="mt-2 rounded-md bg-slate-100 p-2">
                      Dette vedtaket gjelder ikke lenger. Det er erstattet av «{letter.replacedBy.subject}» fra {formatDateNb(letter.replacedBy.madeAvailableOn)}. Brevet er
                      bevart slik det ble sendt.
                    </p>
                  ) : null}
                  <p className="mt-2">
                    <a href={`/api/vedtak/${letter.id}`} className="inline-flex min-h-11 items-center">
                      Last ned brevet som PDF<span className="sr-only">: {letter.subject}</span>
                    </a>
                  </p>
                  {letter.klageDeadline ? <p className="text-sm text-slate-700">Klagefrist: {formatDateNb(letter.klageDeadline)}.</p> : null}
                  <LetterText text={letter.body} className="mt-2" headingLevel={4} />
                </details>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {application.appeals.length > 0 || application.klage ? (
        <section className="card" aria-labelledby="klage-heading">
          <h2 id="klage-heading">Klage</h2>
          {application.appeals.map((appeal) => (
            <div key={appeal.id} className="mt-3 rounded-md border border-slate-300 p-3">
              <p className="font-medium">
                {appeal.registeredById ? `Klage sendt på e-post eller brev ${formatDateNb(osloDate(appeal.filedAt))}` : `Klage sendt ${formatInstantNb(appeal.filedAt)}`}:{" "}
                {appeal.status === "RECEIVED"
                  ? "under behandling"
                  : appeal.status === "REVERSED"
                    ? `${appeal.partly ? "delvis tatt til følge" : "tatt til følge"} – se det nye vedtaksbrevet`
                    : appeal.status === "SETTLED"
                      ? "avsluttet"
                      : appeal.forwardedAt
                      ? `ikke tatt til følge, sendt til klagenemnda ${formatInstantNb(appeal.forwardedAt)}`
                      : "ikke tatt til følge, sendes til klagenemnda"}
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-800">{appeal.text}</p>
              {appeal.document ? <p className="mt-1 text-sm">Vedlegg: {appeal.document.originalName}</p> : null}
              {appeal.grounds ? <p className="mt-2">{appeal.status === "SETTLED" ? "Hvorfor" : "Begrunnelse"}: {appeal.grounds}</p> : null}
              {appeal.appealsBodyDecisions[0] ? (
                <AppealsBodyOutcomeText decision={appeal.appealsBodyDecisions[0]} earlier={appealsBodyStanding(appeal, appeal.appealsBodyDecisions).waiting} />
              ) : null}
            </div>
          ))}
          {application.klage ? (
            <div className="mt-4">
              <p className="mb-3">
                Du kan klage på vedtaket til og med {formatDateNb(application.klage.deadline)} (forvaltningsloven § 29). Studieveilederen behandler klagen
                først; får du ikke medhold, går den til klagenemnda.
              </p>
              <AppealForm applicationId={id} deadline={formatDateNb(application.klage.deadline)} />
            </div>
          ) : null}
        </section>
      ) : null}

      {application.uploadWindow.open ? (
        <section className="card" aria-labelledby="flere-heading">
          <h2 id="flere-heading">Flere dokumenter</h2>
          <p className="mt-2 text-slate-700">
            Du kan legge til dokumenter til og med {formatDeadline(application.uploadWindow.until!)}. Tjenestebevis for en bestemt stilling
            laster du opp under <Link href={`/soker/soknad/${id}/dokumenter`}>Dokumenter</Link>.
          </p>
          <div className="mt-4">
            <DocumentUpload applicationId={id} kind="OTHER" label="Last opp et annet dokument" returnTo={`/soker/soknad/${id}`} id="upload-other" />
          </div>
        </section>
      ) : null}

      {canReopen ? (
        <section className="card" aria-labelledby="endre-heading">
          <h2 id="endre-heading">Endre søknaden</h2>
          <p className="mt-2 text-slate-700">
            Fram til søknadsfristen {formatDeadline(application.window.deadline)} kan du åpne søknaden og rette eller legge til opplysninger, så lenge
            studieveilederen ikke har begynt å behandle den.
          </p>
          <div className="mt-4">
            <ConfirmActionButton
              action={reopenApplicationAction}
              hidden={{ applicationId: id }}
              label="Endre søknaden"
              className="btn-secondary"
              title="Åpne søknaden for endring?"
              confirmLabel="Ja, åpne søknaden"
            >
              <p>
                Søknaden blir et utkast igjen og er <strong>ikke sendt</strong> før du sender den på nytt. Send den senest{" "}
                {formatDeadline(application.window.deadline)}, ellers blir den ikke vurdert.
              </p>
              <p>
                Når du sender den igjen, regnes den som sendt på det nye tidspunktet. Står søkere likt i kategori og fylke, går den som sendte
                søknaden først, foran.
              </p>
            </ConfirmActionButton>
          </div>
        </section>
      ) : application.status === "UNDER_REVIEW" && open ? (
        <p className="text-slate-700">
          Studieveilederen har begynt å behandle søknaden, så den kan ikke åpnes for endring. Du kan fortsatt laste opp dokumenter; vil du endre
          noe annet, kontakt studieveilederen.
        </p>
      ) : null}

      <ApplicationFacts application={application} editable={false} />

      {/* Not beside an open offer: «Takk nei» is the withdrawal there, with the place going on (a walk found both). */}
      {canWithdrawApplication(viewer, { ...application, klageWaiting }) && decision?.answer !== "ACCEPTED" && !canAnswer ? (
        <section className="card" aria-labelledby="trekk-heading">
          <h2 id="trekk-heading">Trekk søknaden</h2>
          <p className="mt-2 text-slate-700">
            Vil du ikke lenger ha studieplass, kan du trekke søknaden.
            {decision?.outcome === "OFFER" ? " Tilbudet om studieplass faller da bort." : decision?.outcome === "WAITLIST" ? " Du går da ut av ventelisten." : ""}
            {klageWaiting ? " Klagen din blir avsluttet uten avgjørelse." : ""}
          </p>
          <div className="mt-4">
            <WithdrawForm applicationId={id} decided={application.status === "DECIDED"} />
          </div>
        </section>
      ) : null}
      <p className="text-sm text-slate-700">
        Spørsmål? Kontakt studieveileder {application.cohort.programme.adviserName},{" "}
        <a href={`mailto:${application.cohort.programme.adviserEmail}`}>{application.cohort.programme.adviserEmail}</a>,{" "}
        <Phone number={application.cohort.programme.adviserPhone} />.
      </p>
    </div>
  );
}
