import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { WaitingSubmissions } from "@/components/cohort/waiting-submissions";
import { StatusBadge } from "@/components/status-badge";
import { ButtonContext } from "@/components/ui/button-context";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { getArbeidskravOverview, type ArbeidskravOverview } from "@/lib/server/cohorts/assessment";
import { found, loadCohortPage } from "../load";

export const metadata: Metadata = { title: "Arbeidskrav" };

const SHORT_STATUS = {
  NOT_SUBMITTED: { label: "Ikke levert", symbol: "–", tone: "neutral" },
  SUBMITTED: { label: "Venter", symbol: "…", tone: "wait" },
  APPROVED: { label: "Godkjent", symbol: "✓", tone: "good" },
  NOT_APPROVED: { label: "Ikke godkjent", symbol: "✗", tone: "bad" },
  // Not handed in here, but her work in the kull she moved from counts as this item once approved there.
  AWAITED: { label: "Venter i tidligere kull", symbol: "…", tone: "wait" },
} as const;

type Definition = ArbeidskravOverview["definitions"][number];
type Student = ArbeidskravOverview["students"][number];

export default async function ArbeidskravPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { viewer, cohort } = await loadCohortPage(params, "/arbeidskrav");
  const overview = await found(getArbeidskravOverview(viewer, cohort.id));
  const base = `/kull/${cohort.id}/arbeidskrav`;
  const countColumns: Column<Definition>[] = [
    {
      key: "title",
      header: "Arbeidskrav",
      rowHeader: true,
      cell: (row) => (
        <>
          {row.number}. {row.title}
          <span className="block text-sm font-normal text-slate-700">
            Frist {formatDateNb(row.dueDate)}
            {row.oralPresentation ? " · legges fram muntlig" : ""}
            {row.required ? "" : " · valgfritt, teller ikke for eksamen"}
          </span>
        </>
      ),
    },
    // Handed in and approved here; credited work from an earlier kull is said beside each, in one
    // way, so the columns add up (from two walks: «Godkjent 21 (1 fra tidligere kull)» counted it in,
    // «Levert 21 (+1 overført)» beside).
    { key: "handedIn", header: "Levert", numeric: true, cell: (row) => (row.counts.CREDITED > 0 ? `${row.counts.handedIn} (+${row.counts.CREDITED} overført)` : row.counts.handedIn) },
    { key: "waiting", header: "Venter", numeric: true, cell: (row) => row.counts.SUBMITTED },
    {
      key: "approved",
      header: "Godkjent",
      numeric: true,
      cell: (row) => (row.counts.CREDITED > 0 ? `${row.counts.APPROVED - row.counts.CREDITED} (+${row.counts.CREDITED} overført)` : row.counts.APPROVED),
    },
    { key: "notApproved", header: "Ikke godkjent", numeric: true, cell: (row) => row.counts.NOT_APPROVED },
    {
      key: "missing",
      header: "Ikke levert",
      numeric: true,
      cell: (row) => (row.counts.AWAITED > 0 ? `${row.counts.NOT_SUBMITTED} (${row.counts.AWAITED} venter i tidligere kull)` : row.counts.NOT_SUBMITTED),
    },
  ];
  const students = [...overview.students].sort((a, b) => Number(b.mine) - Number(a.mine));
  const studentColumns: Column<Student>[] = [
    {
      key: "name",
      header: "Student",
      rowHeader: true,
      cell: (row) => (
        <>
          {row.name}
          {row.basisgruppe ? <span className="block text-sm font-normal text-slate-700">{row.basisgruppe}{row.mine ? " (din gruppe)" : ""}</span> : null}
        </>
      ),
    },
    ...overview.definitions.map(
      (definition, index): Column<Student> => ({
        key: definition.id,
        header: `${definition.number}. ${definition.title}`,
        cell: (row) => {
          const item = row.items[index]!;
          const status = SHORT_STATUS[item.awaitedFrom && item.status === "NOT_SUBMITTED" ? "AWAITED" : item.status];
          const badge = (
            <StatusBadge tone={status.tone}>
              <span aria-hidden="true">{status.symbol} </span>
              {status.label}
            </StatusBadge>
          );
          if (item.creditedFrom) {
            return (
              <span className="inline-flex flex-col gap-1">
                {badge}
                <span className="text-sm text-slate-700">Overført: {item.creditedFrom}</span>
              </span>
            );
          }
          if (item.awaitedFrom) {
            return (
              <span className="inline-flex flex-col gap-1">
                {badge}
                <span className="text-sm text-slate-700">{item.awaitedFrom}</span>
              </span>
            );
          }
          return item.submissionId ? (
            <Link href={`${base}/${item.submissionId}`} className="no-underline">
              {badge}
              <ButtonContext>{`– ${definition.title}, ${row.name}`}</ButtonContext>
            </Link>
          ) : (
            badge
          );
        },
      }),
    ),
  ];
  return (
    <>
      <PageHeader title={`Arbeidskrav, ${cohort.name}`} lead="Hva som er levert, hva som venter på vurdering, og hver students status. En gruppes godkjenning gjelder alle i gruppen." />
      <div className="space-y-6">
        <section className="card" aria-labelledby="venter">
          <h2 id="venter">Venter på vurdering ({overview.waiting.length})</h2>
          <div className="mt-4">
            <WaitingSubmissions
              cohortId={cohort.id}
              rows={overview.waiting.map((row) => ({
                ...row,
                submittedAt: row.submittedAt.toISOString(),
                submittedLabel: formatInstantNb(row.submittedAt),
              }))}
            />
          </div>
        </section>
        <section className="card" aria-labelledby="tall-heading">
          <h2 id="tall-heading">Per arbeidskrav</h2>
          <div className="mt-4">
            <DataTable caption="Antall studenter per status for hvert arbeidskrav" columns={countColumns} rows={overview.definitions} rowKey={(row) => row.id} empty="Kullet har ingen arbeidskrav ennå. Legg dem inn under Plan." />
          </div>
        </section>
        <section className="card" aria-labelledby="studenter-heading">
          <h2 id="studenter-heading">Per student</h2>
          <div className="mt-4">
            <DataTable caption="Status på hvert arbeidskrav for hver student" columns={studentColumns} rows={students} rowKey={(row) => row.enrolmentId} empty="Kullet har ingen studenter." />
          </div>
        </section>
      </div>
    </>
  );
}
