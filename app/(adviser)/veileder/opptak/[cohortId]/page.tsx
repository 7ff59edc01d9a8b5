import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { notFound } from "next/navigation";
import { WaitlistClosingForm } from "@/components/admission/decision-forms";
import { IntakeNav } from "@/components/admission/intake-nav";
import { APPLICATION_STATUS_LABELS, decisionLabel, STATUS_FILTER_LABELS } from "@/components/admission/labels";
import { PageHeader } from "@/components/area-nav";
import { StatusBadge } from "@/components/status-badge";
import { BarChart } from "@/components/ui/bar-chart";
import { DataTable } from "@/components/ui/data-table";
import { formatDeadline } from "@/lib/domain/application-deadline";
import { PRIORITY_CATEGORIES } from "@/lib/domain/admission";
import { COUNTIES } from "@/lib/domain/counties";
import { addDays } from "@/lib/domain/dates";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import {
  filterParams,
  getIntakeOverview,
  LIST_SORTS,
  LIST_STATUSES,
  listApplications,
  parseApplicationFilter,
} from "@/lib/server/admission/queries";
import { NotFoundError } from "@/lib/server/errors";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { countNoun } from "@/lib/domain/format";

export const metadata: Metadata = { title: "Opptak – oversikt" };

const SORT_LABELS: Record<(typeof LIST_SORTS)[number], string> = {
  innsendt: "Sendt (eldste først)",
  navn: "Navn",
  fylke: "Fylke",
  status: "Status",
};

export default async function IntakeOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ cohortId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const cohortId = parseRecordId((await params).cohortId);
  if (!cohortId) notFound();
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/opptak/${cohortId}`);
  const filter = parseApplicationFilter(await searchParams);
  let overview, list;
  try {
    // One after the other: the request holds at most three pool connections (issue 21).
    overview = await getIntakeOverview(viewer, cohortId);
    // An adviser who has applied to the kull herself reads none of its applications (canViewApplication).
    list = overview.ownIntake ? null : await listApplications(viewer, cohortId, filter);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { cohort, places } = overview;
  const header = (
    <PageHeader title={`Opptak: ${cohort.programme.name}, ${cohort.name}`} lead={`Søknadsfrist ${formatDeadline(cohort.applicationDeadline)}. Svarfrist for tilbud ${formatDeadline(cohort.offerAnswerDeadline)}.`} />
  );
  if (list === null) {
    return (
      <>
        {header}
        <IntakeNav cohortId={cohortId} current="oversikt" ownIntake />
      </>
    );
  }
  const base = `/veileder/opptak/${cohortId}`;
  const queue = filterParams(filter, { side: undefined });
  return (
    <>
      {header}
      <IntakeNav cohortId={cohortId} current="oversikt" />
      {overview.provisional ? (
        <p role="status" className="mb-6 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
          Søknadsfristen {formatDateNb(cohort.applicationDeadline)} er ikke ute. Du kan vurdere og rangere søknadene nå, men rangeringen er foreløpig, og
          vedtak kan først sendes når fristen er ute.
        </p>
      ) : null}

      <section aria-labelledby="plasser-heading" className="card">
        <h2 id="plasser-heading">Studieplasser</h2>
        <dl className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-4 lg:grid-cols-7">
          {[
            ["Plasser", places.capacity],
            ["Tilbud uten svar", places.offeredOpen],
            ["Takket ja", places.accepted],
            ["Ledige plasser", places.open],
            ["På venteliste", places.waitlist],
            ["Avslag", places.refused],
            ["Takket nei / gått ut", places.declined + places.expired],
            ...(places.released > 0 ? [["Gitt tilbake (sluttet)", places.released]] : []),
            ...(places.transferredIn > 0 ? [["Overført fra tidligere kull", places.transferredIn]] : []),
          ].map(([label, value]) => (
            <div key={label as string} className="rounded-md border border-slate-200 p-3">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-slate-700">
          {/* Not «ikke vurdert», which the status count beside it uses for another number (a walk). */}
          Kvalifisering: {overview.qualified.yes} kvalifisert, {overview.qualified.no} ikke kvalifisert, {overview.qualified.notJudged} ikke avgjort ennå.
          {overview.openRequests > 0 ? ` ${overview.openRequests} venter på dokumentasjon.` : ""}
          {overview.reopened > 0
            ? ` ${countNoun(overview.reopened, "søknad er åpnet", "søknader er åpnet")} for endring av søkeren og ikke sendt på nytt; ${overview.reopened === 1 ? "den" : "de"} er ikke med i tallene eller rangeringen før ${overview.reopened === 1 ? "den" : "de"} sendes igjen.`
            : ""}
          {overview.openAppeals > 0 ? (
            <>
              {" "}
              <Link href="/veileder/opptak/klager">{countNoun(overview.openAppeals, "klage venter", "klager venter")} på behandling.</Link>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="venteliste-heading" className="card mt-6">
        <h2 id="venteliste-heading">Ventelisten</h2>
        {overview.waitlist.closed ? (
          <p className="mt-2">
            Ventelisten stengte {formatDateNb(overview.waitlist.closesOn)}: det gis ingen plasser fra den, og alle som stod på den, får brev om at
            søknaden er avslått.
          </p>
        ) : (
          <>
            <p className="mt-2">
              Ventelisten stenger {formatDateNb(overview.waitlist.closesOn)}
              {overview.waitlist.setOn ? " (datoen er satt for dette opptaket)." : ` (standard: ${overview.waitlist.defaultIs}).`}{" "}
              Til da går ledige plasser av seg selv til den som står først; ventelisten følger alltid rangeringen.
            </p>
            <WaitlistClosingForm
              cohortId={cohortId}
              setOn={overview.waitlist.setOn}
              minDate={addDays(cohort.applicationDeadline, 1)}
              defaultText={formatDateNb(overview.waitlist.defaultOn)}
            />
          </>
        )}
      </section>

      <section aria-labelledby="fordeling-heading" className="card mt-6">
        <h2 id="fordeling-heading">Søknadene fordelt</h2>
        <div className="mt-4 grid gap-8 lg:grid-cols-3">
          <BarChart
            title="Etter status"
            bars={overview.byStatus.map((row) => ({ key: row.status, label: STATUS_FILTER_LABELS[row.status]!, value: row.count }))}
          />
          <BarChart
            title="Etter prioritetskategori"
            bars={overview.byCategory.map((row) => ({ key: String(row.category), label: `Kategori ${row.category}`, value: row.count }))}
          />
          <BarChart
            title="Etter fylke (arbeidsgiver)"
            bars={overview.byCounty.map((row) => ({ key: row.code, label: row.name, value: row.count }))}
          />
        </div>
        <p className="mt-3 text-sm text-slate-700">
          Kategorien er studieveilederens der den er satt, ellers den som er beregnet ut fra kontrollerte stillinger, ellers søkerens
          foreløpige.
        </p>
      </section>

      <section aria-labelledby="soknader-heading" className="card mt-6">
        <h2 id="soknader-heading">Søknader</h2>
        <form role="search" aria-label="Filtrer søknadene" action={base} className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect name="status" label="Status" value={filter.status} options={LIST_STATUSES.map((status) => ({ value: status, label: STATUS_FILTER_LABELS[status]! }))} />
          <FilterSelect name="kategori" label="Kategori" value={filter.category?.toString()} options={PRIORITY_CATEGORIES.map((c) => ({ value: String(c), label: `Kategori ${c}` }))} />
          <FilterSelect name="fylke" label="Fylke" value={filter.county} options={COUNTIES.map((county) => ({ value: county.code, label: county.name }))} />
          <FilterSelect
            name="kvalifisert"
            label="Kvalifisert"
            value={filter.qualified}
            options={[
              { value: "ja", label: "Kvalifisert" },
              { value: "nei", label: "Ikke kvalifisert" },
              { value: "ikke-vurdert", label: "Ikke vurdert" },
            ]}
          />
          <FilterSelect
            name="dokumenter"
            label="Dokumenter"
            value={filter.documents}
            options={[
              { value: "kontrollert", label: "Alle kontrollert" },
              { value: "ikke-kontrollert", label: "Noen ikke kontrollert" },
            ]}
          />
          <FilterSelect name="sorter" label="Sorter etter" value={filter.sort} options={LIST_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))} blank={false} />
          <div>
            <label htmlFor="filter-q" className="block font-medium">
              Navn eller e-post
            </label>
            <input id="filter-q" name="q" type="search" defaultValue={filter.q} className="input mt-1" />
          </div>
          <div className="flex items-end gap-3">
            <button type="submit" className="btn-primary">
              Vis
            </button>
            <Link href={base} className="btn-secondary">
              Nullstill
            </Link>
          </div>
        </form>

        <p className="mt-4" role="status">
          {countNoun(list.total, "søknad", "søknader")}
          {list.pages > 1 ? `, side ${filter.page} av ${list.pages}` : ""}.
        </p>
        <div className="mt-2">
          <DataTable
            caption="Søknader i opptaket"
            rows={list.rows}
            rowKey={(row) => row.id}
            empty="Ingen søknader passer filteret."
            columns={[
              {
                key: "navn",
                header: "Søker",
                rowHeader: true,
                cell: (row) => (
                  <>
                    <Link href={`${base}/soknad/${row.id}${queue}`}>{row.name}</Link>
                    <span className="block font-normal text-slate-700">Sendt {formatInstantNb(row.submittedAt!)}</span>
                  </>
                ),
              },
              { key: "status", header: "Status", cell: (row) => <StatusBadge tone={APPLICATION_STATUS_LABELS[row.status]!.tone}>{APPLICATION_STATUS_LABELS[row.status]!.label}</StatusBadge> },
              {
                key: "kategori",
                header: "Kategori",
                cell: (row) =>
                  row.category ? `${row.category}${row.categoryOverridden ? " (satt av veileder)" : row.categoryAssessed ? "" : " (foreløpig)"}` : "–",
              },
              { key: "fylke", header: "Fylke", cell: (row) => row.county },
              { key: "krav", header: "Kvalifisert", cell: (row) => (row.qualified === null ? "Ikke vurdert" : row.qualified ? "Ja" : "Nei") },
              {
                key: "dokumenter",
                header: "Dokumenter",
                cell: (row) => (row.pendingDocuments === 0 ? "Kontrollert" : `${row.pendingDocuments} ikke kontrollert`) + (row.openRequests > 0 ? ", venter på mer" : ""),
              },
              { key: "vedtak", header: "Vedtak", cell: (row) => decisionLabel(row.decision) },
            ]}
          />
        </div>
        <Pager page={filter.page} pages={list.pages} href={(page) => `${base}${filterParams(filter, { side: page === 1 ? undefined : page })}`} />
      </section>
    </>
  );
}

function FilterSelect({
  name,
  label,
  value,
  options,
  blank = true,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  blank?: boolean;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className="input mt-1">
        {blank ? <option value="">Alle</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
