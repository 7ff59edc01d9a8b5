import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/area-nav";
import { RegisterAppealForm } from "@/components/student-letters/register-appeal-form";
import { osloDate } from "@/lib/domain/application-deadline";
import { formatDateNb } from "@/lib/domain/format";
import { NotFoundError } from "@/lib/server/errors";
import { getKlageRegistration } from "@/lib/server/student-letters/appeals";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Registrer klage" };

const STATUS = { RECEIVED: "venter på behandling", REVERSED: "tatt til følge", UPHELD: "ikke tatt til følge (sendt til klageinstansen)", SETTLED: "avsluttet uten avgjørelse" } as const;

/** A klage on one of a student's letters that came by e-mail or post, registered by the adviser. */
export default async function RegisterKlagePage({ params }: { params: Promise<{ userId: string; letterId: string }> }) {
  const segments = await params;
  const userId = parseRecordId(segments.userId);
  const letterId = parseRecordId(segments.letterId);
  if (!userId || !letterId) notFound();
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/studenter/${userId}/klage/${letterId}`);
  const view = await getKlageRegistration(viewer, userId, letterId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const back = `/veileder/studenter/${userId}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={back}>← {view.student.name}</Link>
      </p>
      <PageHeader
        title="Registrer klage"
        lead="En klage må være skriftlig, men kan komme på e-post eller brev i stedet for i studentportalen. Registrer den her, så behandles den som andre klager: av en annen enn den som fattet vedtaket."
      />
      <section className="card mb-6" aria-labelledby="vedtak-heading">
        <h2 id="vedtak-heading">Vedtaket</h2>
        <dl className="facts mt-2">
          <dt className="font-medium">Brev</dt>
          <dd>{view.letter.subject}</dd>
          <dt className="font-medium">Kull</dt>
          <dd>{view.cohort.name}</dd>
          <dt className="font-medium">Gjort tilgjengelig</dt>
          <dd>{formatDateNb(view.letter.madeAvailableOn)}</dd>
          {view.letter.klageDeadline ? (
            <>
              <dt className="font-medium">Klagefrist</dt>
              <dd>{formatDateNb(view.letter.klageDeadline)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {view.appeal ? (
        <section className="card" aria-labelledby="klage-heading">
          <h2 id="klage-heading">Klagen er registrert</h2>
          <p className="mt-2">
            Klagen kom inn {formatDateNb(view.appeal.receivedOn)}
            {view.appeal.registeredBy ? ` og ble registrert av ${view.appeal.registeredBy}` : " i studentportalen"}. Den {STATUS[view.appeal.status]}.
          </p>
          {view.appeal.lateReason ? <p className="mt-2">Kom etter fristen, tatt under behandling fordi: {view.appeal.lateReason}</p> : null}
          <p className="mt-2">
            <Link href={`/kull/${view.cohort.id}/klager`}>Til klagene i {view.cohort.name}</Link>
          </p>
        </section>
      ) : view.problem ? (
        <p role="alert" className="card border-red-700 bg-red-50 text-red-900">
          {view.problem}
        </p>
      ) : (
        <section className="card" aria-labelledby="registrer-heading">
          <h2 id="registrer-heading">Klagen</h2>
          <div className="mt-4">
            <RegisterAppealForm letterId={view.letter.id} userId={userId} today={osloDate(new Date())} klageDeadline={view.letter.klageDeadline!} />
          </div>
        </section>
      )}
    </>
  );
}
