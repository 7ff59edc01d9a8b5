import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { arbeidskravStatus, StatusBadge } from "@/components/status-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { groupRuleNb } from "@/lib/domain/coursework";
import { formatDateNb, joinNb } from "@/lib/domain/format";
import type { StudentArbeidskrav } from "@/lib/server/students/overview";
import { loadStudent } from "../load";

export const metadata: Metadata = { title: "Arbeidskrav" };

const columns: Column<StudentArbeidskrav>[] = [
  {
    key: "title",
    header: "Arbeidskrav",
    rowHeader: true,
    cell: (item) => (
      <>
        <Link href={`/student/arbeidskrav/${item.id}`}>{item.title}</Link>
        {item.oralPresentation ? <span className="block text-sm font-normal text-slate-700">Legges også fram muntlig</span> : null}
        {item.required ? null : <span className="block text-sm font-normal text-slate-700">Valgfritt: teller ikke med for eksamen</span>}
      </>
    ),
  },
  {
    key: "deadline",
    header: "Frist",
    cell: (item) => (item.status === "NOT_APPROVED" && !item.finalRejection ? `Ny frist ${formatDateNb(item.deadline)}` : formatDateNb(item.dueDate)),
  },
  {
    key: "status",
    header: "Status",
    cell: (item) => {
      const status = arbeidskravStatus(item.status, item.finalRejection);
      const late = item.submission?.attempts.at(-1)?.late;
      return (
        <span className="flex flex-wrap items-center gap-2">
          <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
          {late ? <StatusBadge tone="wait">Levert for sent</StatusBadge> : null}
        </span>
      );
    },
  },
  {
    key: "group",
    header: "Gruppe",
    cell: (item) =>
      item.submission && item.submission.members.length > 1
        ? joinNb(item.submission.members.map((member) => (member.isViewer ? `${member.name} (deg)` : member.name)))
        : groupRuleNb(item),
  },
];

export default async function ArbeidskravList() {
  const { enrolments } = await loadStudent("/student/arbeidskrav");
  return (
    <>
      <PageHeader title="Arbeidskrav" lead="Alle arbeidskravene må være godkjent før du kan gå opp til eksamen. Velg et arbeidskrav for å levere det." />
      {enrolments.length === 0 ? <p className="card">Du er ikke registrert i noe kull ennå.</p> : null}
      <div className="space-y-8">
        {enrolments.map((enrolment) => (
          <section key={enrolment.enrolmentId} className="card" aria-labelledby={`liste-${enrolment.enrolmentId}`}>
            <h2 id={`liste-${enrolment.enrolmentId}`}>
              {enrolment.cohort.name}: {enrolment.eligibility.arbeidskrav.approved} av {enrolment.eligibility.arbeidskrav.required} godkjent
            </h2>
            <div className="mt-4">
              <DataTable caption={`Arbeidskrav i ${enrolment.cohort.name}`} columns={columns} rows={enrolment.arbeidskrav} rowKey={(item) => item.id} />
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
