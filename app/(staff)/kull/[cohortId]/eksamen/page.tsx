import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { formatDays } from "@/components/cohort-summary";
import { GradeForm } from "@/components/cohort/grade-form";
import { StatusBadge } from "@/components/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { publishGradesAction, registerEligibleAction, registerStudentAction, withdrawFromExamAction } from "@/lib/actions/exam";
import { FS_COURSE_CODE } from "@/lib/domain/exam-results";
import { osloDate } from "@/lib/domain/application-deadline";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { describeStandingChange } from "@/lib/domain/standing";
import { getExamAdmission, type ExamAdmission } from "@/lib/server/exams/registration";
import { found, loadCohortPage } from "../load";

export const metadata: Metadata = { title: "Eksamen" };

const ELIGIBILITY = {
  ELIGIBLE: { label: "Fyller kravene", tone: "good" },
  ON_TRACK: { label: "Fyller ikke kravene ennå", tone: "wait" },
  NOT_ELIGIBLE: { label: "Kan ikke nå oppmøtekravet", tone: "bad" },
} as const;

type Student = ExamAdmission["students"][number];

export default async function ExamPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { viewer, cohort } = await loadCohortPage(params, "/eksamen");
  const admission = await found(getExamAdmission(viewer, cohort.id));
  const { exam, counts } = admission;
  const base = `/kull/${cohort.id}/eksamen`;
  const hidden = { cohortId: cohort.id };
  const eligibleNotRegistered = admission.students.filter((s) => s.admission.allowed && !s.registration);
  const notEligible = admission.students.filter((s) => !s.admission.allowed);
  const columns: Column<Student>[] = [
    {
      key: "name",
      header: "Student",
      rowHeader: true,
      cell: (row) => (
        <>
          {row.name}
          <span className="block text-sm font-normal text-slate-700">{row.basisgruppe ?? row.email}</span>
        </>
      ),
    },
    {
      key: "eligibility",
      header: "Krav",
      cell: (row) => (
        <>
          <StatusBadge tone={ELIGIBILITY[row.eligibility.status].tone}>{ELIGIBILITY[row.eligibility.status].label}</StatusBadge>
          {row.change ? <p className="mt-1 text-sm text-slate-800">{describeStandingChange({ previousStatus: row.change.from, status: row.change.to, changedOn: osloDate(row.change.at), cause: row.change.cause, formatDate: formatDateNb })}</p> : null}
          {row.reasons.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {row.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : null}
        </>
      ),
    },
    {
      key: "registration",
      header: "Oppmelding",
      cell: (row) =>
        row.registration ? (
          <div className="space-y-1">
            <p className="font-medium text-green-900">Oppmeldt</p>
            {row.decisionNeeded === "NO_LONGER_ELIGIBLE" ? (
              <p>
                <StatusBadge tone="bad">Trenger en beslutning</StatusBadge>
                <span className="block text-sm">Fyller ikke lenger kravene. Meld av, eller vent hvis et arbeidskrav snart er vurdert.</span>
              </p>
            ) : null}
            {!row.registration.grade ? (
              <ActionButton action={withdrawFromExamAction} hidden={{ ...hidden, enrolmentId: row.enrolmentId }} className="btn-secondary min-h-10 px-3 py-1 text-sm" label={`Meld av ${row.name}`} pendingText="…">
                Meld av
              </ActionButton>
            ) : null}
          </div>
        ) : row.admission.allowed ? (
          <ActionButton action={registerStudentAction} hidden={{ ...hidden, enrolmentId: row.enrolmentId }} className="btn-secondary min-h-10 px-3 py-1 text-sm" label={`Meld opp ${row.name}`} pendingText="…">
            Meld opp
          </ActionButton>
        ) : (
          <span className="text-slate-700">Ikke oppmeldt</span>
        ),
    },
    {
      key: "grade",
      header: "Karakter",
      cell: (row) =>
        row.registration ? (
          <>
            <GradeForm cohortId={cohort.id} enrolmentId={row.enrolmentId} name={row.name} grade={row.registration.grade} />
            {row.registration.gradedAt ? (
              <p className="mt-1 text-xs text-slate-700">
                Satt {formatInstantNb(row.registration.gradedAt)}
                {row.registration.gradedBy ? ` av ${row.registration.gradedBy}` : ""}
              </p>
            ) : null}
          </>
        ) : (
          <span className="text-slate-700">–</span>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={`Eksamen, ${cohort.name}`} lead="Bare studenter som fyller kravene til oppmøte og arbeidskrav kan meldes opp. Systemet sjekker kravene på nytt i det du melder opp." />
      {!exam ? (
        <p className="card">
          Kullet har ingen eksamen i planen ennå. <Link href={`/kull/${cohort.id}/plan#eksamen`}>Legg inn eksamensdagene under Plan.</Link>
        </p>
      ) : (
        <div className="space-y-6">
          <section className="card space-y-4" aria-labelledby="eksamen-heading">
            <h2 id="eksamen-heading">{exam.title}</h2>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">Dager</dt>
              <dd>{formatDays([exam.startsOn, exam.endsOn])}</dd>
              <dt className="font-medium">Oppmeldt</dt>
              <dd>
                {counts.registered} av {admission.students.length} studenter
              </dd>
              <dt className="font-medium">Karakterer</dt>
              <dd>
                {counts.graded} av {counts.registered} satt ·{" "}
                {exam.gradesPublishedAt ? `publisert ${formatInstantNb(exam.gradesPublishedAt)}` : "ikke publisert (studentene ser «ikke publisert»)"}
              </dd>
            </dl>
            <div className="flex flex-wrap gap-4">
              {/* The buttons stay after use (disabled), so their result stays in view. */}
              <ConfirmActionButton
                action={registerEligibleAction}
                hidden={hidden}
                disabled={eligibleNotRegistered.length === 0}
                label={
                  eligibleNotRegistered.length > 0
                    ? `Meld opp alle som fyller kravene (${eligibleNotRegistered.length})`
                    : "Alle som fyller kravene, er meldt opp"
                }
                title={`Melde opp ${eligibleNotRegistered.length} studenter?`}
                confirmLabel={`Meld opp ${eligibleNotRegistered.length}`}
              >
                <p>Disse fyller kravene og blir meldt opp til eksamen. De får e-post om det.</p>
                <ul className="list-disc pl-5">
                  {eligibleNotRegistered.map((student) => (
                    <li key={student.enrolmentId}>{student.name}</li>
                  ))}
                </ul>
                {notEligible.length > 0 ? <p>{notEligible.length} som ikke fyller kravene, blir ikke meldt opp.</p> : null}
              </ConfirmActionButton>
              {counts.graded > 0 || exam.gradesPublishedAt ? (
                <ConfirmActionButton
                  action={publishGradesAction}
                  hidden={hidden}
                  disabled={exam.gradesPublishedAt !== null}
                  className="btn-secondary"
                  label={exam.gradesPublishedAt ? "Karakterene er publisert" : "Publiser karakterene"}
                  title="Publisere karakterene?"
                  confirmLabel="Publiser"
                >
                  <p>
                    {counts.graded} studenter ser karakteren sin fra nå av, og får e-post om det.
                    {counts.registered > counts.graded ? ` ${counts.registered - counts.graded} mangler fortsatt karakter; de ser den så snart den er satt.` : ""}
                  </p>
                </ConfirmActionButton>
              ) : null}
            </div>
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              <li>
                <a href={`${base}/fs-eksport`} download>
                  Last ned resultater for FS (CSV, emne {FS_COURSE_CODE})
                </a>
              </li>
              <li>
                <Link href={`${base}/protokoll`}>Eksamensprotokoll for utskrift</Link>
              </li>
            </ul>
          </section>
          {counts.decisionNeeded > 0 ? (
            <section className="card space-y-2 border-red-700" aria-labelledby="beslutning-heading">
              <h2 id="beslutning-heading">Trenger en beslutning ({counts.decisionNeeded})</h2>
              <p>Statusen til disse har endret seg etter at de ble meldt opp, så oppmeldingen stemmer ikke lenger med kravene:</p>
              <ul className="list-disc pl-5">
                {admission.students
                  .filter((student) => student.decisionNeeded)
                  .map((student) => (
                    <li key={student.enrolmentId}>
                      {student.name}: {student.change?.cause ?? "statusen er endret"}.
                    </li>
                  ))}
              </ul>
            </section>
          ) : null}
          <section className="card" aria-labelledby="studenter-heading">
            <h2 id="studenter-heading">Studentene</h2>
            {notEligible.length > 0 ? (
              <p className="mt-2 text-slate-700">
                {notEligible.length} {notEligible.length === 1 ? "student fyller" : "studenter fyller"} ikke kravene og kan ikke meldes opp. Begrunnelsen står ved navnet.
              </p>
            ) : null}
            <div className="mt-4">
              <DataTable caption="Studentene, kravene, oppmelding og karakter" columns={columns} rows={admission.students} rowKey={(row) => row.enrolmentId} />
            </div>
          </section>
        </div>
      )}
    </>
  );
}
