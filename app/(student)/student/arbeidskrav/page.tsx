import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { arbeidskravStatus, StatusBadge } from "@/components/status-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { groupRuleNb } from "@/lib/domain/coursework";
import { formatDateNb, joinNb } from "@/lib/domain/format";
import type { StudentArbeidskrav } from "@/lib/server/students/overview";
import { AttemptHistory } from "@/components/student/attempt-history";
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
      const status = arbeidskravStatus(item.status, item);
      const late = item.submission?.attempts.at(-1)?.late;
      return (
        <span className="flex flex-wrap items-center gap-2">
          <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
          {late ? <StatusBadge tone="wait">Levert for sent</StatusBadge> : null}
          {item.credit ? (
            <span className="text-sm text-slate-700">
              Overført: {item.credit.title}, {item.credit.cohortName}
            </span>
          ) : null}
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
            {enrolment.earlier.map((old) => (
              <div key={old.enrolmentId} className="mt-8">
                <h3 className="text-xl">Fra {old.cohortName}</h3>
                <p className="mt-1 text-slate-700">
                  Det du leverte i {old.cohortName} før du ble overført{old.endedOn ? ` ${formatDateNb(old.endedOn)}` : ""}, med tilbakemeldingene. Det som er godkjent her,
                  står som overført i listen over.
                </p>
                <ul className="mt-3 space-y-3">
                  {old.arbeidskrav.map((item) => {
                    const status = arbeidskravStatus(item.status);
                    return (
                      <li key={item.id} className="rounded-md border border-slate-300 p-3">
                        <p className="flex flex-wrap items-center gap-2">
                          <span className="font-medium">{item.title}</span>
                          <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                          {item.credited ? <StatusBadge tone="good">Godkjent i {enrolment.cohort.name}</StatusBadge> : null}
                        </p>
                        {item.attempts.length > 0 ? (
                          <details className="mt-2">
                            <summary className="cursor-pointer">
                              Innleveringer og tilbakemeldinger ({item.attempts.length})
                            </summary>
                            <AttemptHistory attempts={item.attempts} level="h4" />
                          </details>
                        ) : (
                          <p className="mt-1 text-sm text-slate-700">Ikke levert i {old.cohortName}.</p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </div>
    </>
  );
}
