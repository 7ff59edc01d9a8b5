import "server-only";
// One sitting of the kull's exam as its staff run it: the ordinary one (/kull/<id>/eksamen) or a
// later one (/kull/<id>/eksamen/<examId>: utsatt or ny eksamen). The same columns for each: the
// student's eligibility, their place at this sitting, the result here and the history with the
// grade that counts (the best, lib/domain/exam-sittings.ts).
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { formatDays } from "@/components/cohort-summary";
import { GradeForm } from "@/components/cohort/grade-form";
import { LaterSittingForm } from "@/components/cohort/later-sitting-form";
import { SittingTask } from "@/components/cohort/sitting-task";
import { EligibilityBadge } from "@/components/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { DoneMessage } from "@/components/ui/done-message";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EditToggle } from "@/components/ui/edit-toggle";
import {
  deleteLaterSittingAction,
  publishGradesAction,
  refuseExamAdmissionAction,
  registerEligibleAction,
  registerStudentAction,
  registerStudentForResitAction,
  withdrawFromExamAction,
} from "@/lib/actions/exam";
import { osloDate } from "@/lib/domain/application-deadline";
import { GRADE_DESCRIPTIONS } from "@/lib/domain/exam";
import { EXAM_KIND_LABELS, SITTING_OUTCOME_LABELS } from "@/lib/domain/exam-sittings";
import { formatExamMomentNb } from "@/lib/domain/exam-time";
import { countNoun, formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { readFlash } from "@/lib/http/flash";
import { isStaff } from "@/lib/permissions";
import { describeStandingChange, storedOutlook } from "@/lib/domain/standing";
import { getExamAdmission, type ExamAdmission } from "@/lib/server/exams/registration";
import { TASK_FLASH_COOKIE } from "@/lib/validation/exam";
import { found, loadCohortPage } from "../load";

const KLAGE = { RECEIVED: "klage under behandling", REVERSED: "klagen er tatt til følge", UPHELD: "klagen er ikke tatt til følge", SETTLED: "klagen er avsluttet", DISMISSED: "klagen er avvist (kom for sent)" } as const;

const DECISION_NEEDED = {
  REFUSAL_NEEDED: "Trenger nytt vedtak: er oppmeldt, men fyller ikke lenger kravene",
  ADMISSION_NEEDED: "Trenger nytt vedtak: fikk ikke adgang, men fyller nå kravene",
} as const;

type Student = ExamAdmission["students"][number];

export async function ExamSittingPage({
  params,
  examId,
  deleted = null,
}: {
  params: Promise<{ cohortId: string }>;
  examId: string | null;
  /** A later sitting of this kind was just deleted (deleteLaterSittingAction). */
  deleted?: "RESIT" | "DEFERRED" | null;
}) {
  const { viewer, cohort } = await loadCohortPage(params, examId ? `/eksamen/${examId}` : "/eksamen");
  const admission = await found(getExamAdmission(viewer, cohort.id, new Date(), examId));
  const { exam, counts } = admission;
  const base = `/kull/${cohort.id}/eksamen`;
  const ordinary = !exam || exam.kind === "ORDINARY";
  const hidden: Record<string, string> = ordinary ? { cohortId: cohort.id } : { cohortId: cohort.id, examId: exam.id };
  const adviser = isStaff(viewer);
  const flash = await readFlash(TASK_FLASH_COOKIE);
  const query = ordinary ? "" : `?eksamen=${exam.id}`;
  // Whom «Meld opp alle» registers (registeredByAll, the rule registerForExam follows), not the
  // viewer herself: a colleague registers her.
  const eligibleNotRegistered = admission.students.filter((s) => s.registeredByAll && !s.self);
  const selfLeftOut = admission.students.some((s) => s.registeredByAll && s.self);
  // As registerForExam: nobody is registered once the hand-in is past (SITTING_OVER).
  const registrationOpen = exam?.phase !== "OVER";
  const notEligible = admission.students.filter((s) => !s.admission.allowed);
  // Who "ikke adgang" is offered for now: not eligible and past reaching it (or the samlinger are
  // over), no decision yet (or registered without a grade).
  // Not the viewer herself: a list that names her is refused whole (refuseExamAdmission).
  const refusable = admission.students.filter((s) => s.refusable && !s.self);
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
          <EligibilityBadge eligibility={row.eligibility} />
          {row.change ? <p className="mt-1 text-sm text-slate-800">{describeStandingChange({ previousStatus: row.change.from, status: storedOutlook(row.change.to, row.eligibility), changedOn: osloDate(row.change.at), cause: row.change.cause, formatDate: formatDateNb })}</p> : null}
          {row.decisionNeeded ? <p className="mt-1 font-medium text-amber-900">{DECISION_NEEDED[row.decisionNeeded]}</p> : null}
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
        row.self ? (
          <OwnRow row={row} />
        ) : row.deferred ? (
          <p className="font-medium">Utsatt eksamen innvilget</p>
        ) : !ordinary && !row.registration && !row.refusal ? (
          exam?.kind === "RESIT" && row.resitProblem === null && adviser ? (
            <ActionButton action={registerStudentForResitAction} hidden={{ ...hidden, enrolmentId: row.enrolmentId }} className="btn-secondary min-h-10 px-3 py-1 text-sm" context={`${row.name} til ny eksamen`} pendingText="…">
              Meld opp
            </ActionButton>
          ) : (
            <span className="text-slate-700">Ikke oppmeldt{row.resitProblem ? `: ${row.resitProblem.staffMessage}` : ""}</span>
          )
        ) : row.registration ? (
          <div className="space-y-1">
            <p className="font-medium text-green-900">Oppmeldt</p>
            {row.deferral?.status === "REQUESTED" ? <p className="text-sm">Har søkt om utsatt eksamen</p> : null}
            {!row.registration.grade && !row.registration.notAttended ? (
              <ActionButton action={withdrawFromExamAction} hidden={{ ...hidden, enrolmentId: row.enrolmentId }} className="btn-secondary min-h-10 px-3 py-1 text-sm" context={row.name} pendingText="…">
                Meld av
              </ActionButton>
            ) : null}
            {row.refusable ? <RefuseButton hidden={hidden} row={row} /> : null}
          </div>
        ) : row.admission.allowed ? (
          row.refusal?.klage === "RECEIVED" ? (
            // She meets the requirements now and a klage on the refusal waits: taking it registers
            // her (admitAfterKlage), so the page leads there instead of to «Meld opp».
            <span className="text-slate-700">
              Ikke adgang ({KLAGE.RECEIVED}): ta klagen til følge under <Link href={`/kull/${cohort.id}/klager`}>Klager</Link>, så blir studenten meldt opp
            </span>
          ) : row.onLeave && !row.refusal ? (
            <span className="text-slate-700">Permisjon{row.withdrawn ? " (meldt av)" : ""}: meldes opp når studenten er tilbake</span>
          ) : !registrationOpen ? (
            row.refusal ? (
              // «Trenger nytt vedtak» after the hand-in: the refusal is lifted by letter, no registration (registerForExam).
              <div className="space-y-1">
                <p className="font-medium text-red-900">Ikke adgang (vedtak)</p>
                <ActionButton action={registerStudentAction} hidden={{ ...hidden, enrolmentId: row.enrolmentId }} className="btn-secondary min-h-10 px-3 py-1 text-sm" context={row.name} pendingText="…">
                  Opphev vedtaket
                </ActionButton>
              </div>
            ) : (
              <span className="text-slate-700">{row.withdrawn ? "Meldt av" : "Ikke oppmeldt"}</span>
            )
          ) : row.withdrawn ? (
            <div className="space-y-1">
              <p className="font-medium">Meldt av</p>
              <ActionButton action={registerStudentAction} hidden={{ ...hidden, enrolmentId: row.enrolmentId }} className="btn-secondary min-h-10 px-3 py-1 text-sm" context={row.name} pendingText="…">
                Meld opp igjen
              </ActionButton>
            </div>
          ) : (
            <ActionButton action={registerStudentAction} hidden={{ ...hidden, enrolmentId: row.enrolmentId }} className="btn-secondary min-h-10 px-3 py-1 text-sm" context={row.name} pendingText="…">
              Meld opp
            </ActionButton>
          )
        ) : row.refusal ? (
          <div className="space-y-1">
            <p className="font-medium text-red-900">Ikke adgang (vedtak)</p>
            <p className="text-sm text-slate-700">
              {formatInstantNb(row.refusal.decidedAt)} av {row.refusal.decidedBy}
              {row.refusal.klage ? `; ${KLAGE[row.refusal.klage]}` : row.refusal.klageDeadline ? `; klagefrist ${formatDateNb(row.refusal.klageDeadline)}` : ""}
            </p>
          </div>
        ) : (
          <div className="space-y-1">
            <span className="block text-slate-700">Ikke oppmeldt</span>
            {row.refusable ? <RefuseButton hidden={hidden} row={row} /> : null}
          </div>
        ),
    },
    {
      key: "grade",
      header: "Karakter",
      cell: (row) =>
        row.self && row.registration ? (
          <span>{row.registration.notAttended ? "Ikke møtt" : row.registration.grade ? `${row.registration.grade} (${GRADE_DESCRIPTIONS[row.registration.grade]})` : "Ikke satt"}</span>
        ) : row.registration && exam && exam.phase !== "OVER" && !row.registration.grade && !row.registration.notAttended ? (
          // setGrade takes no result before the hand-in (resultsNotYetProblem).
          <span className="text-sm">Settes etter innleveringen.</span>
        ) : row.registration && row.decisionNeeded === "REFUSAL_NEEDED" && !row.registration.grade && !row.registration.notAttended ? (
          // setGrade refuses a first result until the admission is decided (DECIDE_ADMISSION_FIRST).
          <span className="text-sm">Avgjør adgangen før resultatet settes.</span>
        ) : row.registration ? (
          <>
            <GradeForm
              cohortId={cohort.id}
              examId={ordinary ? undefined : exam?.id}
              enrolmentId={row.enrolmentId}
              name={row.name}
              grade={row.registration.notAttended ? "NOT_ATTENDED" : row.registration.grade}
            />
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
    {
      key: "history",
      header: "Alle forsøk",
      cell: (row) =>
        row.history.length === 0 ? (
          <span className="text-slate-700">–</span>
        ) : (
          <>
            <ul className="space-y-1 text-sm">
              {row.history.map((item) => (
                <li key={item.examId}>
                  {EXAM_KIND_LABELS[item.kind]} {formatDateNb(item.startsOn)}: {item.outcome === "GRADED" ? item.grade : SITTING_OUTCOME_LABELS[item.outcome]}
                </li>
              ))}
            </ul>
            <p className="mt-1 text-sm font-medium">
              {row.counting ? `Teller: ${row.counting.grade}` : "Ingen karakter ennå"} · {row.attempts.used} av {row.attempts.allowed} forsøk brukt
            </p>
          </>
        ),
    },
  ];
  const title = ordinary ? `Eksamen, ${cohort.name}` : `${exam.kindLabel}, ${cohort.name}`;
  return (
    <>
      <PageHeader
        title={title}
        lead={
          ordinary
            ? "Bare studenter som fyller kravene til oppmøte og arbeidskrav kan meldes opp. Den som ikke fyller dem, får et vedtak om ikke adgang (enkeltvedtak med klagefrist). Systemet sjekker kravene på nytt i det du melder opp eller sender vedtak."
            : exam.kind === "RESIT"
              ? "Ny eksamen er for studenter som ikke har bestått (eller kan forbedre karakteren), har forsøk igjen og fyller kravene. De melder seg opp selv innen fristen, eller studieveilederen melder dem opp."
              : "Utsatt eksamen er for studenter som har fått innvilget utsettelse. De blir meldt opp når søknaden innvilges."
        }
      />
      {deleted ? <DoneMessage>{EXAM_KIND_LABELS[deleted]} er slettet.</DoneMessage> : null}
      <nav aria-label="Eksamener i kullet" className="card mb-6">
        <h2 className="text-lg">Eksamener i kullet</h2>
        <ul className="mt-2 space-y-1">
          {admission.sittings.map((sitting) => (
            <li key={sitting.id}>
              <Link href={sitting.kind === "ORDINARY" ? base : `${base}/${sitting.id}`} aria-current={sitting.current ? "page" : undefined} className={sitting.current ? "font-semibold" : undefined}>
                {sitting.kindLabel}: {sitting.title}
              </Link>{" "}
              <span className="text-sm text-slate-700">
                ({formatDays([sitting.startsOn, sitting.endsOn])}, {sitting.registered} oppmeldt)
              </span>
            </li>
          ))}
        </ul>
        <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
          {admission.sittings.some((sitting) => sitting.kind === "ORDINARY") ? (
            <li>
              <Link href={`${base}/ny`}>Legg til utsatt eksamen eller ny eksamen</Link>
            </li>
          ) : null}
          <li>
            <Link href={`${base}/utsatt`}>Søknader om utsatt eksamen{counts.deferralsWaiting > 0 ? ` (${counts.deferralsWaiting} venter)` : ""}</Link>
          </li>
        </ul>
      </nav>
      {!exam ? (
        <p className="card">
          Kullet har ingen eksamen i planen ennå. <Link href={`/kull/${cohort.id}/plan#eksamen`}>Legg inn eksamensdagene under Plan.</Link>
        </p>
      ) : (
        <div className="space-y-6">
          <section className="card space-y-4" aria-labelledby="eksamen-heading">
            <h2 id="eksamen-heading">{exam.title}</h2>
            <dl className="facts">
              <dt className="font-medium">Dager</dt>
              <dd>{formatDays([exam.startsOn, exam.endsOn])}</dd>
              <dt className="font-medium">Oppgaven gis ut</dt>
              <dd>{formatExamMomentNb(exam.startsAt)}</dd>
              <dt className="font-medium">Innlevering senest</dt>
              <dd>{formatExamMomentNb(exam.handInAt)}</dd>
              {exam.registrationClosesOn ? (
                <>
                  <dt className="font-medium">Oppmeldingsfrist</dt>
                  <dd>{formatDateNb(exam.registrationClosesOn)}</dd>
                </>
              ) : null}
              <dt className="font-medium">Oppmeldt</dt>
              <dd>
                {counts.registered} av {countNoun(admission.students.length, "student", "studenter")}
              </dd>
              <dt className="font-medium">Resultater</dt>
              <dd>
                {exam.phase !== "OVER" && counts.graded === 0 ? (
                  `settes etter innleveringsfristen ${formatExamMomentNb(exam.handInAt)}`
                ) : (
                  <>
                    {counts.graded} av {counts.registered} satt ·{" "}
                    {exam.gradesPublishedAt ? `publisert ${formatInstantNb(exam.gradesPublishedAt)}` : "ikke publisert (studentene ser «ikke publisert»)"}
                  </>
                )}
              </dd>
            </dl>
            <div className="flex flex-wrap gap-4">
              {/* The buttons stay after use (disabled), so their result stays in view. */}
              {ordinary ? (
                <ConfirmActionButton
                  action={registerEligibleAction}
                  hidden={hidden}
                  disabled={eligibleNotRegistered.length === 0 || !registrationOpen}
                  label={
                    !registrationOpen
                      ? "Innleveringen er over: ingen kan meldes opp"
                      : eligibleNotRegistered.length > 0
                        ? `Meld opp alle som fyller kravene (${eligibleNotRegistered.length})`
                        : selfLeftOut
                          ? "Alle andre som fyller kravene, er meldt opp (en kollega melder deg opp)"
                          : "Alle som fyller kravene, er meldt opp"
                  }
                  title={`Melde opp ${countNoun(eligibleNotRegistered.length, "student", "studenter")}?`}
                  confirmLabel={`Meld opp ${eligibleNotRegistered.length}`}
                >
                  <p>Disse fyller kravene og blir meldt opp til eksamen. De får e-post om det.{selfLeftOut ? " Du selv er ikke med: en kollega melder deg opp." : ""}</p>
                  <ul className="list-disc pl-5">
                    {eligibleNotRegistered.map((student) => (
                      <li key={student.enrolmentId}>{student.name}</li>
                    ))}
                  </ul>
                  {notEligible.length > 0 ? <p>{notEligible.length} som ikke fyller kravene, blir ikke meldt opp.</p> : null}
                </ConfirmActionButton>
              ) : null}
              {refusable.length > 0 ? (
                <ConfirmActionButton
                  action={refuseExamAdmissionAction}
                  hidden={{ ...hidden, enrolmentIds: refusable.map((student) => student.enrolmentId).join(",") }}
                  className="btn-secondary"
                  label={`Ikke adgang for alle som ikke fyller kravene (${refusable.length})`}
                  title={`Vedta ikke adgang til eksamen for ${refusable.length} ${refusable.length === 1 ? "student" : "studenter"}?`}
                  confirmLabel={`Send ${refusable.length} vedtak`}
                  tone="danger"
                >
                  <p>Hver av dem får et vedtaksbrev (enkeltvedtak) med begrunnelsen under, hjemmelen og klagefristen:</p>
                  <ul className="list-disc space-y-1 pl-5">
                    {refusable.map((student) => (
                      <li key={student.enrolmentId}>
                        <span className="font-medium">{student.name}</span>: {student.reasons.join(" ")}
                      </li>
                    ))}
                  </ul>
                  <p>Har noen av dem fått rett til å gå opp siden siden ble lastet, sendes ingen vedtak.</p>
                </ConfirmActionButton>
              ) : null}
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
                    {countNoun(counts.graded, "student", "studenter")} ser resultatet sitt fra nå av, og får e-post om det.
                    {counts.registered > counts.graded ? ` ${counts.registered - counts.graded} mangler fortsatt resultat; de ser det så snart det er satt.` : ""}
                  </p>
                </ConfirmActionButton>
              ) : null}
            </div>
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              <li>
                <a href={`${base}/fs-eksport${query}`} download>
                  Last ned resultater for FS (CSV, emne {cohort.programme.fsCourseCode})
                </a>
              </li>
              <li>
                <Link href={`${base}/protokoll${query}`}>Eksamensprotokoll for utskrift</Link>
              </li>
            </ul>
          </section>
          {/* Every sitting's task, the ordinary one's too: its students see it from the start. */}
          <section className="card space-y-4" aria-labelledby="oppgave-heading">
            <h2 id="oppgave-heading">Oppgaven</h2>
            <SittingTask
              cohortId={cohort.id}
              examId={exam.id}
              title={exam.task.title}
              text={exam.task.text}
              documents={exam.task.documents}
              removable={exam.phase === "BEFORE"}
              editable={exam.phase !== "OVER"}
              flash={flash}
            />
          </section>
          {!ordinary ? (
            <>
              {exam.phase === "BEFORE" ? (
                <EditToggle className="card" summaryClassName="cursor-pointer font-semibold" summary="Endre dager og tider">
                  <div className="mt-4">
                    <LaterSittingForm
                      cohortId={cohort.id}
                      values={{
                        examId: exam.id,
                        kind: exam.kind === "RESIT" ? "RESIT" : "DEFERRED",
                        title: exam.title,
                        ...exam.times,
                        registrationClosesOn: exam.registrationClosesOn ?? "",
                      }}
                    />
                  </div>
                </EditToggle>
              ) : null}
              {exam.phase === "BEFORE" && counts.registered === 0 ? (
                <section className="card space-y-2" aria-labelledby="slett-heading">
                  <h2 id="slett-heading">Slett eksamenen</h2>
                  <p className="text-sm">Ingen er meldt opp. Er eksamenen lagt inn ved en feil (for eksempel to ganger), kan du slette den.</p>
                  <ConfirmActionButton
                    action={deleteLaterSittingAction}
                    hidden={{ cohortId: cohort.id, examId: exam.id }}
                    className="btn-danger"
                    tone="danger"
                    label={`Slett ${exam.kindLabel.toLowerCase()}`}
                    title={`Slette ${exam.kindLabel.toLowerCase()}?`}
                    confirmLabel="Ja, slett"
                  >
                    <p>
                      {exam.kindLabel} {formatDays([exam.startsOn, exam.endsOn])} slettes{exam.task.documents.length > 0 ? ", med oppgavefilene" : ""}. Studentene ser den ikke lenger.
                    </p>
                  </ConfirmActionButton>
                </section>
              ) : null}
            </>
          ) : null}
          {counts.decisionNeeded > 0 ? (
            <section className="card space-y-2 border-red-700" aria-labelledby="beslutning-heading">
              <h2 id="beslutning-heading">Trenger nytt vedtak ({counts.decisionNeeded})</h2>
              <p>Statusen til disse har endret seg etter vedtaket om eksamen, så vedtaket stemmer ikke lenger med kravene:</p>
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
                {counts.refused > 0 ? ` ${counts.refused} har fått vedtak om ikke adgang.` : ""}
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

/** "Ikke adgang" for one student, behind the confirmation that says what the letter will hold. */
function RefuseButton({ hidden, row }: { hidden: Record<string, string>; row: Student }) {
  return (
    <ConfirmAction
      action={refuseExamAdmissionAction}
      hidden={{ ...hidden, enrolmentIds: row.enrolmentId }}
      trigger="Ikke adgang"
      context={`til eksamen for ${row.name}`}
      question={`Vedta at ${row.name} ikke får gå opp til eksamen?`}
      consequence={`Vedtaket er et enkeltvedtak. ${row.name} får brev med begrunnelsen (${row.reasons.join(" ")}), hjemmelen og klagefristen.`}
      confirm="Ja, send vedtaket"
      size="small"
    />
  );
}

/**
 * The viewer's own row (a teacher who is also a student of the kull): where she stands at this
 * sitting, and no action, since a colleague decides every step of it (forvaltningsloven § 6).
 */
function OwnRow({ row }: { row: Student }) {
  const where = row.deferred
    ? "Utsatt eksamen innvilget"
    : row.registration
      ? "Oppmeldt"
      : row.refusal
        ? "Ikke adgang (vedtak)"
        : row.withdrawn
          ? "Meldt av"
          : "Ikke oppmeldt";
  return (
    <div className="space-y-1">
      <p className="font-medium">{where}</p>
      <p className="text-sm text-slate-700">Dette er deg: en kollega melder opp, melder av, vedtar og setter karakter (forvaltningsloven § 6).</p>
    </div>
  );
}
