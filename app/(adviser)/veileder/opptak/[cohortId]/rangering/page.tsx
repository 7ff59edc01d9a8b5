import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IntakeNav } from "@/components/admission/intake-nav";
import { decisionLabel } from "@/components/admission/labels";
import { MoveForm } from "@/components/admission/ranking-forms";
import { PageHeader } from "@/components/area-nav";
import { ActionButton } from "@/components/ui/action-button";
import { DataTable } from "@/components/ui/data-table";
import { DoneMessage } from "@/components/ui/done-message";
import { removeMoveAction } from "@/lib/actions/admission";
import { decisionsBeforeDeadlineProblem, isRankingProvisional } from "@/lib/domain/admission-decisions";
import { formatInstantNb } from "@/lib/domain/format";
import { isoDate } from "@/lib/to-domain";
import { ownApplicationWhere, requireAdviser } from "@/lib/server/admission/access";
import { viewRanking } from "@/lib/server/admission/ranking";
import { db } from "@/lib/server/db";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { countNoun } from "@/lib/domain/format";

export const metadata: Metadata = { title: "Rangering" };

export default async function RankingPage({
  params,
  searchParams,
}: {
  params: Promise<{ cohortId: string }>;
  searchParams: Promise<{ plasser?: string; flyttet?: string; angret?: string; brev?: string }>;
}) {
  const cohortId = parseRecordId((await params).cohortId);
  if (!cohortId) notFound();
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/opptak/${cohortId}/rangering`);
  requireAdviser(viewer);
  const cohort = await db().cohort.findUnique({
    where: { id: cohortId },
    select: { name: true, capacity: true, applicationDeadline: true, programme: { select: { name: true } }, _count: { select: { applications: { where: ownApplicationWhere(viewer) } } } },
  });
  if (!cohort) notFound();
  // An adviser who has applied to the kull herself reads none of its applications (canViewApplication).
  if (cohort._count.applications > 0) {
    return (
      <>
        <PageHeader title={`Rangering: ${cohort.programme.name}, ${cohort.name}`} />
        <IntakeNav cohortId={cohortId} current="rangering" ownIntake />
      </>
    );
  }
  const now = new Date();
  // Before the deadline applications may still come in: the ranking is provisional.
  const provisional = isRankingProvisional(isoDate(cohort.applicationDeadline), now);
  const query = await searchParams;
  const requested = Number(query.plasser);
  const places = Number.isSafeInteger(requested) && requested >= 0 && requested <= 1000 ? requested : cohort.capacity;
  const whatIf = places !== cohort.capacity;
  const ranking = await viewRanking(db(), cohortId, { places });
  const base = `/veileder/opptak/${cohortId}`;
  const done = moveDone(ranking.rows, query);
  return (
    <>
      <PageHeader
        // The programme too: two programmes may each have a «Kull V2027» (a walk), as on the intake page.
        title={`${provisional ? "Foreløpig rangering" : "Rangering"}: ${cohort.programme.name}, ${cohort.name}`}
        lead="Forslaget følger reglene: prioritetskategori, deretter geografisk spredning etter fylke, deretter innsendingstidspunkt. Du kan flytte en søker med en skriftlig begrunnelse."
      />
      <IntakeNav cohortId={cohortId} current="rangering" />
      {/* Keyed: a second move's message is a new one, and takes the focus again. */}
      {done ? <DoneMessage key={`${query.flyttet ?? query.angret}-${done}`}>{done}</DoneMessage> : null}
      {provisional ? (
        <p role="status" className="mb-6 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
          Foreløpig rangering: nye søknader kan komme inn til fristen er ute, og plassene kan endre seg. {decisionsBeforeDeadlineProblem(isoDate(cohort.applicationDeadline), now)}
        </p>
      ) : null}

      <section className="card" aria-labelledby="hvis-heading">
        <h2 id="hvis-heading">Hvem er innenfor?</h2>
        <form action={`${base}/rangering`} className="mt-3 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="plasser" className="block font-medium">
              Antall plasser
            </label>
            <p id="plasser-hint" className="text-sm text-slate-700">
              Kullet har {cohort.capacity}. Prøv et annet tall for å se hvem som er innenfor; ingenting lagres.
            </p>
            <input id="plasser" name="plasser" type="number" min={0} max={1000} defaultValue={places} aria-describedby="plasser-hint" className="input mt-1 w-32" />
          </div>
          <button type="submit" className="btn-secondary">
            Vis
          </button>
          {whatIf ? (
            <Link href={`${base}/rangering`} className="inline-flex min-h-11 items-center">
              Tilbake til {cohort.capacity} plasser
            </Link>
          ) : null}
          <a href={`${base}/rangering/eksport`} className="btn-secondary" aria-describedby="eksport-hint">
            Last ned som CSV
          </a>
          <p id="eksport-hint" className="w-full text-sm text-slate-700">
            Filen rangerer alltid mot kullets {cohort.capacity} plasser, slik vedtakene sendes.
          </p>
        </form>
        {whatIf ? (
          <p role="status" className="mt-3 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
            Du ser et regneeksempel med {places} plasser. Vedtak sendes alltid for kullets {cohort.capacity} plasser.
          </p>
        ) : null}
        <p className="mt-3">
          {ranking.rows.length} kvalifiserte søkere er rangert.
          {ranking.unreviewed > 0 ? (
            <>
              {" "}
              <Link href={`${base}?kvalifisert=ikke-vurdert`}>{countNoun(ranking.unreviewed, "søknad", "søknader")} er ikke vurdert mot opptakskravene ennå</Link> og er ikke med.
            </>
          ) : null}
          {ranking.unqualified > 0 ? ` ${countNoun(ranking.unqualified, "søker", "søkere")} oppfyller ikke opptakskravene.` : ""}
        </p>
      </section>

      <section className="card mt-6" aria-labelledby="liste-heading">
        <h2 id="liste-heading">Rangert liste</h2>
        <div className="mt-4">
          <DataTable
            caption={`Rangering for ${places} plasser`}
            rows={ranking.rows}
            rowKey={(row) => row.applicationId}
            rowClassName={(row) => (row.rank === places ? "border-b-4 border-b-brand-600" : undefined)}
            empty="Ingen søkere er vurdert som kvalifisert ennå."
            columns={[
              { key: "plass", header: "Plass", numeric: true, cell: (row) => row.rank },
              {
                key: "navn",
                header: "Søker",
                rowHeader: true,
                cell: (row) => <Link href={`${base}/soknad/${row.applicationId}`}>{row.name}</Link>,
              },
              {
                key: "innenfor",
                header: `Innenfor ${places}`,
                cell: (row) =>
                  row.withinPlaces ? (
                    <span className="font-medium text-green-800">
                      <span aria-hidden="true">● </span>Innenfor
                    </span>
                  ) : (
                    <span className="text-slate-700">
                      <span aria-hidden="true">○ </span>Venteliste
                    </span>
                  ),
              },
              { key: "kategori", header: "Kategori", cell: (row) => `${row.category}${row.overridden ? " (satt av veileder)" : ""}` },
              { key: "fylke", header: "Fylke", cell: (row) => row.county },
              { key: "sendt", header: "Sendt", cell: (row) => formatInstantNb(row.submittedAt) },
              { key: "vedtak", header: "Vedtak", cell: (row) => decisionLabel(row.decision) },
              {
                key: "hvorfor",
                header: "Hvorfor denne plassen",
                cell: (row) => (
                  <details>
                    <summary className="cursor-pointer text-brand-700 underline">
                      Forklaring<span className="sr-only"> for {row.name}</span>
                    </summary>
                    <ul className="mt-2 list-disc space-y-1 pl-5">
                      {row.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  </details>
                ),
              },
              {
                key: "flytt",
                header: "Flytt",
                hideLabelOnPhone: true,
                cell: (row) =>
                  row.move ? (
                    <div className="text-sm">
                      <p>
                        Flyttet til plass {row.move.toRank} av {row.move.by}: «{row.move.reason}»
                      </p>
                      <ActionButton action={removeMoveAction} hidden={{ cohortId, moveId: row.move.id }} className="btn-secondary mt-1 min-h-10 px-3 py-1 text-sm" context={`av ${row.name}`}>
                        Angre flyttingen
                      </ActionButton>
                    </div>
                  ) : row.decision && row.decision.outcome !== "WAITLIST" ? null : (
                    <details>
                      <summary className="cursor-pointer text-brand-700 underline">
                        Flytt<span className="sr-only"> {row.name}</span>
                      </summary>
                      <MoveForm cohortId={cohortId} applicationId={row.applicationId} name={row.name} rank={row.rank} onWaitlist={row.decision?.outcome === "WAITLIST"} />
                    </details>
                  ),
              },
            ]}
          />
        </div>
      </section>
    </>
  );
}

/**
 * What a move or its undo did, from the address the action sent the browser to (the row's form or
 * button is gone after it): whom, to which place, and how many on the list got a new letter.
 */
function moveDone(
  rows: readonly { applicationId: string; name: string; rank: number; move: { toRank: number } | null }[],
  query: { flyttet?: string; angret?: string; brev?: string },
): string | null {
  const movedId = parseRecordId(query.flyttet);
  const undoneId = parseRecordId(query.angret);
  if (!movedId && !undoneId) return null;
  const row = rows.find((candidate) => candidate.applicationId === (movedId ?? undoneId));
  const letters = /^\d{1,5}$/.test(query.brev ?? "") ? Number(query.brev) : 0;
  const others = letters === 0 ? "" : letters === 1 ? " Én på ventelisten har fått ny plass og et nytt brev." : ` ${letters} på ventelisten har fått ny plass og et nytt brev.`;
  if (movedId) return `${row ? `${row.name} er flyttet til plass ${row.move?.toRank ?? row.rank}` : "Søkeren er flyttet"}.${others}`;
  return `${row ? `Flyttingen av ${row.name} er tatt tilbake: plass ${row.rank} etter reglene` : "Flyttingen er tatt tilbake"}.${others}`;
}
