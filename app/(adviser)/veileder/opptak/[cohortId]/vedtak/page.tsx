import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SendBatchForm } from "@/components/admission/decision-forms";
import { IntakeNav } from "@/components/admission/intake-nav";
import { PageHeader } from "@/components/area-nav";
import { DataTable } from "@/components/ui/data-table";
import { LetterText } from "@/components/ui/letter-text";
import { auditActionLabel } from "@/lib/domain/audit-actions";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { batchSize, previewDecisionBatch, type BatchPreview } from "@/lib/server/admission/decisions";
import { ownApplicationWhere } from "@/lib/server/admission/access";
import { listDecisionEvents } from "@/lib/server/admission/queries";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { countNoun } from "@/lib/domain/format";
import { DoneMessage } from "@/components/ui/done-message";

export const metadata: Metadata = { title: "Vedtak" };

export default async function DecisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ cohortId: string }>;
  searchParams: Promise<{ steng?: string; sendt?: string }>;
}) {
  const cohortId = parseRecordId((await params).cohortId);
  if (!cohortId) notFound();
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/opptak/${cohortId}/vedtak`);
  const cohort = await db().cohort.findUnique({
    where: { id: cohortId },
    select: { name: true, programme: { select: { name: true } }, _count: { select: { applications: { where: ownApplicationWhere(viewer) } } } },
  });
  if (!cohort) notFound();
  // An adviser who has applied to the kull herself reads none of its applications (canViewApplication).
  if (cohort._count.applications > 0) {
    return (
      <>
        <PageHeader title={`Vedtak: ${cohort.programme.name}, ${cohort.name}`} />
        <IntakeNav cohortId={cohortId} current="vedtak" ownIntake />
      </>
    );
  }
  const query = await searchParams;
  const closeWaitlist = query.steng === "1";
  const sent = /^(\d{1,4})-(\d{1,4})-(\d{1,4})(?:-(\d{1,4}))?$/.exec(query.sendt ?? "");
  const [preview, events] = await Promise.all([
    previewDecisionBatch(viewer, cohortId, { closeWaitlist }).catch((error: unknown) => {
      // Before the application deadline nothing may be sent: the page says so instead.
      if (error instanceof DomainError) return error.message;
      throw error;
    }),
    listDecisionEvents(viewer, cohortId),
  ]);
  const base = `/veileder/opptak/${cohortId}`;
  return (
    <>
      {/* The programme too: two programmes may each have a «Kull V2027», and this page sends (a walk). */}
      <PageHeader title={`Vedtak: ${cohort.programme.name}, ${cohort.name}`} lead="Se over forslaget og brevene, og send alle vedtakene i ett steg. Sendes de på nytt, går ingenting ut to ganger." />
      <IntakeNav cohortId={cohortId} current="vedtak" />
      {sent ? (
        <DoneMessage>
          Vedtakene er sendt: {sent[1]} tilbud, {countNoun(Number(sent[2]), "ventelisteplass", "ventelisteplasser")} og {sent[3]} avslag.
          {sent[4] ? ` ${sent[4]} som alt stod på ventelisten, har fått ny plass etter rangeringen.` : ""} Brevene ligger i søknadsportalen og er sendt på e-post.
        </DoneMessage>
      ) : null}

      {typeof preview === "string" ? (
        <section className="card" aria-labelledby="forslag-heading">
          <h2 id="forslag-heading">Forhåndsvisning</h2>
          <p role="status" className="mt-3 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
            {preview} Du kan rangere søkerne allerede nå; <Link href={`${base}/rangering`}>rangeringen</Link> er foreløpig til fristen er ute.
          </p>
        </section>
      ) : (
        <BatchSection preview={preview} cohortId={cohortId} closeWaitlist={closeWaitlist} base={base} />
      )}

      <section className="card mt-6" aria-labelledby="logg-heading">
        <h2 id="logg-heading">Hva har skjedd</h2>
        <p className="mt-1 text-slate-700">Vedtak, svar og ventelisten som flytter seg, også det som skjer av seg selv når en svarfrist går ut.</p>
        <div className="mt-3">
          <DataTable
            caption="Hendelser i opptaket"
            rows={events}
            rowKey={(event) => event.id}
            empty="Ingen vedtak er sendt ennå."
            columns={[
              { key: "når", header: "Når", cell: (event) => formatInstantNb(event.at) },
              {
                key: "hvem",
                header: "Søker",
                rowHeader: true,
                cell: (event) => (event.application ? <Link href={`${base}/soknad/${event.application.id}`}>{event.application.fullName ?? "Søker"}</Link> : "–"),
              },
              {
                key: "hva",
                header: "Hva",
                cell: (event) => {
                  const after = (event.after ?? {}) as { waitlistPosition?: number };
                  const before = (event.before ?? {}) as { waitlistPosition?: number };
                  const label = auditActionLabel(event.action);
                  return event.action === "waitlist.move"
                    ? `${label}: fra ${before.waitlistPosition} til ${after.waitlistPosition}`
                    : event.action === "decision.waitlist"
                      ? `${label} nr. ${after.waitlistPosition}`
                      : event.action === "waitlist.close"
                        ? `${label} (var nr. ${before.waitlistPosition})`
                        : label;
                },
              },
              { key: "av", header: "Av", cell: (event) => event.actor?.name ?? "Automatisk (bakgrunnsjobb)" },
            ]}
          />
        </div>
      </section>
    </>
  );
}

function BatchSection({ preview, cohortId, closeWaitlist, base }: { preview: BatchPreview; cohortId: string; closeWaitlist: boolean; base: string }) {
  const { plan, examples } = preview;
  const { batch } = plan;
  const total = batchSize(batch);
  const name = (id: string) => plan.names.get(id) ?? id;
  return (
    <section className="card" aria-labelledby="forslag-heading">
      <h2 id="forslag-heading">Forhåndsvisning</h2>
      {plan.unreviewed > 0 ? (
        <p className="mt-3 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
          {/* «mot opptakskravene»: the start page's «ikke vurdert» counts the applications nobody has opened (a walk). */}
          {countNoun(plan.unreviewed, "søknad", "søknader")} er ikke vurdert mot opptakskravene ennå og får ikke vedtak nå. <Link href={`${base}?kvalifisert=ikke-vurdert`}>{plan.unreviewed === 1 ? "Vurder den først" : "Vurder dem først"}</Link>, eller send{" "}
          {plan.unreviewed === 1 ? "den" : "dem"} i en senere runde.
        </p>
      ) : null}
      <p className="mt-3">
        {plan.freePlaces} ledige plasser.{" "}
        {total === 0
          ? "Det er ingen vurderte søknader uten vedtak."
          : `Sendes nå: ${batch.offers.length + batch.waitlistOffers.length} tilbud, ${countNoun(batch.waitlist.length, "ventelisteplass", "ventelisteplasser")} og ${batch.refusals.length} avslag.`}
        {total > 0 && batch.moves.length > 0
          ? ` ${batch.moves.length} som alt står på ventelisten, får ny plass fordi listen følger rangeringen, og får et nytt brev.`
          : ""}
      </p>
      {total === 0 ? null : plan.waitlistClosed ? (
        <p className="mt-3">
          Ventelisten stengte {formatDateNb(plan.waitlistClosesOn)}: etter det gis det ingen tilbud om plass (bare etter en klage), så de som
          får vedtak nå, får avslag.
        </p>
      ) : (
        <form action={`${base}/vedtak`} className="mt-3 flex flex-wrap items-center gap-3">
          <div className="flex items-start gap-3">
            <input id="steng" name="steng" type="checkbox" value="1" defaultChecked={closeWaitlist} aria-describedby="steng-hint" className="mt-1 size-5 accent-brand-600" />
            <div>
              <label htmlFor="steng">Steng ventelisten: de som ikke får tilbud nå, får avslag</label>
              <p id="steng-hint" className="text-sm text-slate-700">
                Ellers stenger den {formatDateNb(plan.waitlistClosesOn)} (<Link href={base}>endre datoen på oversikten</Link>).
              </p>
            </div>
          </div>
          <button type="submit" className="btn-secondary">
            Oppdater forhåndsvisningen
          </button>
        </form>
      )}

      {/* Nothing to send (after a batch, or before any is assessed): no empty lists, no choice that changes nothing (a walk). */}
      {total === 0 ? null : (
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          <NameList title={`Tilbud (${batch.offers.length + batch.waitlistOffers.length})`} names={[...batch.offers.map(name), ...batch.waitlistOffers.map((id) => `${name(id)} (fra ventelisten)`)]} />
          <NameList
            title={`Venteliste (${batch.waitlist.length} ${batch.waitlist.length === 1 ? "ny" : "nye"})`}
            names={[
              ...batch.waitlist.map((entry) => `${entry.position}. ${name(entry.id)}`),
              ...batch.moves.map((move) => `${move.to}. ${name(move.id)} (før nr. ${move.from})`),
            ]}
          />
          <NameList
            title={`Avslag (${batch.refusals.length})`}
            names={batch.refusals.map((refusal) => `${name(refusal.id)} (${refusal.reason === "NOT_QUALIFIED" ? "ikke kvalifisert" : "ventelisten stengt"})`)}
          />
        </div>
      )}

      {examples.length > 0 ? (
        <div className="mt-6">
          <h3>Eksempel på brev</h3>
          <div className="mt-2 space-y-2">
            {examples.map((example) => (
              <details key={example.kind} className="rounded-md border border-slate-300 p-3">
                <summary className="cursor-pointer font-medium">
                  {example.kind}: brevet til {example.applicantName}
                </summary>
                <p className="mt-2 font-semibold">{example.subject}</p>
                <LetterText text={example.text} className="mt-2 text-sm" headingLevel={4} />
              </details>
            ))}
          </div>
        </div>
      ) : null}

      {total > 0 ? (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <SendBatchForm cohortId={cohortId} fingerprint={plan.fingerprint} closeWaitlist={closeWaitlist} total={total} />
        </div>
      ) : null}
    </section>
  );
}

function NameList({ title, names }: { title: string; names: string[] }) {
  return (
    <div className="rounded-md border border-slate-300 p-3">
      <h3 className="text-base">{title}</h3>
      {names.length === 0 ? (
        <p className="mt-1 text-slate-700">Ingen.</p>
      ) : (
        <details className="mt-1">
          <summary className="cursor-pointer text-brand-700 underline">Vis navnene</summary>
          <ul className="mt-2 space-y-0.5 text-sm">
            {names.map((entry) => (
              <li key={entry}>{entry}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
