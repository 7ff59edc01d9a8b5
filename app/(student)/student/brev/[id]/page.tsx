import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StudentAppealForm } from "@/components/student-letters/appeal-form";
import { CorrectionNoticeResponse } from "@/components/student/correction-notice-response";
import { LetterOpened } from "@/components/student-letters/letter-opened";
import { LetterStatus } from "@/components/student-letters/letter-status";
import { LetterText } from "@/components/ui/letter-text";
import { PrintButton } from "@/components/ui/print-button";
import { osloDate } from "@/lib/domain/application-deadline";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { isoDate } from "@/lib/to-domain";
import { STUDENT_LETTER_KIND_LABELS } from "@/lib/domain/student-letter";
import { NotFoundError } from "@/lib/server/errors";
import { getStudentLetter } from "@/lib/server/student-letters/queries";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { DoneMessage } from "@/components/ui/done-message";

export const metadata: Metadata = { title: "Brev" };

async function load(segment: string) {
  const id = parseRecordId(segment);
  if (!id) notFound();
  const viewer = await requirePageRole(["STUDENT"], `/student/brev/${id}`);
  try {
    return await getStudentLetter(viewer, id);
  } catch (error) {
    // Someone else's letter is as unknown as one that does not exist.
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function LetterPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ klage?: string }> }) {
  const letter = await load((await params).id);
  const filed = (await searchParams).klage === "sendt" && letter.appeal !== null;
  const { appeal } = letter;
  return (
    <>
      {letter.isNew ? <LetterOpened letterId={letter.id} /> : null}
      <p className="mb-2 text-sm print:hidden">
        <Link href="/student/brev">← Alle brev</Link>
      </p>
      <div className="mb-6">
        <p className="text-sm font-medium text-slate-700">
          {STUDENT_LETTER_KIND_LABELS[letter.kind]} · {letter.cohort.name} · {formatDateNb(letter.madeAvailableOn)} · Saksnummer {letter.reference}
        </p>
        <h1>{letter.subject}</h1>
        <div className="print:hidden">
          <LetterStatus letter={letter} formHref="#klag-paa-vedtaket" />
        </div>
        <p className="mt-4 flex flex-wrap items-center gap-4 print:hidden">
          <a href={`/api/student/brev/${letter.id}`} className="inline-flex min-h-11 items-center">
            Last ned brevet som PDF
          </a>
          <PrintButton label="Skriv ut brevet" />
        </p>
      </div>
      {filed ? (
        <DoneMessage className="print:hidden">
          Klagen er sendt. Vi har sendt deg en bekreftelse på e-post, og svaret kommer som et nytt brev under Brev.
        </DoneMessage>
      ) : null}
      <div className="space-y-6">
        <article className="card" aria-label="Brevet">
          <LetterText text={letter.body} headingLevel={2} />
        </article>

        {letter.notice ? <CorrectionNoticeResponse notice={letter.notice} /> : null}

        {appeal ? (
          <section className="card print:hidden" aria-labelledby="klage-heading">
            <h2 id="klage-heading">Klagen din</h2>
            {/* One that came by e-mail or post is registered with the day it came, not the hour. */}
            <p className="mt-2 text-sm text-slate-700">Sendt {appeal.registeredById ? formatDateNb(osloDate(appeal.filedAt)) : formatInstantNb(appeal.filedAt)}</p>
            <p className="mt-2 whitespace-pre-line">{appeal.text}</p>
            {appeal.status === "RECEIVED" ? (
              <p className="mt-3">Klagen er under behandling. Den behandles av en annen enn den som fattet vedtaket, og svaret kommer som et nytt brev.</p>
            ) : (
              <>
                <p className="mt-3">
                  {appeal.status === "REVERSED"
                    ? "Klagen er tatt til følge."
                    : appeal.status === "DISMISSED"
                      ? "Klagen er avvist fordi den kom for sent: vi har ikke tatt stilling til det du klaget på."
                      : "Klagen er ikke tatt til følge hos oss."}{" "}
                  {appeal.status === "DISMISSED" ? "Begrunnelse for avvisningen" : "Begrunnelse"}: {appeal.grounds}
                </p>
                {appeal.outcomeLetterId ? (
                  <p className="mt-2">
                    <Link href={`/student/brev/${appeal.outcomeLetterId}`}>
                      {appeal.status === "UPHELD"
                        ? "Les brevet om at klagen er sendt til klagenemnda"
                        : appeal.status === "DISMISSED"
                          ? "Les vedtaket om avvisningen"
                          : "Les brevet om utfallet av klagen"}
                    </Link>
                  </p>
                ) : null}
                {appeal.status === "UPHELD" ? <AppealsBodyStandingText appeal={appeal} replacedBy={letter.replacedBy} /> : null}
              </>
            )}
          </section>
        ) : letter.canAppeal ? (
          <section id="klag-paa-vedtaket" tabIndex={-1} className="card scroll-mt-4 print:hidden" aria-labelledby="klage-heading">
            <h2 id="klage-heading">Klag på vedtaket</h2>
            <p className="mt-2">
              Du kan klage til og med {formatDateNb(letter.klageDeadline!)} (forvaltningsloven § 29). Klagen behandles av en annen enn den som fattet
              vedtaket; får du ikke medhold, går den til klagenemnda.
            </p>
            <div className="mt-4">
              <StudentAppealForm letterId={letter.id} deadline={formatDateNb(letter.klageDeadline!)} />
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}

/** Where the klage stands with the klagenemnd, for the student: waiting, or what it decided. */
function AppealsBodyStandingText({
  appeal,
  replacedBy,
}: {
  appeal: { forwardedAt: Date | null; appealsBody: { waiting: boolean; decision: { outcome: string; decidedOn: Date; notCarriedOut: string | null; followedUpAt: Date | null } | null } };
  replacedBy: { id: string } | null;
}) {
  const { waiting, decision } = appeal.appealsBody;
  if (!appeal.forwardedAt) return <p className="mt-2">Klagen sendes til klagenemnda.</p>;
  if (waiting || !decision) return <p className="mt-2">Klagen er hos klagenemnda, som sender svaret direkte til deg.</p>;
  const on = formatDateNb(isoDate(decision.decidedOn));
  if (decision.outcome === "UPHELD") return <p className="mt-2">Klagenemnda stadfestet vedtaket {on}. Vedtaket er endelig.</p>;
  if (decision.outcome === "CLOSED") {
    return (
      <p className="mt-2">
        Klagenemnda avsluttet saken {on} uten å avgjøre den.{" "}
        {replacedBy ? (
          <>
            Vedtaket klagen gjaldt, er endret: <Link href={`/student/brev/${replacedBy.id}`}>les brevet om det nye vedtaket</Link>.
          </>
        ) : null}
      </p>
    );
  }
  return (
    <p className="mt-2">
      Klagenemnda tok klagen til følge {on}.{" "}
      {decision.notCarriedOut ? (
        decision.followedUpAt ? "Studieveilederen har fulgt opp hvordan vedtaket gjennomføres." : "Studieveilederen følger opp hvordan vedtaket gjennomføres."
      ) : replacedBy ? (
        <Link href={`/student/brev/${replacedBy.id}`}>Les brevet om klagenemndas vedtak</Link>
      ) : null}
    </p>
  );
}
