import type { Metadata } from "next";
import Link from "next/link";
import { DoneMessage } from "@/components/ui/done-message";
import { PageHeader } from "@/components/area-nav";
import { DeferralDecision } from "@/components/cohort/deferral-decision";
import { StatusBadge } from "@/components/status-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { DEFERRAL_REASON_LABELS, DEFERRAL_STATUS_LABELS } from "@/lib/domain/exam-deferral";
import { sittingName } from "@/lib/domain/exam-sittings";
import { formatExamMomentNb } from "@/lib/domain/exam-time";
import { osloDate } from "@/lib/domain/application-deadline";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { CLASSMATE_HEALTH_MESSAGE } from "@/lib/permissions";
import { listDeferrals } from "@/lib/server/exams/deferrals";
import { found, loadCohortPage } from "../../load";
import { DocumentLinks } from "@/components/ui/document-links";

export const metadata: Metadata = { title: "Søknader om utsatt eksamen" };

type Row = Awaited<ReturnType<typeof listDeferrals>>["requests"][number];

const TONE = { REQUESTED: "wait", GRANTED: "good", REFUSED: "bad" } as const;

/** After a decision (the form goes with it): what was done. */
const DECIDED: Record<string, string> = {
  innvilget: "Utsatt eksamen er innvilget. Studenten er meldt opp til den utsatte eksamenen og har fått brev om det.",
  avslatt: "Søknaden er avslått. Studenten har fått vedtaket med begrunnelsen og klagefristen.",
};

export default async function DeferralsPage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: Promise<{ avgjort?: string | string[] }> }) {
  const { avgjort } = await searchParams;
  const decided = typeof avgjort === "string" ? (DECIDED[avgjort] ?? null) : null;
  const { viewer, cohort } = await loadCohortPage(params, "/eksamen/utsatt");
  const { mayDecide, classmate, requests, sittings } = await found(listDeferrals(viewer, cohort.id));
  const options = sittings.map((sitting) => ({ id: sitting.id, label: `${sitting.title}: ${formatExamMomentNb(sitting.startsAt)} – ${formatExamMomentNb(sitting.handInAt)}` }));
  const columns: Column<Row>[] = [
    {
      key: "student",
      header: "Student",
      rowHeader: true,
      cell: (row) => (
        <>
          {row.student.name}
          <span className="block text-sm font-normal text-slate-700">{row.student.email}</span>
        </>
      ),
    },
    {
      key: "request",
      header: "Søknad",
      cell: (row) => (
        <div className="space-y-1">
          <p>
            {row.missed.kindLabel}: {row.missed.title}
            {row.reason ? ` · ${DEFERRAL_REASON_LABELS[row.reason]}` : ""} · søkt {formatInstantNb(row.requestedAt)}
          </p>
          {row.explanation ? <p className="whitespace-pre-line rounded-md bg-slate-50 p-2 text-sm">{row.explanation}</p> : null}
          {row.healthDataErasedAt ? (
            <p className="text-sm text-slate-700">
              Studentens forklaring og dokumentasjonen ble slettet {formatDateNb(osloDate(row.healthDataErasedAt))}: oppbevaringstiden for
              helseopplysninger var ute. Vedtaket og brevene står.
            </p>
          ) : null}
          <DocumentLinks documents={row.documents} className="text-sm" />
        </div>
      ),
    },
    {
      key: "decision",
      header: "Avgjørelse",
      cell: (row) =>
        row.status === "REQUESTED" && mayDecide && row.own ? (
          <p className="text-sm">Dette er din egen søknad: en kollega avgjør den (forvaltningsloven § 6).</p>
        ) : row.status === "REQUESTED" && mayDecide ? (
          <DeferralDecision cohortId={cohort.id} deferralId={row.id} name={row.student.name} sittings={options} />
        ) : (
          <div className="space-y-1">
            <StatusBadge tone={TONE[row.status]}>{DEFERRAL_STATUS_LABELS[row.status]}</StatusBadge>
            {row.decidedAt ? (
              <p className="text-sm text-slate-700">
                {formatInstantNb(row.decidedAt)}
                {row.decidedBy ? ` av ${row.decidedBy}` : ""}
              </p>
            ) : null}
            {row.sitting ? <p className="text-sm">Meldt opp til {sittingName(row.sitting)}, start {formatExamMomentNb(row.sitting.startsAt)}</p> : null}
            {row.grounds ? (
              <p className="text-sm">
                {row.status === "REFUSED" ? "Begrunnelse" : "Merknad i brevet"}: {row.grounds}
              </p>
            ) : null}
            {row.letter?.klageDeadline ? <p className="text-sm">Klagefrist {formatDateNb(row.letter.klageDeadline.toISOString().slice(0, 10))}</p> : null}
          </div>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={`Søknader om utsatt eksamen, ${cohort.name}`}
        lead={
          classmate
            ? CLASSMATE_HEALTH_MESSAGE
            : mayDecide
            ? "Studenter som var syke eller hadde en annen tungtveiende grunn, søker med dokumentasjon. Innvilget søknad gir brev og oppmelding til utsatt eksamen; avslag er et enkeltvedtak med klagefrist. Dokumentasjonen er helseopplysninger: bare studieveiledere og administratorer ser den."
            : "Studieveilederen behandler søknadene. Dokumentasjonen er helseopplysninger og vises ikke her."
        }
      />
      {decided ? <DoneMessage>{decided}</DoneMessage> : null}
      <p className="mb-4">
        <Link href={`/kull/${cohort.id}/eksamen`}>← Tilbake til eksamen</Link>
      </p>
      <section className="card">
        <DataTable caption="Søknader om utsatt eksamen" columns={columns} rows={requests} rowKey={(row) => row.id} empty="Ingen har søkt om utsatt eksamen." />
      </section>
    </>
  );
}
