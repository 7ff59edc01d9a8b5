import { Phone } from "@/components/ui/phone";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/area-nav";
import { IdentityForm } from "@/components/enrolments/identity-form";
import { LeaveForm } from "@/components/enrolments/leave-form";
import { ReturnForm } from "@/components/enrolments/return-form";
import { WithdrawForm } from "@/components/enrolments/withdraw-form";
import { CancelLeaveForm } from "@/components/enrolments/cancel-leave-form";
import { ENROLMENT_STATUS, klageBadge, StatusBadge } from "@/components/status-badge";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { completeStudentAction, saveIdentityAction } from "@/lib/actions/enrolments";
import { osloDate } from "@/lib/domain/application-deadline";
import { capitalise, formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { describeStandingStatus } from "@/lib/domain/standing";
import { STUDENT_LETTER_KIND_LABELS } from "@/lib/domain/student-letter";
import { getStudentRecord, type StudentRecord } from "@/lib/server/enrolments/queries";
import { NotFoundError } from "@/lib/server/errors";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { CLASSMATE_HEALTH_MESSAGE } from "@/lib/permissions";
import { DoneMessage } from "@/components/ui/done-message";

export const metadata: Metadata = { title: "Student" };

type Enrolment = StudentRecord["enrolments"][number];
type Letter = StudentRecord["letters"][number];

/** The letters, with a way to register a klage that came by e-mail or post (not on one's own: `self`). */
const letterColumns = (userId: string, self: boolean, today: string): Column<Letter>[] => [
  {
    key: "brev",
    header: "Brev",
    rowHeader: true,
    cell: (letter) => (
      <>
        <a href={`/api/student/brev/${letter.id}`}>
          {letter.subject} <span className="whitespace-nowrap">(PDF)</span>
        </a>
        <span className="block text-sm font-normal text-slate-700">
          {STUDENT_LETTER_KIND_LABELS[letter.kind]}
          {letter.enkeltvedtak ? " (enkeltvedtak)" : ""}
        </span>
      </>
    ),
  },
  { key: "kull", header: "Kull", cell: (letter) => letter.cohortName },
  { key: "dato", header: "Dato", cell: (letter) => formatDateNb(letter.madeAvailableOn) },
  // When she first opened it under Brev (a PDF sent on by e-mail or read on paper is not seen here).
  {
    key: "apnet",
    header: "Åpnet",
    cell: (letter) => (letter.openedAt === null ? "Ikke åpnet ennå" : letter.openedAt === "UNKNOWN" ? "Ikke kjent (eldre brev)" : formatInstantNb(letter.openedAt)),
  },
  {
    key: "klage",
    header: "Klage",
    cell: (letter) =>
      letter.klage ? (
        // The staff's one klage vocabulary (klageBadge), with where it stands at the klagenemnd.
        <Link href={`/veileder/studenter/${userId}/klage/${letter.id}`}>Klage: {klageBadge(letter.klage, letter.klage.appealsBody).label.toLowerCase()}</Link>
      ) : letter.replaced ? (
        "Gjelder ikke lenger"
      ) : letter.klageDeadline ? (
        <>
          {/* Past, it says so (a walk read «Klagefrist 6. oktober» in December as still open). */}
          {letter.klageDeadline < today ? `Klagefristen var ${formatDateNb(letter.klageDeadline)}` : `Klagefrist ${formatDateNb(letter.klageDeadline)}`}
          {self ? null : (
            <Link className="block text-sm" href={`/veileder/studenter/${userId}/klage/${letter.id}`}>
              Registrer klage fra e-post eller brev
            </Link>
          )}
        </>
      ) : (
        "–"
      ),
  },
];

async function load(segment: string) {
  const id = parseRecordId(segment);
  if (!id) notFound();
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/studenter/${id}`);
  try {
    return await getStudentRecord(viewer, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function StudentPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<{ overfort?: string; trukket?: string; fullfort?: string; sluttet?: string }> }) {
  const record = await load((await params).userId);
  const { overfort, trukket, fullfort, sluttet } = await searchParams;
  const { student, identity } = record;
  const transferred = overfort ? record.enrolments.find((enrolment) => enrolment.id === overfort) : undefined;
  const withdrawnLeave = trukket ? record.enrolments.flatMap((enrolment) => enrolment.leaves).find((leave) => leave.id === trukket && leave.status === "CANCELLED") : undefined;
  const completed = fullfort ? record.enrolments.find((enrolment) => enrolment.id === fullfort && enrolment.status === "COMPLETED") : undefined;
  const withdrawn = sluttet ? record.enrolments.find((enrolment) => enrolment.id === sluttet && enrolment.status === "WITHDRAWN") : undefined;
  const newestFirst = [...record.enrolments].reverse();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/veileder/studenter">← Alle studenter</Link>
      </p>
      <PageHeader title={student.name}>
        <p className="text-slate-700">
          <a href={`mailto:${student.email}`} className="wrap-anywhere">
            {student.email}
          </a>
          {student.phone ? <> · <Phone number={student.phone} /></> : null}
        </p>
      </PageHeader>
      {record.self ? (
        <p role="note" className="mb-6 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
          Dette er deg. Permisjon, tilbakekomst, overføring, fullføring og slutt i et kull avgjør en kollega (forvaltningsloven § 6), så ingen av dem tilbys her.
        </p>
      ) : null}
      {transferred ? (
        <DoneMessage>
          Studenten er overført til {transferred.cohort.name}. {transferred.credits.length} arbeidskrav og {transferred.creditedDays} samlingsdager er godkjent fra det tidligere
          kullet
          {transferred.awaiting.length > 0
            ? `, og ${transferred.awaiting.length} som venter på vurdering der, teller her når ${transferred.awaiting.length === 1 ? "det" : "de"} blir godkjent`
            : ""}
          . Studenten har fått brev om det.
        </DoneMessage>
      ) : null}
      {completed ? (
        <DoneMessage>
          Studenten har fullført {completed.cohort.name}
          {completed.exam?.grade ? ` med karakteren ${completed.exam.grade}` : ""}. Bekreftelsen er sendt under Brev og på e-post.
        </DoneMessage>
      ) : null}
      {withdrawn ? (
        <DoneMessage>
          Studenten har sluttet i {withdrawn.cohort.name}, og bekreftelsen er sendt under Brev og på e-post.{" "}
          {withdrawn.placeReleased
            ? "Plassen går til den første på ventelisten."
            : `Plassen går ikke videre: ventelisten stengte ${formatDateNb(withdrawn.waitlist.closesOn)}.`}
        </DoneMessage>
      ) : null}
      {withdrawnLeave ? (
        <DoneMessage>
          Permisjonen {formatDateNb(withdrawnLeave.from)}–{formatDateNb(withdrawnLeave.to)} er trukket tilbake. Studenten fortsetter som før og har fått bekreftelse
          under Brev og på e-post.
        </DoneMessage>
      ) : null}
      <div className="space-y-8">
        <section className="card" aria-labelledby="identitet-heading">
          <h2 id="identitet-heading">Fødselsdato og studentnummer</h2>
          <p className="mt-2 text-slate-700">
            FS trenger dem på eksamensresultatet. Bare studenten og studieveilederne ser dem, og de står ellers bare i eksamensprotokollen og FS-eksporten.
            {identity ? ` Sist endret ${formatInstantNb(identity.updatedAt)} av ${identity.updatedBy}.` : " Ikke registrert ennå."}
          </p>
          <div className="mt-4 max-w-md">
            <IdentityForm
              action={saveIdentityAction}
              hidden={{ userId: student.id }}
              own={false}
              current={{
                birthDate: identity?.birthDate ?? record.suggestedBirthDate,
                studentNumber: identity?.studentNumber ?? null,
                fsPersonNumber: identity?.fsPersonNumber ?? null,
              }}
            />
          </div>
        </section>

        <section aria-labelledby="forlop-heading" className="space-y-6">
          <h2 id="forlop-heading">Studieforløp</h2>
          {newestFirst.map((enrolment) => (
            <EnrolmentCard key={enrolment.id} enrolment={enrolment} userId={student.id} today={record.today} />
          ))}
        </section>

        <section className="card" aria-labelledby="brev-heading">
          <h2 id="brev-heading">Brev til studenten</h2>
          <div className="mt-4">
            <DataTable caption="Brev til studenten, nyeste først" columns={letterColumns(record.student.id, record.self, record.today)} rows={record.letters} rowKey={(letter) => letter.id} empty="Ingen brev ennå." />
          </div>
        </section>
      </div>
    </>
  );
}

function EnrolmentCard({ enrolment, userId, today }: { enrolment: Enrolment; userId: string; today: string }) {
  const status = ENROLMENT_STATUS[enrolment.status]!;
  const { actions, openLeave } = enrolment;
  const headingId = `kull-${enrolment.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id={headingId} className="text-xl">
          {enrolment.cohort.programme}, {enrolment.cohort.name}
        </h3>
        <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
      </div>
      <dl className="mt-3 facts">
        <dt className="font-medium">Kullet</dt>
        <dd>
          {formatDateNb(enrolment.cohort.startsOn)}–{formatDateNb(enrolment.cohort.endsOn)} · <Link href={`/kull/${enrolment.cohort.id}`}>Til kullet</Link>
        </dd>
        {enrolment.transferredFrom ? (
          <>
            <dt className="font-medium">Overført fra</dt>
            <dd>{enrolment.transferredFrom.cohortName}</dd>
          </>
        ) : null}
        {enrolment.transferredTo ? (
          <>
            <dt className="font-medium">Overført til</dt>
            <dd>{enrolment.transferredTo.cohortName}</dd>
          </>
        ) : null}
        {enrolment.endedOn ? (
          <>
            <dt className="font-medium">Avsluttet</dt>
            <dd>
              {formatDateNb(enrolment.endedOn)}
              {enrolment.endReason ? `: ${enrolment.endReason}` : ""}
              {enrolment.placeReleased ? " (plassen gikk til ventelisten)" : ""}
            </dd>
          </>
        ) : null}
        {enrolment.basisgruppe ? (
          <>
            <dt className="font-medium">Basisgruppe</dt>
            <dd>{enrolment.basisgruppe}</dd>
          </>
        ) : null}
        {enrolment.standing && (enrolment.status === "ACTIVE" || enrolment.status === "ON_LEAVE") ? (
          <>
            <dt className="font-medium">Eksamen</dt>
            <dd>
              {capitalise(describeStandingStatus(enrolment.standing.outlook))}: {enrolment.standing.attendedDays} av {enrolment.standing.scheduledDays} dager, {enrolment.standing.approvedRequired} av{" "}
              {enrolment.standing.requiredTotal} arbeidskrav godkjent
            </dd>
          </>
        ) : null}
        {enrolment.exam ? (
          <>
            <dt className="font-medium">Eksamensoppmelding</dt>
            <dd>
              {enrolment.exam.title}: {enrolment.exam.status === "ADMITTED" ? "meldt opp" : enrolment.exam.status === "REFUSED" ? "ikke adgang (vedtak)" : "meldt av"}
              {enrolment.exam.grade ? `, karakter ${enrolment.exam.grade}${enrolment.exam.published ? "" : " (ikke publisert)"}` : ""}
            </dd>
          </>
        ) : null}
      </dl>

      {enrolment.credits.length > 0 || enrolment.creditedDays > 0 ? (
        <div className="mt-4">
          <h4 className="font-semibold">Godkjent fra tidligere kull</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {enrolment.credits.map((credit) => (
              <li key={credit.id}>
                {credit.title}: {credit.fromKull ? `fra ${credit.fromKull}` : credit.from} (godkjent av {credit.creditedBy} {formatDateNb(osloDate(credit.creditedAt))})
                {credit.stands ? null : <span className="font-medium">. Vurderingen der er rettet til ikke godkjent, så godkjenningen teller ikke lenger.</span>}
              </li>
            ))}
            {enrolment.creditedDays > 0 ? <li>{enrolment.creditedDays} samlingsdager som oppmøte</li> : null}
          </ul>
        </div>
      ) : null}

      {enrolment.awaiting.length > 0 ? (
        <div className="mt-4">
          <h4 className="font-semibold">Venter på vurdering i tidligere kull</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {enrolment.awaiting.map((row) => (
              <li key={row.arbeidskravId}>
                {row.from}: teller som {row.title} her når det blir godkjent der, om studenten ikke har levert {row.title} her før det.
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {enrolment.leaves.length > 0 ? (
        <div className="mt-4">
          <h4 className="font-semibold">Permisjon</h4>
          <ul className="mt-1 space-y-2">
            {enrolment.leaves.map((leave) => (
              <li key={leave.id} className="rounded-md border border-slate-200 p-3">
                <p className="font-medium">
                  {formatDateNb(leave.from)}–{formatDateNb(leave.to)}: {leave.status === "REFUSED" ? "avslått" : "innvilget"} {formatInstantNb(leave.decidedAt)} av {leave.decidedBy}
                  {leave.status === "CANCELLED" ? ", trukket tilbake før den begynte" : ""}
                  {leave.endNote ? `, ${leave.endNote}` : ""}
                </p>
                {leave.reason === null ? (
                  <p className="text-sm text-slate-700">{CLASSMATE_HEALTH_MESSAGE}</p>
                ) : (
                  <p className="text-sm text-slate-700">
                    Grunn: {leave.reason}
                    {leave.documentation ? ` · Dokumentasjon: ${leave.documentation}` : ""}
                  </p>
                )}
                {leave.grounds ? <p className="text-sm text-slate-700">Begrunnelse for avslaget: {leave.grounds}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {openLeave ? (
        <div className="mt-4 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
          <p className="font-semibold">
            Permisjon {formatDateNb(openLeave.from)}–{formatDateNb(openLeave.to)}
            {openLeave.started ? "" : " (har ikke begynt ennå)"}
          </p>
          {openLeave.overdue ? <p className="mt-1">Den siste dagen er passert. Registrer at studenten er tilbake, eller at studenten slutter eller overføres.</p> : null}
          {actions.cancelLeave ? (
            <div className="mt-3">
              <CancelLeaveForm enrolmentId={enrolment.id} userId={userId} today={today} leave={{ from: openLeave.from, to: openLeave.to }} />
            </div>
          ) : null}
        </div>
      ) : null}

      <div className="mt-5 space-y-3">
        {actions.returnFromLeave ? (
          <details className="rounded-md border border-slate-300 p-3" open={openLeave?.overdue}>
            <summary className="cursor-pointer font-medium">Tilbake fra permisjon</summary>
            <div className="mt-3 max-w-md">
              <ReturnForm enrolmentId={enrolment.id} userId={userId} today={today} />
            </div>
          </details>
        ) : null}
        {actions.leave ? (
          <details className="rounded-md border border-slate-300 p-3">
            <summary className="cursor-pointer font-medium">Permisjon: registrer og avgjør en søknad</summary>
            <div className="mt-3 max-w-xl">
              <LeaveForm enrolmentId={enrolment.id} userId={userId} cohortName={enrolment.cohort.name} />
            </div>
          </details>
        ) : actions.leaveProblem ? (
          <p className="text-sm text-slate-700">{actions.leaveProblem}</p>
        ) : null}
        {actions.transfer ? (
          <p>
            <Link href={`/veileder/studenter/${userId}/overforing?fra=${enrolment.id}`} className="btn-secondary">
              Overfør til et senere kull
            </Link>
          </p>
        ) : null}
        {actions.complete ? (
          actions.completionProblem ? (
            <p className="text-sm text-slate-700">Kan ikke registreres som fullført: {actions.completionProblem}</p>
          ) : (
            <ConfirmActionButton
              action={completeStudentAction}
              hidden={{ enrolmentId: enrolment.id, userId }}
              label="Registrer at studenten har fullført"
              title="Registrere at studenten har fullført?"
              confirmLabel="Ja, fullført"
              className="btn-secondary"
            >
              <p>Studenten får en bekreftelse på fullført videreutdanning med karakteren, under Brev og på e-post.</p>
            </ConfirmActionButton>
          )
        ) : null}
        {actions.withdraw ? (
          <details className="rounded-md border border-slate-300 p-3">
            <summary className="cursor-pointer font-medium">Studenten slutter</summary>
            <div className="mt-3 max-w-xl">
              <WithdrawForm enrolmentId={enrolment.id} userId={userId} today={today} waitlistOpen={enrolment.waitlist.open} waitlistClosesOn={enrolment.waitlist.closesOn} />
            </div>
          </details>
        ) : null}
      </div>
    </article>
  );
}
