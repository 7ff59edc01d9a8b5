import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/area-nav";
import { formatDays } from "@/components/cohort-summary";
import { IntakeForm } from "@/components/intakes/intake-form";
import { ReopenCohortForm, RestoreCohortForm } from "@/components/intakes/restore-form";
import { StatusBadge } from "@/components/status-badge";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { EditToggle } from "@/components/ui/edit-toggle";
import { archiveCohortAction, completeCohortAction, publishIntakeAction, updateIntakeAction } from "@/lib/actions/intakes";
import { formatDeadline } from "@/lib/domain/application-deadline";
import { formatDateNb } from "@/lib/domain/format";
import { NotFoundError } from "@/lib/server/errors";
import { getIntake, type IntakePage as Intake } from "@/lib/server/intakes/queries";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { countNoun } from "@/lib/domain/format";
import { DoneMessage } from "@/components/ui/done-message";

export const metadata: Metadata = { title: "Kull: opptak og status" };

function ProblemList({ title, problems }: { title: string; problems: readonly string[] }) {
  return (
    <div className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}

function LifeStep({ intake }: { intake: Intake }) {
  const hidden = { cohortId: intake.id };
  switch (intake.phase) {
    case "DRAFT":
      return intake.publicationProblems.length > 0 ? (
        <ProblemList title="Før opptaket kan publiseres:" problems={intake.publicationProblems} />
      ) : (
        <ConfirmActionButton
          action={publishIntakeAction}
          hidden={hidden}
          label="Publiser opptaket"
          title={`Publisere opptaket til ${intake.name}?`}
          confirmLabel="Publiser opptaket"
        >
          <p>
            Søkerne ser opptaket på forsiden fra {formatDateNb(intake.applicationOpensOn)} og kan søke til og med{" "}
            {formatDateNb(intake.applicationDeadline)}. Et publisert opptak kan ikke gjøres om til kladd igjen.
          </p>
        </ConfirmActionButton>
      );
    case "EXAM":
      return intake.completionProblems.length > 0 ? (
        <ProblemList title="Før kullet kan fullføres:" problems={intake.completionProblems} />
      ) : (
        <ConfirmActionButton action={completeCohortAction} hidden={hidden} label="Fullfør kullet" title={`Fullføre ${intake.name}?`} confirmLabel="Fullfør kullet">
          <p>Kullet er ferdig: samlingene er holdt og karakterene er publisert. Etterpå kan kullet arkiveres.</p>
        </ConfirmActionButton>
      );
    case "COMPLETED":
      return (
        <div className="space-y-3">
          {intake.archiveProblems.length > 0 ? (
            <ProblemList title="Før kullet kan arkiveres:" problems={intake.archiveProblems} />
          ) : (
            <ConfirmActionButton action={archiveCohortAction} hidden={hidden} label="Arkiver kullet" title={`Arkivere ${intake.name}?`} confirmLabel="Arkiver kullet">
              <p>Kullet forsvinner fra oversiktene, men alle sidene kan fortsatt leses fra arkivet.</p>
              <p>Et arkivert kull kan ikke endres. Må noe rettes senere, kan kullet hentes fram fra arkivet igjen.</p>
            </ConfirmActionButton>
          )}
          <EditToggle summary="Åpne kullet igjen for å rette noe">
            <div className="mt-2 space-y-3">
              <p>
                Et fullført kull står fast: planen, datoene og antall plasser kan ikke endres, og permisjon kan ikke gis. Er noe av det feil, åpner du
                kullet igjen, retter det og fullfører kullet på nytt. Studentenes egne fullføringer og karakterer står som før.
              </p>
              <ReopenCohortForm cohortId={intake.id} />
            </div>
          </EditToggle>
        </div>
      );
    case "ARCHIVED":
      return (
        <div className="space-y-3">
          <p>
            Kullet ble arkivert {formatDateNb(intake.archivedOn!)}. Ingenting i det kan endres: oppmøte, arbeidskrav, eksamen, studenter og plan står
            som de er. Må noe rettes, for eksempel etter en klage, henter du kullet fram fra arkivet først.
          </p>
          <RestoreCohortForm cohortId={intake.id} />
        </div>
      );
    default:
      return null;
  }
}

export default async function IntakePage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: Promise<Record<"opprettet" | "kopiert" | "publisert" | "fullfort" | "arkivert" | "hentet" | "gjenapnet", string | undefined>> }) {
  const { cohortId } = await params;
  const { opprettet, kopiert, publisert, fullfort, arkivert, hentet, gjenapnet } = await searchParams;
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/kull/${encodeURIComponent(cohortId)}`);
  const id = parseRecordId(cohortId);
  if (!id) notFound();
  const intake = await getIntake(viewer, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const base = `/kull/${intake.id}`;
  const published = intake.phase !== "DRAFT";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={intake.archivedAt ? "/veileder/kull/arkiv" : "/veileder"}>← {intake.archivedAt ? "Arkivet" : "Oversikt"}</Link>
      </p>
      <PageHeader title={`${intake.name}: opptak og status`} lead={`${intake.programme.name} · ${intake.phaseText}`} />
      {opprettet || kopiert || publisert || fullfort || arkivert || hentet || gjenapnet ? (
        <DoneMessage>
          {kopiert
            ? `${intake.name} er opprettet som kladd med planen kopiert. Se over samlingene og arbeidskravene, og publiser opptaket når det er klart.`
            : opprettet
              ? `${intake.name} er opprettet som kladd. Legg inn samlinger og arbeidskrav i planen, og publiser opptaket når det er klart.`
              : publisert
                ? `${intake.name} er publisert. Søkerne ser opptaket på forsiden mens søknadsperioden er åpen.`
                : fullfort
                  ? `${intake.name} er fullført.`
                  : hentet
                    ? `${intake.name} er hentet fram fra arkivet og kan rettes. Arkiver kullet igjen når du er ferdig.`
                    : gjenapnet
                      ? `${intake.name} er åpnet igjen og kan rettes. Fullfør kullet igjen når du er ferdig.`
                    : `${intake.name} er arkivert. Det står ikke lenger i oversiktene, men sidene kan fortsatt leses fra arkivet.`}
        </DoneMessage>
      ) : null}
      <div className="space-y-6">
        <section className="card space-y-4" aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          <p>
            <StatusBadge tone={intake.phase === "DRAFT" ? "wait" : intake.phase === "ARCHIVED" ? "neutral" : "good"}>{intake.phaseLabel}</StatusBadge>
          </p>
          {intake.nextStep ? (
            <p>
              Neste steg:{" "}
              {intake.nextStep.href && intake.nextStep.href !== `/veileder/kull/${intake.id}` ? (
                <Link href={intake.nextStep.href} className="font-medium">
                  {intake.nextStep.text}
                </Link>
              ) : (
                <span className="font-medium">{intake.nextStep.text}</span>
              )}
            </p>
          ) : null}
          <LifeStep intake={intake} />
        </section>

        <section className="card space-y-3" aria-labelledby="plan-heading">
          <h2 id="plan-heading">Plan og lærerteam</h2>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              {countNoun(intake.samlinger, "samling", "samlinger")} med {countNoun(intake.samlingDays, "samlingsdag", "samlingsdager")}
              {intake.firstDay && intake.lastDay ? ` (${formatDays([intake.firstDay, intake.lastDay])})` : ""}
            </li>
            <li>{intake.arbeidskrav} arbeidskrav</li>
            <li>{intake.exam ? `Eksamen ${formatDays([intake.exam.startsOn, intake.exam.endsOn])}` : "Eksamen er ikke lagt inn"}</li>
            <li>
              {intake.teachers.length > 0
                ? `Lærerteam: ${intake.teachers.map((teacher) => `${teacher.name}${teacher.academicLead ? " (fagansvarlig)" : ""}`).join(", ")}`
                : intake.archivedAt
                  ? "Ingen i lærerteamet"
                  : "Ingen i lærerteamet ennå"}
            </li>
          </ul>
          <p className="flex flex-wrap gap-3">
            <Link href={`${base}/plan`} className="btn-secondary">
              Plan: samlinger, eksamen og arbeidskrav
            </Link>
            <Link href={`${base}/team`} className="btn-secondary">
              Lærerteam og basisgrupper
            </Link>
          </p>
        </section>

        <section className="card space-y-3" aria-labelledby="soknader-heading">
          <h2 id="soknader-heading">Søknader og plasser</h2>
          <p>
            {countNoun(intake.counts.applications - intake.counts.drafts, "sendt søknad", "sendte søknader")} og {intake.counts.drafts} utkast; {intake.counts.decisions} vedtak;{" "}
            {intake.placesTaken} av {intake.capacity} plasser tatt{intake.counts.openOffers > 0 ? ` (${countNoun(intake.counts.openOffers, "tilbud venter", "tilbud venter")} på svar)` : ""}. Søknadsfrist {formatDeadline(intake.applicationDeadline)}.
          </p>
          {intake.counts.applications - intake.counts.drafts > 0 ? (
            <p>
              <Link href={`/veileder/opptak/${intake.id}`}>Til opptaket</Link>
            </p>
          ) : null}
        </section>

        <section className="card space-y-4" aria-labelledby="endre-heading">
          <h2 id="endre-heading">Opptaket og datoene</h2>
          {intake.phase === "COMPLETED" ? (
            <p className="text-slate-700">Kullet er fullført, så plassene og datoene står fast. Navnet kan rettes; endringen logges. Er noe annet feil, åpner du kullet igjen under «Status».</p>
          ) : published && !intake.archivedAt ? (
            <p className="text-slate-700">
              Opptaket er publisert: endringer logges, og flyttes søknadsfristen, får søkere med utkast e-post om det.
            </p>
          ) : null}
          {intake.archivedAt ? (
            <p className="text-slate-700">Kullet er arkivert og kan ikke endres.</p>
          ) : (
            <IntakeForm
              action={updateIntakeAction}
              hidden={{ cohortId: intake.id }}
              initial={{
                code: intake.code,
                name: intake.name,
                capacity: intake.capacity,
                applicationOpensOn: intake.applicationOpensOn,
                applicationDeadline: intake.applicationDeadline,
                offerAnswerDeadline: intake.offerAnswerDeadline,
                startsOn: intake.startsOn,
                endsOn: intake.endsOn,
                waitlistClosesOn: intake.waitlistClosesOn,
              }}
              locked={intake.locked}
              waitlistClosing={intake.waitlistClosing}
              askReason={published && intake.phase !== "COMPLETED"}
              submitLabel="Lagre endringene"
              label="Endre opptaket"
            />
          )}
        </section>
      </div>
    </>
  );
}
