import type { Metadata } from "next";
import Link from "next/link";
import { formatDays } from "@/components/cohort-summary";
import { PrintButton } from "@/components/ui/print-button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { fsDate } from "@/lib/domain/exam-results";
import { formatExamMomentNb } from "@/lib/domain/exam-time";
import { formatDateNb } from "@/lib/domain/format";
import { getExamProtocol } from "@/lib/server/exams/results";
import { found, idOr404, loadCohortPage } from "../../load";

export const metadata: Metadata = { title: "Eksamensprotokoll" };

type Row = Awaited<ReturnType<typeof getExamProtocol>>["students"][number];

const COLUMNS: readonly Column<Row>[] = [
  { key: "number", header: "Nr.", numeric: true, cell: (row) => row.number },
  { key: "name", header: "Kandidat", rowHeader: true, cell: (row) => row.name },
  { key: "birth", header: "Fødselsdato", cell: (row) => fsDate(row.birthDate) || "–" },
  { key: "studentNumber", header: "Studentnummer", cell: (row) => row.studentNumber ?? "Mangler" },
  { key: "grade", header: "Resultat", cell: (row) => row.gradeText ?? "Ikke satt" },
  { key: "counting", header: "Karakter som teller", cell: (row) => row.countingElsewhere ?? (row.grade ? "Denne" : "–") },
];

export default async function ExamProtocolPage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: Promise<{ eksamen?: string }> }) {
  const { eksamen } = await searchParams;
  const examId = eksamen ? idOr404(eksamen) : null;
  const { viewer, cohort } = await loadCohortPage(params, examId ? `/eksamen/protokoll?eksamen=${examId}` : "/eksamen/protokoll");
  const protocol = await found(getExamProtocol(viewer, cohort.id, new Date(), examId));
  return (
    <article className="space-y-6 print:space-y-4">
      <div className="flex flex-wrap items-center gap-4 print:hidden">
        <Link href={protocol.kind === "ORDINARY" ? `/kull/${cohort.id}/eksamen` : `/kull/${cohort.id}/eksamen/${protocol.id}`}>← Tilbake til eksamen</Link>
        <PrintButton />
      </div>
      <header>
        <h1>Eksamensprotokoll</h1>
        <p className="mt-2 text-lg">
          {protocol.programme} ({protocol.credits} studiepoeng), {protocol.cohort}
        </p>
      </header>
      <dl className="facts print:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Emnekode</dt>
        <dd>
          {protocol.courseCode}, versjon {protocol.courseVersion}
        </dd>
        <dt className="font-medium">Termin</dt>
        <dd>{protocol.term}</dd>
        <dt className="font-medium">Eksamen</dt>
        <dd>
          {protocol.kind === "ORDINARY" ? "" : `${protocol.kindLabel}: `}
          {protocol.title}, {formatDays([protocol.startsOn, protocol.endsOn])}
        </dd>
        <dt className="font-medium">Tid</dt>
        <dd>
          {formatExamMomentNb(protocol.startsAt)} – {formatExamMomentNb(protocol.handInAt)}
        </dd>
        <dt className="font-medium">Kandidater</dt>
        <dd>{protocol.students.length}</dd>
        <dt className="font-medium">Karakterer publisert</dt>
        <dd>{protocol.gradesPublishedAt ? "Ja" : "Nei"}</dd>
        <dt className="font-medium">Skrevet ut</dt>
        <dd>{formatDateNb(protocol.printedOn)}</dd>
      </dl>
      <DataTable caption="Kandidater og karakterer" captionVisible columns={COLUMNS} rows={protocol.students} rowKey={(row) => String(row.number)} empty="Ingen er meldt opp til eksamen." />
      <p className="text-sm">Karakterskala A–F, der A er beste karakter og F er ikke bestått.</p>
      <div className="grid gap-10 pt-8 sm:grid-cols-2 print:grid-cols-2">
        <div>
          <div className="h-12 border-b border-slate-900" />
          <p className="mt-1 text-sm">Sted og dato</p>
        </div>
        <div>
          <div className="h-12 border-b border-slate-900" />
          <p className="mt-1 text-sm">Fagansvarlig{protocol.academicLead ? `: ${protocol.academicLead}` : ""}</p>
        </div>
        <div>
          <div className="h-12 border-b border-slate-900" />
          <p className="mt-1 text-sm">Sensor</p>
        </div>
      </div>
    </article>
  );
}
