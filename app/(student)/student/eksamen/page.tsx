import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { StatusBadge } from "@/components/status-badge";
import { DeferralRequestForm } from "@/components/student/deferral-request-form";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { DoneMessage } from "@/components/ui/done-message";
import { registerForResitAction, withdrawFromResitAction } from "@/lib/actions/exam";
import { GRADE_DESCRIPTIONS } from "@/lib/domain/exam";
import { DEFERRAL_REASON_LABELS, DEFERRAL_STATUS_LABELS } from "@/lib/domain/exam-deferral";
import { EXAM_KIND_LABELS, SITTING_OUTCOME_LABELS } from "@/lib/domain/exam-sittings";
import { formatExamMomentNb } from "@/lib/domain/exam-time";
import { formatDateNb } from "@/lib/domain/format";
import { gradeRightsText } from "@/lib/domain/klage";
import { formatDateSpanNb } from "@/lib/domain/schedule";
import { readFlash } from "@/lib/http/flash";
import type { StudentOverview } from "@/lib/server/students/overview";
import { DEFERRAL_FLASH_COOKIE } from "@/lib/validation/exam";
import { loadStudent } from "../load";
import { DocumentLinks } from "@/components/ui/document-links";

export const metadata: Metadata = { title: "Eksamen" };

type Sitting = StudentOverview["exams"]["sittings"][number];

const STATUS: Record<NonNullable<Sitting["status"]>, { label: string; tone: "good" | "bad" | "wait" }> = {
  ADMITTED: { label: "Meldt opp", tone: "good" },
  WITHDRAWN: { label: "Meldt av", tone: "wait" },
  REFUSED: { label: "Ikke adgang (vedtak)", tone: "bad" },
  NOT_ATTENDED: { label: "Ikke møtt", tone: "bad" },
  DEFERRED: { label: "Utsatt", tone: "wait" },
};

/** After registering for ny eksamen or withdrawing (the button is gone, so the page says what was done). */
const RESIT_DONE: Record<string, string> = {
  "meldt-opp": "Du er meldt opp til ny eksamen. Du får en bekreftelse på e-post.",
  forbedring: "Du er meldt opp til ny eksamen for å forbedre karakteren. Den beste karakteren teller. Du får en bekreftelse på e-post.",
  "meldt-av": "Du er meldt av ny eksamen. Det teller ikke som et forsøk.",
};

/**
 * The student's exam across its sittings: the ordinary exam, utsatt eksamen and ny eksamen, with
 * start and hand-in (Oslo time), the task once it starts, every result, the grade that counts (the
 * best) and the attempts used; registering for ny eksamen and asking for utsatt eksamen.
 */
export default async function StudentExamPage({ searchParams }: { searchParams: Promise<{ "ny-eksamen"?: string | string[] }> }) {
  const { enrolments } = await loadStudent("/student/eksamen");
  const flash = await readFlash(DEFERRAL_FLASH_COOKIE);
  const done = (await searchParams)["ny-eksamen"];
  const doneMessage = typeof done === "string" ? (RESIT_DONE[done] ?? null) : null;
  const withExam = enrolments.filter((enrolment) => enrolment.exams.sittings.length > 0);
  return (
    <>
      <PageHeader
        title="Eksamen"
        lead="Eksamen er en individuell hjemmeeksamen over tre dager. Her ser du tidene, oppgaven når eksamen starter, resultatene dine og karakteren som teller."
      />
      {doneMessage ? <DoneMessage>{doneMessage}</DoneMessage> : null}
      {withExam.length === 0 ? (
        <p className="card">Kullet ditt har ingen eksamen i planen ennå.</p>
      ) : (
        <div className="space-y-10">
          {withExam.map((enrolment) => (
            <EnrolmentExam key={enrolment.enrolmentId} enrolment={enrolment} flash={flash} />
          ))}
        </div>
      )}
    </>
  );
}

function EnrolmentExam({ enrolment, flash }: { enrolment: StudentOverview; flash: { ok: boolean; message: string } | null }) {
  const { counting, attempts, rules, sittings } = enrolment.exams;
  const id = enrolment.enrolmentId;
  return (
    <article className="space-y-6" aria-labelledby={`kull-${id}`}>
      <h2 id={`kull-${id}`}>{enrolment.cohort.name}</h2>
      <section className="card" aria-labelledby={`teller-${id}`}>
        <h3 id={`teller-${id}`}>Karakteren som teller</h3>
        <p className="mt-2">
          {counting ? (
            <>
              <strong className="text-xl">{counting.grade}</strong> ({GRADE_DESCRIPTIONS[counting.grade]}), fra {EXAM_KIND_LABELS[counting.kind].toLowerCase()}
            </>
          ) : (
            "Ingen publisert karakter ennå."
          )}
        </p>
        <p className="mt-2 text-sm">
          Den beste karakteren fra alle forsøkene teller. Du har brukt {attempts.used} av {attempts.allowed} forsøk
          {rules.improvements > 0 ? `; har du bestått, kan du ta eksamen ${rules.improvements === 1 ? "én gang" : `${rules.improvements} ganger`} til for å forbedre karakteren` : ""}. «Ikke møtt» teller som et forsøk; å melde seg av før fristen og innvilget utsatt eksamen gjør det ikke.
        </p>
      </section>
      {sittings.map((sitting) => (
        <SittingCard key={sitting.id} sitting={sitting} flash={flash} adviser={enrolment.contacts.adviser} />
      ))}
    </article>
  );
}

function SittingCard({ sitting, flash, adviser }: { sitting: Sitting; flash: { ok: boolean; message: string } | null; adviser: { name: string; email: string } }) {
  const headingId = `sitting-${sitting.id}`;
  const result =
    sitting.outcome === "GRADED" && sitting.grade
      ? `${sitting.grade} (${GRADE_DESCRIPTIONS[sitting.grade]})`
      : sitting.outcome === "NOT_ATTENDED"
        ? SITTING_OUTCOME_LABELS.NOT_ATTENDED
        : sitting.status === "ADMITTED" && sitting.phase === "OVER"
          ? "Ikke publisert"
          : null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {sitting.kindLabel}: {sitting.title}
      </h3>
      <dl className="mt-3 facts">
        <dt className="font-medium">Dager</dt>
        <dd>{formatDateSpanNb([sitting.startsOn, sitting.endsOn])}</dd>
        <dt className="font-medium">Oppgaven gis ut</dt>
        <dd>{formatExamMomentNb(sitting.startsAt)} (norsk tid)</dd>
        <dt className="font-medium">Innlevering senest</dt>
        <dd>{formatExamMomentNb(sitting.handInAt)} (norsk tid)</dd>
        {sitting.registrationClosesOn ? (
          <>
            <dt className="font-medium">Oppmeldingsfrist</dt>
            <dd>{formatDateNb(sitting.registrationClosesOn)}</dd>
          </>
        ) : null}
        <dt className="font-medium">Din status</dt>
        <dd>
          {sitting.status ? (
            <StatusBadge tone={STATUS[sitting.status].tone}>{STATUS[sitting.status].label}</StatusBadge>
          ) : (
            "Ikke meldt opp"
          )}
          {sitting.status === "REFUSED" ? (
            <>
              {" "}
              <Link href="/student/brev">Les vedtaket under Brev</Link>
            </>
          ) : null}
        </dd>
        {result ? (
          <>
            <dt className="font-medium">Resultat</dt>
            <dd>{result}</dd>
          </>
        ) : null}
      </dl>
      {sitting.gradeRights ? (
        <div className="mt-4 rounded-md bg-slate-50 p-3">
          <h4 className="font-semibold">Begrunnelse og klage</h4>
          <p className="mt-1">{gradeRightsText(sitting.gradeRights, adviser)}</p>
        </div>
      ) : null}
      {sitting.task ? (
        <div className="mt-4 rounded-md bg-slate-50 p-3">
          <h4 className="font-semibold">Oppgaven{sitting.task.title ? `: ${sitting.task.title}` : ""}</h4>
          {sitting.task.text ? <p className="mt-2 whitespace-pre-line">{sitting.task.text}</p> : null}
          <DocumentLinks documents={sitting.task.documents} className="mt-2" />
        </div>
      ) : null}
      {sitting.deferral ? (
        <p className="mt-4">
          Søknad om utsatt eksamen ({DEFERRAL_REASON_LABELS[sitting.deferral.reason].toLowerCase()}), sendt {formatDateNb(sitting.deferral.requestedAt.toISOString().slice(0, 10))}:{" "}
          <strong>{DEFERRAL_STATUS_LABELS[sitting.deferral.status]}</strong>. {sitting.deferral.status !== "REQUESTED" ? <Link href="/student/brev">Se brevet under Brev.</Link> : null}
        </p>
      ) : null}
      {sitting.kind === "RESIT" && sitting.status !== "ADMITTED" ? (
        sitting.resitProblem ? (
          <p className="mt-4">{sitting.resitProblem.message}</p>
        ) : (
          <div className="mt-4">
            <ConfirmActionButton
              action={registerForResitAction}
              hidden={{ examId: sitting.id }}
              label="Meld deg opp til ny eksamen"
              title="Melde deg opp til ny eksamen?"
              confirmLabel="Meld meg opp"
            >
              <p>
                Eksamen starter {formatExamMomentNb(sitting.startsAt)} og leveres senest {formatExamMomentNb(sitting.handInAt)}. Du kan melde deg av til og med{" "}
                {sitting.registrationClosesOn ? formatDateNb(sitting.registrationClosesOn) : "fristen"} uten at det teller som et forsøk. Leverer du ikke, teller det som et forsøk.
              </p>
            </ConfirmActionButton>
          </div>
        )
      ) : null}
      {sitting.canWithdraw ? (
        <div className="mt-4">
          <ConfirmActionButton
            action={withdrawFromResitAction}
            hidden={{ examId: sitting.id }}
            className="btn-secondary"
            label="Meld meg av"
            context={sitting.kindLabel.toLowerCase()}
            title="Melde deg av ny eksamen?"
            confirmLabel="Meld meg av"
          >
            <p>
              Det teller ikke som et forsøk.
              {sitting.registrationClosesOn ? ` Du kan melde deg opp igjen til og med ${formatDateNb(sitting.registrationClosesOn)}.` : ""}
            </p>
          </ConfirmActionButton>
        </div>
      ) : null}
      {sitting.deferralProblem === null || sitting.deferral?.status === "REQUESTED" ? (
        <DeferralRequestForm
          examId={sitting.id}
          title={sitting.title}
          open={sitting.deferralProblem === null}
          deadlineText={`Søk senest ${formatDateNb(sitting.deferralDeadline)}, med dokumentasjon.`}
          flash={flash}
        />
      ) : null}
    </section>
  );
}
